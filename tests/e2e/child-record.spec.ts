import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

/**
 * The child's page as the unit keeps it (issue 26): the plan register, legal status, placement
 * and needs, set by business support through the page's own form and shown back; axe clean.
 * Leo (the demo's Walker family) is used: no other story changes his record.
 */
const LEO = '00000000-0000-4000-8000-000000000202';

test('business support records Leo’s legal status and needs; the page shows them with the plans', async ({
	page
}) => {
	await signInAs(page, 'admin@demo.test');
	await page.goto(`/children/${LEO}`);
	// The disclosure is opened once the page is interactive: a loaded CI run opened it before
	// hydration, which drew it closed again (its `open` follows the form's result).
	await page.locator('html[data-ready="true"]').waitFor();
	await expect(page.getByRole('heading', { name: 'Child protection plans' })).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Legal status, placement and needs' })
	).toBeVisible();
	await page.getByText('Change these details').click();
	await page.getByLabel('Case-system identifier').fill('LCS-4410');
	await page.getByLabel('Legal status', { exact: true }).selectOption('section-20');
	await page.getByLabel('Since').fill('2026-10-01');
	await page.getByLabel('First language').fill('Polish');
	await page.getByLabel('An interpreter is needed at meetings').check();
	await page.getByRole('button', { name: 'Save the details' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'saved' })).toContainText(
		'The child’s details are saved.'
	);
	const record = page.getByTestId('child-record');
	await expect(record).toContainText('LCS-4410');
	await expect(record).toContainText('section 20');
	await expect(record).toContainText('Polish (an interpreter is needed at meetings)');
	await expectAccessible(page);
	// A wrong date is named beside its field.
	await page.getByText('Change these details').click();
	await page.getByLabel('Legal status', { exact: true }).selectOption('care-order');
	await page.getByLabel('Since').fill('');
	await page.getByRole('button', { name: 'Save the details' }).click();
	await expect(page.getByRole('alert')).toContainText('legal status’s date');
	await expectAccessible(page);
});
