import { expect, test, type Page } from '@playwright/test';
import { chooseChild, expectAccessible, signInAs } from './helpers';

/**
 * Meeting kinds as data (issue 25), the Done-when line: business support copies the core group,
 * schedules a meeting with the copy, renames a section (the preview follows as they type), adds a
 * section of the unit's own and moves it up by keyboard, leaves out the welcome, saves it and
 * schedules another through the form; the new meeting's projector shows the new heading and
 * order while the earlier one's still shows the old. Its own meetings and its own copy: it
 * changes nothing of the demo's.
 */

const OLD_TITLE = 'Parents first: how things are';
const NEW_TITLE = `How things have been at home ${Date.now().toString(36)}`;

/** Schedules a core group of the copy for Chrissie Walker through the form; returns its id. */
async function scheduleWithCopy(page: Page, props: { kindLabel: string; date: string }) {
	await page.goto('/meetings/new');
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByLabel('Kind of meeting').selectOption({ label: props.kindLabel });
	await chooseChild(page, 'walker', /^Chrissie Walker/);
	await page.getByLabel('Date').fill(props.date);
	await page.getByLabel('Time (UK)').fill('11:00');
	const reason = page.getByLabel('Why is it after the due date?');
	if (await reason.isVisible()) await reason.fill('A test meeting on a date the test chooses.');
	const proposed = page.getByTestId('proposed-invitees');
	if (await proposed.isVisible())
		for (const box of await proposed.getByRole('checkbox').all()) await box.uncheck();
	await page.getByRole('button', { name: 'Schedule the meeting' }).click();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** The heading of the agenda's second section on the meeting's projector. */
async function projectorSection(page: Page, meetingId: string) {
	await page.goto(`/meetings/${meetingId}/present`);
	const agenda = page.getByRole('region', { name: 'Agenda' });
	await expect(agenda).toBeVisible();
	return agenda.locator('li[data-section="family-update"] .name');
}

test('business support copies a kind, renames a section and sees it on a new meeting’s projector; an older meeting keeps its version', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signInAs(page, 'admin@demo.test');
	await page.getByRole('link', { name: 'Meeting kinds' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Meeting kinds' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Copy Core group meeting', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Copied.');
	await expect(page).toHaveURL(/\/unit\/meeting-kinds\/core-group-copy-[0-9a-f]{8}\?copied=1$/);
	const kindPage = page.url().replace(/\?.*$/, '');
	// The copy keeps its kind's timescales, read from the kind's definition.
	await expect(page.getByRole('region', { name: 'When it is due' })).toContainText(
		'The first core group: within 10 working days of the initial conference'
	);
	// A name of its own, so this spec finds its copy among any other run's.
	const label = `Core group, our words ${Date.now().toString(36)}`;
	const section = page.getByRole('group', { name: 'Section 2' });
	await expect(section.getByLabel('Heading', { exact: true })).toHaveValue(OLD_TITLE);
	await page.getByLabel('Name (for professionals)').fill(label);
	await page.getByRole('button', { name: 'Save as version 2' }).click();
	await expect(page.getByRole('status')).toContainText('Saved as version 2.');

	// A meeting scheduled now runs on version 2, with the section's old heading.
	const older = await scheduleWithCopy(page, { kindLabel: label, date: '2027-02-03' });
	await expect(await projectorSection(page, older)).toHaveText(OLD_TITLE);

	// The rename: the preview follows as it is typed, before anything is saved.
	await page.goto(kindPage);
	await page.locator('html[data-ready="true"]').waitFor();
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview.locator('li[data-section="family-update"] .name')).toHaveText(OLD_TITLE);
	await page
		.getByRole('group', { name: 'Section 2' })
		.getByLabel('Heading', { exact: true })
		.fill(NEW_TITLE);
	await expect(preview.locator('li[data-section="family-update"] .name')).toHaveText(NEW_TITLE);
	await page
		.getByRole('group', { name: 'Section 2' })
		.getByLabel('Heading for the family')
		.fill('How it has been at home');
	await expect(
		preview
			.getByRole('region', { name: /what we will talk about/ })
			.getByText('How it has been at home')
	).toBeVisible();
	await expectAccessible(page);

	// An empty heading is refused beside its field, nothing saved.
	await page
		.getByRole('group', { name: 'Section 1' })
		.getByLabel('Heading', { exact: true })
		.fill('');
	const [refused] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Save as version 3' }).click()
	]);
	expect(refused.status()).toBe(400);
	await expect(page.getByRole('alert')).toContainText('Write the title');
	await expect(
		page.getByRole('group', { name: 'Section 2' }).getByLabel('Heading', { exact: true })
	).toHaveValue(NEW_TITLE);
	await page
		.getByRole('group', { name: 'Section 1' })
		.getByLabel('Heading', { exact: true })
		.fill('Welcome and who is here');

	// The agenda's sections: one of the unit's own, added and moved up by keyboard to be third;
	// the welcome left out; the plan's section stays in every copy.
	await page.getByRole('button', { name: 'Add a section' }).click();
	const added = page.getByRole('group', { name: 'Section 8' });
	await expect(added.getByLabel('Heading', { exact: true })).toBeFocused();
	await added.getByLabel('Heading', { exact: true }).fill('School and nursery');
	await added.getByLabel('Heading for the family').fill('How school is going');
	await added.getByLabel('What the chair says to open it').fill('How has school been?');
	await expect(added.getByRole('checkbox', { name: 'Chair' })).toBeChecked();
	await added.getByRole('checkbox', { name: 'Parent or carer' }).check();
	const moveUp = page.getByRole('button', { name: 'Move up: School and nursery' });
	await moveUp.click();
	await expect(moveUp).toBeFocused();
	for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
	await expect(
		page.getByRole('group', { name: 'Section 3' }).getByLabel('Heading', { exact: true })
	).toHaveValue('School and nursery');
	await expect(
		page.getByRole('group', { name: 'Section 7' }).getByRole('button', { name: /^Leave out/ })
	).toHaveCount(0);
	await expect(page.getByRole('group', { name: 'Section 7' })).toContainText(
		'Stays in every copy: the plan is made in it.'
	);
	await page.getByRole('button', { name: 'Leave out: Welcome and who is here' }).click();
	await expect(
		page.getByRole('button', { name: 'Put back: Welcome and who is here' })
	).toBeVisible();
	const previewOrder = () => preview.locator('ol.room li strong').allTextContents();
	await expect
		.poll(previewOrder)
		.toEqual([NEW_TITLE, 'School and nursery', ...(await previewOrder()).slice(2)]);
	expect((await previewOrder()).length).toBe(7);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Save as version 3' }).click();
	await expect(page.getByRole('status')).toContainText('Saved as version 3.');

	// The new meeting runs on version 3, in its order; the older one keeps version 2.
	const newer = await scheduleWithCopy(page, { kindLabel: label, date: '2027-02-10' });
	await expect(await projectorSection(page, newer)).toHaveText(NEW_TITLE);
	const order = page.getByRole('region', { name: 'Agenda' }).locator('li[data-section]');
	await expect(order.first()).toHaveAttribute('data-section', 'family-update');
	await expect(order.nth(1)).toContainText('School and nursery');
	await expect(await projectorSection(page, older)).toHaveText(OLD_TITLE);
	await expect(order.first()).toHaveAttribute('data-section', 'welcome');
	await expect(order.filter({ hasText: 'School and nursery' })).toHaveCount(0);
});
