import { expect, test } from '@playwright/test';
import { expectAccessible, scheduleMiaReview, signInAs } from './helpers';

/**
 * Voices before the meeting (issue 12). Business support schedules a review conference of its
 * own for Mia (the demo's own meetings are started and ended by earlier specs) and invites her
 * dad and the health visitor; before the meeting the dad writes his view, which stays after a
 * reload; the health visitor uploads a PDF report (a file that only says it is a PDF is
 * refused beside its field), writes down Mia's consultation form and marks the report shared;
 * then the dad sees it; the chair records the advocate Mia was offered. Nobody starts it.
 */

const tinyPdf = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

test('before the meeting: the parent’s view, a PDF report shared with the parents, the child’s form and advocacy', async ({
	browser
}) => {
	const office = await (await browser.newContext()).newPage();
	await signInAs(office, 'admin@demo.test');
	const meetingId = await scheduleMiaReview(office, {
		title: 'Voices review conference',
		date: `${new Date().getFullYear() + 1}-03-10`
	});

	// Mia's dad writes his view before the meeting; it is kept.
	const dad = await (await browser.newContext()).newPage();
	await signInAs(dad, 'other.parent@demo.test');
	await dad.goto(`/meetings/${meetingId}`);
	await expect(dad.getByRole('heading', { name: 'Your view before the meeting' })).toBeVisible();
	const view = dad.getByRole('textbox', { name: 'Your view before the meeting' });
	await view.click();
	await dad.keyboard.type('Mia loves the swings and is frightened of the dark.');
	await expect(dad.getByText('Connected · All changes saved')).toBeVisible();
	await dad.reload();
	// A plain textarea on a parent's page (no editor download: docs/performance.md).
	await expect(dad.getByRole('textbox', { name: 'Your view before the meeting' })).toHaveValue(
		/Mia loves the swings/
	);
	await expect(dad.getByText('No reports have been shared with you yet.')).toBeVisible();
	await expectAccessible(dad);
	await dad.screenshot({ path: test.info().outputPath('parent-view.png'), fullPage: true });

	// The health visitor uploads a report: a file that only calls itself a PDF is refused.
	const hv = await (await browser.newContext()).newPage();
	await signInAs(hv, 'health.visitor@demo.test');
	await hv.goto(`/meetings/${meetingId}`);
	await hv.getByLabel('Title', { exact: true }).fill('Health visitor’s report');
	await hv.getByLabel('The report as a PDF or Word file (at most 10 MB)').setInputFiles({
		name: 'report.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('These are plain words, not a PDF.')
	});
	await hv.getByRole('button', { name: 'Upload the report' }).click();
	await expect(hv.locator('#report-file-error')).toContainText('not a PDF or a Word document');
	await hv.getByLabel('Title', { exact: true }).fill('Health visitor’s report');
	await hv.getByLabel('The report as a PDF or Word file (at most 10 MB)').setInputFiles({
		name: 'kim-lee-report.pdf',
		mimeType: 'application/pdf',
		buffer: tinyPdf
	});
	await hv.getByRole('button', { name: 'Upload the report' }).click();
	await expect(hv.getByText('Your report was added.')).toBeVisible();
	await expect(
		hv.getByRole('link', { name: 'Health visitor’s report', exact: true })
	).toBeVisible();
	const link = hv.getByRole('link', { name: 'Download Health visitor’s report' });
	const href = (await link.getAttribute('href'))!;
	const download = await hv.request.get(href);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');

	// Mia's consultation form, in words for a child under 8.
	await expect(hv.getByText("Fill in Mia's form")).toBeVisible(); // open: nothing saved yet
	await hv.getByLabel('What makes you sad or scared?').fill('When the lights go off.');
	await hv.getByLabel('What makes you happy?').fill('The swings at the park.');
	await hv.getByLabel('Who helped Mia fill this in?').fill('her health visitor, with Dad');
	await hv.getByRole('button', { name: 'Save the form' }).click();
	await expect(hv.getByText('The form is saved.')).toBeVisible();

	// Parents read the report only once it is shared with them.
	expect((await dad.request.get(href)).status()).toBe(404);
	await hv.getByRole('button', { name: /Mark as shared with the parents/ }).click();
	// The list of people and the Reports list say the same (one register, issue 21).
	await expect(hv.getByTestId('report').getByText(/shared with the parents on/)).toBeVisible();
	await expect(hv.getByRole('cell', { name: /shared with the parents on/ })).toBeVisible();
	await expectAccessible(hv);
	await hv.screenshot({ path: test.info().outputPath('professional-report.png'), fullPage: true });
	await dad.reload();
	await expect(
		dad.getByRole('link', { name: 'Health visitor’s report', exact: true })
	).toBeVisible();
	await expect(dad.locator('dd', { hasText: 'The swings at the park.' })).toBeVisible();
	expect((await dad.request.get(href)).status()).toBe(200);

	// The chair records the advocate offered to Mia.
	const chair = await (await browser.newContext()).newPage();
	await signInAs(chair, 'chair@demo.test');
	await chair.goto(`/meetings/${meetingId}`);
	await chair.locator('html[data-ready="true"]').waitFor(); // hydrated: a click opens the form for good
	const advocacy = chair.getByTestId('advocacy');
	await advocacy.getByText('Record the advocate offered').first().click();
	const form = advocacy.locator('form').first();
	await form.getByRole('group', { name: 'Was an advocate offered?' }).getByLabel('Yes').check();
	await form.getByRole('group', { name: 'Was it accepted?' }).getByLabel('Yes').check();
	await form.getByLabel("The advocate's name and service").fill('Sam, Voices for Children');
	await form.getByRole('button', { name: 'Save' }).click();
	await expect(advocacy).toContainText('Offered and accepted: Sam, Voices for Children.');
	await dad.reload();
	await expect(dad.getByTestId('advocacy')).toContainText('Sam, Voices for Children');
});
