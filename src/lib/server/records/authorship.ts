/**
 * Authorship: each Yjs client id in a meeting belongs to the person whose connection first
 * wrote with it (kept in collab_clients), so the server can say who wrote every piece of the
 * record and refuse anyone writing under someone else's id.
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import { collabClients } from '../../src/lib/server/db/schema';
import { rootOfType } from './gate';

/** Who a client id belongs to: a user's id, or `server` for the server's own writes. */
export const SERVER_AUTHOR = null;

/**
 * The client id → user bindings of one meeting (both its documents), held in memory while a
 * record is loaded. A binding to null is the server's own client id (pre-fill, meeting start).
 */
export class ClientOwners {
	private constructor(
		private readonly db: Database,
		private readonly meetingId: string,
		private readonly owners: Map<number, string | null>
	) {}

	/** Loads a meeting's bindings. */
	static async load(props: { db: Database; meetingId: string }): Promise<ClientOwners> {
		const rows = await props.db
			.select({ clientId: collabClients.clientId, userId: collabClients.userId })
			.from(collabClients)
			.where(eq(collabClients.meetingId, props.meetingId));
		return new ClientOwners(props.db, props.meetingId, new Map(rows.map((r) => [r.clientId, r.userId])));
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
		const rows = await this.db
			.select({ clientId: collabClients.clientId, userId: collabClients.userId })
			.from(collabClients)
			.where(eq(collabClients.meetingId, this.meetingId));
		for (const row of rows) this.owners.set(row.clientId, row.userId);
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
		await this.db
			.insert(collabClients)
			.values(fresh.map((clientId) => ({ meetingId: this.meetingId, clientId, userId: props.userId })))
			.onConflictDoNothing();
		await this.reload();
		return fresh.every((id) => this.owners.get(id) === props.userId);
	}

	/** A copy of the bindings, for attributing text. */
	snapshot(): Map<number, string | null> {
		return new Map(this.owners);
	}
}

/** Records a client id as the server's (idempotent; a person's earlier binding wins). */
export async function bindServerClient(props: { db: Database; meetingId: string; clientId: number }): Promise<void> {
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
 * Who wrote what in one root, in document order: consecutive characters by the same person
 * are one run. Walks XML fragments, elements, text and maps alike; deleted content is skipped.
 */
export function whoWrote(props: { doc: Y.Doc; root: string; owners: Map<number, string | null> }): AuthoredRun[] {
	const runs: AuthoredRun[] = [];
	const push = (clientId: number, text: string) => {
		const owner = props.owners.get(clientId);
		const userId = owner ?? null;
		const server = owner === SERVER_AUTHOR;
		const last = runs[runs.length - 1];
		if (last && last.userId === userId && last.server === server) last.text += text;
		else runs.push({ userId, server, text });
	};
	const type = props.doc.share.get(props.root);
	if (!type) return runs;
	const visit = (parent: Y.AbstractType<any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
		const items: Y.Item[] = [];
		for (let item = parent._start; item !== null; item = item.right) items.push(item);
		for (const item of parent._map.values()) items.push(item);
		for (const item of items) {
			if (item.deleted) continue;
			const content = item.content;
			if (content instanceof Y.ContentString) push(item.id.client, content.str);
			else if (content instanceof Y.ContentType) visit(content.type);
			else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) {
				for (const value of content.getContent()) if (typeof value === 'string') push(item.id.client, value);
			}
		}
	};
	visit(type);
	return runs;
}

/** The user who wrote the item at this position of a root, by client id: "who wrote this piece". */
export async function authorOfClient(props: { db: Database; meetingId: string; clientId: number }): Promise<string | null> {
	const [row] = await props.db
		.select({ userId: collabClients.userId })
		.from(collabClients)
		.where(and(eq(collabClients.meetingId, props.meetingId), eq(collabClients.clientId, props.clientId)));
	return row?.userId ?? null;
}

export { rootOfType };
