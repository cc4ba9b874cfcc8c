import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingDocuments } from '../../src/lib/server/db/schema';
import type { DocumentState, MeetingRole } from '../../src/lib/domain/vocabulary';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { notesUpgrade } from './notes-rights';

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

/** A version of the professionals' notes in `state`, as End meeting and the notes commands write it. */
async function notesVersion(meetingId: string, version: number, state: DocumentState) {
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
		content: {
			kind: 'notes',
			audience: 'professionals',
			title: 'Notes',
			subtitle: '',
			fileName: 'notes',
			containsRestricted: false,
			sections: [],
			generator: { name: 'test', version: '1' }
		},
		state
	});
}

const upgrade = (meetingId: string, role: MeetingRole | null) =>
	notesUpgrade({ db: handle.db, meetingId, role });

describe('notesUpgrade', () => {
	it('refuses those the professionals’ notes are not shared with, whatever their state', async () => {
		const meetingId = await endedMeeting();
		await notesVersion(meetingId, 1, 'draft');
		for (const role of ['parent', 'child', null] as const)
			expect(await upgrade(meetingId, role)).toEqual({
				ok: false,
				status: 403,
				message: 'The professionals’ notes are not shared with you.'
			});
	});

	it('answers 404 until End meeting has made the notes', async () => {
		const meetingId = await endedMeeting();
		expect(await upgrade(meetingId, 'chair')).toEqual({
			ok: false,
			status: 404,
			message: 'The notes are made when the meeting ends.'
		});
	});

	it('lets business support and the chair write a draft, and other professionals read it', async () => {
		const meetingId = await endedMeeting();
		await notesVersion(meetingId, 1, 'draft');
		expect(await upgrade(meetingId, 'minute-taker')).toEqual({ ok: true, mayWrite: true });
		expect(await upgrade(meetingId, 'chair')).toEqual({ ok: true, mayWrite: true });
		expect(await upgrade(meetingId, 'professional')).toEqual({ ok: true, mayWrite: false });
	});

	it('judges by the latest version: the chair alone while with the chair, nobody once final', async () => {
		const meetingId = await endedMeeting();
		await notesVersion(meetingId, 1, 'draft');
		await notesVersion(meetingId, 2, 'with-chair');
		expect(await upgrade(meetingId, 'minute-taker')).toEqual({ ok: true, mayWrite: false });
		expect(await upgrade(meetingId, 'chair')).toEqual({ ok: true, mayWrite: true });
		await notesVersion(meetingId, 3, 'final');
		expect(await upgrade(meetingId, 'chair')).toEqual({ ok: true, mayWrite: false });
		expect(await upgrade(meetingId, 'minute-taker')).toEqual({ ok: true, mayWrite: false });
	});
});
