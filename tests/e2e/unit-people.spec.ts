import { expect, test } from '@playwright/test';
import { chooseAgency, expectAccessible, signInAs } from './helpers';

/**
 * People and agencies (issue 12) in the browser: business support adds an agency with a
 * contact and a person of that agency (whose set-up link waits in the outbox), imports a CSV
 * file with one bad row, sees that row's problem and nothing imported, corrects it and imports
 * everyone; then disables the person it added. Only new people and agencies: the demo's
 * accounts stay as they are.
 */
test('business support adds an agency and a person, imports a CSV after correcting its bad row, and disables an account', async ({
	page
}) => {
	const tag = Date.now().toString(36);
	const agency = `Eastbrook Nursery ${tag}`;
	await signInAs(page, 'admin@demo.test');
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'People' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();

	// An agency: a missing kind is shown beside its field and in the summary, then added.
	await page.getByRole('link', { name: 'Agencies' }).first().click();
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByLabel('Name of the agency').fill(agency);
	await page.getByRole('button', { name: 'Add the agency' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose the kind of agency');
	await expect(page.locator('#field-kind-error')).toBeVisible();
	await page.getByLabel('Kind of agency').selectOption({ label: 'Nursery' });
	await page.getByLabel("Contact's name").fill('Mo Ahmed');
	await page.getByLabel("Contact's phone number").fill('01632 960 555');
	await page.getByRole('button', { name: 'Add the agency' }).click();
	await expect(page.getByRole('status')).toContainText(`${agency} has been added`);
	await expect(page.getByRole('heading', { level: 3, name: agency })).toBeVisible();
	await expect(page.getByText('Mo Ahmed · 01632 960 555')).toBeVisible();
	await expectAccessible(page);

	// A person of that agency.
	const email = `kim.lee.${tag}@nursery.example.test`;
	await page.goto('/unit/people');
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByLabel('Full name').fill(`Kim Lee ${tag}`);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Role').selectOption('professional');
	await chooseAgency(page, 'Agency (for a professional)', agency);
	await page.getByRole('button', { name: 'Add and send the set-up link' }).click();
	await expect(page.getByRole('status')).toContainText(`Kim Lee ${tag} has been added`);
	const row = page.getByRole('row', { name: new RegExp(`Kim Lee ${tag}`) });
	await expect(row).toContainText('Not set up yet');
	await expect(row).toContainText(agency);
	const outbox = (await (await page.request.get('/api/outbox')).json()) as {
		messages: { to: string; purpose: string; meetingId: string | null }[];
	};
	expect(outbox.messages.find((m) => m.to === email)).toMatchObject({
		purpose: 'account-invite',
		meetingId: null
	});
	await expectAccessible(page);

	// The import: one bad row, nothing imported; corrected, everyone.
	await page.getByRole('link', { name: 'Import people from a CSV file' }).click();
	await page.locator('html[data-ready="true"]').waitFor();
	const csv = (agencyName: string) =>
		[
			'name,email,role,agency',
			`Ash Patel ${tag},ash.${tag}@nursery.example.test,professional,${agencyName}`,
			`Bo Grant ${tag},bo.${tag}@unit.example.test,chair,`
		].join('\n');
	await page.getByLabel(/Or paste the file/).fill(csv('Westbrook Nursery'));
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was imported: one problem');
	await expect(page.getByRole('alert')).toContainText(
		'Row 2: There is no agency called "Westbrook Nursery"'
	);
	await expect(page.getByRole('row', { name: new RegExp(`Ash Patel ${tag}`) })).toContainText(
		'There is no agency called'
	);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await page.screenshot({ path: test.info().outputPath('import-errors.png'), fullPage: true });
	await expectAccessible(page);

	await page.getByLabel(/Or paste the file/).fill(csv(agency));
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('row', { name: new RegExp(`Bo Grant ${tag}`) })).toContainText(
		'Ready'
	);
	await page.getByRole('button', { name: 'Import 2 people' }).click();
	await expect(page.getByRole('status')).toContainText('2 people have been imported');

	await page.goto('/unit/people');
	await expect(page.getByRole('row', { name: new RegExp(`Ash Patel ${tag}`) })).toContainText(
		agency
	);
	await expect(page.getByRole('row', { name: new RegExp(`Bo Grant ${tag}`) })).toContainText(
		'Chair or independent reviewing officer'
	);

	// Disabling the person added above.
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByRole('button', { name: `Disable Kim Lee ${tag}` }).click();
	await expect(page.getByRole('status')).toContainText('The account is disabled');
	await expect(page.getByRole('row', { name: new RegExp(`Kim Lee ${tag}`) })).toContainText(
		'Disabled'
	);
	await page.screenshot({ path: test.info().outputPath('people.png'), fullPage: true });
});
