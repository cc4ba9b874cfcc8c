import { expect, test } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

// It ends a copy of the demo's filled-in conference (Mia's), its own: the demo's stays live for
// the specs that read it.
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let MIA_CONFERENCE: string;
test.beforeAll(async () => {
	MIA_CONFERENCE = await copyDemoMeeting(demoMeetings.miaConference);
});

test('the chair ends the demo conference and opens the 24-hour plan; the parent reads the parent plan on a phone', async ({
	page,
	browser
}) => {
	await signInAs(page, 'chair@demo.test');
	await page.goto(`/meetings/${MIA_CONFERENCE}`);
	await expect(
		page.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
	await page.getByRole('button', { name: 'End meeting' }).click();
	await page.getByRole('button', { name: 'End meeting and make the documents' }).click();

	// The 24-hour plan opens: the decision and why, the dissent, every action with who and when.
	await expect(page).toHaveURL(/\/documents\//);
	const plan = page.getByRole('main');
	await expect(plan).toContainText('Mia Price');
	await expect(plan).toContainText('emotional abuse');
	await expect(plan).toContainText('No one was hurt and Jordan is working with us');
	await expect(plan).toContainText('Take Mia to school every Monday');
	await expect(plan).not.toContainText('Intelligence');
	await expectAccessible(page);

	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const dad = await phone.newPage();
	await signInAs(dad, 'other.parent@demo.test');
	await dad.goto(`/meetings/${MIA_CONFERENCE}`);
	const links = dad.getByRole('region', { name: 'Documents from this meeting' }).getByRole('link');
	await expect(links.filter({ hasText: /plan/i }).first()).toBeVisible();
	const texts = await links.allInnerTexts();
	expect(texts.join(' ')).not.toMatch(/notes|24-hour/i);
	await links.filter({ hasText: /plan/i }).first().click();
	await expect(dad.getByRole('main')).toContainText('Jordan');
	await expect(dad.getByRole('main')).not.toContainText('Intelligence');
	await expect(dad.getByRole('main')).not.toContainText(/\bICPC\b|\bPLO\b/);
	const overflow = await dad.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(dad);
	await phone.close();
});
