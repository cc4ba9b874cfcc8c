import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../db';
import { collabSnapshots, collabUpdates } from '../db/schema';
import { createTestDatabase, makeMeeting, makeUser } from '../../../../tests/factories';
import { compactChannel, loadChannel, UpdateLog } from './persistence';

let handle: DatabaseHandle;
let meetingId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const chair = await makeUser(handle.db, { role: 'chair' });
	meetingId = (await makeMeeting(handle.db, { participants: [{ user: chair, role: 'chair' }] })).meeting.id;
});
afterAll(() => handle?.close());

describe('UpdateLog', () => {
	it('batches updates into rows, acknowledges once stored, compacts and reloads the same channel', async () => {
		const { db } = handle;
		const source = new Y.Doc();
		const log = new UpdateLog(db, meetingId, { rowsSinceSnapshot: 0, flushDelayMs: 10, compactAfterRows: 3 });
		source.on('update', (update: Uint8Array) => log.append(update));
		const text = source.getText('section:x');
		for (let round = 0; round < 5; round++) {
			for (let i = 0; i < 10; i++) text.insert(text.length, `${round}.${i} `);
			await log.whenStored();
		}
		const rows = await db.select().from(collabUpdates).where(eq(collabUpdates.meetingId, meetingId));
		const [snapshot] = await db.select().from(collabSnapshots).where(eq(collabSnapshots.meetingId, meetingId));
		expect(snapshot).toBeDefined(); // 5 rows written, compacted after 3
		expect(rows.length).toBeLessThan(5);
		await log.close();
		const loaded = new Y.Doc();
		await loadChannel({ db, meetingId, doc: loaded });
		expect(loaded.getText('section:x').toString()).toBe(text.toString());
		await compactChannel({ db, meetingId });
		const after = await db.select().from(collabUpdates).where(eq(collabUpdates.meetingId, meetingId));
		expect(after).toEqual([]);
		const reloaded = new Y.Doc();
		await loadChannel({ db, meetingId, doc: reloaded });
		expect(reloaded.getText('section:x').toString()).toBe(text.toString());
	});
});
