import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabClients, collabUpdates, meetingDocuments } from '../../src/lib/server/db/schema';
import { notesRoot } from '../../src/lib/server/records';
import { notesParagraphs } from '../../src/lib/documents/notes-fragment';
import type { MeetingDocument } from '../../src/lib/documents/model';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { notesSeed, seedNotes } from './notes-seed';

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function endedMeeting() {
	const chair = await makeUser(handle.db, { role: 'chair' });
	return (
		await makeMeeting(handle.db, {
			status: 'ended',
			participants: [{ user: chair, role: 'chair' }]
		})
	).meeting.id;
}

const draft = (heading: string, text: string): MeetingDocument => ({
	kind: 'notes',
	audience: 'professionals',
	title: 'Notes',
	subtitle: '',
	fileName: 'notes',
	containsRestricted: false,
	sections: [
		{
			heading,
			blocks: [
				{ type: 'paragraph', text },
				{ type: 'list', items: ['Sam goes to school', 'Sam sees the GP'] }
			]
		}
	],
	generator: { name: 'test', version: '1' }
});

async function notesVersion(meetingId: string, version: number, content: MeetingDocument) {
	await handle.db.insert(meetingDocuments).values({
		meetingId,
		kind: 'notes',
		audience: 'professionals',
		version,
		generatorName: 'test',
		generatorVersion: '1',
		title: 'Notes',
		fileName: 'notes',
		contentHash: `hash-${version}`,
		html: '<p>Notes</p>',
		content,
		state: 'draft'
	});
}

const notesRows = (meetingId: string) =>
	handle.db
		.select()
		.from(collabUpdates)
		.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, 'notes')));

describe('the notes seed', () => {
	it('writes nothing before End meeting has made the notes', async () => {
		const meetingId = await endedMeeting();
		expect(await seedNotes({ db: handle.db, meetingId })).toEqual({
			update: null,
			storedByOther: false
		});
		expect(await notesRows(meetingId)).toEqual([]);
	});

	it('opens the notes channel with the latest draft, once, as the server', async () => {
		const { db } = handle;
		const meetingId = await endedMeeting();
		await notesVersion(meetingId, 1, draft('Old heading', 'Superseded.'));
		await notesVersion(meetingId, 2, draft('What we are worried about', 'Sam is often late.'));
		const seed = await notesSeed.run({ db, meetingId, channel: 'notes', meeting: null });
		if (!seed?.update) throw new Error('the notes seed stores its update');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, seed.update);
		expect(notesParagraphs(doc.getXmlFragment(notesRoot))).toEqual([
			'What we are worried about',
			'Sam is often late.',
			'Sam goes to school',
			'Sam sees the GP'
		]);
		expect(await notesRows(meetingId)).toHaveLength(1);
		const [binding] = await db
			.select()
			.from(collabClients)
			.where(eq(collabClients.meetingId, meetingId));
		expect(binding).toEqual({
			meetingId,
			clientId: [...doc.store.clients.keys()][0],
			userId: null
		});
		// A second load (this node or another) finds it seeded and loads what is stored.
		expect(await notesSeed.run({ db, meetingId, channel: 'notes', meeting: null })).toEqual({
			update: null,
			storedByOther: true
		});
		expect(await notesRows(meetingId)).toHaveLength(1);
	});

	it('leaves the other channels alone', async () => {
		const { db } = handle;
		const meetingId = await endedMeeting();
		await notesVersion(meetingId, 1, draft('Heading', 'Text.'));
		for (const channel of ['main', 'restricted'] as const)
			expect(
				await notesSeed.run({
					db,
					meetingId,
					channel,
					meeting: channel === 'main' ? { previousMeetingId: null } : null
				})
			).toBeNull();
		expect(
			await db.select().from(collabUpdates).where(eq(collabUpdates.meetingId, meetingId))
		).toEqual([]);
	});
});
