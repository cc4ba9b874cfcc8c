/**
 * A child's own space and "Tell my reviewing officer" (issue 27), on the real database: a
 * reviewing officer gives a child in care an account and a set-up link; the child chooses a
 * password with it and signs in with a username; their space shows their next review and who
 * will be there, and their tracker card; their message reaches their reviewing officer, who
 * reads and answers it in the same place; another child, a parent and another chair see none
 * of it (404); a message unread for two working days tells the manager that one waits, without
 * its words; and every read and send is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	children,
	officerMessages,
	outbox,
	planActions,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { redeemAccountInvite } from '../../src/lib/server/auth/account-invites';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { queueUnreadMessageNotices, readConversations } from '../../src/lib/server/messages';
import { ownSpace } from '../../src/lib/server/own-space';
import * as messagesApi from '../../src/routes/api/messages/+server';
import * as accountApi from '../../src/routes/api/children/[childId]/account/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
const people = {} as Record<
	'officer' | 'otherChair' | 'manager' | 'parent' | 'socialWorker' | 'admin',
	User
>;
let tylerId: string;
let kaiId: string;
let tyler: SessionUser;
let kai: SessionUser;
let unitId: string;

async function call(
	handler: (e: never) => Promise<Response> | Response,
	user: SessionUser,
	init: { method: string; path: string; params?: Record<string, string>; body?: unknown }
) {
	const url = new URL(`https://roundtable.example.gov.uk${init.path}`);
	const e = {
		locals: { user, sessionId: null },
		params: init.params ?? {},
		url,
		request: new Request(url, {
			method: init.method,
			headers: { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body)
		})
	} as unknown as RequestEvent;
	try {
		const response = await handler(e as never);
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

/** Gives the child an account through the API, as their reviewing officer, and sets its password through the link. */
async function accountFor(childId: string, username: string): Promise<SessionUser> {
	const made = await call(accountApi.POST, sessionOf(people.officer), {
		method: 'POST',
		path: `/api/children/${childId}/account`,
		params: { childId },
		body: { username }
	});
	expect(made.status).toBe(201);
	const token = String(made.body.setUpLink).split('/invite/')[1];
	const redeemed = await redeemAccountInvite({
		db: handle.db,
		token: decodeURIComponent(token),
		password: 'purple giraffes dance quietly 7'
	});
	const signedIn = await signInWithPassword({
		db: handle.db,
		email: username,
		password: 'purple giraffes dance quietly 7',
		address: '192.0.2.1'
	});
	expect(signedIn).toMatchObject({ ok: true, role: 'child', userId: redeemed.userId });
	const [account] = await handle.db.query.users.findMany({
		where: (u, { eq: is }) => is(u.id, redeemed.userId)
	});
	return sessionOf(account);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	people.officer = await makeUser(db, { role: 'chair', unitId, name: 'Priya Shah' });
	people.otherChair = await makeUser(db, { role: 'chair', unitId });
	people.manager = await makeUser(db, { role: 'manager', unitId });
	people.admin = await makeUser(db, { role: 'admin', unitId });
	people.parent = await makeUser(db, { role: 'parent' });
	people.socialWorker = await makeUser(db, { role: 'professional', name: 'Sam Okafor' });
	const family = await makeFamily(db, {
		unitId,
		children: ['Tyler Hughes', 'Kai Hughes'],
		parents: [{ userId: people.parent.id, relationship: 'Foster carer' }]
	});
	[tylerId, kaiId] = family.children.map((c) => c.id);
	await db
		.update(children)
		.set({ inCareSince: '2025-01-10', iroId: people.officer.id, dateOfBirth: '2013-09-05' })
		.where(eq(children.id, tylerId));
	await db
		.update(children)
		.set({ inCareSince: '2025-01-10', iroId: people.otherChair.id })
		.where(eq(children.id, kaiId));
	// His last review made a plan; his next is in a week.
	const last = await makeMeeting(db, {
		unitId,
		kind: 'cic-review',
		status: 'ended',
		childIds: [tylerId],
		participants: [{ user: people.officer, role: 'chair' }]
	});
	await db.insert(planActions).values([
		{
			meetingId: last.meeting.id,
			recordActionId: 'a1',
			childId: tylerId,
			text: 'find a football club',
			who: 'Sam Okafor',
			state: 'done'
		},
		{
			meetingId: last.meeting.id,
			recordActionId: 'a2',
			childId: tylerId,
			text: 'arrange to see his brother every month',
			who: 'Sam Okafor',
			state: 'in-progress'
		}
	]);
	await makeMeeting(db, {
		unitId,
		kind: 'cic-review',
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + 7 * 86_400_000),
		childIds: [tylerId],
		participants: [
			{ user: people.officer, role: 'chair' },
			{ user: people.socialWorker, role: 'professional' }
		]
	});
	tyler = await accountFor(tylerId, 'tyler.h');
	kai = await accountFor(kaiId, 'kai.h');
}, 240_000); // four password hashes and checks (argon2id) on a busy machine

afterAll(async () => {
	await handle?.close();
});

describe('a child’s account', () => {
	it('is made only by the child’s reviewing officer or the unit’s office, once, with a username', async () => {
		// Kai's reviewing officer is the other chair, yet a unit chair may still make it: already made, 409.
		expect(kai).not.toBeNull();
		const again = await call(accountApi.POST, sessionOf(people.officer), {
			method: 'POST',
			path: `/api/children/${tylerId}/account`,
			params: { childId: tylerId },
			body: { username: 'tyler.two' }
		});
		expect(again.status).toBe(409);
		for (const who of [people.parent, people.socialWorker, people.manager]) {
			const refused = await call(accountApi.POST, sessionOf(who), {
				method: 'POST',
				path: `/api/children/${tylerId}/account`,
				params: { childId: tylerId },
				body: { username: 'x.y.z' }
			});
			expect(refused.status).toBe(404);
		}
		const bad = await call(accountApi.POST, sessionOf(people.admin), {
			method: 'POST',
			path: `/api/children/${kaiId}/account`,
			params: { childId: kaiId },
			body: { username: ' !' }
		});
		expect([400, 409]).toContain(bad.status);
	});
});

