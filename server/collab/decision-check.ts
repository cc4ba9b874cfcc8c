/**
 * "No decision is recorded without its reason" (DESIGN §2), enforced on the socket: an update
 * that touches a `decision:{participantId}` root or the `outcome` root is applied to a scratch
 * copy of the channel first, and refused unless every entry it adds or changes passes
 * checkDecision / checkChairOutcome — the chair's outcome, like a professional's view, needs its
 * own reason. Only such updates pay for the copy; the hot path does not.
 */
import * as Y from 'yjs';
import { closeCodes } from '../../src/lib/collab/protocol';
import type { UpdateCheck } from './hooks';
import { parseRootName } from '../../src/lib/collab/roots';
import { checkChairOutcome, checkDecision } from '../../src/lib/domain';

/** Roots whose entries the server checks before applying an update. */
export function isCheckedRoot(root: string): boolean {
	const kind = parseRootName(root)?.kind;
	return kind === 'decision' || kind === 'outcome';
}

export type DecisionVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The live entries of a root used as a map, read without giving the root a type (the server's
 * copy may never have called getMap on it). `list` is true when it also holds list content,
 * which a decision or outcome root never does.
 */
function entriesOf(doc: Y.Doc, root: string): { entries: Map<string, unknown>; list: boolean } {
	const entries = new Map<string, unknown>();
	const type = doc.share.get(root);
	if (!type) return { entries, list: false };
	for (const [key, item] of type._map) {
		if (item.deleted) continue;
		const content = item.content.getContent();
		const value = content[content.length - 1];
		entries.set(key, value instanceof Y.AbstractType ? value.toJSON() : value);
	}
	let list = false;
	for (let item = type._start; item !== null; item = item.right) {
		if (!item.deleted) {
			list = true;
			break;
		}
	}
	return { entries, list };
}

function field(value: unknown, key: string): unknown {
	return value !== null && typeof value === 'object'
		? (value as Record<string, unknown>)[key]
		: undefined;
}

/**
 * Would applying `update` to `doc` leave the touched decision and outcome roots valid? Entries
 * the update does not change are not judged again (a child later removed from the meeting must
 * not lock a professional out of their other decisions); deleting an entry is allowed.
 */
export function checkDecisionRoots(props: {
	doc: Y.Doc;
	update: Uint8Array;
	roots: Iterable<string>;
	childIds: readonly string[];
	/** The meeting's decision options; plan / no plan when empty. */
	options?: readonly string[];
}): DecisionVerdict {
	const checked = [...props.roots].filter(isCheckedRoot);
	if (checked.length === 0) return { ok: true };
	const scratch = new Y.Doc();
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(props.doc));
		Y.applyUpdate(scratch, props.update);
		const context = { childIds: props.childIds };
		const decisionContext = props.options?.length
			? { ...context, options: props.options }
			: context;
		for (const root of checked) {
			const before = entriesOf(props.doc, root).entries;
			const after = entriesOf(scratch, root);
			const isOutcome = parseRootName(root)?.kind === 'outcome';
			if (after.list)
				return { ok: false, reason: `${root} holds something that is not a decision` };
			for (const [childId, value] of after.entries) {
				if (before.has(childId) && JSON.stringify(before.get(childId)) === JSON.stringify(value))
					continue;
				const result = isOutcome
					? checkChairOutcome(
							{
								childId,
								outcome: field(value, 'outcome'),
								category: field(value, 'category') ?? undefined,
								reason: field(value, 'reason')
							},
							context
						)
					: checkDecision(
							{
								childId,
								recommendation: field(value, 'recommendation'),
								reason: field(value, 'reason')
							},
							decisionContext
						);
				if (!result.ok) {
					const fields = result.problems.map((p) => p.field).join(', ');
					return {
						ok: false,
						reason: isOutcome ? `outcome refused (${fields})` : `decision refused (${fields})`
					};
				}
			}
		}
		return { ok: true };
	} finally {
		scratch.destroy();
	}
}

/** beforeApply: a decision or outcome the update adds or changes must carry its reason (DESIGN §2). */
export const decisionCheck: UpdateCheck = {
	name: 'decisions',
	check({ record, identity, accepted }) {
		if (!accepted) return { ok: true };
		const checked = new Set([...accepted.roots].filter(isCheckedRoot));
		if (checked.size === 0) return { ok: true };
		const verdict = checkDecisionRoots({
			doc: record.doc,
			update: accepted.update,
			roots: checked,
			childIds: identity.childIds,
			options: identity.decisionOptions
		});
		return verdict.ok
			? { ok: true }
			: { ok: false, code: closeCodes.invalidDecision, reason: verdict.reason };
	}
};
