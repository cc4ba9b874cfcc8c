import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs, openCasework } from './helpers';

/**
 * Regulation 33 visits (issue 25) in the browser: the unit's manager finds "Children’s homes" in
 * the navigation and sees the demo's Inglefield first, overdue (not visited last month). They
 * record a home of this run's own, record a visit to it today by the reviewing officer, write its
 * findings, read the report as it will be sent (made from what they wrote) and send it to the
 * registered manager. Both pages are checked with axe. A parent is offered no link, and the page
 * answers 404.
 */

test('a home overdue comes first; a visit is recorded, its findings written and its report sent', async ({
	page
}) => {
	test.setTimeout(60_000);
	await signInAs(page, 'manager@demo.test');
	await openCasework(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Children’s homes' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Children’s homes' })).toBeVisible();
	const first = page.getByTestId('homes').locator('tbody tr').first();
	await expect(first).toContainText('Inglefield');
	await expect(first).toContainText('Overdue');
	await expectAccessible(page);

	const run = Date.now().toString(36);
	await page.getByLabel('The home’s name').fill(`Maple Lodge ${run}`);
	await page.getByLabel('Ofsted URN').fill(`SC${String(Date.now() % 1_000_000).padStart(6, '0')}`);
	await page.getByLabel('Registered manager’s name').fill('Jo Maple');
	await page.getByLabel('Registered manager’s email address').fill(`jo.${run}@maple.example`);
	await page.getByRole('button', { name: 'Record the home' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Maple Lodge ${run}` })).toBeVisible();
	await expect(page.getByTestId('cadence')).toHaveText('Due this month');

	await page.getByLabel('Who visited').selectOption({ label: 'Priya Shah (reviewing officer)' });
	await page.getByRole('button', { name: 'Record the visit' }).click();
	await expect(page.getByTestId('cadence')).toHaveText('Visited this month');

	await page.getByLabel('Members of staff spoken to').fill('2');
	await page.getByLabel('Their roles').fill('deputy manager, night worker');
	await page.getByLabel('Young people spoken to (a number: no names)').fill('1');
	await page.getByLabel('Findings', { exact: true }).fill('The fire log was up to date.');
	await page.getByRole('button', { name: 'Save the findings' }).click();
	const report = page.locator('pre.report');
	await expect(report).toContainText('To Jo Maple, registered manager of Maple Lodge');
	await expect(report).toContainText('The fire log was up to date.');
	await expect(report).toContainText('Recommendations\nNone recorded.');
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/reg33-visits.png', fullPage: true });

	await page.getByRole('button', { name: 'Send the report to Jo Maple' }).click();
	await expect(page.getByText('Sent to Jo Maple on')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save the findings' })).toHaveCount(0);
});

test('a parent is offered no link, and the page answers 404', async ({ page }) => {
	await signInAs(page, 'parent@demo.test');
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children’s homes' })
	).toHaveCount(0);
	// Nor the Casework list it would be in.
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByText('Casework', { exact: true })
	).toHaveCount(0);
	const answer = await page.goto('/homes');
	expect(answer?.status()).toBe(404);
});

test('the Casework list opens from the keyboard and Escape closes it, focus back on its heading', async ({
	page
}) => {
	await signInAs(page, 'manager@demo.test');
	await page.locator('html[data-ready="true"]').waitFor();
	const nav = page.getByRole('navigation', { name: 'Main' });
	const heading = nav.getByText('Casework', { exact: true });
	const homes = nav.getByRole('link', { name: 'Children’s homes' });
	await expect(homes).toBeHidden();
	await heading.focus();
	await page.keyboard.press('Enter');
	await expect(homes).toBeVisible();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Escape');
	await expect(homes).toBeHidden();
	await expect(heading).toBeFocused();
	// A page opened from the list closes it.
	await heading.focus();
	await page.keyboard.press('Enter');
	await homes.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Children’s homes' })).toBeVisible();
	await expect(homes).toBeHidden();
});
