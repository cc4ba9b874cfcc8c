import { expect, test, type Browser, type Page } from '@playwright/test';
import { chooseAgency, chooseChild, choosePerson, expectAccessible } from './helpers';
import { emptyServerURL } from './empty-server';

/**
 * A unit goes from an empty Roundtable to a live conference (issue 12), on the second server
 * (an empty database, no demo: tests/e2e/serve-empty.ts), through the pages a real administrator
 * uses: `/setup` makes the first administrator, who adds the unit's chair, a police agency and
 * its officer, and a parent on `/unit/people` and `/unit/agencies`; a family with two children
 * and the parent on `/children` and the family's page; records a strategy discussion there and
 * schedules the initial conference on the date the page proposes; invites the officer from the
 * meeting's page. With no mail server the set-up emails wait in the outbox; the admin gives the
 * parent and the chair the link the people page shows. The parent chooses a password through the
 * link and writes their view before the meeting; the chair chooses theirs, starts the meeting
 * and reads the parent's words under "Parents first".
 */
test.use({ baseURL: emptyServerURL });

const PASSWORD = 'a long and quiet river';

async function ready(page: Page) {
	await page.locator('html[data-ready="true"]').waitFor();
}

/** Adds a person on /unit/people and returns the set-up link the page offers to give them. */
async function addPerson(
	page: Page,
	person: { name: string; email: string; role: string; agency?: string }
): Promise<string> {
	await page.goto('/unit/people');
	await ready(page);
	await page.getByLabel('Full name').fill(person.name);
	await page.getByLabel('Email address').fill(person.email);
	await page.getByLabel('Role').selectOption(person.role);
	if (person.agency) await chooseAgency(page, 'Agency (for a professional)', person.agency);
	await page.getByRole('button', { name: 'Add and send the set-up link' }).click();
	const status = page.getByRole('status').filter({ hasText: `${person.name} has been added` });
	await expect(status).toBeVisible();
	const link = (await status.textContent())!.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
	expect(link, 'the set-up link on the people page').toBeTruthy();
	expect(new URL(link!).origin, 'the link points at the unit’s ORIGIN').toBe(emptyServerURL);
	return link!;
}

/**
 * Someone opens their set-up link in their own browser, chooses a password and is signed in;
 * they open the meeting from their list of meetings.
 */
async function setUpAccount(browser: Browser, link: string, meetingPath: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Set up your account' })).toBeVisible();
	await ready(page);
	await page.getByLabel('Choose a password').fill(PASSWORD);
	await page.getByLabel('Type the password again').fill(PASSWORD);
	await page.getByRole('button', { name: 'Set up my account' }).click();
	await expect(page).toHaveURL(/\/meetings$/);
	await page.locator(`a[href="${meetingPath}"]`).first().click();
	await expect(page).toHaveURL(new RegExp(`${meetingPath}$`));
	return page;
}

