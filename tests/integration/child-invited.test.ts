/**
 * A child's own account invited to their own meeting (issue 27: "the unit decides who is
 * invited"), on the real database, the real invite API and the real collaboration server: the
 * unit's business support invites a child in care to their review, as the child → 201; to their
 * brother's meeting, another child's, or in another part → 400 saying why; another unit's child
 * is not theirs to name → 400. The invited child is sent no email (their account holds a
 * username), sees the meeting on /me in words for their age, opens the meeting's live record
 * without ever receiving or writing a restricted root, and after End answers the child's version
 * of the feedback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import {
	children,
	feedbackGiven,
	meetingFeedback,
	meetingParticipants,
	meetings,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { invitablePeople } from '../../src/lib/server/meetings/invitable-people';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { ownSpace } from '../../src/lib/server/own-space';
import { feedbackAsk } from '../../src/lib/server/feedback';
import { giveFeedback } from '../../src/lib/server/feedback/commands/give-feedback';
import { roots } from '../../src/lib/collab/roots';
import { invitees } from '../rights-table';
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
let server: RunningServer;
const pool = clientPool();
const people = {} as Record<
	'officer' | 'admin' | 'police' | 'otherAdmin' | 'tyler' | 'leo' | 'mia' | 'otherUnitChild',
	User
>;
const meetingIds = {} as Record<'tylers' | 'leos' | 'mias' | 'otherUnits', string>;
const DAY = 86_400_000;

/** A child's own account, as `makeChildAccount` makes it: the unit's, tied to the child's record. */
async function accountOf(childId: string, unitId: string, name: string): Promise<User> {
	const account = await makeUser(handle.db, {
		role: 'child',
		unitId,
		name,
		email: name.toLowerCase().replace(/\W+/g, '.')
	});
	await handle.db.update(children).set({ accountId: account.id }).where(eq(children.id, childId));
	return account;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another safeguarding unit');
	people.officer = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	people.admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	people.police = await makeUser(db, { role: 'professional', name: 'PC Jo Reid' });
	people.otherAdmin = await makeUser(db, { role: 'admin', unitId: otherUnit.id });
	const otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });

	// Tyler (13, in care) and his brother Leo, one family; Mia another; and a child of another unit.
	const hughes = await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler Hughes', 'Leo Hughes']
	});
	const [tyler, leo] = hughes.children;
	const born = new Date(Date.now() - 13 * 365.25 * DAY).toISOString().slice(0, 10);
	await db
		.update(children)
		.set({ dateOfBirth: born, inCareSince: '2025-01-06', iroId: people.officer.id })
		.where(eq(children.id, tyler.id));
	const price = await makeFamily(db, { unitId: unit.id, children: ['Mia Price'] });
	const away = await makeFamily(db, { unitId: otherUnit.id, children: ['Sol Avery'] });
	people.tyler = await accountOf(tyler.id, unit.id, 'Tyler Hughes');
	people.leo = await accountOf(leo.id, unit.id, 'Leo Hughes');
	people.mia = await accountOf(price.children[0].id, unit.id, 'Mia Price');
	people.otherUnitChild = await accountOf(away.children[0].id, otherUnit.id, 'Sol Avery');

	const inAWeek = new Date(Date.now() + 7 * DAY);
	const meeting = async (
		unitId: string,
		chair: User,
		childIds: string[],
		kind: 'cic-review' | 'core-group' = 'cic-review'
	) =>
		(
			await makeMeeting(db, {
				unitId,
				kind,
				title: kind === 'cic-review' ? 'Child in care review' : 'Core group',
				status: 'scheduled',
				scheduledAt: inAWeek,
				childIds,
				participants: [
					{ user: chair, role: 'chair' },
					...(unitId === unit.id ? [{ user: people.police, role: 'professional' as const }] : [])
				]
			})
		).meeting.id;
	meetingIds.tylers = await meeting(unit.id, people.officer, [tyler.id]);
	meetingIds.leos = await meeting(unit.id, people.officer, [leo.id], 'core-group');
	meetingIds.mias = await meeting(unit.id, people.officer, [price.children[0].id], 'core-group');
	meetingIds.otherUnits = await meeting(otherUnit.id, otherChair, [away.children[0].id]);
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('who invites a child’s own account, and to what', () => {
	it('the table’s child rows: invitable only as the child, to a meeting about them', () => {
		const childRows = invitees.filter((row) => row.account === 'child');
		expect(childRows.filter((row) => row.roles.length).map((row) => row.tie)).toEqual([
			'its child'
		]);
	});

	it('offers the child in the picker of their own review only, as the child', async () => {
		const offered = await invitablePeople({ db: handle.db, meetingId: meetingIds.tylers });
		expect(offered.find((p) => p.id === people.tyler.id)?.roles).toEqual(['child']);
		for (const other of [people.leo, people.mia, people.otherUnitChild])
			expect(offered.some((p) => p.id === other.id)).toBe(false);
		const atLeos = await invitablePeople({ db: handle.db, meetingId: meetingIds.leos });
		expect(atLeos.some((p) => p.id === people.tyler.id)).toBe(false);
		expect(atLeos.find((p) => p.id === people.leo.id)?.roles).toEqual(['child']);
	});

	it('refuses the child in another part than the child, saying which', async () => {
		const asParent = await inviteThroughApi(people.admin, meetingIds.tylers, {
			userId: people.tyler.id,
			role: 'parent'
		});
		expect(asParent.status).toBe(400);
		expect(asParent.body.errors?.role).toBe(
			"Tyler Hughes has a child's own account: invite them as the child, and only to a meeting about them."
		);
	});

	it('invites the child to their own review → 201, as the child, and sends no email to their username', async () => {
		const invited = await inviteThroughApi(people.admin, meetingIds.tylers, {
			userId: people.tyler.id,
			role: 'child'
		});
		expect(invited.status).toBe(201);
		const [place] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, invited.body.id!));
		expect(place).toMatchObject({ userId: people.tyler.id, role: 'child', voting: false });
		// Their account's "email" is a username: no invitation is queued to it.
		const mail = await handle.db.select().from(outbox);
		expect(mail.filter((m) => m.userId === people.tyler.id)).toEqual([]);
		expect(mail.map((m) => m.recipientEmail)).not.toContain(people.tyler.email);
		const again = await inviteThroughApi(people.admin, meetingIds.tylers, {
			userId: people.tyler.id,
			role: 'child'
		});
		expect(again.status).toBe(400);
		expect(again.body.errors?.userId).toBe('Tyler Hughes is already invited.');
	});

	it('refuses the child to their brother’s meeting and to another child’s, with a 400 saying why', async () => {
		for (const meetingId of [meetingIds.leos, meetingIds.mias]) {
			const refused = await inviteThroughApi(people.admin, meetingId, {
				userId: people.tyler.id,
				role: 'child'
			});
			expect(refused.status).toBe(400);
			expect(refused.body.errors?.userId).toBe(
				"Tyler Hughes has a child's own account: they can be invited only to a meeting about them, and this meeting is not."
			);
		}
		const places = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.userId, people.tyler.id));
		expect(places.map((p) => p.meetingId)).toEqual([meetingIds.tylers]);
	});

	it('another unit’s child is not the unit’s to name (400, as for anyone of another unit); another unit cannot invite ours (404 for a meeting not theirs, 400 for our child)', async () => {
		const theirs = await inviteThroughApi(people.admin, meetingIds.tylers, {
			userId: people.otherUnitChild.id,
			role: 'child'
		});
		expect(theirs.status).toBe(400);
		expect(theirs.body.errors?.userId).toBe('Choose a person from the list.');
		const ours = await inviteThroughApi(people.otherAdmin, meetingIds.otherUnits, {
			userId: people.tyler.id,
			role: 'child'
		});
		expect(ours.status).toBe(400);
		expect(ours.body.errors?.userId).toBe('Choose a person from the list.');
		const intoOurs = await inviteThroughApi(people.otherAdmin, meetingIds.tylers, {
			userId: people.otherUnitChild.id,
			role: 'child'
		});
		expect(intoOurs.status).toBe(404);
	});

	it('the invited child sees the meeting on /me, in words for their age, and may open it as the child', async () => {
		const space = await ownSpace({ db: handle.db, user: sessionOf(people.tyler) });
		expect(space?.nextReview).toMatchObject({
			meetingId: meetingIds.tylers,
			title: 'Meeting to check how things are going for you',
			invited: true
		});
		expect(space?.nextReview?.who).toContain('Priya Shah, your reviewing officer');
		const found = await meetingForViewer({
			db: handle.db,
			user: sessionOf(people.tyler),
			meetingId: meetingIds.tylers
		});
		expect(found?.role).toBe('child');
		// Leo was not invited to his meeting: his space shows it, not as his to open.
		const leos = await ownSpace({ db: handle.db, user: sessionOf(people.leo) });
		expect(leos?.nextReview).toMatchObject({ meetingId: meetingIds.leos, invited: false });
		expect(
			await meetingForViewer({
				db: handle.db,
				user: sessionOf(people.tyler),
				meetingId: meetingIds.leos
			})
		).toBeNull();
	});
});

