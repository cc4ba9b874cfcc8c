import { expect, test, type Page } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

// Every kind the unit chairs can be run from start to finish by its chair. (The initial
// conference is run by several people in meeting-room.spec.ts.) Each test runs a copy of the
// demo's meeting of that kind, its own.
const kinds = [
	{ name: 'core group', like: demoMeetings.coreGroup, last: 'Summary' },
	{ name: 'child in care review', like: demoMeetings.cicReview, last: 'Summary' },
	{
		name: 'Life Appreciation Day',
		like: demoMeetings.lifeAppreciationDay,
		last: 'Closing',
		endsWith: /Memory book/
	},
	{ name: 'disruption meeting', like: demoMeetings.disruptionMeeting, last: 'Summary' }
];

async function startIfScheduled(page: Page, meetingId: string) {
	await page.goto(`/meetings/${meetingId}`);
	const start = page.getByRole('button', { name: 'Start meeting' });
	if (await start.isVisible()) await start.click();
	await expect(
		page.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
}

/** Walks the whole agenda, writing in each section the chair may write in. */
async function runAgenda(page: Page) {
	const sections = page.locator('.agenda-section');
	const count = await sections.count();
	expect(count).toBeGreaterThan(3);
	for (let i = 0; i < count; i++) {
		const section = sections.nth(i);
		await expect(section).toHaveClass(/current/);
		const title = (await section.locator('h2').first().innerText()).replace(/Now$/, '').trim();
		const notes = section.getByRole('textbox', { name: `Notes: ${title}` });
		if ((await notes.count()) > 0 && (await notes.getAttribute('contenteditable')) === 'true') {
			await notes.click();
			await page.keyboard.type(`Noted in “${title}”.`);
		}
		const newOutcome = section.getByLabel(/A new outcome for/).first();
		if ((await newOutcome.count()) > 0) {
			await newOutcome.fill('Things stay settled for the child');
			await section.getByRole('button', { name: 'Add the outcome' }).first().click();
			const outcome = section.locator('.plan-outcome').last();
			await outcome
				.getByLabel('What will they do? Start with a verb.')
				.fill('Visit every two weeks');
			await outcome.getByLabel('Who (a named person)').fill('Sam Okafor');
			await outcome.getByLabel('By when').fill('2030-03-01');
			await outcome.getByRole('button', { name: 'Add the action' }).click();
			await expect(
				section.locator('.plan-action', { hasText: 'Visit every two weeks' })
			).toBeVisible();
		}
		if (i < count - 1) await page.getByRole('button', { name: 'Next section' }).click();
	}
}

for (const kind of kinds.slice(0, 3)) {
	test(`the chair runs a ${kind.name} from start to the last section`, async ({ page }) => {
		await signInAs(page, 'chair@demo.test');
		await startIfScheduled(page, await copyDemoMeeting(kind.like));
		await runAgenda(page);
		await expect(page.locator('.room-bar .now')).toContainText(kind.last);
		await expect(page.getByText(/Noted in/).first()).toBeVisible();
		await expectAccessible(page);
		if ('endsWith' in kind) {
			await page.getByRole('button', { name: 'End meeting' }).click();
			await page.getByRole('button', { name: 'End meeting and make the documents' }).click();
			// No register was taken in this run: End says so, and the chair gives the reason.
			await expect(page.getByTestId('end-problems')).toContainText('register has not been taken');
			await page
				.getByLabel('Your reason for ending the meeting like this')
				.fill('The register for this run is kept on paper.');
			await page.getByRole('button', { name: 'End the meeting with this reason' }).click();
			await expect(page.getByRole('link', { name: kind.endsWith }).first()).toBeVisible();
			await page.getByRole('link', { name: kind.endsWith }).first().click();
			await expect(page.getByRole('main')).toContainText('Amelia');
			await expectAccessible(page);
		}
	});
}

test('a disruption meeting is run by keyboard alone, and ends with its lessons', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'chair@demo.test');
	await page.goto(`/meetings/${await copyDemoMeeting(kinds[3].like)}`);

	/** Presses Tab until the focused element's text or label matches, as a keyboard user would. */
	async function tabTo(name: RegExp) {
		for (let i = 0; i < 120; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return el ? `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''}`.trim() : '';
			});
			if (name.test(label)) return;
		}
		throw new Error(`Could not reach ${name} with the Tab key`);
	}

	await tabTo(/^Start meeting$/);
	await page.keyboard.press('Enter');
	await expect(
		page.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();

	await tabTo(/Notes: Welcome/);
	await page.keyboard.type('Everyone is here.');
	await tabTo(/^Next section$/);
	await page.keyboard.press('Enter');
	await expect(page.locator('.room-bar .now')).toContainText('Placement history');
	for (const next of ["The child's views", 'What happened', 'Lessons']) {
		await page.keyboard.press('Enter'); // focus stays on "Next section"
		await expect(page.locator('.room-bar .now')).toContainText(next);
	}
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	await tabTo(/Notes: Lessons/);
	await page.keyboard.type('Share the child’s history with new carers before placement.');
	await expect(page.locator('.room-bar .connection-indicator[data-saved="true"]')).toBeVisible();

	await page.keyboard.press('Shift+Tab');
	for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
	await tabTo(/^End meeting$/);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('dialog', { name: 'End the meeting?' })).toBeVisible();
	await tabTo(/^End meeting and make the documents$/);
	await page.keyboard.press('Enter');
	// No register was taken: End says so and takes the chair to the reason, by keyboard too.
	await expect(page.getByTestId('end-problems')).toContainText('register has not been taken');
	await expect(page.getByLabel('Your reason for ending the meeting like this')).toBeFocused();
	await page.keyboard.type('The register for this run is kept on paper.');
	await tabTo(/^End the meeting with this reason$/);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Documents from this meeting' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Lessons/ }).first()).toBeVisible();
	await expect(page.locator('.status-ended')).toBeVisible();
	await expectAccessible(page);
});
