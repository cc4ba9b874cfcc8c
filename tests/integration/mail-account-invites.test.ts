/**
 * People without an account are invited to set one up through a single-use link that expires
 * (issue 11). A GP named without an account, with an email address, is sent the invitation
 * with a link /invite/{token}; only the token's SHA-256 is stored; the page's action makes the
 * account (the meeting's unit's) with the chosen password, gives it that one place, signs them
 * in and opens the meeting; the link then works no more, and an expired one never does. The
 * other meeting's link, with the same password, adds that place to the same account (issue 20:
 * a link claims only the place it was sent for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	accountInvites,
	meetingParticipants,
	outbox,
	users,
	type User
} from '../../src/lib/server/db/schema';
import { resetEnvForTests } from '../../src/lib/server/env';
import { useSharedDatabase } from '../../src/lib/server/db';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { CommandError } from '../../src/lib/server/command-error';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { rescheduleMeeting } from '../../src/lib/server/meetings/commands/change-meeting-date';
import {
	createAccountInvite,
	lookUpAccountInvite,
	pendingAccountInvites,
	redeemAccountInvite
} from '../../src/lib/server/auth/account-invites';
import {
	sessionIdFromToken,
	SESSION_COOKIE,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { actions, load } from '../../src/routes/invite/[token]/+page.server';
import { actions as meetingPageActions } from '../../src/routes/meetings/[id]/+page.server';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User;
let chair: User;
let meetingId: string;
let laterMeetingId: string;
const savedOrigin = process.env.ORIGIN;
const GP = 'ravi.patel@gp.example.test';

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000);

/** The token in the set-up link of the invitation to this address for this meeting. */
async function linkTokenFor(to: string, meeting: string): Promise<string> {
	const [mail] = await handle.db
		.select()
		.from(outbox)
		.where(
			and(
				eq(outbox.meetingId, meeting),
				eq(outbox.recipientEmail, to),
				eq(outbox.purpose, 'invitation')
			)
		);
	const match = /https:\/\/roundtable\.example\.gov\.uk\/invite\/([a-z2-7]{32})/.exec(
		mail.textBody
	);
	expect(match).not.toBeNull();
	return match![1];
}

/** Runs the page's action as SvelteKit would; returns the redirect or the failure and the cookie set. */
async function submit(token: string, fields: Record<string, string>) {
	const set: Record<string, string> = {};
	const event = {
		params: { token },
		request: new Request(`https://roundtable.example.gov.uk/invite/${token}`, {
			method: 'POST',
			body: new URLSearchParams(fields)
		}),
		url: new URL(`https://roundtable.example.gov.uk/invite/${token}`),
		cookies: { set: (name: string, value: string) => (set[name] = value) },
		getClientAddress: () => '192.0.2.7'
	} as unknown as RequestEvent;
	try {
		const failure = await actions.default(event as never);
		return {
			failure: failure as { status: number; data: { errors: Record<string, string> } },
			cookie: set[SESSION_COOKIE]
		};
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location, cookie: set[SESSION_COOKIE] };
		throw thrown;
	}
}

beforeAll(async () => {
	process.env.ORIGIN = 'https://roundtable.example.gov.uk';
	resetEnvForTests();
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	await makeUser(db, {
		role: 'professional',
		email: 'jo.reid@police.example.test',
		unitId: unit.id
	});
	const walkers = await makeFamily(db, { unitId: unit.id, children: ['Chrissie'] });
	const schedule = (days: number) =>
		createMeeting({
			db,
			scheduler: sessionOf(admin),
			kind: 'core-group',
			title: 'Core group for Chrissie Walker',
			scheduledAt: inFuture(days),
			childIds: walkers.children.map((c) => c.id),
			chairId: chair.id
		});
	meetingId = (await schedule(20)).id;
	laterMeetingId = (await schedule(40)).id;
});

afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
	resetEnvForTests();
});

