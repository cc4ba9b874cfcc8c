import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs, openCasework } from './helpers';

/**
 * Foster carer reviews (issue 25) in the browser: business support finds the carers from the
 * navigation, the Carters first (Tyler's social worker's report for their review is late), opens
 * them and sees the reports in the order they are asked — Tyler's social worker's, late; the
 * supervising social worker's waiting for it — and chases the late report by keyboard. Both pages
 * are checked with axe. A parent is offered no link, and the pages answer 404.
 */

test('the carers list puts late reports first; the carer’s page asks in order and chases', async ({
	page
}) => {
	await signInAs(page, 'admin@demo.test');
	await openCasework(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Foster carers' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Foster carers' })).toBeVisible();
	const rows = page.getByTestId('foster-carers').locator('tbody tr');
	await expect(rows.first()).toContainText('Alex and Sam Carter');
	await expect(rows.first()).toContainText('1 late');
	await expect(rows.filter({ hasText: 'Pat Jones' })).toContainText('Yes: the three-yearly review');
	await expectAccessible(page);

	await rows.first().getByRole('link', { name: 'Alex and Sam Carter' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Alex and Sam Carter' })).toBeVisible();
	await page.locator('html[data-ready="true"]').waitFor();
	const reports = page.getByRole('list', { name: 'Reports, in the order they are asked' });
	const items = reports.locator(':scope > li');
	await expect(items.nth(0)).toContainText('Child’s social worker’s report: Tyler');
	await expect(items.nth(0)).toContainText('Late');
	await expect(items.nth(1)).toContainText('Supervising social worker’s report');
	await expect(items.nth(1)).toContainText(
		'Asked once every child’s social worker’s report is in: still waiting for Tyler Hughes’s.'
	);
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/foster-carer.png', fullPage: true });

	const chase = items.nth(0).getByRole('button', { name: 'Chase this late report' });
	await chase.focus();
	await page.keyboard.press('Enter');
	await expect(items.nth(0)).toContainText(/chased \d+ times?/);
});

test('a parent is offered no link, and the pages answer 404', async ({ page }) => {
	await signInAs(page, 'parent@demo.test');
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Foster carers' })
	).toHaveCount(0);
	// Nor the Casework list it would be in.
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByText('Casework', { exact: true })
	).toHaveCount(0);
	expect((await page.goto('/foster-carers'))?.status()).toBe(404);
	expect((await page.goto('/foster-carers/00000000-0000-4000-8000-000000002501'))?.status()).toBe(
		404
	);
});
