import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { choosePerson, copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

/**
 * Issue 11's browser test as written: the admin invites the GP to the demo core group (asking
 * for a report), opens /outbox, sees the email and downloads its calendar file; the meeting page
 * shows the report request; moving the meeting from the page (a reason is required, beside its
 * field) puts an update in the outbox. The demo's own outbox already shows the invitations,
 * reminders and report requests it queued when it was loaded, and /reports/late the GP's late
 * report for today's conference. The core group is a copy of the demo's, this spec's own, with
 * the mail the demo queued for it, so no other spec's starting or inviting changes it.
 */
test('the admin invites the GP to the demo core group, downloads the calendar file, and moves the meeting from its page', async ({
	page
}) => {
	const CORE_GROUP = await copyDemoMeeting(demoMeetings.coreGroup);
	await signInAs(page, 'admin@demo.test');
	await page.goto(`/meetings/${CORE_GROUP}`);
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByText('Invite someone').click();
	await choosePerson(page, 'Person with an account', 'Dr Ravi Patel');
	await page.getByLabel('Asked to send a report').check();
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Dr Ravi Patel is invited.');
	const reports = page.getByRole('region', { name: 'Reports asked for' });
	await expect(reports.getByRole('row', { name: /Dr Ravi Patel/ })).toContainText('Asked');

	// The outbox: the demo's own mail, then the GP's invitation with its calendar file.
	await page.goto('/outbox');
	await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
	// The demo's reminders depend on the time of day the server loaded it (none for today's 10:00
	// conference once it has begun): tests/integration/mail-demo.test.ts counts them on a fixed clock.
	for (const why of ['Invitation', 'Report request', 'Report chaser']) {
		await expect(page.getByRole('cell', { name: why, exact: true }).first()).toBeVisible();
	}
	const { messages } = (await (await page.request.get('/api/outbox')).json()) as {
		messages: {
			to: string;
			subject: string;
			purpose: string;
			meetingId: string;
			attachments: { filename: string; url: string }[];
		}[];
	};
	const invitation = messages.find(
		(m) => m.meetingId === CORE_GROUP && m.to === 'gp@demo.test' && m.purpose === 'invitation'
	)!;
	expect(invitation.subject).toMatch(/^You are invited to a meeting on \w+day \d+ \w+ at 14:00$/);
	expect(
		messages.some(
			(m) => m.meetingId === CORE_GROUP && m.to === 'gp@demo.test' && m.purpose === 'report-request'
		)
	).toBe(true);
	const row = page
		.getByRole('row')
		.filter({ hasText: 'gp@demo.test' })
		.filter({ hasText: invitation.subject });
	await expect(row).toContainText('Invitation');
	await expect(row).toContainText('Waiting to send');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		row.getByRole('link', { name: 'meeting.ics' }).click()
	]);
	expect(download.suggestedFilename()).toBe('meeting.ics');
	const ics = await readFile((await download.path())!, 'utf8');
	expect(ics).toContain('METHOD:REQUEST');
	expect(ics).toContain(`UID:meeting-${CORE_GROUP}@roundtable`);
	expect(ics).toContain('SUMMARY:Core group meeting');
	expect(ics).not.toContain('Mia');
	await expectAccessible(page);

	// The late reports: the GP's report for today's conference.
	await page.getByRole('link', { name: 'Late reports across your meetings' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Late reports' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Dr Ravi Patel/ }).first()).toContainText(
		'Riverside GP practice'
	);
	// Who to chase: a way to write to them beside the name (issue 28).
	await expect(
		page
			.getByRole('row', { name: /Dr Ravi Patel/ })
			.first()
			.getByRole('link', { name: /@/ })
	).toHaveAttribute('href', /^mailto:/);
	await expectAccessible(page);

	// Moving the meeting from its page: a reason first, beside its field; then an update is queued.
	await page.goto(`/meetings/${CORE_GROUP}`);
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByText('Move or cancel this meeting').click();
	const later = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('New date').fill(later);
	await page.getByLabel('New time (UK)').fill('15:00');
	await page.getByRole('button', { name: 'Move the meeting' }).click();
	await expect(page.locator('#move-reason-error')).toHaveText(
		'Say why, so everyone invited knows: the reason is kept with the meeting.'
	);
	await expect(page.getByLabel('Why it moves')).toHaveAttribute(
		'aria-describedby',
		'move-reason-error'
	);
	await expectAccessible(page);
	await page.getByLabel('Why it moves').fill('The health visitor is on leave that day');
	await page.getByRole('button', { name: 'Move the meeting' }).click();
	await expect(page.getByRole('status')).toContainText('The meeting has moved to');
	await expect(page.getByRole('status')).toContainText('at 15:00');
	const after = (
		(await (await page.request.get('/api/outbox')).json()) as {
			messages: { to: string; subject: string; purpose: string; meetingId: string }[];
		}
	).messages;
	const updates = after.filter((m) => m.meetingId === CORE_GROUP && m.purpose === 'update');
	expect(updates.map((m) => m.to)).toEqual(
		expect.arrayContaining(['gp@demo.test', 'chair@demo.test', 'social.worker@demo.test'])
	);
	expect(updates[0].subject).toMatch(
		/^A meeting you are invited to has moved to \w+day \d+ \w+ at 15:00$/
	);
	await page.goto('/outbox');
	await expect(
		page.getByRole('row').filter({ hasText: 'gp@demo.test' }).filter({ hasText: 'Meeting moved' })
	).toHaveCount(1);
});
