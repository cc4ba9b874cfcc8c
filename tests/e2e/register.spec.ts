import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

/**
 * Issue 21, the record tells the truth, in the browser. Each story schedules a conference of its
 * own for Mia through the API (business support), so the demo's meetings stay as they were:
 * - the chair takes the register in Welcome: the social worker who joined the live record is
 *   offered as present and confirmed, the rest marked by hand; the quorum shows in the room and
 *   on the projector as it changes; one of the three voting professionals present gives a view, and the
 *   24-hour plan counts it honestly — never "unanimous", the others named;
 * - a conference that is not quorate: End shows the problem and asks the chair's reason and what
 *   happens next; the 24-hour plan records the decision as not quorate, with the reason.
 */
const MIA = '00000000-0000-4000-8000-000000000203';
const CHAIR = '00000000-0000-4000-8000-000000000101';
const users = {
	socialWorker: '00000000-0000-4000-8000-000000000103',
	police: '00000000-0000-4000-8000-000000000104',
	healthVisitor: '00000000-0000-4000-8000-000000000105',
	gp: '00000000-0000-4000-8000-000000000106',
	jordan: '00000000-0000-4000-8000-000000000108'
};

/** Business support schedules a conference for Mia, chaired by Priya, and invites these people; the chair starts it. */
async function liveConference(
	browser: Browser,
	title: string,
	invite: [userId: string, role: 'professional' | 'parent'][]
): Promise<string> {
	const context = await browser.newContext();
	const office = await context.newPage();
	await signInAs(office, 'admin@demo.test');
	const origin = new URL(office.url()).origin;
	const scheduled = await office.request.post('/meetings/new', {
		headers: { accept: 'text/html', origin },
		maxRedirects: 0,
		form: {
			kind: 'initial-conference',
			title,
			date: `${new Date().getFullYear() + 1}-05-0${(invite.length % 8) + 1}`,
			time: '10:00',
			chairId: CHAIR,
			childIds: MIA
		}
	});
	expect(scheduled.status(), 'scheduled').toBe(303);
	const meetingId = scheduled.headers()['location'].split('/').pop()!;
	for (const [userId, role] of invite) {
		const invited = await office.request.post(`/meetings/${meetingId}?/invite`, {
			headers: { accept: 'text/html', origin },
			form: { userId, role, ...(role === 'professional' ? { voting: 'on' } : {}) }
		});
		expect(invited.status(), `${role} invited`).toBe(200);
	}
	await context.close();
	return meetingId;
}

