import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

const TYLER = '00000000-0000-4000-8000-000000000204';
const MIA = '00000000-0000-4000-8000-000000000203';
const shots = process.env.E2E_SHOTS;

/** The table's cells as text, head row first, as a person reads them. */
async function tableCells(page: Page, name: string): Promise<string[][]> {
	const table = page.getByTestId(`figure-table-${name}`);
	return table
		.locator('tr')
		.evaluateAll((rows) =>
			rows.map((row) =>
				[...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())
			)
		);
}

test('the manager opens the dashboard and the quarterly report; a table’s CSV has the rows on the page', async ({
	page
}) => {
	await signInAs(page, 'manager@demo.test');
	await page.getByRole('link', { name: "the unit's figures" }).click();
	await expect(page.getByRole('heading', { level: 1, name: "The unit's figures" })).toBeVisible();
	for (const heading of [
		'Conferences, reviews and meetings held',
		'Notes final within 15 working days',
		'Caseloads of chairs and reviewing officers'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	// Each chart says its numbers in words too, and the table beside it says them again.
	const chart = page.getByRole('img', { name: /Caseloads against the limit/ });
	await expect(chart).toBeVisible();
	await expect(page.getByTestId('figure-table-caseloads')).toContainText('Priya Shah');
	await expectAccessible(page);
	if (shots) await page.screenshot({ path: `${shots}/oversight.png`, fullPage: true });

	await page.getByRole('link', { name: 'The quarterly report' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Quarterly report:/ })).toBeVisible();
	await expect(page.getByTestId('figure-table-challenges')).toContainText('(previous quarter)');
	await expectAccessible(page);
	if (shots) await page.screenshot({ path: `${shots}/quarterly.png`, fullPage: true });

	const section = page.locator('section[data-table="challenges"]');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		section.getByRole('link', { name: 'Download this table (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^quarterly-\d{4}-Q[1-4]-challenges\.csv$/);
	const csv = parse(readFileSync((await download.path())!, 'utf8')) as string[][];
	expect(csv).toEqual(await tableCells(page, 'challenges'));

	const pdfHref = await page.getByRole('link', { name: 'Download as PDF' }).getAttribute('href');
	const pdf = await page.request.get(pdfHref!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a chair records a challenge on the child’s page and moves it on; a parent never sees one', async ({
	page,
	browser
}) => {
	await signInAs(page, 'chair@demo.test');
	await page.goto(`/children/${TYLER}`);
	const challenges = page.getByTestId('child-challenges');
	await expect(challenges.getByRole('heading', { name: /^Challenges about/ })).toBeVisible();
	await challenges.getByRole('button', { name: 'Record the challenge' }).click();
	await expect(challenges.getByRole('alert')).toContainText('Write the agency challenged.');

	await challenges.getByLabel('What the challenge is about').fill('Health assessment not done');
	await challenges.getByLabel('Agency challenged').fill('Health visiting service');
	await challenges.getByLabel('Person challenged').fill('The team lead');
	await challenges
		.getByLabel('Why you are challenging')
		.fill('The review could not consider Tyler’s health needs.');
	await challenges.getByRole('button', { name: 'Record the challenge' }).click();
	const recorded = challenges
		.getByTestId('challenge')
		.filter({ hasText: 'Health assessment not done' });
	await expect(recorded).toContainText('Raised informally');
	await expectAccessible(page);

	await recorded.getByLabel('Note').fill('Wrote to the head of service.');
	await recorded.getByRole('button', { name: 'Record this step' }).click();
	await expect(recorded).toContainText('Formal dispute');
	await page.reload();
	await expect(
		page.getByTestId('challenge').filter({ hasText: 'Health assessment not done' })
	).toContainText('Wrote to the head of service.');
	if (shots) await page.screenshot({ path: `${shots}/child-challenges.png`, fullPage: true });

	// Mia's dad: the demo has a challenge about Mia, and his page of her shows none.
	const parent = await (await browser.newContext()).newPage();
	await signInAs(parent, 'other.parent@demo.test');
	const answered = parent.waitForResponse((r) =>
		r.url().includes(`/api/children/${MIA}/challenges`)
	);
	await parent.goto(`/children/${MIA}`);
	expect((await answered).status()).toBe(404);
	await expect(parent.getByTestId('child-challenges')).toHaveCount(0);
});
