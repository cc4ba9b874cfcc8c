import { expect, test, type Page } from '@playwright/test';
import { chooseInPicker, expectAccessible, signInAs } from './helpers';
import { SECOND_UNIT } from './second-unit';

/**
 * Issue 28, pickers that scale, for people: with a few hundred people in the unit, two of them
 * "Sam Taylor" at different agencies, a chair invites one of the two to a meeting by searching and
 * choosing with the keyboard only, told apart by agency and email address; a manager finds one
 * person for the audit log's filter. Everything is made through the API by the browser tests'
 * second unit's own business support (tests/e2e/second-unit.ts), so no other spec's lists about
 * the demo unit grow under it, whatever the order.
 */
const run = Date.now().toString(36);
// Made-up names that no other spec looks for (two-units.spec.ts looks for the demo's, "Jordan Price").
const first = [
	'Alex',
	'Jamie',
	'Robin',
	'Casey',
	'Eden',
	'Morgan',
	'Riley',
	'Charlie',
	'Avery',
	'Quinn'
];
const surnames = [
	'Hughes',
	'Ward',
	'Parr',
	'Bennett',
	'Cole',
	'Dixon',
	'Fox',
	'Grant',
	'Hart',
	'Lloyd',
	'Mills',
	'Nash',
	'Owen',
	'Pike',
	'Rowe',
	'Shaw',
	'Tate',
	'Vance',
	'West',
	'Yates',
	'Ames',
	'Booth',
	'Cross',
	'Drake',
	'Ellis',
	'Frost',
	'Gale',
	'Hale',
	'Irwin',
	'Judd'
];

