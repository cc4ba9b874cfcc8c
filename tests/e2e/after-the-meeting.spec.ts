import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

/**
 * Issue 13 as one story, on a copy of the demo's filled-in conference (Mia's), its own, which it
 * ends first through the API (end-conference.spec.ts ends one from the page): business support
 * opens the draft notes and edits them while the chair watches the edit arrive; sends them to
 * the chair; the chair approves; the notes go out to everyone from the final version's page
 * (no SMTP server here: each message waits in the outbox) and the meeting shows who was sent
 * which copy; Mia's dad reads the family's copy on his phone (none of the police's restricted
 * words in it) and the record shows he opened it; the social worker marks an action done and
 * the dad sees it. Then a correction: version 2 is a draft, version 1 still reads the same on
 * its page, and every kind the documents API lists has the contract's shape.
 */
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let MIA_CONFERENCE: string;
test.beforeAll(async () => {
	MIA_CONFERENCE = await copyDemoMeeting(demoMeetings.miaConference);
});
const line = 'Business support checked: Jordan’s support group meets on Thursdays at six.';
const restrictedWords = ['Intelligence', 'another force', 'relative who visits the home'];
const planAction = 'Make a plan with Jordan for calm evenings';

const notesEditor = (page: Page) => page.getByRole('textbox', { name: 'The notes of the meeting' });

interface Listed {
	id: string;
	kind: string;
	version: number;
	audience: string;
	state: string;
	dueBy: string | null;
	url: string;
	pdfUrl: string;
}

async function documentsOf(request: APIRequestContext): Promise<Listed[]> {
	const response = await request.get(`/api/meetings/${MIA_CONFERENCE}/documents`);
	expect(response.status()).toBe(200);
	return ((await response.json()) as { documents: Listed[] }).documents;
}

/** The contract: `{ id, kind, version, audience, state, dueBy, url, pdfUrl }` for every kind. */
function expectContract(documents: Listed[]) {
	for (const d of documents) {
		expect(d.id, d.kind).toMatch(/^[0-9a-f-]{36}$/);
		expect(Number.isInteger(d.version) && d.version >= 1, d.kind).toBe(true);
		expect(['professionals', 'family'], d.kind).toContain(d.audience);
		expect(['draft', 'with-chair', 'final'], d.kind).toContain(d.state);
		if (d.dueBy !== null) expect(d.dueBy, d.kind).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(d.url, d.kind).toBe(`/meetings/${MIA_CONFERENCE}/documents/${d.id}`);
		expect(d.pdfUrl, d.kind).toBe(`/meetings/${MIA_CONFERENCE}/documents/${d.id}/pdf`);
	}
}

