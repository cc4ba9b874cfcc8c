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

/** The client id → user bindings of one meeting, held in memory while its record is loaded. */
export class ClientOwners {
	private constructor(
		private readonly db: Database,
		private readonly meetingId: string,
		private readonly owners: Map<number, string>
	) {}

	/** Loads a meeting's bindings. */
	static async load(props: { db: Database; meetingId: string }): Promise<ClientOwners> {
		const rows = await props.db
			.select({ clientId: collabClients.clientId, userId: collabClients.userId })
			.from(collabClients)
			.where(eq(collabClients.meetingId, props.meetingId));
		return new ClientOwners(props.db, props.meetingId, new Map(rows.map((r) => [r.clientId, r.userId])));
	}

	/** The user a client id belongs to, if bound. */
	ownerOf(clientId: number): string | undefined {
		return this.owners.get(clientId);
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
		const rows = await this.db
			.select({ clientId: collabClients.clientId, userId: collabClients.userId })
			.from(collabClients)
			.where(eq(collabClients.meetingId, this.meetingId));
		for (const row of rows) this.owners.set(row.clientId, row.userId);
		return fresh.every((id) => this.owners.get(id) === props.userId);
	}

	/** A copy of the bindings, for attributing text. */
	snapshot(): Map<number, string> {
		return new Map(this.owners);
	}
}

/** One run of a root's text written by one person (`userId` null: the server or unknown). */
export interface AuthoredRun {
	userId: string | null;
	text: string;
}

/**
 * Who wrote what in one root, in document order: consecutive characters by the same person
 * are one run. Walks XML fragments, elements, text and maps alike; deleted content is skipped.
 */
export function whoWrote(props: { doc: Y.Doc; root: string; owners: Map<number, string> }): AuthoredRun[] {
	const runs: AuthoredRun[] = [];
	const push = (clientId: number, text: string) => {
		const userId = props.owners.get(clientId) ?? null;
		const last = runs[runs.length - 1];
		if (last && last.userId === userId) last.text += text;
		else runs.push({ userId, text });
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
