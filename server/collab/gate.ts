/**
 * The root-permission gate. Every incoming Yjs update is decoded and each new struct and each
 * deletion resolved to the root type it touches before anything is applied; one forbidden
 * root refuses the whole update, because Yjs clocks must stay contiguous (DESIGN §4).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** Who a Yjs client id belongs to, as far as this connection is concerned. */
export type ClientOwnership = 'self' | 'other' | 'unbound';

export interface GateProps {
	/** The server's copy of the meeting's channel. */
	doc: Y.Doc;
	/** A Yjs v1 update as received. */
	update: Uint8Array;
	/**
	 * `update`: a live change, which may only hold the sender's own structs.
	 * `step2`: the sender's answer to the server's state vector, which after a server crash may
	 * honestly carry other people's edits that the server lost; those are dropped, not refused.
	 */
	kind: 'update' | 'step2';
	/** May the sender write this root? (The policy decides; the gate only resolves roots.) */
	mayWrite(root: string): boolean;
	ownerOf(clientId: number): ClientOwnership;
}

export type GateVerdict =
	| {
			ok: true;
			/** What to apply: the update itself, or a copy with other people's structs and deletions of unknown items removed. */
			update: Uint8Array;
			/** Client ids that write here for the first time: bind them to the sender. */
			newClients: number[];
			/** Every root the update writes or deletes in (the later checks look only at these). */
			roots: ReadonlySet<string>;
			/**
			 * Sync step 2 only: items of other people that the server does not have (lost in a
			 * crash) on which some of the sender's structs depend. Those structs, and the sender's
			 * later ones under the same client id, were cut from `update`; the sender's update may
			 * be judged again once every id listed here has reached the server.
			 */
			waitingFor: Y.ID[];
	  }
	| {
			ok: false;
			reason: string;
			/**
			 * The update was refused only because it depends on someone else's items that the
			 * server does not have yet: nothing was applied; an honest client reconnects and
			 * resends it in its sync step 2.
			 */
			outOfSync?: true;
	  };

type Struct = Y.Item | Y.GC | Y.Skip;
/** The struct depends on an item that neither the server nor the update holds. */
class Pending {
	constructor(readonly missing: Y.ID) {}
}
/** A root's name; `null` when the struct lands in garbage-collected content (a no-op). */
type Resolution = string | null | Pending | 'invalid';

const INVALID = 'invalid';
const MAX_CLOCK = Number.MAX_SAFE_INTEGER;

