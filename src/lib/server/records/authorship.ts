/**
 * Authorship: each Yjs client id in a meeting belongs to the person whose connection first
 * wrote with it (kept in collab_clients), so the server can say who wrote every piece of the
 * record and refuse anyone writing under someone else's id. One read of the bindings
 * (`clientOwnersOf`) and one walk over what was written (`walkWritten`) serve the socket, the
 * generated documents' paragraph authors and `authorshipOf`.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db';
import { collabClients } from '../db/schema';
import { channelOfRoot } from './channels';
import { readStoredRecord } from './stored';

/** Who a client id belongs to: a user's id, or `server` for the server's own writes. */
export const SERVER_AUTHOR = null;

/**
 * A meeting's client id → owner bindings as stored now (owner null: the server). The one query
 * of collab_clients by meeting.
 */
export async function clientOwnersOf(props: {
	db: Database;
	meetingId: string;
}): Promise<Map<number, string | null>> {
	const rows = await props.db
		.select({ clientId: collabClients.clientId, userId: collabClients.userId })
		.from(collabClients)
		.where(eq(collabClients.meetingId, props.meetingId));
	return new Map(rows.map((row) => [row.clientId, row.userId]));
}

/**
 * The client id → user bindings of one meeting (both its channels), held in memory while a
 * channel is loaded. A binding to null is the server's own client id (pre-fill, meeting start).
 */
export class ClientOwners {
	private constructor(
		private readonly db: Database,
		private readonly meetingId: string,
		private readonly owners: Map<number, string | null>
	) {}

	/** Loads a meeting's bindings. */
	static async load(props: { db: Database; meetingId: string }): Promise<ClientOwners> {
		return new ClientOwners(props.db, props.meetingId, await clientOwnersOf(props));
	}

	/** The user a client id belongs to (null: the server), or undefined if unbound. */
	ownerOf(clientId: number): string | null | undefined {
		return this.owners.get(clientId);
	}

	/**
	 * Binds a client id to the server before the server writes with it, so authorship says
	 * "the server" and no person can later claim that id. False if someone already owns it.
	 */
	async bindServer(clientId: number): Promise<boolean> {
		const owner = this.owners.get(clientId);
		if (owner !== undefined) return owner === SERVER_AUTHOR;
		await bindServerClient({ db: this.db, meetingId: this.meetingId, clientId });
		await this.reload();
		return this.owners.get(clientId) === SERVER_AUTHOR;
	}

	/** Reads the meeting's bindings again (after another writer, or node, added some). */
	async reload(): Promise<void> {
		const stored = await clientOwnersOf({ db: this.db, meetingId: this.meetingId });
		for (const [clientId, userId] of stored) this.owners.set(clientId, userId);
	}

	/**
	 * Binds client ids to a user, durably, before their first update is applied. Resolves to
	 * false when one of them already belongs to someone else (perhaps bound by another node).
	 */
	async bind(props: { clientIds: number[]; userId: string }): Promise<boolean> {
		const fresh = props.clientIds.filter((id) => !this.owners.has(id));
		for (const id of props.clientIds) {
			const owner = this.owners.get(id);
			if (owner !== undefined && owner !== props.userId) return false;
		}
		if (fresh.length === 0) return true;
		const inserted = await this.db
			.insert(collabClients)
			.values(
				fresh.map((clientId) => ({ meetingId: this.meetingId, clientId, userId: props.userId }))
			)
			.onConflictDoNothing()
			.returning({ clientId: collabClients.clientId });
		// One round trip when every id was free (the usual case); only a clash (another node, a
		// race) reads the bindings again to learn who holds them.
		if (inserted.length === fresh.length) {
			for (const id of fresh) this.owners.set(id, props.userId);
			return true;
		}
		await this.reload();
		return fresh.every((id) => this.owners.get(id) === props.userId);
	}
}

/** Records a client id as the server's (idempotent; a person's earlier binding wins). */
export async function bindServerClient(props: {
	db: Database;
	meetingId: string;
	clientId: number;
}): Promise<void> {
	await props.db
		.insert(collabClients)
		.values({ meetingId: props.meetingId, clientId: props.clientId, userId: SERVER_AUTHOR })
		.onConflictDoNothing();
}

/** One run of a root's text written by one person (`userId` null: the server, or unknown). */
export interface AuthoredRun {
	userId: string | null;
	/** True when the server wrote it (a review's pre-fill, the meeting's start). */
	server: boolean;
	text: string;
}

/**
 * Walks what was written under a type, in document order, calling `visit` with the client id
 * that wrote each string: text, strings in arrays and map values; nested types are walked and
 * deleted content is skipped. An XML element's or a text's attributes are formatting, not
 * writing, so they are not visited.
 */
function walkWritten(
	type: Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>,
	visit: (clientId: number, text: string) => void
): void {
	const items: Y.Item[] = [];
	for (let item = type._start; item !== null; item = item.right) items.push(item);
	if (!(type instanceof Y.XmlElement || type instanceof Y.Text))
		for (const item of type._map.values()) items.push(item);
	for (const item of items) {
		if (item.deleted) continue;
		const content = item.content;
		if (content instanceof Y.ContentString) visit(item.id.client, content.str);
		else if (content instanceof Y.ContentType) walkWritten(content.type, visit);
		else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
			for (const value of content.getContent())
				if (typeof value === 'string') visit(item.id.client, value);
		}
	}
}

/**
 * Who wrote what in one root, in document order: consecutive characters by the same person
 * are one run. Walks XML fragments, elements, text and maps alike.
 */
export function whoWrote(props: {
	doc: Y.Doc;
	root: string;
	owners: Map<number, string | null>;
}): AuthoredRun[] {
	const runs: AuthoredRun[] = [];
	const type = props.doc.share.get(props.root);
	if (!type) return runs;
	walkWritten(type, (clientId, text) => {
		const owner = props.owners.get(clientId);
		const userId = owner ?? null;
		const server = owner === SERVER_AUTHOR;
		const last = runs[runs.length - 1];
		if (last && last.userId === userId && last.server === server) last.text += text;
		else runs.push({ userId, server, text });
	});
	return runs;
}

/** The client ids that wrote each non-empty paragraph of a rich-text fragment, in order. */
export function paragraphWriters(fragment: Y.XmlFragment): number[][] {
	const writers: number[][] = [];
	for (let item = fragment._start; item !== null; item = item.right) {
		if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
		const block = item.content.type;
		const text =
			block instanceof Y.XmlText
				? block.toString()
				: (block as Y.XmlElement).toString().replace(/<[^>]+>/g, '');
		if (!text.trim()) continue;
		const clients = new Set<number>();
		walkWritten(block, (clientId) => clients.add(clientId));
		writers.push([...clients]);
	}
	return writers;
}

/** Who wrote what in one root of a meeting's record, live or stored, on either channel. */
export async function authorshipOf(props: {
	db: Database;
	meetingId: string;
	root: string;
}): Promise<AuthoredRun[]> {
	const { db, meetingId, root } = props;
	const doc = await readStoredRecord({ db, meetingId, channel: channelOfRoot(root) });
	try {
		// Read after the record: every client id in it was bound before its update was applied.
		return whoWrote({ doc, root, owners: await clientOwnersOf({ db, meetingId }) });
	} finally {
		doc.destroy();
	}
}
