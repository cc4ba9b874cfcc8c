import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

/**
 * The children's case-system identifiers by CSV import (issue 26), as business support uses
 * the page: a file with a wrong row is answered row by row and nothing is set; corrected, it
 * sets the identifier, and the child's page shows it; axe clean. The family and child are this
 * spec's own, made through the API, so no other story sees them.
 */
test('business support imports a child’s case-system identifier, after fixing a wrong row', async ({
	page
}) => {
	await signInAs(page, 'admin@demo.test');
	const run = Date.now().toString(36);
	const familyName = `Ashdown ${run} family`;
	const family = await page.request.post('/api/families', { data: { name: familyName } });
	expect(family.status()).toBe(201);
	const { id: familyId } = (await family.json()) as { id: string };
	const child = await page.request.post('/api/children', {
		data: { familyId, name: 'Rosa Ashdown', dateOfBirth: '2016-05-04' }
	});
	expect(child.status()).toBe(201);
	const { id: childId } = (await child.json()) as { id: string };

	await page.goto('/unit/case-system');
	await page.getByRole('link', { name: 'import the identifiers from a CSV file' }).click();
	await expect(
		page.getByRole('heading', { name: "Import the children's case-system identifiers" })
	).toBeVisible();
	const header = 'family,child,date_of_birth,case_system_id';
	await page
		.getByLabel(/Or paste/)
		.fill(
			`${header}\n${familyName},Rosa Ashdown,04/05/2016,LCS-${run}\n${familyName},Rose Ashdown,,LCS-X`
		);
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Row 3: There is no child called "Rose Ashdown"'
	);
	await expect(page.getByRole('button', { name: /Set \d+ identifier/ })).toHaveCount(0);
	await expectAccessible(page);

	await page
		.getByLabel(/Or paste/)
		.fill(`${header}\n${familyName},Rosa Ashdown,04/05/2016,LCS-${run}`);
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByTestId('case-system-id-preview')).toContainText('Ready');
	await page.getByRole('button', { name: 'Set 1 identifier' }).click();
	await expect(page.getByRole('status')).toContainText("1 child's identifier was set");
	await expectAccessible(page);

	await page.goto(`/children/${childId}`);
	await expect(page.getByTestId('child-record')).toContainText(`LCS-${run}`);
});