/** Decides whether an update may be applied; throws only on an update that cannot be decoded. */
export function checkUpdate(props: GateProps): GateVerdict {
	const { doc, kind, ownerOf } = props;
	// The roots the update touches, noted as they are judged and returned with the verdict.
	const roots = new Set<string>();
	const mayWrite = (root: string) => {
		roots.add(root);
		return props.mayWrite(root);
	};
	let update = props.update;
	let decoded = Y.decodeUpdate(update);
	let rebuilt = false;

	// Authorship: structs under someone else's client id.
	const foreign = new Set<number>();
	for (const struct of decoded.structs) {
		if (struct instanceof Y.Skip) continue;
		const client = struct.id.client;
		if (struct.id.clock + struct.length <= Y.getState(doc.store, client)) continue; // known already
		if (ownerOf(client) === 'other') foreign.add(client);
	}
	if (foreign.size > 0) {
		if (kind === 'update') return { ok: false, reason: 'writes under another person’s client id' };
		update = Y.diffUpdate(
			update,
			encodeStateVector(new Map([...foreign].map((c) => [c, MAX_CLOCK])))
		);
		decoded = Y.decodeUpdate(update);
		rebuilt = true;
	}

	const own = indexStructs(decoded.structs);
	const resolver = new RootResolver(doc, own);
	const newClients = new Set<number>();
	/** Sync step 2: per client, the clock from which the sender's structs are cut. */
	const cuts = new Map<number, number>();
	const waitingFor: Y.ID[] = [];

	for (const struct of decoded.structs) {
		if (struct instanceof Y.Skip) continue;
		const client = struct.id.client;
		if (struct.id.clock + struct.length <= Y.getState(doc.store, client)) continue;
		if (ownerOf(client) === 'unbound') newClients.add(client);
		if (struct instanceof Y.GC) continue; // occupies clock space, writes nothing
		const root = resolver.rootOfNewItem(struct);
		if (root === INVALID)
			return { ok: false, reason: 'an update that names no valid place in the record' };
		if (root instanceof Pending) {
			// A neighbour that has not reached the server. Yjs would hold the struct back and
			// place it wherever that neighbour lands, so only the sender's own items may be
			// waited for: the sender is judged when they arrive. Anyone else's next item is
			// public (client ids and clocks are in the record), so waiting for it would let
			// the sender write into whatever that person writes next.
			const missing = root.missing.client;
			const sendersOwn =
				ownerOf(missing) === 'self' || (own.has(missing) && ownerOf(missing) === 'unbound');
			if (sendersOwn) continue;
			if (kind === 'update') {
				return {
					ok: false,
					reason: 'depends on changes the server does not have; reconnect',
					outOfSync: true
				};
			}
			const cut = cuts.get(client);
			if (cut === undefined || struct.id.clock < cut) cuts.set(client, struct.id.clock);
			waitingFor.push(root.missing);
			continue;
		}
		if (root === null) continue;
		if (!mayWrite(root)) return { ok: false, reason: `may not write ${root}` };
	}

	if (cuts.size > 0) {
		// Judge again what is left: a struct that waited on one now cut may itself wait on
		// someone else. Each round cuts more, so this ends.
		const verdict = checkUpdate({ ...props, update: cutStructs(decoded, cuts) });
		if (!verdict.ok) return verdict;
		return {
			...verdict,
			roots: new Set([...roots, ...verdict.roots]),
			waitingFor: [...waitingFor, ...verdict.waitingFor]
		};
	}

	// Deletions: each range is split over the server's structs and the update's own.
	const kept = new Map<number, { clock: number; len: number }[]>();
	let dropped = false;
	for (const [client, ranges] of decoded.ds.clients) {
		const serverState = Y.getState(doc.store, client);
		for (const { clock, len } of ranges) {
			const end = clock + len;
			if (clock < serverState) {
				const stop = Math.min(end, serverState);
				const structs = doc.store.clients.get(client) as (Y.Item | Y.GC)[];
				for (
					let i = Y.findIndexSS(structs, clock);
					i < structs.length && structs[i].id.clock < stop;
					i++
				) {
					const struct = structs[i];
					// Deleting what is already deleted changes nothing and is not held against anyone.
					if (!(struct instanceof Y.Item) || struct.deleted) continue;
					const root = resolver.rootOfServerItem(struct);
					if (root !== null && !mayWrite(root))
						return { ok: false, reason: `may not delete in ${root}` };
				}
				addRange(kept, client, clock, stop - clock);
			}
			// The part beyond the server's state: the update's own structs, or unknown (dropped).
			let from = Math.max(clock, serverState);
			for (const struct of own.get(client) ?? []) {
				if (from >= end) break;
				const sEnd = struct.id.clock + struct.length;
				if (sEnd <= from || struct.id.clock >= end) continue;
				if (struct.id.clock > from) dropped = true; // a gap nobody has
				const start = Math.max(struct.id.clock, from);
				const stop = Math.min(sEnd, end);
				if (struct instanceof Y.Item) {
					const root = resolver.rootOfNewItem(struct);
					if (root === INVALID)
						return { ok: false, reason: 'a deletion that names no valid place in the record' };
					if (typeof root === 'string' && !mayWrite(root)) {
						return { ok: false, reason: `may not delete in ${root}` };
					}
				}
				addRange(kept, client, start, stop - start);
				from = stop;
			}
			if (from < end) dropped = true;
		}
	}

	if (dropped) {
		update = replaceDeleteSet(update, decoded.ds, kept, rebuilt);
	}
	return { ok: true, update, newClients: [...newClients], roots, waitingFor: [] };
}

/** The root (top-level type name) an integrated item lives in, walking nested types up. */
export function rootOfType(type: Y.AbstractType<unknown>): string {
	let current = type;
	while (current._item !== null) current = current._item.parent as Y.AbstractType<unknown>;
	return Y.findRootTypeKey(current);
}

class RootResolver {
	private readonly memo = new Map<Y.Item, Resolution>();
	constructor(
		private readonly doc: Y.Doc,
		private readonly own: Map<number, Struct[]>
	) {}

	rootOfServerItem(item: Y.Item): string | null {
		const parent = item.parent;
		if (parent === null || !(parent instanceof Y.AbstractType)) return null;
		return rootOfType(parent);
	}

	/** Where a struct from the update will land. Iterative: offline typing chains thousands. */
	rootOfNewItem(start: Y.Item): Resolution {
		const chain: Y.Item[] = [];
		const seen = new Set<Y.Item>();
		let item: Y.Item = start;
		let result: Resolution;
		for (;;) {
			const cached = this.memo.get(item);
			if (cached !== undefined) {
				result = cached;
				break;
			}
			if (seen.has(item)) {
				result = INVALID; // a cycle of origins
				break;
			}
			seen.add(item);
			chain.push(item);
			const parent = item.parent as unknown;
			if (typeof parent === 'string') {
				result = parent;
				break;
			}
			if (parent instanceof Y.ID) {
				result = this.rootInside(parent);
				break;
			}
			const neighbour = item.origin ?? item.rightOrigin;
			if (!neighbour) {
				result = INVALID;
				break;
			}
			const found = this.find(neighbour);
			if (found === undefined) {
				result = new Pending(neighbour);
				break;
			}
			if (found === 'server') {
				const server = Y.getItem(this.doc.store, neighbour) as Y.Item | Y.GC;
				result = server instanceof Y.Item ? this.rootOfServerItem(server) : null;
				break;
			}
			if (!(found instanceof Y.Item)) {
				result = null; // next to garbage-collected content: Yjs collects it too
				break;
			}
			item = found;
		}
		for (const link of chain) this.memo.set(link, result);
		return result;
	}