test('after the meeting: notes finalised with the chair watching, approved, circulated, read by the family on a phone, an action done and seen', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const chairContext = await browser.newContext();
	const chair = await chairContext.newPage();
	await signInAs(chair, 'chair@demo.test');
	const origin = new URL(chair.url()).origin;
	const ended = await chair.request.post(`/api/meetings/${MIA_CONFERENCE}/end`, {
		headers: { origin }
	});
	expect(ended.status()).toBe(200);

	// Business support opens the draft notes from the meeting page.
	await signInAs(page, 'admin@demo.test');
	await page.goto(`/meetings/${MIA_CONFERENCE}`);
	await page.getByRole('link', { name: 'Open the notes editor' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Notes of the meeting' })).toBeVisible();
	await expect(page.getByText('Draft: business support is finalising them')).toBeVisible();
	await expect(notesEditor(page)).toContainText('Mia');
	await expect(page.getByText('Connected · All changes saved')).toBeVisible();

	// The chair watches in her own browser while business support types.
	await chair.goto(`/meetings/${MIA_CONFERENCE}/notes`);
	await expect(notesEditor(chair)).toContainText('Mia');
	// The professionals' notes quote the police's restricted passage: business support is warned.
	await expect(page.getByText('These notes quote restricted information')).toBeVisible();
	await notesEditor(page).getByText('Nothing was recorded in this section.').last().click();
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(line);
	await expect(notesEditor(chair)).toContainText(line);
	await expect(page.getByText('Connected · All changes saved')).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: test.info().outputPath('1-admin-notes.png'), fullPage: true });

	await page.getByRole('button', { name: 'Send to the chair' }).click();
	await expect(page.getByText('With the chair for approval')).toBeVisible();

	// The chair approves.
	await chair.getByRole('button', { name: 'Approve the notes' }).click();
	await expect(chair.getByText('Final: approved by the chair')).toBeVisible();
	await expect(chair.getByRole('link', { name: 'Notes for the family, version 1' })).toBeVisible();
	await expect(notesEditor(chair)).toHaveAttribute('aria-readonly', 'true');
	await expect(notesEditor(chair)).toContainText(line);
	await chair.screenshot({ path: test.info().outputPath('2-chair-final.png'), fullPage: true });

	// Approval sent the notes out (issue 22), each person the copy they may read; the final
	// version's page shows them, and the meeting page who has been sent what.
	await chair.getByRole('link', { name: 'Professionals’ notes (restricted), version 1' }).click();
	const finalNotes = chair.locator('article.meeting-document');
	await expect(finalNotes).toContainText(line);
	const versionOne = await finalNotes.innerHTML();
	await chair.goto(`/meetings/${MIA_CONFERENCE}`);
	const circulation = chair.getByTestId('circulation');
	const samRow = circulation.getByRole('row', { name: /Sam Okafor/ }).first();
	await expect(samRow).toContainText('Professionals’ notes (restricted), version 1');
	await expect(samRow).toContainText('Waiting to send'); // no SMTP server: it waits in the outbox
	const dadRow = () =>
		circulation
			.getByRole('row', { name: /Jordan Price/ })
			.filter({ hasText: 'Notes for the family, version 1' });
	await expect(dadRow()).toContainText('Waiting to send'); // no SMTP server here, and not opened yet
	const policeRow = circulation
		.getByRole('row', { name: /PC Jo Reid/ })
		.filter({ hasText: 'Professionals’ notes (restricted), version 1' });
	await expect(policeRow).toBeVisible();

	// Mia's dad reads the family's copy on his phone, from the meeting page.
	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const dad = await phone.newPage();
	await signInAs(dad, 'other.parent@demo.test');
	await dad.goto(`/meetings/${MIA_CONFERENCE}`);
	const documents = dad.getByRole('region', { name: 'Documents from this meeting' });
	await expect(documents.getByRole('link', { name: /Professionals/ })).toHaveCount(0);
	await documents.getByRole('link', { name: 'Notes for the family', exact: true }).click();
	const familyCopy = dad.locator('article.meeting-document[data-kind="notes-family"]');
	await expect(familyCopy).toContainText('Mia');
	for (const words of restrictedWords) await expect(dad.getByRole('main')).not.toContainText(words);
	await expect(dad.getByRole('main')).not.toContainText(line); // the professionals' notes are not the family's
	await expect(dad.getByRole('button', { name: 'Listen to this document' })).toBeVisible();
	const overflow = await dad.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(dad);
	await dad.screenshot({ path: test.info().outputPath('3-dad-family-copy.png'), fullPage: true });

	// The record shows when he first opened it.
	await chair.reload();
	await expect(dadRow()).toContainText('Opened');

	// The social worker marks his action done on My actions.
	const workerContext = await browser.newContext();
	const worker = await workerContext.newPage();
	await signInAs(worker, 'social.worker@demo.test');
	await worker.goto('/actions');
	// Hydrated first: a choice made in the server's HTML before then is reset by the page.
	await worker.locator('html[data-ready="true"]').waitFor();
	const mine = worker
		.getByTestId('my-actions')
		.getByRole('listitem')
		.filter({ hasText: planAction })
		// This spec's copy of the meeting: other specs end copies of Mia's conference with the
		// same action for Sam.
		.filter({ has: worker.locator(`a[href="/meetings/${MIA_CONFERENCE}"]`) });
	await expect(mine).toHaveCount(1);
	await mine.getByLabel(/Progress/).selectOption('done');
	await mine
		.getByLabel('A line about it')
		.fill('We wrote the calm evenings plan together on Monday.');
	await mine.getByRole('button', { name: /Save/ }).click();
	await expect(mine.getByRole('status')).toHaveText('Saved.');
	await workerContext.close();

	// The dad sees it on his phone.
	await dad.goto(`/meetings/${MIA_CONFERENCE}`);
	const family = dad.getByTestId('family-actions');
	await expect(family.getByRole('listitem').filter({ hasText: 'calm evenings' })).toContainText(
		'Sam Okafor has done this.'
	);
	await expect(family).toContainText('We wrote the calm evenings plan together on Monday.');
	await dad.screenshot({ path: test.info().outputPath('4-dad-actions.png'), fullPage: true });
	const dadDocuments = await documentsOf(dad.request);
	expectContract(dadDocuments);
	expect(dadDocuments.map((d) => d.kind).sort()).toEqual(['notes-family', 'parent-plan']);
	await phone.close();

	// A correction: version 2 is a draft with its reason; version 1 reads the same on its page.
	const listed = await documentsOf(page.request);
	const notes = listed.find((d) => d.kind === 'draft-notes')!;
	expect(notes).toMatchObject({ version: 1, state: 'final', audience: 'professionals' });
	const corrected = await page.request.post(`/api/documents/${notes.id}/correct`, {
		headers: { origin },
		data: { reason: 'The support group day was wrong.' }
	});
	expect(corrected.status()).toBe(200);
	const after = await documentsOf(page.request);
	expectContract(after);
	expect(after.map((d) => `${d.kind} ${d.version} ${d.state}`).sort()).toEqual([
		'draft-notes 2 draft',
		'notes-family 1 final',
		'parent-plan 1 final',
		'plan-24h 1 final'
	]);
	expect(after.find((d) => d.kind === 'draft-notes')!.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	await page.goto(`/meetings/${MIA_CONFERENCE}/notes`);
	const versions = page.getByRole('region', { name: 'Versions' });
	await expect(versions).toContainText('Professionals’ notes (restricted), version 2');
	await expect(versions).toContainText('corrected because “The support group day was wrong.”');
	await versions
		.getByRole('link', { name: 'Professionals’ notes (restricted), version 1' })
		.click();
	await expect(page.locator('article.meeting-document')).toContainText(line);
	expect(await page.locator('article.meeting-document').innerHTML()).toBe(versionOne);
	await chairContext.close();
});
