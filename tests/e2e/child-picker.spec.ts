import { expect, test } from '@playwright/test';
import { addHouseholds, expectAccessible, signInAs } from './helpers';
import { SECOND_UNIT } from './second-unit';

/**
 * Issue 28, pickers that scale: with a thousand children in the unit (the demo's generated year
 * has about as many), a chair schedules a meeting for one of two children with the same name by
 * searching and choosing with the keyboard. The spec adds its thousand children straight to the
 * database (the API would take a request each) in the browser tests' second unit (tests/e2e/second-unit.ts), so that no
 * other spec's lists or figures about the demo unit grow under it, whatever the order.
 */
const first = ['Mason', 'Olivia', 'Noah', 'Amelia', 'Leo', 'Isla', 'Oscar', 'Ava', 'Arthur', 'Mia'];
const surnames = [
	'Young',
	'Khan',
	'Smith',
	'Jones',
	'Patel',
	'Brown',
	'Wilson',
	'Taylor',
	'Evans',
	'Hall'
];

test('a chair schedules a meeting for one of two Mason Youngs by searching and choosing with the keyboard', async ({
	page: office,
	browser
}) => {
	test.setTimeout(120_000);
	await signInAs(office, SECOND_UNIT.businessSupport.email, SECOND_UNIT.password);
	const origin = new URL(office.url()).origin;
	const headers = { origin };
	const post = async (url: string, data: object) => {
		const answer = await office.request.post(url, { headers, data });
		expect(answer.status(), url).toBe(201);
		return ((await answer.json()) as { id: string }).id;
	};
	// Ten families of each name (so "the Young family" is ten households), ten children in each,
	// added straight to the database; the two Masons below come through the API.
	const births = (i: number) =>
		`${2010 + (i % 14)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
	const familyIds = await addHouseholds(
		Array.from({ length: 100 }, (_, familyIndex) => {
			const surname = surnames[Math.floor(familyIndex / 10)];
			return {
				unit: SECOND_UNIT.name,
				name: `${surname} family`,
				children: Array.from({ length: 10 }, (_, n) => {
					const i = familyIndex * 10 + n;
					return { name: `${first[i % 10]} ${surname}`, dateOfBirth: births(i) };
				})
			};
		})
	);
	// Two children named Mason Young, in two Young families, told apart by their dates of birth.
	const older = await post('/api/children', {
		familyId: familyIds[0],
		name: 'Mason Young',
		dateOfBirth: '2012-04-12',
		preferredName: 'Mase'
	});
	const younger = await post('/api/children', {
		familyId: familyIds[1],
		name: 'Mason Young',
		dateOfBirth: '2019-09-30'
	});
	expect(older).not.toBe(younger);

	const page = await (await browser.newContext()).newPage();
	await signInAs(page, SECOND_UNIT.chair.email, SECOND_UNIT.password);
	await page.goto('/meetings/new');
	const box = page.getByRole('combobox', { name: 'Which children is it about?' });
	await box.focus();
	await page.keyboard.type('mason young 30/9/2019');
	const listbox = page.getByRole('listbox', { name: 'Children found' });
	await expect(listbox.getByRole('option')).toHaveCount(1);
	await expect(listbox.getByRole('option')).toContainText('30 September 2019');
	// Fewer words: both Masons, each with date of birth, age and family.
	await box.fill('');
	await page.keyboard.type('mason young');
	const masons = listbox.getByRole('option', { name: /Mason Young/ });
	await expect(masons.filter({ hasText: '12 April 2012' })).toHaveCount(1);
	await expect(masons.filter({ hasText: '30 September 2019' })).toHaveCount(1);
	await expect(masons.filter({ hasText: '“Mase”' })).toHaveCount(1);
	await expect(masons.first()).toContainText('the Young family');
	await expect(masons.first()).toContainText('aged');
	expect(await masons.count()).toBeLessThanOrEqual(20);
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await expectAccessible(page);

	// ↓ to the younger Mason, Enter chooses him; Escape closes a list, Enter never posts it.
	for (let i = 0; i < 20; i++) {
		const active = await box.getAttribute('aria-activedescendant');
		if (active === `child-picker-option-${younger}`) break;
		await page.keyboard.press('ArrowDown');
	}
	await expect(box).toHaveAttribute('aria-activedescendant', `child-picker-option-${younger}`);
	await expect(page.locator(`[id="child-picker-option-${younger}"]`)).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/meetings\/new/);
	const chosen = page.getByTestId('chosen-child');
	await expect(chosen).toHaveCount(1);
	await expect(chosen).toContainText('30 September 2019');
	await page.keyboard.type('khan');
	await expect(listbox).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(listbox).toBeHidden();
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await box.fill('');

	await page.getByLabel('Kind of meeting').selectOption({ label: 'Child in need review' });
	await page.getByLabel('Date').fill(`${new Date().getFullYear() + 1}-02-03`);
	await page.getByLabel('Chair').selectOption({ label: SECOND_UNIT.chair.name });
	await page.getByRole('button', { name: 'Schedule the meeting' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
	const link = page.getByRole('link', { name: 'Mason Young' });
	await expect(link).toHaveAttribute('href', `/children/${younger}`);
	await expectAccessible(page);
});
