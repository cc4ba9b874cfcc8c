import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	copyDemoMeeting,
	demoMeetings,
	expectAccessible,
	signInAs,
	watchCspViolations
} from './helpers';
import { writePlan } from './record-writer';
import { pdfText } from '../pdf-text';

// A copy of the demo's child in care review (Tyler Hughes), this spec's own: it ends it.
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let CIC_REVIEW: string;
test.beforeAll(async () => {
	CIC_REVIEW = await copyDemoMeeting(demoMeetings.cicReview);
});
const actions = [
	{ what: 'Arrange Tyler’s dental check', who: 'Sam Okafor', byWhen: '2030-02-01' },
	{
		what: 'Update the personal education plan with Tyler',
		who: 'Carol Hughes (foster carer)',
		byWhen: '2030-02-15'
	}
];

test('the chair ends the CIC review, opens the 24-hour plan and downloads its PDF', async ({
	page
}) => {
	const cspViolations = watchCspViolations(page);
	await signInAs(page, 'chair@demo.test');
	const origin = new URL(page.url()).origin;
	const about = await (await page.request.get(`/api/meetings/${CIC_REVIEW}`)).json();
	if (about.status === 'scheduled') {
		const started = await page.request.post(`/api/meetings/${CIC_REVIEW}/start`, {
			headers: { origin }
		});
		expect(started.status()).toBe(200);
	}
	await writePlan({
		page,
		meetingId: CIC_REVIEW,
		childId: about.children[0].id,
		outcome: 'Tyler stays settled with Carol',
		actions,
		reviewDate: '2030-06-01'
	});

	// No register is taken in this story: the chair ends it saying so (End asks, 409, otherwise).
	const ended = await page.request.post(`/api/meetings/${CIC_REVIEW}/end`, {
		headers: { origin },
		data: { confirm: true, reason: 'This browser test takes no register.' }
	});
	expect(ended.status()).toBe(200);
	const { documents } = (await ended.json()) as {
		documents: { id: string; kind: string; version: number; url: string; pdfUrl: string }[];
	};
	expect(documents.map((d) => d.kind)).toEqual(['plan-24h', 'draft-notes', 'child-letter']);
	expect(documents.every((d) => d.version === 1)).toBe(true);

	const again = await page.request.post(`/api/meetings/${CIC_REVIEW}/end`, { headers: { origin } });
	expect(again.status()).toBe(409);

	const listed = await (await page.request.get(`/api/meetings/${CIC_REVIEW}/documents`)).json();
	expect(listed.documents.map((d: { kind: string }) => d.kind)).toEqual([
		'plan-24h',
		'draft-notes',
		'child-letter'
	]);

	const plan = documents.find((d) => d.kind === 'plan-24h')!;
	await page.goto(plan.url);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Recommendations: Child in care review' })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Recommendations with timescales' })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Arrange Tyler’s dental check' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'How to complain' })).toBeVisible();
	// The document's own stylesheet applies under the Content-Security-Policy (no inline <style>).
	await expect(page.locator('.meeting-document')).toHaveCSS('max-width', '736px');
	// "The meeting" box: one fact a row, its value beside its term across the page, not squeezed
	// into narrow columns by the app's own .facts card (issue 21).
	const facts = page.locator('.meeting-document dl.facts').first();
	await expect(facts).toHaveCSS('grid-template-columns', /^\d+(\.\d+)?px$/);
	const value = await facts.locator('dd').first().boundingBox();
	expect(value!.width).toBeGreaterThan(300);
	expect(cspViolations).toEqual([]);
	await expectAccessible(page);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download PDF' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(
		/^tyler-hughes-child-in-care-review-\d{4}-\d{2}-\d{2}-plan-24h-v1\.pdf$/
	);
	const text = pdfText(readFileSync((await download.path())!));
	expect(text).toContain('Tyler Hughes');
	expect(text).toContain('Arrange Tyler’s dental check');
	expect(text).toContain('Update the personal education plan with Tyler');
	expect(text).toContain('Sam Okafor');

	// The letter to the child: the review written to Tyler, in plain words.
	const letter = documents.find((d) => d.kind === 'child-letter')!;
	await page.goto(letter.url);
	await expect(page.getByRole('heading', { level: 2, name: 'Dear Tyler' })).toBeVisible();
	await expect(
		page
			.getByRole('article')
			.getByText(
				'Sam Okafor, the social worker, will arrange Tyler’s dental check, by Friday 1 February 2030.'
			)
	).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Readability check before circulation' })
	).toBeVisible();
});

test('a professional not in the meeting, and a stranger’s document id, get 404', async ({
	page
}) => {
	await signInAs(page, 'police@demo.test');
	const list = await page.request.get(`/api/meetings/${CIC_REVIEW}/documents`);
	expect(list.status()).toBe(404);
	const doc = await page.goto(`/meetings/${CIC_REVIEW}/documents/${crypto.randomUUID()}`);
	expect(doc?.status()).toBe(404);
});
