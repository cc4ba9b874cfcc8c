/**
 * Reading a stored record while it is compacted (as every unload does) must never lose what
 * was written: the snapshot and the log rows after it are read as one consistent pair.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates } from '../../src/lib/server/db/schema';
import { compactChannel, loadChannel } from '../../src/lib/server/records';
import { createTestDatabase, makeMeeting, makeUnit, makeUser } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

it('a read racing a compaction sees every update, before or after the fold', async () => {
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	for (let round = 0; round < 15; round++) {
		const { meeting } = await makeMeeting(db, {
			unitId: unit.id,
			participants: [{ user: chair, role: 'chair' }]
		});
		// Forty logged updates, as a meeting's write-behind log leaves them.
		const source = new Y.Doc();
		const text = source.getText('section:notes');
		const rows: Uint8Array[] = [];
		source.on('update', (update: Uint8Array) => rows.push(update));
		for (let i = 0; i < 40; i++) text.insert(text.length, `line ${i}. `);
		for (const update of rows)
			await db.insert(collabUpdates).values({ meetingId: meeting.id, update });

		const reads = Array.from({ length: 6 }, async (_, i) => {
			await new Promise((r) => setTimeout(r, i));
			const doc = new Y.Doc();
			await loadChannel({ db, meetingId: meeting.id, doc });
			const seen = doc.getText('section:notes').toString();
			doc.destroy();
			return seen;
		});
		const [, ...seen] = await Promise.all([
			compactChannel({ db, meetingId: meeting.id }),
			...reads
		]);
		for (const s of seen) expect(s).toBe(text.toString());
		source.destroy();
	}
});
