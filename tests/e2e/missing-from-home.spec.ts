import { expect, test } from '@playwright/test';
import { chooseInPicker, expectAccessible, signInAs, openCasework } from './helpers';

/**
 * Missing-from-home episodes (issue 25) in the browser: business support finds the page from the
 * navigation and records Kai missing two
 * days ago with 24 hours agreed before a conference, through the page; not found in that time,
 * the episode says to escalate now, to a child protection conference. They record the escalation,
 * then Kai found, and the return interview falls due. The page is checked with axe. A parent is
 * offered no link, and the page answers 404. The spec's episode is its own; the demo has none.
 */

/** A London calendar day `days` before today, as a date field takes it. */
const daysAgo = (days: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
		new Date(Date.now() - days * 86_400_000)
	);

test('an episode recorded on the page escalates on its clock, then the young person is found', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'admin@demo.test');
	await openCasework(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Missing from home' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Missing from home' })).toBeVisible();
	await page.locator('html[data-ready="true"]').waitFor();

	await chooseInPicker(page, { label: 'Who is missing?', search: 'Kai', option: 'Kai Morgan' });
	await page.getByLabel('The day they went missing').fill(daysAgo(2));
	await page.getByLabel('The time they went missing (UK)').fill('10:00');
	await page.getByLabel('Who reported them missing').fill('Foster carer');
	await page.getByLabel('Hours agreed before escalating').fill('24');
	await page.getByRole('radio', { name: 'Child protection conference' }).check();
	await page.getByRole('button', { name: 'Record the young person missing' }).click();

	const row = page
		.getByTestId('open-episodes')
		.locator('tbody tr')
		.filter({ hasText: 'Kai Morgan' })
		.filter({ hasText: 'Foster carer' })
		.last();
	await expect(row).toContainText('Escalate now to child protection conference');
	await expect(row).toContainText('Still missing');
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/missing-from-home.png', fullPage: true });

	await row.getByRole('button', { name: 'Record the escalation' }).click();
	await expect(row).toContainText('Escalated to child protection conference');

	await row.getByLabel('Time found (UK)').fill('00:01');
	await row.getByLabel('Where they were found').fill('A friend’s flat');
	await row.getByRole('button', { name: 'Record found' }).click();
	await expect(row).toContainText('A friend’s flat');
	await expect(row).toContainText('Return interview due by');
	await expect(row.getByRole('button', { name: 'Record the return interview' })).toBeVisible();
	await expectAccessible(page);
});

test('a parent is offered no link, and the page answers 404', async ({ page }) => {
	await signInAs(page, 'parent@demo.test');
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Missing from home' })
	).toHaveCount(0);
	// Nor the Casework list it would be in.
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByText('Casework', { exact: true })
	).toHaveCount(0);
	const answer = await page.goto('/missing');
	expect(answer?.status()).toBe(404);
});