test('a chair invites one of two Sam Taylors by searching and choosing with the keyboard; a manager filters the audit log by one person', async ({
	page: office,
	browser
}) => {
	test.setTimeout(300_000);
	await signInAs(office, SECOND_UNIT.businessSupport.email, SECOND_UNIT.password);
	const headers = { origin: new URL(office.url()).origin };
	const post = async (url: string, data: object) => {
		const answer = await office.request.post(url, { headers, data });
		expect(answer.status(), url).toBe(201);
		return ((await answer.json()) as { id: string }).id;
	};
	const school = `Hollin Primary School ${run}`;
	const visiting = `Hollin Health Visiting ${run}`;
	await post('/api/agencies', { name: school, kind: 'school', email: `office.${run}@hollin.test` });
	await post('/api/agencies', { name: visiting, kind: 'health-visiting' });

	// Three hundred people (the unit's list, imported), and two Sam Taylors at the two agencies.
	const rows = ['name,email,role,agency'];
	for (let i = 0; i < 300; i++)
		rows.push(
			`${first[i % 10]} ${surnames[Math.floor(i / 10)]},person${i}.${run}@hollin.test,professional,${i % 2 ? school : visiting}`
		);
	rows.push(`Sam Taylor,sam.taylor.${run}@school.hollin.test,professional,${school}`);
	rows.push(`Sam Taylor,sam.taylor.${run}@hv.hollin.test,professional,${visiting}`);
	const imported = await office.request.post('/api/people/import', {
		headers: { ...headers, 'content-type': 'text/csv' },
		data: rows.join('\n')
	});
	expect(imported.status(), await imported.text()).toBe(200);

	// A meeting of the unit's chair's to invite to.
	const { people } = (await (await office.request.get('/api/people')).json()) as {
		people: { id: string; email: string }[];
	};
	const chairId = people.find((p) => p.email === SECOND_UNIT.chair.email)!.id;
	const familyId = await post('/api/families', { name: `Ashdown family ${run}` });
	const childId = await post('/api/children', {
		familyId,
		name: 'Ivy Ashdown',
		dateOfBirth: '2018-02-14'
	});
	const meetingId = await post('/api/meetings', {
		kind: 'core-group',
		title: `Core group ${run}`,
		childIds: [childId],
		chairId,
		scheduledAt: `${new Date().getFullYear() + 1}-06-09T10:00:00Z`
	});

	// The chair, keyboard only: open "Invite someone", search, ↓ to the health visitor, Enter.
	const page = await (await browser.newContext()).newPage();
	await signInAs(page, SECOND_UNIT.chair.email, SECOND_UNIT.password);
	await page.goto(`/meetings/${meetingId}`);
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByText('Invite someone').focus();
	await page.keyboard.press('Enter');
	const box = page.getByRole('combobox', { name: 'Person with an account' });
	await box.focus();
	await page.keyboard.type(`sam taylor ${run}`);
	const listbox = page.getByRole('listbox', { name: 'People found' });
	const sams = listbox.getByRole('option', { name: /^Sam Taylor/ });
	await expect(sams).toHaveCount(2);
	// Told apart by agency and address.
	await expect(sams.filter({ hasText: school })).toHaveCount(1);
	await expect(sams.filter({ hasText: `sam.taylor.${run}@school.hollin.test` })).toHaveCount(1);
	await expect(sams.filter({ hasText: visiting })).toHaveCount(1);
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('invite-picker.png') });
	// Fewer people for a narrower search: the agency's word finds one.
	await box.fill('');
	await page.keyboard.type(`sam taylor visiting ${run}`);
	await expect(sams).toHaveCount(1);
	await box.fill('');
	await page.keyboard.type(`sam taylor ${run}`);
	await expect(sams).toHaveCount(2);
	const wanted = sams.filter({ hasText: visiting });
	const wantedId = await wanted.getAttribute('id');
	for (let i = 0; i < 3; i++) {
		if ((await box.getAttribute('aria-activedescendant')) === wantedId) break;
		await page.keyboard.press('ArrowDown');
	}
	await expect(box).toHaveAttribute('aria-activedescendant', wantedId!);
	await expect(wanted).toHaveAttribute('aria-selected', 'true');
	await page.keyboard.press('Enter');
	await expect(listbox).toBeHidden();
	const chosen = page.getByTestId('chosen-person');
	await expect(chosen).toContainText('Sam Taylor');
	await expect(chosen).toContainText(visiting);
	await expect(page.getByLabel('Role in the meeting')).toHaveValue('professional');
	// Enter in the empty box, the list closed, sends the invitation.
	await box.focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Sam Taylor is invited.' })
	).toBeVisible();
	const invited = page.getByTestId('people-panel').getByRole('row', { name: /Sam Taylor/ });
	await expect(invited).toHaveCount(1);
	await expect(invited).toContainText(visiting);
	await expect(chosen).toHaveCount(0);
	await expectAccessible(page);

	// The manager: the audit log's person filter finds the chair among them all.
	const manager = await (await browser.newContext()).newPage();
	await signInAs(manager, SECOND_UNIT.manager.email, SECOND_UNIT.password);
	await manager.goto('/audit');
	await filterAuditBy(manager, SECOND_UNIT.chair.name);
	await expect(manager).toHaveURL(new RegExp(`userId=${chairId}`));
	const entries = manager.locator('table.audit-entries tbody tr');
	await expect(entries.first()).toBeVisible();
	// Every entry is the chair's (the "Who" column).
	const who = await entries.locator('td:nth-child(2)').allTextContents();
	expect(who.length).toBeGreaterThan(0);
	expect(who.filter((name) => name.trim() !== SECOND_UNIT.chair.name)).toEqual([]);
	// The chosen person stays shown after the search.
	await expect(manager.getByTestId('chosen-person')).toContainText(SECOND_UNIT.chair.name);
	// Both Sam Taylors can be found, and nobody of the demo's unit.
	const box2 = manager.getByRole('combobox', { name: 'Person' });
	await box2.fill(`sam taylor ${run}`);
	await expect(
		manager.getByRole('listbox', { name: 'People found' }).getByRole('option')
	).toHaveCount(2);
	await box2.fill('Priya Shah');
	await expect(manager.locator('.no-match')).toHaveText('No person found for “Priya Shah”.');
	await expectAccessible(manager);
	await manager.screenshot({ path: test.info().outputPath('audit-picker.png') });
});

/** Chooses the person on the audit page's filter with the keyboard and searches. */
async function filterAuditBy(page: Page, name: string) {
	await chooseInPicker(page, { label: 'Person', search: name, option: name });
	await page.getByRole('button', { name: 'Search' }).click();
}