describe('inviting someone without an account', () => {
	it('refuses an address that has an account, a role that cannot have one, and something that is not an address, beside the field', async () => {
		const { db } = handle;
		const attempt = (email: string, role: 'professional' | 'chair' = 'professional') =>
			inviteParticipant({
				db,
				actorId: admin.id,
				meetingId,
				userId: null,
				name: 'Someone',
				email,
				role,
				agencyId: null,
				voting: false,
				reportRequested: false
			}).then(
				() => null,
				(problem: unknown) => problem
			);
		for (const [email, role, words] of [
			['Jo.Reid@police.example.test', 'professional', 'already has an account'],
			['someone@example.test', 'chair', 'cannot be sent a link'],
			['not an address', 'professional', 'Enter an email address']
		] as const) {
			const problem = await attempt(email, role);
			expect(problem).toBeInstanceOf(CommandError);
			expect((problem as CommandError).field).toBe('email');
			expect((problem as CommandError).message).toContain(words);
		}
	});

	it('sends the invitation with a set-up link that expires, storing only its SHA-256', async () => {
		const { db } = handle;
		for (const id of [meetingId, laterMeetingId]) {
			await inviteParticipant({
				db,
				actorId: admin.id,
				meetingId: id,
				userId: null,
				name: 'Dr Ravi Patel',
				email: ' Ravi.Patel@GP.example.test ',
				role: 'professional',
				agencyId: null,
				voting: false,
				reportRequested: id === meetingId
			});
		}
		const token = await linkTokenFor(GP, meetingId);
		const [mail] = await db
			.select()
			.from(outbox)
			.where(
				and(
					eq(outbox.meetingId, meetingId),
					eq(outbox.purpose, 'invitation'),
					eq(outbox.recipientEmail, 'ravi.patel@gp.example.test')
				)
			);
		expect(mail.userId).toBeNull();
		expect(mail.textBody).toMatch(
			/You do not have an account on Roundtable yet\. Set one up with this link \(it works once, until \w+day \d+ \w+ \d{4}\):/
		);
		expect(mail.attachments[0].filename).toBe('meeting.ics');
		const [request] = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'report-request')));
		expect(request.recipientEmail).toBe(GP);
		expect(request.textBody).toContain('use the link in your invitation email');
		const stored = await db.select().from(accountInvites);
		expect(stored.map((row) => row.id)).toContain(sessionIdFromToken(token));
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(
			stored.every(
				(row) =>
					row.email === GP && row.expiresAt.getTime() - row.createdAt.getTime() === 14 * 86_400_000
			)
		).toBe(true);
		expect(await lookUpAccountInvite({ db, token })).toMatchObject({
			ok: true,
			name: 'Dr Ravi Patel',
			email: GP,
			meetingId
		});
	});

	it('writes to them when the meeting moves, at the address given', async () => {
		const { db } = handle;
		await rescheduleMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			scheduledAt: inFuture(21),
			reason: 'The room is needed'
		});
		const updates = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'update')));
		expect(updates.map((m) => m.recipientEmail)).toContain(GP);
	});

	it('the set-up page shows who it is for, refuses a short password beside the field, then makes the account, signs them in and opens the meeting', async () => {
		const { db } = handle;
		const token = await linkTokenFor(GP, meetingId);
		expect(await load({ params: { token }, setHeaders: () => {} } as never)).toMatchObject({
			ok: true,
			name: 'Dr Ravi Patel',
			email: GP
		});
		const short = await submit(token, { password: 'short', confirm: 'short' });
		expect(short.failure!.status).toBe(400);
		expect(short.failure!.data.errors.password).toBe('Use at least 12 characters.');
		const mismatch = await submit(token, {
			password: 'a long enough password',
			confirm: 'another long password'
		});
		expect(mismatch.failure!.data.errors.confirm).toBe('The two passwords are not the same.');

		const done = await submit(token, {
			password: 'a long enough password',
			confirm: 'a long enough password'
		});
		expect(done.location).toBe(`/meetings/${meetingId}`);
		const session = await validateSessionToken({ db, token: done.cookie! });
		expect(session.user).toMatchObject({
			name: 'Dr Ravi Patel',
			email: GP,
			role: 'professional',
			unitId: chair.unitId
		});
		// Only the place the link was sent for is the account's; the other waits for its own link.
		const places = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.email, GP));
		expect(Object.fromEntries(places.map((p) => [p.meetingId, p.userId]))).toEqual({
			[meetingId]: session.user!.id,
			[laterMeetingId]: null
		});
		expect(
			(
				await signInWithPassword({
					db,
					email: GP,
					password: 'a long enough password',
					address: '192.0.2.7'
				})
			).ok
		).toBe(true);
	});

	it('works once; the other meeting’s link, with the same password, adds that meeting to the same account', async () => {
		const { db } = handle;
		const token = await linkTokenFor(GP, meetingId);
		const again = await submit(token, {
			password: 'a long enough password',
			confirm: 'a long enough password'
		});
		expect(again.failure!.data.errors.form).toContain('has been used already');
		const later = await linkTokenFor(GP, laterMeetingId);
		expect(await load({ params: { token: later }, setHeaders: () => {} } as never)).toMatchObject({
			ok: true
		});
		const joined = await submit(later, {
			password: 'a long enough password',
			confirm: 'a long enough password'
		});
		expect(joined.location).toBe(`/meetings/${laterMeetingId}`);
		const accounts = await db.select().from(users).where(eq(users.email, GP));
		expect(accounts).toHaveLength(1);
		const places = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.email, GP));
		expect(places.map((p) => p.userId)).toEqual([accounts[0].id, accounts[0].id]);
	});

	it('expires, and makes one account when used twice at once', async () => {
		const { db } = handle;
		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId,
			userId: null,
			name: 'Carol Hughes',
			email: 'carol@example.test',
			role: 'parent',
			agencyId: null,
			voting: false,
			reportRequested: false
		});
		const [carol] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.email, 'carol@example.test'));
		const old = await createAccountInvite({
			db,
			participantId: carol.id,
			email: carol.email!,
			now: new Date(Date.now() - 15 * 86_400_000)
		});
		expect(await lookUpAccountInvite({ db, token: old.token })).toEqual({
			ok: false,
			problem: "This link has expired. Ask the unit's business support to send you a new one."
		});
		await expect(
			redeemAccountInvite({ db, token: old.token, password: 'a long enough password' })
		).rejects.toBeInstanceOf(CommandError);
		expect(await lookUpAccountInvite({ db, token: 'abc' })).toMatchObject({ ok: false });

		const token = await linkTokenFor('carol@example.test', meetingId);
		const results = await Promise.allSettled([
			redeemAccountInvite({ db, token, password: 'a long enough password' }),
			redeemAccountInvite({ db, token, password: 'another long password' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const [account] = await db.select().from(users).where(eq(users.email, 'carol@example.test'));
		expect(account.role).toBe('parent');
	});

	it('lists who has not set up an account yet, and sends a new link when theirs has expired', async () => {
		const { db } = handle;
		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId,
			userId: null,
			name: 'Ruth Ellis',
			email: 'ruth@example.test',
			role: 'parent',
			agencyId: null,
			voting: false,
			reportRequested: false
		});
		const [ruth] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.email, 'ruth@example.test'));
		expect(
			(await pendingAccountInvites({ db, meetingId })).map((p) => [p.name, p.expired])
		).toEqual([['Ruth Ellis', false]]);
		await db
			.update(accountInvites)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(accountInvites.participantId, ruth.id));
		expect((await pendingAccountInvites({ db, meetingId }))[0]).toMatchObject({
			name: 'Ruth Ellis',
			expired: true
		});

		const url = new URL(`https://roundtable.example.gov.uk/meetings/${meetingId}`);
		const resend = async (user: User) =>
			meetingPageActions.resendSetUpLink({
				locals: { user: sessionOf(user), sessionId: null },
				params: { id: meetingId },
				url,
				request: new Request(url, {
					method: 'POST',
					body: new URLSearchParams({ participantId: ruth.id })
				})
			} as never);
		expect(await resend(admin)).toEqual({
			message: 'A new link to set up an account is on its way to Ruth Ellis.'
		});
		const invitations = await db
			.select()
			.from(outbox)
			.where(
				and(
					eq(outbox.meetingId, meetingId),
					eq(outbox.recipientEmail, 'ruth@example.test'),
					eq(outbox.purpose, 'invitation')
				)
			);
		expect(invitations).toHaveLength(2);
		const fresh = invitations.map((m) => /\/invite\/([a-z2-7]{32})/.exec(m.textBody)![1]);
		const states = await Promise.all(fresh.map((token) => lookUpAccountInvite({ db, token })));
		expect(states.map((state) => state.ok).sort()).toEqual([false, true]);
		expect((await pendingAccountInvites({ db, meetingId }))[0].expired).toBe(false);
		const stranger = await makeUser(db, { role: 'professional' });
		const refused = await Promise.resolve(resend(stranger)).catch((problem: unknown) => problem);
		expect((refused as { status?: number }).status).toBe(404);
	});
});
