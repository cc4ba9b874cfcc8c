import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

// Runs last: it ends the demo's filled-in conference (Mia's), which other suites read while live.
const MIA_CONFERENCE = '00000000-0000-4000-8000-000000000308';

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
