/**
 * Everyone who must know, knows (issue 22), through the route handlers: a meeting's list holds
 * a person with an account, a named person with only an address and an agency's team mailbox;
 * the unit's settings (secure domains, when reports are due) are kept by business support and
 * managers only; the circulation record names each recipient, their agency, the copy and its
 * state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	agencies,
	auditLog,
	circulation,
	copyLinks,
	meetingDocuments,
	meetingParticipants,
	meetings,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { createMailSender } from '../../src/lib/server/mail/sender';
import { POST as postCirculate } from '../../src/routes/api/meetings/[id]/circulate/+server';
import { GET as getCirculation } from '../../src/routes/api/meetings/[id]/circulation/+server';
import {
	load as loadCopy,
	actions as copyActions
} from '../../src/routes/copies/[token]/+page.server';
import { GET as getCopyPdf } from '../../src/routes/copies/[token]/pdf/+server';
import { startSmtpServer } from '../smtp';
import { pendingAccountInvites } from '../../src/lib/server/auth/account-invites';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { processState } from '../../src/lib/server/process-state';
import { POST as postParticipant } from '../../src/routes/api/meetings/[id]/participants/+server';
import { GET as getSettings, PUT as putSettings } from '../../src/routes/api/unit/settings/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister
} from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User, manager: User, police: User, parent: User, otherAdmin: User;
let meetingId: string;
let school: string, gp: string, edt: string, otherUnitsAgency: string, noAddress: string;

const session = (u: User): SessionUser => ({
	id: u.id,
	name: u.name,
	email: u.email,
	role: u.role,
	unitId: u.unitId,
	agencyId: u.agencyId
});

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
		locals: { user: session(user), sessionId: 'test' }
	});
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	processState().database = Promise.resolve(handle);
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
	police = await makeUser(db, { role: 'professional', unitId: unit.id, name: 'PC Dan Jones' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
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
		await endMeeting({ db, user: session(chair), meetingId, confirmation: noRegister });
		const docs = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		const plan = docs.find((d) => d.kind === 'plan-24h')!;
		const familyPlan = docs.find((d) => d.kind === 'parent-plan')!;

		const sent = await call(postCirculate, admin, {
			params: { id: meetingId },
			body: { documentId: plan.id }
		});
		expect(sent.status).toBe(200);
		const mail = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'circulation')));
		const to = (address: string) => mail.find((m) => m.recipientEmail === address)!;
		// Secure domains (exact, and a subdomain of gov.uk): the PDF attached, no link.
		for (const address of ['elm.street@nhs.net', 'edt@council.gov.uk']) {
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
		for (const address of ['e.green@hilltop.example.org', police.email, parent.email]) {
			expect(to(address).attachments).toEqual([]);
			expect(to(address).textBody).toMatch(/\/copies\/[a-z2-7]{32}\n/);
		}
		expect(to(parent.email).documentId).toBe(familyPlan.id);
		// Nothing personal in any subject or body.
		for (const m of mail) {
			expect(`${m.subject}\n${m.textBody}`).not.toMatch(/Chrissie|Walker|Ellen|Green|Elm Street/);
		}

		// Delivered through a real SMTP server: the GP practice's message carries the PDF.
		const smtp = await startSmtpServer();
		try {
			const sender = createMailSender({
				db,
				smtpUrl: smtp.url,
				now: () => new Date(Date.now() + 1000)
			});
			await sender.sendDue();
			await sender.stop();
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