async function startAsChair(page: Page, meetingId: string) {
	await signInAs(page, 'chair@demo.test');
	const origin = new URL(page.url()).origin;
	expect(
		(await page.request.post(`/api/meetings/${meetingId}/start`, { headers: { origin } })).status()
	).toBe(200);
	await page.goto(`/meetings/${meetingId}`);
	await expect(
		page.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
}

const registerOf = (page: Page) => page.getByRole('region', { name: 'The register' });

async function mark(page: Page, name: string, label: string) {
	await registerOf(page).getByLabel(`Register for ${name}`).selectOption({ label });
	await expect(registerOf(page).getByRole('status')).toContainText(`Saved: ${name}`);
}

test('the chair takes the register in Welcome; one view of three is never "unanimous"', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const meetingId = await liveConference(browser, 'Register spec conference', [
		[users.socialWorker, 'professional'],
		[users.police, 'professional'],
		[users.healthVisitor, 'professional'],
		[users.gp, 'professional'],
		[users.jordan, 'parent']
	]);
	await startAsChair(page, meetingId);
	const room = page.locator('#room-quorum');
	await expect(room).toContainText('Not quorate');

	// The projector, open beside the room, shows the quorum and follows the register live.
	const projector = await page.context().newPage();
	await projector.goto(`/meetings/${meetingId}/present`);
	await expect(projector.getByTestId('quorum-status')).toContainText('Not quorate');

	await mark(page, 'Priya Shah', 'Here in the room');

	// The social worker joins the live record on their laptop: the register offers them as present.
	const swContext = await browser.newContext();
	const sw = await swContext.newPage();
	await signInAs(sw, 'social.worker@demo.test');
	await sw.goto(`/meetings/${meetingId}`);
	await expect(
		sw.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
	const register = registerOf(page);
	await expect(register).toContainText('Joined the live record: Sam Okafor');
	await register.getByRole('button', { name: 'Mark them present in the room' }).click();
	await expect(register.getByRole('status')).toContainText('Saved as here: Sam Okafor');

	await mark(page, 'PC Jo Reid', 'Here online');
	await mark(page, 'Dr Ravi Patel', 'Sent apologies');
	await register.getByLabel('Sent a report').check();
	await expect(register.getByRole('status')).toContainText('report sent');
	await mark(page, 'Jordan Price', 'Here in the room');
	await expect(room).toContainText('Not quorate');
	await mark(page, 'Kim Lee', 'Here in the room');
	await expect(register).toContainText('Taken for everyone invited (6)');
	await expect(room).toContainText('Quorate');
	await expect(page.getByTestId('quorum-badge')).toHaveText('Quorate');
	await expect(projector.getByTestId('quorum-status')).toContainText('Quorate');
	await expect(projector.getByTestId('quorum-status')).toContainText('Agencies present');
	await expectAccessible(page);

	// Only the social worker gives a view; the chair records the outcome, which needs its own why.
	await sw.getByRole('radio', { name: 'Child protection plan', exact: true }).check();
	await sw
		.getByLabel('Why? (your reason for Mia Price)')
		.fill('Mia hears the arguments at home most nights and is frightened.');
	await sw.getByRole('button', { name: 'Record my decision for Mia Price' }).click();
	await expect(sw.getByText('Your decision and reason are recorded.')).toBeVisible();
	await page.getByRole('radio', { name: 'Child protection plan', exact: true }).check();
	await page.getByLabel('Category').selectOption({ label: 'emotional abuse' });
	await page.getByRole('button', { name: 'Record the outcome for Mia Price' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
	await page
		.getByLabel('Why? The reason for this outcome')
		.fill('Mia is frightened at home and the arguments have not stopped since the summer.');
	await page.getByRole('button', { name: 'Record the outcome for Mia Price' }).click();
	await expect(page.locator('.outcome')).toContainText('Why: Mia is frightened at home');

	// Nothing to confirm: the register is taken and the conference quorate.
	await page.getByRole('button', { name: 'End meeting' }).click();
	await page.getByRole('button', { name: 'End meeting and make the documents' }).click();
	await expect(page).toHaveURL(/\/documents\//);
	const plan = page.getByRole('main');
	await expect(plan).toContainText(
		// The GP sent apologies: three voting professionals were there, and one gave a view.
		'Three voting professionals present; one gave a view: 1 for a plan, 0 for no plan.'
	);
	await expect(plan).toContainText('No view given');
	await expect(plan).toContainText('PC Jo Reid (Police)');
	await expect(plan).toContainText('Kim Lee (Health visiting service)');
	await expect(plan).not.toContainText('unanimous');
	await expect(plan).toContainText('Mia is frightened at home and the arguments have not stopped');
	await expect(plan).toContainText(
		'Apologies: Dr Ravi Patel (Riverside GP practice), report sent.'
	);
	await expect(plan).toContainText('present online');
	await expect(plan).toContainText('Quorate: agencies present');
	await expect(plan).not.toContainText('not recorded');
	await swContext.close();
});

test('a conference that is not quorate ends with the chair’s reason, recorded as such', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const meetingId = await liveConference(browser, 'Not quorate spec conference', [
		[users.police, 'professional'],
		[users.jordan, 'parent']
	]);
	await startAsChair(page, meetingId);
	await mark(page, 'Priya Shah', 'Here in the room');
	await mark(page, 'PC Jo Reid', 'Here in the room');
	await mark(page, 'Jordan Price', 'Here in the room');
	await expect(page.locator('#room-quorum')).toContainText(
		"children's social care was not present"
	);

	await page.getByRole('button', { name: 'End meeting' }).click();
	await page.getByRole('button', { name: 'End meeting and make the documents' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByTestId('end-problems')).toContainText('The meeting is not quorate');
	await expect(dialog.getByTestId('end-problems')).not.toContainText('register has not been taken');
	await expectAccessible(page);
	await dialog.getByRole('button', { name: 'End the meeting with this reason' }).click();
	await expect(dialog.getByRole('alert').filter({ hasText: 'Say why' })).toBeVisible();
	const reason = 'The social worker is off sick and Mia cannot wait for a new date.';
	await dialog.getByLabel('Your reason for ending the meeting like this').fill(reason);
	await dialog.getByRole('radio', { name: /ratified by a quorate conference/ }).check();
	await dialog.getByRole('button', { name: 'End the meeting with this reason' }).click();

	await expect(page).toHaveURL(/\/documents\//);
	const plan = page.getByRole('main');
	await expect(plan).toContainText('Ended although');
	await expect(plan).toContainText('the meeting was not quorate');
	await expect(plan).toContainText(reason);
	await expect(plan).toContainText('The decision is to be ratified by a quorate conference.');
	await expect(plan).toContainText('Not quorate: one agency was present, fewer than three');
});