	/** The root of the nested type whose item has this id. */
	private rootInside(id: Y.ID): Resolution {
		const found = this.find(id);
		if (found === undefined) return new Pending(id);
		if (found === 'server') {
			const server = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
			if (!(server instanceof Y.Item)) return null;
			if (!(server.content instanceof Y.ContentType)) return INVALID;
			return rootOfType(server.content.type);
		}
		if (!(found instanceof Y.Item)) return null;
		if (!(found.content instanceof Y.ContentType)) return INVALID;
		return this.rootOfNewItem(found);
	}

	private find(id: Y.ID): 'server' | Struct | undefined {
		if (id.clock < Y.getState(this.doc.store, id.client)) return 'server';
		const structs = this.own.get(id.client);
		if (!structs) return undefined;
		for (const struct of structs) {
			if (struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length) {
				return struct instanceof Y.Skip ? undefined : struct;
			}
		}
		return undefined;
	}
}

/**
 * The update with each listed client's structs cut from the given clock on (its delete set
 * kept as it is; the caller's delete-set pass drops deletions of what was cut). Written in
 * the v1 format, as Yjs writes a merged update.
 */
function cutStructs(
	decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } },
	cuts: Map<number, number>
): Uint8Array {
	const byClient = new Map<number, Struct[]>();
	for (const struct of decoded.structs) {
		const cut = cuts.get(struct.id.client);
		if (cut !== undefined && struct.id.clock + struct.length > cut) {
			if (struct.id.clock >= cut) continue;
			throw new Error('a cut falls inside a struct'); // cuts are always at a struct's own clock
		}
		const list = byClient.get(struct.id.client);
		if (list) list.push(struct);
		else byClient.set(struct.id.client, [struct]);
	}
	const encoder = new Y.UpdateEncoderV1();
	const clients = [...byClient.entries()].sort((a, b) => b[0] - a[0]);
	encoding.writeVarUint(encoder.restEncoder, clients.length);
	for (const [client, structs] of clients) {
		structs.sort((a, b) => a.id.clock - b.id.clock);
		encoding.writeVarUint(encoder.restEncoder, structs.length);
		encoder.writeClient(client);
		encoding.writeVarUint(encoder.restEncoder, structs[0].id.clock);
		for (const struct of structs) struct.write(encoder, 0);
	}
	encoding.writeUint8Array(encoder.restEncoder, encodeDeleteSet(decoded.ds.clients));
	return encoder.toUint8Array();
}

function indexStructs(structs: Struct[]): Map<number, Struct[]> {
	const byClient = new Map<number, Struct[]>();
	for (const struct of structs) {
		const list = byClient.get(struct.id.client);
		if (list) list.push(struct);
		else byClient.set(struct.id.client, [struct]);
	}
	for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	return byClient;
}

function addRange(
	ranges: Map<number, { clock: number; len: number }[]>,
	client: number,
	clock: number,
	len: number
) {
	if (len <= 0) return;
	const list = ranges.get(client);
	if (list) list.push({ clock, len });
	else ranges.set(client, [{ clock, len }]);
}

/** A v1 state vector; used to strip other clients' structs with `Y.diffUpdate`. */
export function encodeStateVector(clocks: Map<number, number>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, clocks.size);
	for (const [client, clock] of clocks) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, clock);
	}
	return encoding.toUint8Array(encoder);
}

/** A v1 delete set, written as Yjs writes it (clients in descending order). */
function encodeDeleteSet(ds: Map<number, { clock: number; len: number }[]>): Uint8Array {
	const encoder = encoding.createEncoder();
	const clients = [...ds.entries()]
		.filter(([, items]) => items.length > 0)
		.sort((a, b) => b[0] - a[0]);
	encoding.writeVarUint(encoder, clients.length);
	for (const [client, items] of clients) {
		encoding.writeVarUint(encoder, client);
		encoding.writeVarUint(encoder, items.length);
		for (const item of items) {
			encoding.writeVarUint(encoder, item.clock);
			encoding.writeVarUint(encoder, item.len);
		}
	}
	return encoding.toUint8Array(encoder);
}

/**
 * The same update with another delete set. A v1 update is its structs followed by its delete
 * set; `Y.diffUpdate` writes the delete set canonically, so its length is known exactly.
 */
function replaceDeleteSet(
	update: Uint8Array,
	ds: { clients: Map<number, { clock: number; len: number }[]> },
	kept: Map<number, { clock: number; len: number }[]>,
	normalized: boolean
): Uint8Array {
	const canonical = normalized ? update : Y.diffUpdate(update, new Uint8Array([0]));
	const tail = encodeDeleteSet(ds.clients);
	const head = canonical.subarray(0, canonical.length - tail.length);
	const replacement = encodeDeleteSet(kept);
	const result = new Uint8Array(head.length + replacement.length);
	result.set(head, 0);
	result.set(replacement, head.length);
	return result;
}
