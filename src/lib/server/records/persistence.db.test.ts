import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
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
	meetingId = (await makeMeeting(handle.db, { participants: [{ user: chair, role: 'chair' }] }))
		.meeting.id;
});
afterAll(() => handle?.close());

describe('UpdateLog', () => {
	it('batches updates into rows, acknowledges once stored, compacts once quiet and reloads the same channel', async () => {
		const { db } = handle;
		const source = new Y.Doc();
		const log = new UpdateLog(db, meetingId, {
			rowsSinceSnapshot: 0,
			flushDelayMs: 10,
			compactAfterRows: 3,
			// Quiet means no append for this long: well beyond the longest pause between two of the
			// burst's appends on a loaded machine (a stored write on PGlite beside the browser tests
			// once took over 300 ms, and the compaction rightly ran mid-burst).
			compactWhenQuietMs: 2_000
		});
		source.on('update', (update: Uint8Array) => log.append(update));
		const text = source.getText('section:x');
		// A burst: a row every tick for well past the threshold, and no compaction meanwhile.
		const burstEnds = Date.now() + 1_200;
		for (let round = 0; Date.now() < burstEnds; round++) {
			for (let i = 0; i < 10; i++) text.insert(text.length, `${round}.${i} `);
			await log.whenStored();
			await new Promise((r) => setTimeout(r, 20));
		}
		const snapshotRows = () =>
			db.select().from(collabSnapshots).where(eq(collabSnapshots.meetingId, meetingId));
		expect(await snapshotRows()).toEqual([]); // never during the burst
		const logged = await db
			.select()
			.from(collabUpdates)
			.where(eq(collabUpdates.meetingId, meetingId));
		expect(logged.length).toBeGreaterThan(3);
		// Quiet: the due compaction runs.
		const deadline = Date.now() + 15_000;
		while ((await snapshotRows()).length === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 50));
		expect(await snapshotRows()).toHaveLength(1);
		const rows = await db
			.select()
			.from(collabUpdates)
			.where(eq(collabUpdates.meetingId, meetingId));
		expect(rows.length).toBeLessThan(logged.length);
		await log.close();
		const loaded = new Y.Doc();
		await loadChannel({ db, meetingId, doc: loaded });
		expect(loaded.getText('section:x').toString()).toBe(text.toString());
		await compactChannel({ db, meetingId });
		const after = await db
			.select()
			.from(collabUpdates)
			.where(eq(collabUpdates.meetingId, meetingId));
		expect(after).toEqual([]);
		const reloaded = new Y.Doc();
		await loadChannel({ db, meetingId, doc: reloaded });
		expect(reloaded.getText('section:x').toString()).toBe(text.toString());
	});

	it('writes every channel with something queued in one statement per tick', async () => {
		const { db } = handle;
		const chair = await makeUser(db, { role: 'chair' });
		const ids = [];
		for (let i = 0; i < 5; i++)
			ids.push(
				(await makeMeeting(db, { participants: [{ user: chair, role: 'chair' }] })).meeting.id
			);
		const logs = ids.map((id) => new UpdateLog(db, id, { rowsSinceSnapshot: 0, flushDelayMs: 30 }));
		const docs = ids.map(() => new Y.Doc());
		docs.forEach((doc, i) => doc.on('update', (update: Uint8Array) => logs[i].append(update)));
		let statements = 0;
		const insert = db.insert.bind(db);
		(db as { insert: typeof db.insert }).insert = ((table: Parameters<typeof db.insert>[0]) => {
			if (table === collabUpdates) statements++;
			return insert(table);
		}) as typeof db.insert;
		try {
			for (const doc of docs) for (let i = 0; i < 20; i++) doc.getText('t').insert(0, 'x');
			await Promise.all(logs.map((log) => log.whenStored()));
		} finally {
			(db as { insert: typeof db.insert }).insert = insert;
		}
		expect(statements).toBe(1);
		const rows = await db.select().from(collabUpdates).where(inArray(collabUpdates.meetingId, ids));
		expect(rows).toHaveLength(5); // one merged row per channel
		await Promise.all(logs.map((log) => log.close()));
	});

	it('keeps a failed write queued, in order, and stores it on a later tick', async () => {
		const { db } = handle;
		const chair = await makeUser(db, { role: 'chair' });
		const id = (await makeMeeting(db, { participants: [{ user: chair, role: 'chair' }] })).meeting
			.id;
		const log = new UpdateLog(db, id, { rowsSinceSnapshot: 0, flushDelayMs: 10 });
		const errors: unknown[] = [];
		log.onError = (error) => errors.push(error);
		const doc = new Y.Doc();
		doc.on('update', (update: Uint8Array) => log.append(update));
		const insert = db.insert.bind(db);
		let failOnce = true;
		(db as { insert: typeof db.insert }).insert = ((table: Parameters<typeof db.insert>[0]) => {
			if (table === collabUpdates && failOnce) {
				failOnce = false;
				throw Object.assign(new Error('connection lost'), { code: '08006' });
			}
			return insert(table);
		}) as typeof db.insert;
		try {
			doc.getText('t').insert(0, 'first ');
			const stored = log.whenStored();
			await new Promise((r) => setTimeout(r, 15));
			doc.getText('t').insert(6, 'second');
			await stored;
			await log.whenStored();
		} finally {
			(db as { insert: typeof db.insert }).insert = insert;
		}
		expect(errors).toHaveLength(1);
		const loaded = new Y.Doc();
		await loadChannel({ db, meetingId: id, doc: loaded });
		expect(loaded.getText('t').toString()).toBe('first second');
		await log.close();
	});
});
