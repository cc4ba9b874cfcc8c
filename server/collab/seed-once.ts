/**
 * A channel's first content, written once by the server: under the channel's advisory lock (so
 * two nodes loading it at once write it once), only while nothing is stored for the channel,
 * under a client id nobody in the meeting owns, bound to the server in collab_clients (so
 * authorship says "the server" and no person can claim it). The review pre-fill and the notes
 * seed are both this, with their own `write`.
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import { collabSnapshots, collabUpdates } from '../../src/lib/server/db/schema';
import {
	bindServerClient,
	channelLock,
	clientOwnersOf,
	type Channel
} from '../../src/lib/server/records';

/** What a seed did: the update it stored (apply it to the loaded channel), or why it stored none. */
export type SeedResult = { update: Uint8Array } | { update: null; storedByOther: boolean };

/** Is anything stored for this channel yet (an update or a snapshot)? */
export async function channelStored(props: {
	db: Database;
	meetingId: string;
	channel: Channel;
}): Promise<boolean> {
	const { db, meetingId, channel } = props;
	const [update] = await db
		.select({ id: collabUpdates.id })
		.from(collabUpdates)
		.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, channel)))
		.limit(1);
	if (update) return true;
	const [snapshot] = await db
		.select({ upToId: collabSnapshots.upToId })
		.from(collabSnapshots)
		.where(and(eq(collabSnapshots.meetingId, meetingId), eq(collabSnapshots.document, channel)));
	return snapshot !== undefined;
}

/** A random 32-bit Yjs client id. */
export function randomClientId(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * Writes a channel's first content once. `write` fills a scratch document and returns false
 * when there is nothing to write. Null update with `storedByOther` when another node (or an
 * earlier load) stored something first: load the channel again.
 */
export async function seedChannelOnce(props: {
	db: Database;
	meetingId: string;
	channel: Channel;
	write: (doc: Y.Doc) => boolean;
}): Promise<SeedResult> {
	const { db, meetingId, channel } = props;
	return db.transaction(async (tx) => {
		await tx.execute(channelLock(meetingId, channel));
		if (await channelStored({ db: tx, meetingId, channel }))
			return { update: null, storedByOther: true };
		const owners = await clientOwnersOf({ db: tx, meetingId });
		let clientId = randomClientId();
		while (owners.has(clientId)) clientId = randomClientId();
		const scratch = new Y.Doc();
		scratch.clientID = clientId;
		try {
			if (!props.write(scratch)) return { update: null, storedByOther: false };
			const update = Y.encodeStateAsUpdate(scratch);
			await bindServerClient({ db: tx, meetingId, clientId });
			await tx.insert(collabUpdates).values({ meetingId, document: channel, update });
			return { update };
		} finally {
			scratch.destroy();
		}
	});
}