test('from /setup to a live conference: people, a family, its clock, the meeting, the parent’s view heard first', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const shot = (page: Page, name: string) =>
		page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

	// The first administrator.
	const admin = await (await browser.newContext()).newPage();
	await admin.goto('/setup');
	await expect(admin.getByRole('heading', { level: 1, name: 'Set up Roundtable' })).toBeVisible();
	await ready(admin);
	await expectAccessible(admin);
	await admin.getByLabel('Safeguarding unit').fill('Northgate Safeguarding Unit');
	await admin.getByLabel('Your full name').fill('Ada Mensah');
	await admin.getByLabel('Email address').fill('ada.mensah@northgate.example.test');
	await admin.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await admin.getByLabel('Password again').fill(PASSWORD);
	await admin.getByRole('button', { name: 'Create the administrator' }).click();
	await expect(admin).toHaveURL(/\/meetings/);

	// The unit's chair.
	const chairLink = await addPerson(admin, {
		name: 'Priya Shah',
		email: 'priya.shah@northgate.example.test',
		role: 'chair'
	});

	// A police agency and its officer.
	await admin.goto('/unit/agencies');
	await ready(admin);
	await admin.getByLabel('Name of the agency').fill('Northgate Police');
	await admin.getByLabel('Kind of agency').selectOption({ label: 'Police' });
	await admin.getByLabel("Contact's name").fill('Desk sergeant');
	await admin.getByRole('button', { name: 'Add the agency' }).click();
	await expect(admin.getByRole('status')).toContainText('Northgate Police has been added');
	await expectAccessible(admin);
	await addPerson(admin, {
		name: 'PC Tom Reid',
		email: 'tom.reid@police.example.test',
		role: 'professional',
		agency: 'Northgate Police'
	});

	// The parent's account.
	const parentLink = await addPerson(admin, {
		name: 'Robin Ash',
		email: 'robin.ash@example.test',
		role: 'parent'
	});
	await expect(admin.getByRole('row', { name: /Robin Ash/ })).toContainText('Not set up yet');
	await expectAccessible(admin);
	await shot(admin, 'people');

	// The family, two children and the parent.
	await admin
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Children', exact: true })
		.click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Children' })).toBeVisible();
	await ready(admin);
	await admin.getByLabel('Family name').fill('Ash family');
	await admin.getByRole('button', { name: 'Add the family' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Ash family' })).toBeVisible();
	for (const [name, born] of [
		['Sky Ash', '2018-03-05'],
		['Rowan Ash', '2021-09-30']
	]) {
		await admin.getByLabel("Child's full name").fill(name);
		await admin.getByLabel('Date of birth').fill(born);
		await admin.getByRole('button', { name: 'Add the child' }).click();
		await expect(admin.getByText(`${name} is added to the family.`)).toBeVisible();
	}
	await admin
		.getByLabel('Their account')
		.selectOption({ label: 'Robin Ash (robin.ash@example.test)' });
	await admin.getByLabel('Relationship to the children').fill('Mum');
	await admin.getByLabel(/Yes: they are invited/).check();
	await admin.getByRole('button', { name: 'Add to the family' }).click();
	await expect(admin.getByTestId('family-members')).toContainText('Robin Ash');

	// A new child's page opens before any meeting.
	const familyUrl = admin.url();
	await admin.getByRole('link', { name: "Sky Ash's page" }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Sky Ash' })).toBeVisible();
	await expect(admin.getByText('No meetings yet.')).toBeVisible();
	await expectAccessible(admin);
	await admin.goto(familyUrl);
	await ready(admin);

	// A strategy discussion today starts the initial conference's clock.
	await admin.getByLabel('Child', { exact: true }).selectOption({ label: 'Sky Ash' });
	await admin.getByLabel('What happened').selectOption({ label: 'Strategy discussion' });
	await admin.getByRole('button', { name: 'Record the event' }).click();
	await expect(admin.getByTestId('event-due')).toContainText('the initial conference by');
	await expectAccessible(admin);
	await shot(admin, 'family');

	// Scheduled on the date the page proposes, chaired by the new chair.
	await admin.getByRole('link', { name: 'schedule the initial conference' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Schedule a meeting' })).toBeVisible();
	await ready(admin);
	await expect(admin.getByLabel('Kind of meeting')).toHaveValue('initial-conference');
	await chooseChild(admin, 'Rowan Ash', /^Rowan Ash/);
	await expect(admin.getByTestId('due-hint')).toContainText('The initial conference is due by');
	expect(await admin.getByLabel('Date', { exact: true }).inputValue()).toMatch(
		/^\d{4}-\d{2}-\d{2}$/
	);
	await admin.getByLabel('Chair', { exact: true }).selectOption({ label: 'Priya Shah' });
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Schedule the meeting' }).click();
	await expect(admin).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
	const meetingUrl = admin.url();
	const people = admin.locator('table.people');
	await expect(people).toContainText('Robin Ash');
	await expect(people).toContainText('Priya Shah');

	// The officer is invited from the meeting's page.
	await ready(admin);
	await admin.getByText('Invite someone').click();
	await choosePerson(admin, 'Person with an account', 'PC Tom Reid');
	await admin.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(people).toContainText('PC Tom Reid');
	await expectAccessible(admin);
	await shot(admin, 'meeting-scheduled');

	// The set-up links wait in the outbox (no mail server here).
	await admin
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Outbox' })
		.click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
	const setUpLink = admin
		.getByRole('row', { name: /robin\.ash@example\.test/ })
		.filter({ hasText: 'Set-up link' });
	await expect(setUpLink).toHaveCount(1);
	await expect(setUpLink).toContainText('Waiting to send');
	await expect(admin.getByRole('row', { name: /priya\.shah@/ }).first()).toBeVisible();
	await expectAccessible(admin);
	await shot(admin, 'outbox');

	// The parent sets up their account through the link and writes their view.
	const meetingPath = new URL(meetingUrl).pathname;
	const parent = await setUpAccount(browser, parentLink, meetingPath);
	await expect(parent.getByRole('heading', { name: 'Your view before the meeting' })).toBeVisible();
	const view = parent.getByRole('textbox', { name: 'Your view before the meeting' });
	await view.click();
	await parent.keyboard.type('Sky loves football and is scared when we argue.');
	await expect(parent.getByText('Connected · All changes saved')).toBeVisible();
	await expectAccessible(parent);
	await shot(parent, 'parent-view');

	// The chair sets up theirs, starts the meeting and hears the parent first.
	const chair = await setUpAccount(browser, chairLink, meetingPath);
	await ready(chair);
	await chair.getByRole('button', { name: 'Start meeting' }).click();
	await expect(chair.locator('.status-live')).toBeVisible();
	await expect(
		chair.locator('.connection-indicator[data-status="connected"]').first()
	).toBeVisible();
	await chair.getByRole('button', { name: 'Next section' }).click();
	await expect(chair.locator('.room-bar .now')).toContainText('Parents first');
	await expect(chair.getByRole('textbox', { name: 'Contribution from Robin Ash' })).toContainText(
		'Sky loves football'
	);
	await expectAccessible(chair);
	await shot(chair, 'chair-parents-first');
});
