/**
 * Concern cards are found by their id (ratings, plan outcomes and every view key them by it), so
 * the server keeps the ids unique: a new card's id must be new, and a card's id never changes.
 * Only updates that touch the `concerns` root are looked at, and only their own structs are read.
 */
import * as Y from 'yjs';
import { closeCodes } from '../../src/lib/collab/protocol';
import type { UpdateCheck } from './hooks';
import { roots } from '../../src/lib/collab/roots';

export type ConcernVerdict = { ok: true } | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;

const ID_KEY = 'id';
const MAX_ID_LENGTH = 64;

/** The ids of the cards the server's copy of the channel holds now. */
function existingIds(doc: Y.Doc): Set<string> {
	const ids = new Set<string>();
	const concerns = doc.share.get(roots.concerns);
	for (let item = concerns?._start ?? null; item !== null; item = item.right) {
		if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
		const idItem = item.content.type._map.get(ID_KEY);
		if (!idItem || idItem.deleted) continue;
		const value = idItem.content.getContent().at(-1);
		if (typeof value === 'string') ids.add(value);
	}
	return ids;
}

/** Would applying `update` leave every concern card with an id of its own? */
export function checkConcernIds(props: { doc: Y.Doc; update: Uint8Array }): ConcernVerdict {
	const { doc } = props;
	const { structs } = Y.decodeUpdate(props.update);
	const own = new Map<number, Struct[]>();
	for (const struct of structs) {
		const list = own.get(struct.id.client);
		if (list) list.push(struct);
		else own.set(struct.id.client, [struct]);
	}
	const find = (id: Y.ID): Y.Item | null => {
		if (id.clock < Y.getState(doc.store, id.client)) {
			const item = Y.getItem(doc.store, id);
			return item instanceof Y.Item ? item : null;
		}
		for (const struct of own.get(id.client) ?? []) {
			if (struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length)
				return struct instanceof Y.Item ? struct : null;
		}
		return null;
	};
	/** The map key an item sets: its own, or (overwriting a key) that of the entry it replaces. */
	const keyOf = (item: Y.Item): string | null => {
		for (let current: Y.Item | null = item, hops = 0; current && hops < 1_000; hops++) {
			if (current.parentSub !== null) return current.parentSub;
			current = current.origin ? find(current.origin) : null;
		}
		return null;
	};
	/** The item of the map an entry lives in: on the server, or new in this update. */
	const mapOf = (item: Y.Item): { server: boolean; map: Y.Item } | null => {
		for (let current: Y.Item | null = item, hops = 0; current && hops < 1_000; hops++) {
			const parent = current.parent as unknown;
			if (parent instanceof Y.ID) {
				const map = find(parent);
				return map ? { server: parent.clock < Y.getState(doc.store, parent.client), map } : null;
			}
			if (parent instanceof Y.Map && parent._item) return { server: true, map: parent._item };
			if (parent !== null && typeof parent === 'object') return null;
			current = current.origin ? find(current.origin) : null;
		}
		return null;
	};
	const concerns = doc.share.get(roots.concerns) ?? null;
	const taken = existingIds(doc);
	const added = new Set<string>();

	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
		if (keyOf(struct) !== ID_KEY) continue;
		const where = mapOf(struct);
		if (!where) continue;
		if (where.server) {
			// An existing map: if it is a concern card, its id is fixed for good.
			if (concerns && where.map.parent === concerns)
				return { ok: false, reason: 'a concern card’s id cannot change' };
			continue;
		}
		const value = struct.content.getContent().at(-1);
		if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
			return { ok: false, reason: 'a concern card needs an id' };
		}
		if (taken.has(value) || added.has(value))
			return { ok: false, reason: 'a concern card with that id already exists' };
		added.add(value);
	}
	return { ok: true };
}

/** beforeApply: an update that touches the concern cards must leave each with an id of its own. */
export const concernCheck: UpdateCheck = {
	name: 'concerns',
	check({ record, accepted }) {
		if (!accepted || !accepted.roots.has(roots.concerns)) return { ok: true };
		const verdict = checkConcernIds({ doc: record.doc, update: accepted.update });
		return verdict.ok
			? { ok: true }
			: { ok: false, code: closeCodes.forbidden, reason: verdict.reason };
	}
};