describe('the child’s own space', () => {
	it('shows the next review, who will be there, the reviewing officer and the tracker card', async () => {
		const space = await ownSpace({ db: handle.db, user: tyler });
		expect(space?.name).toBe('Tyler');
		expect(space?.nextReview?.title).toBe('Meeting to check how things are going for you');
		expect(space?.nextReview?.who).toEqual(
			expect.arrayContaining(['Priya Shah, your reviewing officer'])
		);
		expect(space?.nextReview?.form.questions.worries).toMatch(/worries you/);
		expect(space?.officer?.name).toBe('Priya Shah');
		expect(space?.tracker.map((t) => t.state)).toEqual(['Done', 'Being done now']);
	});
	it('is nobody else’s', async () => {
		expect(await ownSpace({ db: handle.db, user: sessionOf(people.parent) })).toBeNull();
		expect(await ownSpace({ db: handle.db, user: sessionOf(people.officer) })).toBeNull();
	});
});

describe('Tell my reviewing officer', () => {
	it('reaches the reviewing officer, who reads and answers in the same place', async () => {
		const sent = await call(messagesApi.POST, tyler, {
			method: 'POST',
			path: '/api/messages',
			body: { text: 'I want to see my brother more' }
		});
		expect(sent.status).toBe(201);
		expect(
			(await call(messagesApi.POST, tyler, { method: 'POST', path: '/api/messages', body: {} }))
				.status
		).toBe(400);
		const officerReads = await call(messagesApi.GET, sessionOf(people.officer), {
			method: 'GET',
			path: '/api/messages'
		});
		const conversations = officerReads.body.conversations as {
			childId: string;
			messages: { text: string; from: string; readAt: string | null }[];
		}[];
		expect(conversations).toHaveLength(1);
		expect(conversations[0].childId).toBe(tylerId);
		expect(conversations[0].messages[0]).toMatchObject({
			text: 'I want to see my brother more',
			from: 'Tyler'
		});
		expect(conversations[0].messages[0].readAt).not.toBeNull();
		const answer = await call(messagesApi.POST, sessionOf(people.officer), {
			method: 'POST',
			path: '/api/messages',
			body: { childId: tylerId, text: 'I will talk to Sam about it this week.' }
		});
		expect(answer.status).toBe(201);
		const [mine] = (await readConversations({ db: handle.db, user: tyler }))!;
		expect(mine.messages.map((m) => [m.from, m.text])).toEqual([
			['You', 'I want to see my brother more'],
			['Priya Shah', 'I will talk to Sam about it this week.']
		]);
	});

	it('is read by nobody else: another child, a parent, another chair, a manager', async () => {
		const otherChild = await call(messagesApi.GET, kai, {
			method: 'GET',
			path: `/api/messages?childId=${tylerId}`
		});
		expect(otherChild.status).toBe(404);
		const kaisOwn = await call(messagesApi.GET, kai, { method: 'GET', path: '/api/messages' });
		expect(JSON.stringify(kaisOwn.body)).not.toContain('brother');
		for (const who of [people.parent, people.otherChair, people.manager, people.socialWorker]) {
			const listed = await call(messagesApi.GET, sessionOf(who), {
				method: 'GET',
				path: '/api/messages'
			});
			expect(JSON.stringify(listed.body)).not.toContain('brother');
			const named = await call(messagesApi.GET, sessionOf(who), {
				method: 'GET',
				path: `/api/messages?childId=${tylerId}`
			});
			expect(named.status).toBe(404);
			const answered = await call(messagesApi.POST, sessionOf(who), {
				method: 'POST',
				path: '/api/messages',
				body: { childId: tylerId, text: 'hello' }
			});
			expect(answered.status).toBe(404);
		}
	});

	it('tells the manager when a child’s message waits unread for two working days, without its words', async () => {
		const { db } = handle;
		const monday = new Date('2026-03-02T10:00:00Z');
		const [message] = await db
			.insert(officerMessages)
			.values({
				unitId,
				childId: kaiId,
				fromUserId: kai.id,
				toOfficerId: people.otherChair.id,
				text: 'Nobody asked me about moving school',
				sentAt: monday
			})
			.returning();
		// Wednesday: one working day and a bit; nothing yet. Thursday: two working days.
		expect(await queueUnreadMessageNotices({ db, now: new Date('2026-03-03T12:00:00Z') })).toBe(0);
		expect(await queueUnreadMessageNotices({ db, now: new Date('2026-03-04T12:00:00Z') })).toBe(1);
		expect(await queueUnreadMessageNotices({ db, now: new Date('2026-03-05T12:00:00Z') })).toBe(0);
		const mails = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.purpose, 'message-waiting'), eq(outbox.userId, people.manager.id)));
		expect(mails).toHaveLength(1);
		expect(mails[0].textBody).not.toContain('moving school');
		expect(mails[0].textBody).not.toContain('Kai');
		const [after] = await db
			.select()
			.from(officerMessages)
			.where(eq(officerMessages.id, message.id));
		expect(after.escalatedAt).not.toBeNull();
	});

	it('is audited: who sent and read about which child, never the words', async () => {
		const rows = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, tylerId)));
		const actions = rows.map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['message-sent', 'messages-read', 'read']));
		expect(JSON.stringify(rows)).not.toContain('brother');
	});
});