describe('the invited child’s socket', () => {
	let tylerToken: string;
	let policeToken: string;
	let tylerPlace: string;
	let policePlace: string;

	beforeAll(async () => {
		await handle.db
			.update(meetings)
			.set({ status: 'live', startedAt: new Date() })
			.where(eq(meetings.id, meetingIds.tylers));
		const places = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingIds.tylers));
		tylerPlace = places.find((p) => p.userId === people.tyler.id)!.id;
		policePlace = places.find((p) => p.userId === people.police.id)!.id;
		tylerToken = await signIn(handle.db, people.tyler.id);
		policeToken = await signIn(handle.db, people.police.id);
	});

	it('cannot open the restricted document (403), and never receives what is written there', async () => {
		const restrictedRoom = `${meetingIds.tylers}/restricted`;
		expect(
			await upgradeStatus(server.url, restrictedRoom, {
				cookie: `${SESSION_COOKIE}=${tylerToken}`
			})
		).toBe(403);
		const police = pool.open({ url: server.url, meetingId: restrictedRoom, token: policeToken });
		await synced(police);
		typeParagraph(police.doc, roots.restricted(policePlace), 'Intelligence about a visitor.');
		await waitFor('stored in the restricted document', () =>
			textOf(police.doc, roots.restricted(policePlace)).includes('visitor')
		);
		expect(police.closes).toEqual([]);
		const tyler = pool.open({ url: server.url, meetingId: meetingIds.tylers, token: tylerToken });
		await synced(tyler);
		expect(tyler.doc.share.has(roots.restricted(policePlace))).toBe(false);
		expect(JSON.stringify(tyler.doc.toJSON())).not.toContain('visitor');
	});

	it('writes their own words, and is closed with 4403 when it writes a restricted root', async () => {
		const tyler = pool.open({ url: server.url, meetingId: meetingIds.tylers, token: tylerToken });
		await synced(tyler);
		typeParagraph(tyler.doc, roots.contribution(tylerPlace), 'I want to see my brother more.');
		const police = pool.open({ url: server.url, meetingId: meetingIds.tylers, token: policeToken });
		await synced(police);
		await waitFor('the child’s words reach the meeting', () =>
			textOf(police.doc, roots.contribution(tylerPlace)).includes('brother')
		);
		expect(tyler.closes).toEqual([]);
		typeParagraph(tyler.doc, roots.restricted(tylerPlace), 'written where a child may not');
		await waitFor('4403', () => tyler.closes.length > 0);
		expect(tyler.closes[0].code).toBe(4403);
		expect(police.doc.share.has(roots.restricted(tylerPlace))).toBe(false);
	});
});

