/**
 * Everyone who must know, knows (issue 22) — the done-when test, through the route
 * handlers and a real SMTP server: a conference with a teacher (address only), a GP practice's
 * team mailbox, a police officer with an account on a secure domain and the emergency duty team;
 * End sends the 24-hour plan to all of them within a minute (the PDF attached on the secure
 * domains, a personal link and one-time code elsewhere); the teacher opens hers through the code;
 * a bounce is read back and shown, and resent to a corrected address; the chair holds the plan
 * back with a reason in a unit with no emergency duty team (warned), then sends it; approval
 * circulates the final notes (one name held back; a refused address bounces and is dismissed);
 * scheduling a review proposes the last meeting's professionals and asks each for a report due
 * the unit's working days before; an initial conference about a child over 5 tells the advocacy
 * service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	agencies,
	auditLog,
	children as childrenTable,
	circulation,
	copyLinks,
	meetingDocuments,
	meetingParticipants,
	meetings,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { createMailSender } from '../../src/lib/server/mail/sender';
import {
	GET as getCirculation,
	POST as postCirculationAction
} from '../../src/routes/api/meetings/[id]/circulation/+server';
import { POST as postEnd } from '../../src/routes/api/meetings/[id]/end/+server';
import { POST as postBounce } from '../../src/routes/api/mail/bounces/+server';
import { POST as postApprove } from '../../src/routes/api/documents/[id]/approve/+server';
import { POST as postMeetings } from '../../src/routes/api/meetings/+server';
import { GET as getDue } from '../../src/routes/api/documents/due/+server';
import { load as loadNotesPage } from '../../src/routes/meetings/[id]/notes/+page.server';
import { submitNotes } from '../../src/lib/server/documents/notes';
import { resetEnvForTests } from '../../src/lib/server/env';
import { reportDeadline } from '../../src/lib/domain/reminders';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { formatCalendarDate } from '../../src/lib/domain/calendar-date';
import {
	load as loadCopy,
	actions as copyActions
} from '../../src/routes/copies/[token]/+page.server';
import { GET as getCopyPdf } from '../../src/routes/copies/[token]/pdf/+server';
import { startSmtpServer } from '../smtp';
import { pendingAccountInvites } from '../../src/lib/server/auth/account-invites';
import { useSharedDatabase } from '../../src/lib/server/db';
import { POST as postParticipant } from '../../src/routes/api/meetings/[id]/participants/+server';
import { GET as getSettings, PUT as putSettings } from '../../src/routes/api/unit/settings/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User, manager: User, police: User, parent: User, otherAdmin: User;
let meetingId: string;
let childId: string;
let unitId: string, otherUnitId: string;
let school: string, gp: string, edt: string, otherUnitsAgency: string, noAddress: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response> | Response;

async function call(
	handler: Handler,
	user: User,
	props: { body?: unknown; params?: Record<string, string>; method?: string } = {}
) {
	const url = new URL('http://127.0.0.1/api/x');
	const request = new Request(url, {
		method: props.method ?? (props.body === undefined ? 'GET' : 'POST'),
		body: props.body === undefined ? undefined : JSON.stringify(props.body),
		headers: { 'content-type': 'application/json' }
	});
	const response = await handler({
		request,
		url,
		params: props.params ?? {},
		locals: { user: sessionOf(user), sessionId: 'test' }
	});
	return { status: response.status, body: await response.json(), at: Date.now() };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	const agency = async (name: string, kind: string, email: string | null, unitId = unit.id) =>
		(await db.insert(agencies).values({ name, kind, email, unitId }).returning())[0].id;
	school = await agency('Hill Top Primary School', 'school', 'office@hilltop.example.org');
	gp = await agency('Elm Street Surgery', 'gp', 'elm.street@nhs.net');
	edt = await agency('Emergency duty team', 'emergency-duty-team', 'edt@council.gov.uk');
	noAddress = await agency('Northside Nursery', 'nursery', null);
	otherUnitsAgency = await agency('Their school', 'school', 'office@theirs.example.org', other.id);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: other.id });
	police = await makeUser(db, {
		role: 'professional',
		unitId: unit.id,
		name: 'PC Dan Jones',
		email: 'dan.jones@leeds.police.uk'
	});
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	unitId = unit.id;
	otherUnitId = other.id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + 7 * 86_400_000),
		childIds: [children[0].id],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
});

afterAll(async () => {
	await handle?.close();
});

describe('recipients are people and mailboxes (POST /api/meetings/{id}/participants)', () => {
	it('takes a person with an account, a person with only an address and a team mailbox', async () => {
		const { db } = handle;
		const params = { id: meetingId };
		const officer = await call(postParticipant, admin, {
			params,
			body: { userId: police.id, role: 'professional' }
		});
		expect(officer.status).toBe(201);

		const teacher = await call(postParticipant, admin, {
			params,
			body: {
				name: 'Mrs Ellen Green',
				email: 'E.Green@HillTop.example.org',
				role: 'professional',
				agencyId: school
			}
		});
		expect(teacher.status).toBe(201);
		const [teacherRow] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, teacher.body.id));
		expect(teacherRow).toMatchObject({
			name: 'Mrs Ellen Green',
			email: 'e.green@hilltop.example.org',
			agencyId: school,
			mailbox: false,
			userId: null
		});

		const practice = await call(postParticipant, chair, {
			params,
			body: { agencyId: gp, mailbox: true }
		});
		expect(practice.status).toBe(201);
		const [practiceRow] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, practice.body.id));
		expect(practiceRow).toMatchObject({
			name: 'Elm Street Surgery',
			email: 'elm.street@nhs.net',
			role: 'professional',
			mailbox: true,
			voting: false
		});
		expect(
			(await call(postParticipant, admin, { params, body: { agencyId: edt, mailbox: true } }))
				.status
		).toBe(201);

		// Each is invited; the teacher's invitation carries a set-up link, the mailboxes' never.
		const mail = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		const to = (address: string) => mail.find((m) => m.recipientEmail === address);
		expect(to('e.green@hilltop.example.org')?.textBody).toMatch(/\/invite\//);
		expect(to('elm.street@nhs.net')?.purpose).toBe('invitation');
		expect(to('elm.street@nhs.net')?.textBody).not.toMatch(/\/invite\/|set up your account/i);
		expect(to('edt@council.gov.uk')?.textBody).not.toMatch(/\/invite\//);
		expect(to(police.email)?.purpose).toBe('invitation');
		// The page's "invited without an account yet" lists the teacher, never a mailbox.
		const pending = await pendingAccountInvites({ db, meetingId });
		expect(pending.map((p) => p.name)).toEqual(['Mrs Ellen Green']);
	});

	it('refuses what it cannot use, naming the field', async () => {
		const params = { id: meetingId };
		const cases: [unknown, string, RegExp][] = [
			[{ agencyId: gp, mailbox: true }, 'agencyId', /already on the list/],
			[{ agencyId: noAddress, mailbox: true }, 'agencyId', /no team address/],
			[{ agencyId: otherUnitsAgency, mailbox: true }, 'agencyId', /unit’s list/],
			[{ agencyId: 'nonsense', mailbox: true }, 'agencyId', /unit’s list/],
			[
				{
					name: 'A Teacher',
					email: 'a@b.example.org',
					role: 'professional',
					agencyId: otherUnitsAgency
				},
				'agencyId',
				/unit’s list/
			],
			[
				{ name: 'A Teacher', email: 'not an address', role: 'professional' },
				'email',
				/address like/
			],
			[
				{ name: 'A Teacher', email: 'a@b.example.org', role: 'boss' },
				'role',
				/part in the meeting/
			],
			[{ name: '', email: 'a@b.example.org', role: 'professional' }, 'name', /name/],
			[
				{ name: 'Dawn again', email: police.email, role: 'professional' },
				'email',
				/already has an account/
			]
		];
		for (const [body, field, message] of cases) {
			const answer = await call(postParticipant, admin, { params, body });
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect(answer.body.errors[field], JSON.stringify(body)).toMatch(message);
		}
		// Someone who may not prepare the meeting, or another unit's business support: not found.
		for (const who of [parent, otherAdmin, police])
			expect(
				(await call(postParticipant, who, { params, body: { agencyId: edt, mailbox: true } }))
					.status
			).toBe(404);
	});
});

describe('the unit settings (GET/PUT /api/unit/settings)', () => {
	it('business support and managers read and set them; others are answered 404', async () => {
		expect((await call(getSettings, admin)).body).toEqual({
			secureDomains: [],
			reportDueWorkingDays: 3
		});
		const put = await call(putSettings, manager, {
			method: 'PUT',
			body: {
				secureDomains: ['NHS.net', '@police.uk', 'gov.uk', 'nhs.net'],
				reportDueWorkingDays: 5
			}
		});
		expect(put.status).toBe(200);
		expect(put.body).toEqual({
			secureDomains: ['nhs.net', 'police.uk', 'gov.uk'],
			reportDueWorkingDays: 5
		});
		expect((await call(getSettings, admin)).body.secureDomains).toEqual([
			'nhs.net',
			'police.uk',
			'gov.uk'
		]);
		// Another unit's business support sees their own unit's, untouched.
		expect((await call(getSettings, otherAdmin)).body.secureDomains).toEqual([]);
		const audited = await handle.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'unit-settings-changed'));
		expect(audited).toHaveLength(1);
		for (const who of [chair, police, parent]) {
			expect((await call(getSettings, who)).status).toBe(404);
			expect(
				(
					await call(putSettings, who, {
						method: 'PUT',
						body: { secureDomains: [], reportDueWorkingDays: 3 }
					})
				).status
			).toBe(404);
		}
	});

	it('refuses a bad domain or number with a 400 naming the field', async () => {
		const cases: [unknown, string][] = [
			[{ secureDomains: ['nhs'], reportDueWorkingDays: 3 }, 'secureDomains'],
			[{ secureDomains: 'nhs.net', reportDueWorkingDays: 3 }, 'secureDomains'],
			[{ secureDomains: [42], reportDueWorkingDays: 3 }, 'secureDomains'],
			[{ secureDomains: ['nhs.net'], reportDueWorkingDays: 0 }, 'reportDueWorkingDays'],
			[{ secureDomains: ['nhs.net'], reportDueWorkingDays: 2.5 }, 'reportDueWorkingDays'],
			[{ secureDomains: ['nhs.net'], reportDueWorkingDays: '3' }, 'reportDueWorkingDays'],
			[{ secureDomains: ['nhs.net'] }, 'reportDueWorkingDays']
		];
		for (const [body, field] of cases) {
			const answer = await call(putSettings, admin, { method: 'PUT', body });
			expect(answer.status, JSON.stringify(body)).toBe(400);
			expect(Object.keys(answer.body.errors), JSON.stringify(body)).toEqual([field]);
		}
		expect((await call(getSettings, admin)).body.reportDueWorkingDays).toBe(5);
	});
});

describe('how a copy travels, and the proof (POST …/circulate, /copies/{token}, GET …/circulation)', () => {
	it('attaches the PDF on a secure domain, sends a personal link elsewhere, and the teacher opens hers with the code', async () => {
		const { db } = handle;
		// The unit lists nhs.net, police.uk and gov.uk (the settings test above).
		await db.update(meetings).set({ status: 'live' }).where(eq(meetings.id, meetingId));
		// End: the 24-hour plan is queued at once, to everyone, nobody pressing anything else.
		const ended = await call(postEnd, chair, {
			params: { id: meetingId },
			body: { confirm: true, reason: noRegister.reason }
		});
		expect(ended.status).toBe(200);
		// The chair, the parent (the family's copy), the officer, the teacher, the school's office,
		// the GP practice and the emergency duty team.
		expect(ended.body.plan).toEqual({ queued: 7, held: null, warnings: [] });
		const docs = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		const plan = docs.find((d) => d.kind === 'plan-24h')!;
		const familyPlan = docs.find((d) => d.kind === 'parent-plan')!;
		// Before the sender runs, the page's clock runs and every copy is queued.
		const before = await call(getCirculation, chair, { params: { id: meetingId } });
		expect(before.body.plan).toMatchObject({ documentId: plan.id, complete: false, held: null });
		expect(before.body.warnings).toEqual([]);
		expect(new Set(before.body.recipients.map((r: { state: string }) => r.state))).toEqual(
			new Set(['queued'])
		);

		const mail = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'circulation')));
		const to = (address: string) => mail.find((m) => m.recipientEmail === address)!;
		expect(mail).toHaveLength(7);
		for (const m of mail) expect(m.priority).toBe(2);
		// Secure domains (exact, and subdomains of gov.uk and police.uk): the PDF attached, no link.
		for (const address of ['elm.street@nhs.net', 'edt@council.gov.uk', police.email]) {
			const m = to(address);
			expect(m.documentId).toBe(plan.id);
			expect(m.attachments).toHaveLength(1);
			expect(m.attachments[0]).toMatchObject({
				filename: '24-hour-plan-version-1.pdf',
				contentType: 'application/pdf'
			});
			expect(Buffer.from(m.attachments[0].contentBase64, 'base64').subarray(0, 5).toString()).toBe(
				'%PDF-'
			);
			expect(m.textBody).not.toMatch(/\/copies\//);
		}
		// Elsewhere: a personal link, nothing attached; the parent's is the family's copy.
		for (const address of ['e.green@hilltop.example.org', parent.email]) {
			expect(to(address).attachments).toEqual([]);
			expect(to(address).textBody).toMatch(/\/copies\/[a-z2-7]{32}\n/);
		}
		expect(to(parent.email).documentId).toBe(familyPlan.id);
		// Nothing personal in any subject or body.
		for (const m of mail) {
			expect(`${m.subject}\n${m.textBody}`).not.toMatch(/Chrissie|Walker|Ellen|Green|Elm Street/);
		}

		// Delivered through a real SMTP server within a minute of the end: the GP practice's
		// message carries the PDF; each leaves with its own return path (VERP) for bounces.
		const smtp = await startSmtpServer();
		try {
			const sender = createMailSender({
				db,
				smtpUrl: smtp.url,
				from: 'Roundtable <roundtable@unit.example.gov.uk>',
				now: () => new Date(Date.now() + 1000)
			});
			await sender.sendDue();
			await sender.stop();
			const copiesTo = smtp.envelopes.filter((_, i) =>
				smtp.received[i].subject?.startsWith('A document from')
			);
			expect(copiesTo.flat().sort()).toEqual(
				[
					'e.green@hilltop.example.org',
					'office@hilltop.example.org',
					'elm.street@nhs.net',
					'edt@council.gov.uk',
					police.email,
					chair.email,
					parent.email
				].sort()
			);
			const delivered = await db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'circulation')));
			for (const m of delivered) {
				expect(m.state).toBe('sent');
				expect(m.deliveredAt!.getTime() - ended.at).toBeLessThan(60_000);
			}
			expect(smtp.returnPaths).toContain(
				`roundtable+bounce-${delivered.find((m) => m.recipientEmail === police.email)!.id}@unit.example.gov.uk`
			);
			const gpMail =
				smtp.received[smtp.envelopes.findIndex((e) => e.includes('elm.street@nhs.net'))];
			expect(gpMail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
			const teacherMail =
				smtp.received[smtp.envelopes.findIndex((e) => e.includes('e.green@hilltop.example.org'))];
			expect(teacherMail.attachments).toEqual([]);
			const token = /\/copies\/([a-z2-7]{32})/.exec(teacherMail.text ?? '')![1];

			// The teacher opens the link: the page names where the code goes, half hidden.
			const page = (await loadCopy(loadEvent(token))) as {
				ok: boolean;
				maskedAddress?: string;
			};
			expect(page).toEqual({ ok: true, maskedAddress: 'e•••@hilltop.example.org' });
			// Before any code, and with a wrong one, nothing opens.
			expect(await openWith(token, '123456')).toMatchObject({ status: 400 });
			expect(await copyActions.send!(actionEvent(token))).toEqual({ sent: true });
			await db.update(outbox).set({ nextAttemptAt: new Date(0) }); // the code goes now
			const codeSender = createMailSender({ db, smtpUrl: smtp.url });
			await codeSender.sendDue();
			await codeSender.stop();
			const codeMail = smtp.received.find((m) => m.subject === 'Your code to open a document')!;
			const code = /Your code is (\d{6})/.exec(codeMail.text ?? '')![1];
			const wrong = code === '000000' ? '111111' : '000000';
			const refused = (await openWith(token, wrong)) as {
				status: number;
				data: { errors: Record<string, string> };
			};
			expect(refused.status).toBe(400);
			expect(refused.data.errors.code).toMatch(/not right/);
			// The right code: sent on to the PDF, once.
			let location = '';
			try {
				await openWith(token, code);
			} catch (thrown) {
				location = (thrown as { location: string }).location;
			}
			expect(location).toMatch(new RegExp(`^/copies/${token}/pdf\\?grant=[a-z2-7]{32}$`));
			const grant = new URL(location, 'http://x').searchParams.get('grant')!;
			const pdf = await getCopyPdf(pdfEvent(token, grant));
			expect(pdf.status).toBe(200);
			expect(pdf.headers.get('content-type')).toBe('application/pdf');
			expect(pdf.headers.get('content-disposition')).toBe(
				'attachment; filename="24-hour-plan-version-1.pdf"'
			);
			await expect(getCopyPdf(pdfEvent(token, grant))).rejects.toMatchObject({ status: 404 });
			// The code was used up.
			expect(await openWith(token, code)).toMatchObject({ status: 400 });
			const opened = await db.select().from(auditLog).where(eq(auditLog.action, 'copy-opened'));
			expect(opened).toHaveLength(1);
			expect(opened[0].targetId).toBe(plan.id);
		} finally {
			await smtp.close();
		}

		// The proof, per recipient: the teacher opened hers; the rest were delivered.
		const record = await call(getCirculation, chair, { params: { id: meetingId } });
		expect(record.status).toBe(200);
		const row = (address: string) =>
			(record.body.recipients as { address: string }[]).find((r) => r.address === address);
		expect(row('e.green@hilltop.example.org')).toMatchObject({
			name: 'Mrs Ellen Green',
			agency: 'Hill Top Primary School',
			copy: '24-hour plan',
			version: 1,
			state: 'opened'
		});
		expect(row('elm.street@nhs.net')).toMatchObject({
			name: 'Elm Street Surgery',
			agency: 'Elm Street Surgery',
			state: 'delivered'
		});
		expect(row(parent.email)).toMatchObject({ name: parent.name, copy: 'Plan for the family' });
		expect(row(police.email)).toMatchObject({ name: 'PC Dan Jones', state: 'delivered' });
		expect(record.body.plan).toMatchObject({ complete: true, held: null });
		for (const r of record.body.recipients) expect(Date.parse(r.at)).not.toBeNaN();
		await expect(call(getCirculation, police, { params: { id: meetingId } })).rejects.toMatchObject(
			{
				status: 404
			}
		);
	});

	it('an unknown or expired link opens nothing and sends no code', async () => {
		const { db } = handle;
		const unknown = (await loadCopy(loadEvent('a'.repeat(32)))) as {
			ok: boolean;
			problem?: string;
		};
		expect(unknown.ok).toBe(false);
		expect(unknown.problem).toMatch(/does not work/);
		const before = (await db.select().from(outbox)).length;
		expect(await copyActions.send!(actionEvent('a'.repeat(32)))).toMatchObject({ status: 400 });
		await db.update(copyLinks).set({ expiresAt: new Date(Date.now() - 1000) });
		const [any] = await db.select().from(circulation).where(eq(circulation.meetingId, meetingId));
		expect(any).toBeTruthy();
		const mail = await db
			.select()
			.from(outbox)
			.where(eq(outbox.recipientEmail, 'e.green@hilltop.example.org'));
		const token = mail.map((m) => /\/copies\/([a-z2-7]{32})/.exec(m.textBody)?.[1]).find(Boolean)!;
		const expired = (await loadCopy(loadEvent(token))) as {
			problem?: string;
		};
		expect(expired.problem).toMatch(/expired/);
		expect(await copyActions.send!(actionEvent(token))).toMatchObject({ status: 400 });
		expect((await db.select().from(outbox)).length).toBe(before);
	});
});

describe('a bounce is read back and shown, and acted on (POST /api/mail/bounces, POST …/circulation)', () => {
	it('marks the copy bounced by its return path, shows it until it is resent to a corrected address', async () => {
		const { db } = handle;
		const [policeMail] = await db
			.select()
			.from(outbox)
			.where(
				and(
					eq(outbox.meetingId, meetingId),
					eq(outbox.purpose, 'circulation'),
					eq(outbox.recipientEmail, police.email)
				)
			);
		const dsn = [
			`To: roundtable+bounce-${policeMail.id}@unit.example.gov.uk`,
			'Subject: Undelivered Mail Returned to Sender',
			'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
			'',
			'--b',
			'Content-Type: message/delivery-status',
			'',
			'Reporting-MTA: dns; mx.leeds.police.uk',
			'',
			`Final-Recipient: rfc822; ${police.email}`,
			'Action: failed',
			'Status: 5.1.1',
			'--b--'
		].join('\r\n');
		const post = (body: string, token?: string) =>
			postBounce({
				request: new Request('http://127.0.0.1/api/mail/bounces', {
					method: 'POST',
					body,
					headers: {
						'content-type': 'message/rfc822',
						...(token ? { authorization: `Bearer ${token}` } : {})
					}
				})
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
			} as any);
		const token = 'a-relay-token-of-enough-length-0123456789';
		// The intake is off until the operator sets its token; a wrong token is not found.
		await expect(post(dsn, token)).rejects.toMatchObject({ status: 404 });
		process.env.MAIL_BOUNCE_TOKEN = token;
		resetEnvForTests();
		try {
			await expect(post(dsn, 'wrong-token-wrong-token-wrong-token')).rejects.toMatchObject({
				status: 404
			});
			expect((await post('   ', token)).status).toBe(400);
			// A delay is not a bounce.
			const delayed = await post(dsn.replace('Action: failed', 'Action: delayed'), token);
			expect(await delayed.json()).toEqual({ matched: true, bounced: false });
			const answer = await post(dsn, token);
			expect(answer.status).toBe(200);
			expect(await answer.json()).toEqual({ matched: true, bounced: true });
		} finally {
			delete process.env.MAIL_BOUNCE_TOKEN;
			resetEnvForTests();
		}
		// Shown on the meeting's page (its record) and in the documents-due queue.
		const record = await call(getCirculation, admin, { params: { id: meetingId } });
		const bounced = record.body.recipients.find(
			(r: { address: string }) => r.address === police.email
		);
		expect(bounced).toMatchObject({
			state: 'bounced',
			needsAction: true,
			bounceReason: 'Bounced: the address does not exist (5.1.1).'
		});
		expect(record.body.plan.complete).toBe(false);
		const due = await call(getDue, admin);
		const planDue = due.body.documents.find(
			(d: { kind: string; meetingId: string }) => d.kind === 'plan-24h' && d.meetingId === meetingId
		);
		expect(planDue).toMatchObject({ problems: 1, done: false });

		// Resent to a corrected address: a new copy queued, the bounce marked dealt with.
		const refused = await call(postCirculationAction, admin, {
			params: { id: meetingId },
			body: { action: 'resend', circulationId: bounced.id, email: 'not an address' }
		});
		expect(refused.status).toBe(400);
		expect(refused.body.errors.email).toMatch(/corrected email address/);
		const resent = await call(postCirculationAction, admin, {
			params: { id: meetingId },
			body: { action: 'resend', circulationId: bounced.id, email: 'Dan.Jones2@leeds.police.uk' }
		});
		expect(resent).toMatchObject({ status: 200, body: { queued: 1 } });
		const after = await call(getCirculation, admin, { params: { id: meetingId } });
		const rows = after.body.recipients as {
			address: string;
			state: string;
			resolution: string | null;
			needsAction: boolean;
		}[];
		expect(rows.find((r) => r.address === police.email)).toMatchObject({
			resolution: 'resent',
			needsAction: false
		});
		expect(rows.find((r) => r.address === 'dan.jones2@leeds.police.uk')).toMatchObject({
			state: 'queued',
			copy: '24-hour plan'
		});
		// The same copy cannot be acted on twice; someone else is not found.
		expect(
			(
				await call(postCirculationAction, admin, {
					params: { id: meetingId },
					body: { action: 'dismiss', circulationId: bounced.id, reason: 'again' }
				})
			).body.errors.circulationId
		).toMatch(/nobody has dealt with/);
		await expect(
			call(postCirculationAction, police, {
				params: { id: meetingId },
				body: { action: 'dismiss', circulationId: bounced.id, reason: 'x' }
			})
		).resolves.toMatchObject({ status: 404 });
	});
});

describe('the chair holds the plan back, in a unit with no emergency duty team', () => {
	it('warns, queues nothing, shows it held with the reason, and sends it when asked', async () => {
		const { db } = handle;
		const theirChair = await makeUser(db, { role: 'chair', unitId: otherUnitId });
		const { meeting } = await makeMeeting(db, {
			unitId: otherUnitId,
			status: 'live',
			participants: [{ user: theirChair, role: 'chair' }]
		});
		const params = { id: meeting.id };
		const noReason = await call(postEnd, theirChair, {
			params,
			body: { confirm: true, reason: noRegister.reason, holdPlan: '   ' }
		}).catch((e: { status: number }) => e);
		expect(noReason.status).toBe(400);
		const ended = await call(postEnd, theirChair, {
			params,
			body: {
				confirm: true,
				reason: noRegister.reason,
				holdPlan: 'The family must hear the plan from their social worker first.'
			}
		});
		expect(ended.status).toBe(200);
		expect(ended.body.plan.queued).toBe(0);
		expect(ended.body.plan.held).toBe(
			'The family must hear the plan from their social worker first.'
		);
		expect(ended.body.plan.warnings[0]).toMatch(/no emergency duty team/);
		expect(
			await db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, meeting.id), eq(outbox.purpose, 'circulation')))
		).toEqual([]);
		expect(
			await db.select().from(auditLog).where(eq(auditLog.action, 'hold-circulation'))
		).toHaveLength(1);
		const page = await call(getCirculation, theirChair, { params });
		expect(page.body.plan.held.reason).toMatch(/social worker first/);
		expect(page.body.plan.complete).toBe(false);
		expect(page.body.warnings[0]).toMatch(/no emergency duty team/);
		const [hold] = page.body.holds;
		const released = await call(postCirculationAction, theirChair, {
			params,
			body: { action: 'release', holdId: hold.id }
		});
		expect(released).toMatchObject({ status: 200, body: { queued: 1 } });
		const later = await call(getCirculation, theirChair, { params });
		expect(later.body.plan.held).toBeNull();
		expect(later.body.holds).toEqual([]);
	});
});

describe('approval circulates the final notes (POST /api/documents/{id}/approve)', () => {
	it('shows the chair the list, holds back a name, queues the rest; a refused address bounces and is dismissed', async () => {
		const { db } = handle;
		const [draft] = await db
			.select()
			.from(meetingDocuments)
			.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'notes')));
		await submitNotes({ db, user: sessionOf(admin), documentId: draft.id });
		// The chair's page lists who gets what before approving.
		const page = (await loadNotesPage({
			locals: { user: sessionOf(chair), sessionId: 'test' },
			params: { id: meetingId },
			url: new URL(`http://127.0.0.1/meetings/${meetingId}/notes`)
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
		} as any)) as { recipients: { name: string; address: string; copy: string }[] };
		const listed = (address: string) => page.recipients.find((r) => r.address === address);
		expect(listed('e.green@hilltop.example.org')).toMatchObject({
			name: 'Mrs Ellen Green',
			copy: 'Professionals’ notes (restricted)'
		});
		expect(listed(parent.email)?.copy).toBe('Notes for the family');
		expect(listed('edt@council.gov.uk')?.copy).toBe('Professionals’ notes (restricted)');

		const approved = await call(postApprove, chair, {
			params: { id: draft.id },
			body: { holdBack: [parent.email.toUpperCase()] }
		});
		expect(approved.status).toBe(200);
		expect(approved.body.circulation).toEqual({
			queued: page.recipients.length - 1,
			held: 1
		});
		const notesMail = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.documentId, draft.id)));
		expect(notesMail.map((m) => m.recipientEmail)).not.toContain(parent.email);
		expect(notesMail.map((m) => m.recipientEmail)).toContain('e.green@hilltop.example.org');
		for (const m of notesMail) expect(`${m.subject} ${m.textBody}`).not.toMatch(/Chrissie|Walker/);

		// The school office's address is refused for good by its server: bounced at sending.
		const smtp = await startSmtpServer({ refuse: (a) => a === 'office@hilltop.example.org' });
		try {
			const sender = createMailSender({
				db,
				smtpUrl: smtp.url,
				now: () => new Date(Date.now() + 1000)
			});
			await sender.sendDue();
			await sender.stop();
		} finally {
			await smtp.close();
		}
		const record = await call(getCirculation, chair, { params: { id: meetingId } });
		const notesRows = (
			record.body.recipients as {
				id: string;
				address: string;
				copy: string;
				state: string;
				needsAction: boolean;
			}[]
		).filter((r) => r.copy === 'Professionals’ notes (restricted)');
		const office = notesRows.find((r) => r.address === 'office@hilltop.example.org')!;
		expect(office).toMatchObject({ state: 'bounced', needsAction: true });
		expect(notesRows.find((r) => r.address === 'elm.street@nhs.net')?.state).toBe('delivered');
		// The held name and the bounce are in the due queue until someone acts.
		expect(record.body.holds).toMatchObject([{ address: parent.email, documentId: draft.id }]);
		let due = await call(getDue, admin);
		const notesDue = () => due.body.documents.find((d: { id: string }) => d.id === draft.id);
		expect(notesDue()).toMatchObject({ state: 'final', unsent: 1, problems: 1, done: false });
		const noReason = await call(postCirculationAction, chair, {
			params: { id: meetingId },
			body: { action: 'dismiss', circulationId: office.id, reason: ' ' }
		});
		expect(noReason.body.errors.reason).toMatch(/Say why/);
		expect(
			(
				await call(postCirculationAction, chair, {
					params: { id: meetingId },
					body: {
						action: 'dismiss',
						circulationId: office.id,
						reason: 'Ellen Green has her own copy.'
					}
				})
			).status
		).toBe(200);
		due = await call(getDue, admin);
		expect(notesDue()).toMatchObject({ unsent: 1, problems: 0, done: false });
	});
});

describe('scheduling invites the people who should come (POST /api/meetings)', () => {
	it('proposes the last meeting’s professionals, invites them and asks each for a report due the unit’s working days before', async () => {
		const { db } = handle;
		const at = new Date(Date.now() + 35 * 86_400_000);
		while (at.getUTCDay() !== 3) at.setUTCDate(at.getUTCDate() + 1);
		at.setUTCHours(10, 0, 0, 0);
		const body = {
			kind: 'review-conference',
			childIds: [childId],
			chairId: chair.id,
			scheduledAt: at.toISOString(),
			reason: 'The review is set for when the family can come.'
		};
		const wrong = await call(postMeetings, admin, { body: { ...body, invite: ['nobody'] } });
		expect(wrong.status).toBe(400);
		expect(wrong.body.errors.invite).toMatch(/proposed/);
		const made = await call(postMeetings, admin, { body: { ...body, invite: 'proposed' } });
		expect(made.status).toBe(201);
		const names = made.body.proposed.map((p: { name: string }) => p.name).sort();
		expect(names).toEqual([
			'Elm Street Surgery',
			'Emergency duty team',
			'Mrs Ellen Green',
			'PC Dan Jones'
		]);
		const invited = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, made.body.id));
		expect(invited.map((p) => p.name).sort()).toEqual(
			[
				'Elm Street Surgery',
				'Emergency duty team',
				'Mrs Ellen Green',
				'PC Dan Jones',
				'Priya Shah'
			].sort()
		);
		// The teacher's address as corrected, not as first typed (the earlier list's row).
		const requests = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, made.body.id), eq(outbox.purpose, 'report-request')));
		expect(requests.map((m) => m.recipientEmail).sort()).toEqual(
			['e.green@hilltop.example.org', police.email].sort()
		);
		// Due 5 working days before (the unit's setting above), bank holidays skipped.
		const by = formatCalendarDate(reportDeadline(calendarDateOf(at), 5));
		for (const m of requests) expect(m.textBody).toContain(by);
		// Not a conference about a child over 5 and not initial: no advocacy notice.
		expect(
			await db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, made.body.id), eq(outbox.purpose, 'advocacy-notice')))
		).toEqual([]);
	});

	it('tells the advocacy service of an initial conference about a child over 5, naming nobody', async () => {
		const { db } = handle;
		await db.insert(agencies).values({
			name: 'Voice advocacy',
			kind: 'advocacy',
			email: 'referrals@voice.example.org',
			unitId
		});
		const { children: older } = await makeFamily(db, {
			unitId,
			children: ['Jordan Mills', 'Baby Mills']
		});
		await db
			.update(childrenTable)
			.set({ dateOfBirth: '2015-04-01' })
			.where(eq(childrenTable.id, older[0].id));
		const at = new Date(Date.now() + 10 * 86_400_000);
		at.setUTCHours(10, 0, 0, 0);
		const made = await call(postMeetings, admin, {
			body: {
				kind: 'initial-conference',
				childIds: older.map((c) => c.id),
				chairId: chair.id,
				scheduledAt: at.toISOString(),
				reason: 'The earliest date every agency can attend.'
			}
		});
		expect(made.status).toBe(201);
		const [notice] = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, made.body.id), eq(outbox.purpose, 'advocacy-notice')));
		expect(notice.recipientEmail).toBe('referrals@voice.example.org');
		expect(notice.textBody).toMatch(/A child over 5 is concerned/);
		expect(`${notice.subject} ${notice.textBody}`).not.toMatch(/Jordan|Mills|Baby/);
	});
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const actionEvent = (token: string, form?: Record<string, string>): any => {
	const body = new FormData();
	for (const [k, v] of Object.entries(form ?? {})) body.set(k, v);
	return {
		params: { token },
		request: new Request('http://127.0.0.1/copies/x', { method: 'POST', body })
	};
};
const openWith = (token: string, code: string) => copyActions.open!(actionEvent(token, { code }));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pdfEvent = (token: string, grant: string): any => ({
	params: { token },
	url: new URL(`http://127.0.0.1/copies/${token}/pdf?grant=${grant}`)
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loadEvent = (token: string): any => ({ params: { token }, setHeaders: () => {} });
