import { expect, test } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

// Issue 27: a family's phone opens on now, on a copy of Mia Price's live conference of its own
// (so no other spec's ending it matters, whatever the order).
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('a parent’s phone opens a live meeting on the chair’s section, named in the family’s words, the register and forms folded', async ({
	browser
}) => {
	const CONFERENCE = await copyDemoMeeting(demoMeetings.miaConference);
	const context = await browser.newContext(phone);
	const page = await context.newPage();
	await signInAs(page, 'other.parent@demo.test');
	await page.goto(`/meetings/${CONFERENCE}`);

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meeting to keep Mia safe');
	const now = page.getByTestId('family-now');
	await expect(now).toContainText('Now:');
	// In the first screen, without scrolling.
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	const box = await now.boundingBox();
	expect(box).not.toBeNull();
	expect(box!.y + box!.height).toBeLessThanOrEqual(844);
	// The register and what was written before the meeting are folded away.
	await expect(page.locator('details.people-panel')).not.toHaveAttribute('open', '');
	await expect(page.getByTestId('fold-voices')).not.toHaveAttribute('open', '');
	await expect(page.getByRole('heading', { name: 'Heard before the meeting' })).toBeHidden();
	// Now comes before the register on the page.
	const nowTop = box!.y;
	const registerTop = (await page.locator('details.people-panel').boundingBox())!.y;
	expect(nowTop).toBeLessThan(registerTop);

	// The plan in easy read, beside the plain words: short lines, one idea a line.
	await page.getByRole('radio', { name: /easy read/ }).check();
	const easy = page.getByTestId('easy-read-plan');
	await expect(easy.locator('li').first()).toBeVisible();
	for (const line of await easy.locator('li').allInnerTexts())
		expect(line.length).toBeLessThanOrEqual(90);
	await expectAccessible(page);
	await context.close();
});