describe('after End, the invited child’s feedback', () => {
	beforeAll(async () => {
		pool.closeAll();
		await handle.db
			.update(meetings)
			.set({ status: 'ended', endedAt: new Date() })
			.where(eq(meetings.id, meetingIds.tylers));
	});

	it('asks the child’s version of the questions, with their reviewing officer’s, and counts it as a child’s', async () => {
		const [meeting] = await handle.db
			.select()
			.from(meetings)
			.where(eq(meetings.id, meetingIds.tylers));
		const found = await meetingForViewer({
			db: handle.db,
			user: sessionOf(people.tyler),
			meetingId: meetingIds.tylers
		});
		const ask = await feedbackAsk({
			db: handle.db,
			meeting,
			me: found!.me,
			userId: people.tyler.id
		});
		expect(ask?.questions).toMatchObject({
			listenedTo: 'Were you listened to?',
			officerDifference: 'What difference has your reviewing officer made?'
		});
		const given = await giveFeedback({
			db: handle.db,
			user: sessionOf(people.tyler),
			meetingId: meetingIds.tylers,
			input: { listenedTo: 5, knowWhatNext: 4, officerDifference: 'She got me football.' }
		});
		expect(given.status).toBe(201);
		const rows = await handle.db
			.select()
			.from(meetingFeedback)
			.where(eq(meetingFeedback.meetingId, meetingIds.tylers));
		expect(rows.map((r) => r.respondent)).toEqual(['child']);
		const answered = await handle.db
			.select()
			.from(feedbackGiven)
			.where(
				and(
					eq(feedbackGiven.meetingId, meetingIds.tylers),
					eq(feedbackGiven.participantId, found!.me!.id)
				)
			);
		expect(answered).toHaveLength(1);
	});
});
