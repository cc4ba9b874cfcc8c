import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabClients, collabUpdates } from '../../src/lib/server/db/schema';
import { compactChannel } from '../../src/lib/server/records';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { channelStored, seedChannelOnce } from './seed-once';

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle?.close());

async function meeting() {
	const chair = await makeUser(handle.db, { role: 'chair' });
	return (await makeMeeting(handle.db, { participants: [{ user: chair, role: 'chair' }] })).meeting
		.id;
}

const stored = (meetingId: string, channel: 'main' | 'notes') =>
	handle.db
		.select()
		.from(collabUpdates)
		.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, channel)));

const writeHello = (doc: Y.Doc) => {
	doc.getText('section:a').insert(0, 'hello');
	return true;
};

describe('seedChannelOnce', () => {
	it('stores the first content once, bound to the server, and says so to a second seed', async () => {
		const { db } = handle;
		const meetingId = await meeting();
		expect(await channelStored({ db, meetingId, channel: 'main' })).toBe(false);
		const first = await seedChannelOnce({ db, meetingId, channel: 'main', write: writeHello });
		if (!first.update) throw new Error('the first seed stores its update');
		const rows = await stored(meetingId, 'main');
		expect(rows).toHaveLength(1);
		expect([...rows[0].update]).toEqual([...first.update]);
		expect(await channelStored({ db, meetingId, channel: 'main' })).toBe(true);
		// Its one client id belongs to the server (null), so nobody can claim it.
		const seeded = new Y.Doc();
		Y.applyUpdate(seeded, first.update);
		expect(seeded.getText('section:a').toString()).toBe('hello');
		const clientIds = [...seeded.store.clients.keys()];
		expect(clientIds).toHaveLength(1);
		expect(
			await db.select().from(collabClients).where(eq(collabClients.meetingId, meetingId))
		).toEqual([{ meetingId, clientId: clientIds[0], userId: null }]);

		let wrote = false;
		const second = await seedChannelOnce({
			db,
			meetingId,
			channel: 'main',
			write: (doc) => (wrote = writeHello(doc))
		});
		expect(second).toEqual({ update: null, storedByOther: true });
		expect(wrote).toBe(false);
		expect(await stored(meetingId, 'main')).toHaveLength(1);
		// Each channel is seeded on its own.
		expect(await channelStored({ db, meetingId, channel: 'notes' })).toBe(false);
	});

	it('stores nothing, and binds nothing, when there is nothing to write', async () => {
		const { db } = handle;
		const meetingId = await meeting();
		expect(await seedChannelOnce({ db, meetingId, channel: 'notes', write: () => false })).toEqual({
			update: null,
			storedByOther: false
		});
		expect(await stored(meetingId, 'notes')).toEqual([]);
		expect(
			await db.select().from(collabClients).where(eq(collabClients.meetingId, meetingId))
		).toEqual([]);
	});

	it('seeds once when two loads seed at the same moment', async () => {
		const { db } = handle;
		const meetingId = await meeting();
		const results = await Promise.all([
			seedChannelOnce({ db, meetingId, channel: 'main', write: writeHello }),
			seedChannelOnce({ db, meetingId, channel: 'main', write: writeHello })
		]);
		expect(results.filter((r) => r.update !== null)).toHaveLength(1);
		expect(results.filter((r) => r.update === null && r.storedByOther)).toHaveLength(1);
		expect(await stored(meetingId, 'main')).toHaveLength(1);
	});

	it('counts a snapshot as stored content too', async () => {
		const { db } = handle;
		const meetingId = await meeting();
		await seedChannelOnce({ db, meetingId, channel: 'main', write: writeHello });
		await compactChannel({ db, meetingId });
		expect(await stored(meetingId, 'main')).toEqual([]);
		expect(await channelStored({ db, meetingId, channel: 'main' })).toBe(true);
	});
});
