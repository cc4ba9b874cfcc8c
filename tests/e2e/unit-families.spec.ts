import { expect, test } from '@playwright/test';
import { chooseChild, expectAccessible, signInAs } from './helpers';

/**
 * Families and their clocks (issue 12) in the browser: business support adds a family with two
 * children and a parent with parental responsibility (an account made through POST /api/people),
 * records a strategy discussion and sees the initial conference it makes due, then schedules the
 * initial conference from the family's page on the date the page proposes — no reason asked —
 * and the parent is invited without being added by hand. Only new people and a new family: the
 * demo's meetings stay as they are.
 */
test('business support makes a family, starts its clock and schedules the initial conference on the proposed date', async ({
	page
}) => {
	const tag = Date.now().toString(36);
	const family = `Ash family ${tag}`;
	const parentName = `Robin Ash ${tag}`;
	await signInAs(page, 'admin@demo.test');
	const made = await page.request.post('/api/people', {
		data: { name: parentName, email: `robin.ash.${tag}@example.test`, role: 'parent' }
	});
	expect(made.status()).toBe(201);

	// A family, from the children's index.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Children', exact: true })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Children' })).toBeVisible();
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByRole('button', { name: 'Add the family' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the name the unit uses');
	await page.getByLabel('Family name').fill(family);
	await page.getByRole('button', { name: 'Add the family' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `The ${family}`, exact: true })
	).toBeVisible();

	// Two children: a date that does not exist is refused beside its field.
	for (const [name, born] of [
		[`Sky Ash ${tag}`, '2018-03-05'],
		[`Rowan Ash ${tag}`, '2021-09-30']
	]) {
		await page.getByLabel("Child's full name").fill(name);
		await page.getByLabel('Date of birth').fill(born);
		await page.getByRole('button', { name: 'Add the child' }).click();
		await expect(page.getByText(`${name} is added to the family.`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
	}

	// The parent, with parental responsibility.
	await page
		.getByLabel('Their account')
		.selectOption({ label: `${parentName} (robin.ash.${tag}@example.test)` });
	await page.getByLabel('Relationship to the children').fill('Mum');
	await page.getByLabel(/Yes: they are invited/).check();
	await page.getByRole('button', { name: 'Add to the family' }).click();
	await expect(page.getByTestId('family-members')).toContainText(parentName);
	await expect(page.getByTestId('family-members')).toContainText('Yes: invited to meetings');

	// A strategy discussion today starts the initial conference's clock.
	await page.getByLabel('Child', { exact: true }).selectOption({ label: `Sky Ash ${tag}` });
	await page.getByLabel('What happened').selectOption({ label: 'Strategy discussion' });
	await page.getByRole('button', { name: 'Record the event' }).click();
	await expect(page.getByTestId('event-due')).toContainText('the initial conference by');
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('family.png'), fullPage: true });

	// Schedule it from the child's "meetings due": the page proposes the due date.
	await page.getByRole('link', { name: 'schedule the initial conference' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Schedule a meeting' })).toBeVisible();
	await page.locator('html[data-ready="true"]').waitFor();
	await expect(page.getByLabel('Kind of meeting')).toHaveValue('initial-conference');
	// The child the family page named is chosen already; Rowan is found with the picker.
	await expect(page.getByTestId('chosen-child').filter({ hasText: `Sky Ash ${tag}` })).toHaveCount(
		1
	);
	await chooseChild(page, `Rowan Ash ${tag}`, new RegExp(`^Rowan Ash ${tag}`));
	const hint = page.getByTestId('due-hint');
	await expect(hint).toContainText('The initial conference is due by');
	const proposed = await page.getByLabel('Date', { exact: true }).inputValue();
	expect(proposed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	await expect(page.getByLabel('Why is it after the due date?')).toHaveCount(0);
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('schedule.png'), fullPage: true });

	// A day later would need a reason.
	const later = new Date(`${proposed}T12:00:00Z`);
	later.setUTCDate(later.getUTCDate() + 1);
	await page.getByLabel('Date', { exact: true }).fill(later.toISOString().slice(0, 10));
	await expect(page.getByLabel('Why is it after the due date?')).toBeVisible();
	await page.getByLabel('Date', { exact: true }).fill(proposed);
	await expect(page.getByLabel('Why is it after the due date?')).toHaveCount(0);

	// The demo's chair runs it below (another spec may have added a chair whose name comes first).
	await page.getByLabel('Chair').selectOption({ label: 'Priya Shah' });
	await page.getByRole('button', { name: 'Schedule the meeting' }).click();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
	// The parent with parental responsibility was invited with the meeting.
	await expect(page.locator('table.people')).toContainText(parentName);
	await page.screenshot({ path: test.info().outputPath('meeting.png'), fullPage: true });
	const meetingUrl = page.url();

	// The chair starts it and adjourns it to another day: it is scheduled again, on the new date.
	await page.context().clearCookies();
	await signInAs(page, 'chair@demo.test');
	await page.goto(meetingUrl);
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByRole('button', { name: 'Start meeting' }).click();
	await page.getByText('Adjourn the meeting to another day').click();
	await page.getByRole('button', { name: 'Adjourn the meeting' }).click();
	await expect(page.locator('#field-reason-error')).toContainText('Say why');
	await page.getByLabel('Why is the meeting adjourned?').fill('The interpreter could not come');
	await page.getByLabel('Date it continues').fill(later.toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Adjourn the meeting' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'The meeting is adjourned' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start meeting' })).toBeVisible();
	await page.screenshot({ path: test.info().outputPath('adjourned.png'), fullPage: true });
});
