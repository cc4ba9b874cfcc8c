/**
 * A unit's copy of a kind with an agenda of its own (issue 25, "adjust its wording and
 * sections"): business support leaves out the core group's welcome, adds a section of the unit's
 * own and moves it second. A meeting on that version opens, on the real collaboration server, at
 * its own first section; a professional writes the new section live through a stock y-websocket
 * client while the parent reads it; and at End the notes follow the version's order with the new
 * section's words. A meeting on version 1 keeps the core group's
 * agenda throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { meetingDocuments, meetings, type User } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import { copyMeetingKind, saveMeetingKind } from '../../src/lib/server/meeting-kinds';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { readStoredRecord } from '../../src/lib/server/records';
import { coreGroup, type MeetingTemplate } from '../../src/lib/domain/templates';
import { load as projectorLoad } from '../../src/routes/meetings/[id]/present/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf,
	signIn
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let admin: User, chair: User, teacher: User, parent: User;
let onVersion2: string, onVersion1: string;
const tokens: Record<string, string> = {};

const school = {
	key: 'own-5c4001a1',
	title: 'School and nursery',
	familyTitle: 'How school is going',
	prompt: 'How has school been since we last met?',
	speakers: ['chair', 'professional', 'parent']
};

/** The agenda on the meeting's projector, as its page loads it. */
async function projectorKeys(meetingId: string): Promise<string[]> {
	const data = (await projectorLoad({
		locals: { user: sessionOf(chair), sessionId: 'test' },
		params: { id: meetingId },
		url: new URL(`http://127.0.0.1:3000/meetings/${meetingId}/present`)
	} as never)) as { template: MeetingTemplate };
	return data.template.sections.map((s) => s.key);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	teacher = await makeUser(db, { role: 'professional', name: 'Tess Teacher' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});

	const copied = await copyMeetingKind({ db, viewer: sessionOf(admin), from: 'core-group' });
	const [, ...rest] = copied.template.sections; // the welcome left out
	const version2 = await saveMeetingKind({
		db,
		viewer: sessionOf(admin),
		kindId: copied.id,
		definition: { ...copied.template, sections: [rest[0], school, ...rest.slice(1)] }
	});
	const meetingOn = async (versionId: string | null) => {
		const made = await makeMeeting(db, {
			unitId: unit.id,
			kind: 'core-group',
			title: 'Core group',
			status: 'live',
			childIds: [children[0].id],
			participants: [
				{ user: chair, role: 'chair' },
				{ user: teacher, role: 'professional' },
				{ user: parent, role: 'parent' }
			]
		});
		await db
			.update(meetings)
			.set({ kindVersionId: versionId })
			.where(eq(meetings.id, made.meeting.id));
		return made.meeting.id;
	};
	onVersion2 = await meetingOn(version2.versionId);
	onVersion1 = await meetingOn(copied.versionId);
	for (const user of [chair, teacher, parent]) tokens[user.id] = await signIn(db, user.id);
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('a copy with its own agenda, live and at End', () => {
	it('the projector shows each meeting its own version’s agenda', async () => {
		const keys = coreGroup.sections.map((s) => s.key);
		expect(await projectorKeys(onVersion2)).toEqual([keys[1], school.key, ...keys.slice(2)]);
		expect(await projectorKeys(onVersion1)).toEqual(keys);
	});

	it('each live meeting opens at its own version’s first section', async () => {
		for (const [meetingId, first] of [
			[onVersion2, 'family-update'],
			[onVersion1, 'welcome']
		]) {
			const client = pool.open({ url: server.url, meetingId, token: tokens[chair.id] });
			await synced(client);
			await waitFor('the first section', () =>
				Boolean(client.doc.getMap(roots.meta).get('currentSection'))
			);
			expect(client.doc.getMap(roots.meta).get('currentSection')).toBe(first);
			client.destroy();
		}
	});

	it('a professional writes the unit’s own section live; the parent reads it', async () => {
		const writer = pool.open({ url: server.url, meetingId: onVersion2, token: tokens[teacher.id] });
		const reader = pool.open({ url: server.url, meetingId: onVersion2, token: tokens[parent.id] });
		await Promise.all([synced(writer), synced(reader)]);
		typeParagraph(writer.doc, roots.section(school.key), 'Chrissie has been on time every day.');
		await waitFor('the parent reads it', () =>
			textOf(reader.doc, roots.section(school.key)).includes('on time every day')
		);
		expect(writer.closes).toEqual([]);
		await waitFor('the record on the server', async () => {
			const stored = await readStoredRecord({ db: handle.db, meetingId: onVersion2 });
			const done = stored.getXmlFragment(roots.section(school.key)).length > 0;
			stored.destroy();
			return done;
		});
		writer.destroy();
		reader.destroy();
	});

	it('at End the notes follow the version’s agenda, with the new section’s words', async () => {
		const ended = await endMeeting({
			db: handle.db,
			user: sessionOf(chair),
			meetingId: onVersion2,
			confirmation: noRegister
		});
		expect(ended.documents.map((d) => d.kind)).toEqual(coreGroup.outputs);
		const [notes] = await handle.db
			.select()
			.from(meetingDocuments)
			.where(and(eq(meetingDocuments.meetingId, onVersion2), eq(meetingDocuments.kind, 'notes')));
		const headings = notes.content.sections.map((s) => s.heading);
		const first = headings.indexOf(coreGroup.sections[1].title);
		expect(first).toBeGreaterThanOrEqual(0);
		expect(headings.slice(first, first + 3)).toEqual([
			coreGroup.sections[1].title,
			school.title,
			coreGroup.sections[2].title
		]);
		expect(headings).not.toContain(coreGroup.sections[0].title);
		const own = notes.content.sections.find((s) => s.heading === school.title)!;
		expect(JSON.stringify(own.blocks)).toContain('Chrissie has been on time every day.');
	});
});
