/**
 * The interpreter is a participant (issue 26). Business support is told a child needs one and
 * none is on the list; inviting one by name and email without a language is a 400 naming the
 * field; with one, the register names the language, the gap closes and the invitations say an
 * interpreter is booked. The interpreter's own set-up link makes their account; over the real
 * socket they read the main record as the family does, cannot open the restricted channel or the
 * professionals' notes, and any write closes them with 4403 and reaches no one. Their place shows
 * them the meeting, not the child's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import {
	children,
	meetingParticipants,
	meetings,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { interpretersWanted } from '../../src/lib/server/meetings/interpreters';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { childForViewer } from '../../src/lib/server/families/queries';
import { queueInvitation } from '../../src/lib/server/mail/invitations';
import { redeemAccountInvite } from '../../src/lib/server/auth/account-invites';
import { roots } from '../../src/lib/collab/roots';
import { closeCodes } from '../../src/lib/collab/protocol';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf,
	signIn
} from '../factories';
import { inviteThroughApi } from '../fixtures/invite-api';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer | undefined;
const pool = clientPool();
let admin: User, chair: User, police: User, mum: User;
let amy: string;
let meetingId: string;
let policeParticipantId: string;
let mumParticipantId: string;

/** POST /api/meetings/{id}/participants as the unit's admin. */
const invite = (body: unknown) => inviteThroughApi(admin, meetingId, body);

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	police = await makeUser(db, { role: 'professional', unitId: unit.id });
	mum = await makeUser(db, { role: 'parent', unitId: unit.id });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		children: ['Amy Walker'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	amy = walkers.children[0].id;
	await db
		.update(children)
		.set({ firstLanguage: 'Polish', interpreterNeeded: true })
		.where(eq(children.id, amy));
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		childIds: [amy],
		scheduledAt: new Date(Date.now() + 7 * 86_400_000),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: mum, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	policeParticipantId = made.participants.find((p) => p.userId === police.id)!.id;
	mumParticipantId = made.participants.find((p) => p.userId === mum.id)!.id;
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('the interpreter is a participant', () => {
	let interpreter: User;

	it('is wanted until one is on the list; the invitations say "booked" only once one is', async () => {
		const { db } = handle;
		expect(await interpretersWanted({ db, meetingId })).toEqual([
			{ childId: amy, childName: 'Amy Walker', language: 'Polish' }
		]);
		const before = await queueInvitation({ db, participantId: policeParticipantId });
		expect(before?.textBody).not.toMatch(/interpreter/i);

		const noLanguage = await invite({
			name: 'Ewa Nowak',
			email: 'ewa.nowak@interpreters.example.test',
			role: 'interpreter'
		});
		expect(noLanguage.status).toBe(400);
		expect(noLanguage.body.errors?.language).toMatch(/language/);

		// An interpreter in another language does not cover Amy's.
		const arabic = await invite({
			name: 'Sami Haddad',
			email: 'sami.haddad@interpreters.example.test',
			role: 'interpreter',
			language: 'Arabic'
		});
		expect(arabic.status).toBe(201);
		expect(await interpretersWanted({ db, meetingId })).toHaveLength(1);

		const added = await invite({
			name: 'Ewa Nowak',
			email: 'ewa.nowak@interpreters.example.test',
			role: 'interpreter',
			language: ' polish '
		});
		expect(added.status).toBe(201);
		expect(await interpretersWanted({ db, meetingId })).toEqual([]);

		// The register names them with their language.
		const found = await meetingForViewer({ db, user: sessionOf(admin), meetingId });
		expect(found?.participants.find((p) => p.id === added.body.id)).toMatchObject({
			name: 'Ewa Nowak',
			role: 'interpreter',
			language: 'polish',
			userId: null
		});

		const after = await queueInvitation({ db, participantId: policeParticipantId });
		expect(after?.textBody).toContain(
			'An interpreter (Arabic, polish) is booked for this meeting.'
		);
	});

	it('sets up an account with their link, and their place is an interpreter’s', async () => {
		const { db } = handle;
		const [mail] = await db
			.select()
			.from(outbox)
			.where(
				and(
					eq(outbox.meetingId, meetingId),
					eq(outbox.recipientEmail, 'ewa.nowak@interpreters.example.test'),
					eq(outbox.purpose, 'invitation')
				)
			);
		const token = /\/invite\/([a-z2-7]{32})/.exec(mail.textBody)?.[1];
		expect(token).toBeDefined();
		const redeemed = await redeemAccountInvite({
			db,
			token: token!,
			password: 'correct horse battery staple interpreter'
		});
		const [place] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.userId, redeemed.userId));
		expect(place).toMatchObject({ role: 'interpreter', language: 'polish', meetingId });
		const found = await meetingForViewer({
			db,
			user: { ...sessionOf(admin), id: redeemed.userId, role: 'professional' },
			meetingId
		});
		expect(found?.role).toBe('interpreter');
		interpreter = (await db.query.users.findFirst({
			where: (u, { eq: is }) => is(u.id, redeemed.userId)
		})) as User;
		expect(interpreter.role).toBe('professional');
		// Their place shows them the meeting, not the child's page.
		expect(await childForViewer({ db, user: sessionOf(interpreter), childId: amy })).toBeNull();
	});

	it('over the socket: reads the main record, never the restricted channel or the notes, and writes nothing', async () => {
		const { db } = handle;
		await db.update(meetings).set({ status: 'live' }).where(eq(meetings.id, meetingId));
		server = await startCollabServer(db);
		const chairToken = await signIn(db, chair.id);
		const mumToken = await signIn(db, mum.id);
		const interpreterToken = await signIn(db, interpreter.id);
		const [ewa] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.userId, interpreter.id));

		const chairMain = pool.open({ url: server.url, meetingId, token: chairToken });
		const mumMain = pool.open({ url: server.url, meetingId, token: mumToken });
		await Promise.all([synced(chairMain), synced(mumMain)]);
		typeParagraph(chairMain.doc, roots.section('welcome'), 'Welcome, everyone.');
		typeParagraph(mumMain.doc, roots.contribution(mumParticipantId), 'Amy loves drawing.');

		const reader = pool.open({ url: server.url, meetingId, token: interpreterToken });
		await synced(reader);
		await waitFor(
			'the interpreter reads the chair’s and the mother’s words',
			() =>
				textOf(reader.doc, roots.section('welcome')).includes('Welcome, everyone.') &&
				textOf(reader.doc, roots.contribution(mumParticipantId)).includes('Amy loves drawing.')
		);

		const cookie = { cookie: `${SESSION_COOKIE}=${interpreterToken}` };
		expect(await upgradeStatus(server.url, `${meetingId}/restricted`, cookie)).toBe(403);
		expect(await upgradeStatus(server.url, `${meetingId}/notes`, cookie)).toBe(403);

		// Even their own contribution is not theirs to write: the socket closes, nothing arrives.
		typeParagraph(reader.doc, roots.contribution(ewa.id), 'Interpreted words.');
		await waitFor('the interpreter’s write is refused', () => reader.closes.length > 0);
		expect(reader.closes[0].code).toBe(closeCodes.forbidden);
		await new Promise((r) => setTimeout(r, 100));
		expect(textOf(chairMain.doc, roots.contribution(ewa.id))).toBe('');
		expect(chairMain.closes).toEqual([]);
	});
});
