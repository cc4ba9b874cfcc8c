import { expect, test } from '@playwright/test';
import { chooseChild, choosePerson, expectAccessible, signInAs } from './helpers';

test('an admin schedules a core group for a sibling group, invites people and keeps the register', async ({
	page
}) => {
	await signInAs(page, 'admin@demo.test');
	await page.getByRole('link', { name: 'Schedule a meeting' }).click();
	await expect(page.getByRole('heading', { name: 'Schedule a meeting' })).toBeVisible();
	await expectAccessible(page);

	// Nothing chosen: each problem is named beside its field, with a 400.
	const [refused] = await Promise.all([
		page.waitForResponse(
			(r) => r.url().includes('/meetings/new') && r.request().method() === 'POST'
		),
		page.getByRole('button', { name: 'Schedule the meeting' }).click()
	]);
	expect(refused.status()).toBe(400);
	await expect(page.getByText('Enter the date, for example 18/12/2026.')).toBeVisible();

	await page.getByLabel('Kind of meeting').selectOption({ label: 'Core group meeting' });
	await chooseChild(page, 'walker', /^Chrissie Walker/);
	await chooseChild(page, 'walker', /^Leo Walker/);
	await page.getByLabel('Date').fill('2027-01-06');
	await page.getByLabel('Time (UK)').fill('14:30');
	// Who should come is proposed from the children's last meeting (issue 22); this spec invites
	// by hand, so it unticks them.
	const proposed = page.getByTestId('proposed-invitees');
	await expect(proposed).toBeVisible();
	for (const box of await proposed.getByRole('checkbox').all()) await box.uncheck();
	await page.getByRole('button', { name: 'Schedule the meeting' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Core group meeting' })).toBeVisible();
	await expect(page.getByText('Wednesday, 6 January 2027 at 14:30')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Chrissie Walker' })).toBeVisible();

	await page.getByText('Invite someone').click();
	await choosePerson(page, 'Person with an account', 'Kim Lee');
	await page.getByLabel('Asked to send a report').check();
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Kim Lee is invited.');
	await expect(page.getByRole('cell', { name: 'Kim Lee', exact: true })).toBeVisible();

	await page.getByLabel('Attendance of Kim Lee').selectOption({ label: 'Sent apologies' });
	await page
		.getByRole('row', { name: /Kim Lee/ })
		.getByLabel('received')
		.check();
	await page.getByRole('button', { name: 'Save for Kim Lee' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await page.reload();
	await expect(page.getByLabel('Attendance of Kim Lee')).toHaveValue('apologies');
	await expectAccessible(page);
});
