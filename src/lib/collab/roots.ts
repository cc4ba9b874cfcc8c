/**
 * The top-level (root) types of a meeting's live record. Roots are the unit of permission:
 * the server's gate resolves every incoming change to its root and asks the policy
 * (`mayWriteRoot` in $lib/policy) whether the sender may write it.
 *
 * Fixed names other tools rely on: `meta`, `contribution:{participantId}`,
 * `decision:{participantId}`. Documented in docs/collaboration.md.
 */
import { rootKeyPattern } from '../domain/templates/types';

export type RootName =
	/** Y.Map — chair and server: current section, timer, status mirror */
	| { kind: 'meta'; participantId: null; key: null }
	/** Y.XmlFragment — one participant's own words */
	| { kind: 'contribution'; participantId: string; key: null }
	/** Y.Map — one participant's decision (plan / no plan per child) and reason */
	| { kind: 'decision'; participantId: string; key: null }
	/** Y.Map — one participant's 0–10 risk scores, by concern id */
	| { kind: 'ratings'; participantId: string; key: null }
	/** Y.XmlFragment — a shared agenda section's notes, keyed by the template's section key */
	| { kind: 'section'; participantId: null; key: string }
	/** Y.Map — the plan: outcomes, actions, core group, dates */
	| { kind: 'plan'; participantId: null; key: null }
	/** Y.Array of Y.Map — the concern cards of the child's journey */
	| { kind: 'concerns'; participantId: null; key: null }
	/** Y.Map — the chair's outcome (and category) for each child */
	| { kind: 'outcome'; participantId: null; key: null }
	/** Y.XmlFragment — one participant's restricted (third-party) information; lives only in the
	 *  meeting's separate restricted document, which parents' and children's connections never open */
	| { kind: 'restricted'; participantId: string; key: null };

/** Parses a root's name; null for a name that is not part of the record. */
export function parseRootName(name: string): RootName | null {
	if (name === 'meta') return { kind: 'meta', participantId: null, key: null };
	if (name === 'plan') return { kind: 'plan', participantId: null, key: null };
	if (name === 'concerns') return { kind: 'concerns', participantId: null, key: null };
	if (name === 'outcome') return { kind: 'outcome', participantId: null, key: null };
	const colon = name.indexOf(':');
	if (colon === -1) return null;
	const prefix = name.slice(0, colon);
	const rest = name.slice(colon + 1);
	if (!rootKeyPattern.test(rest)) return null;
	switch (prefix) {
		case 'contribution':
		case 'decision':
		case 'ratings':
		case 'restricted':
			return { kind: prefix, participantId: rest, key: null };
		case 'section':
			return { kind: 'section', participantId: null, key: rest };
		default:
			return null;
	}
}

/** Root name builders, so no code spells a name by hand. */
export const roots = {
	meta: 'meta',
	plan: 'plan',
	concerns: 'concerns',
	outcome: 'outcome',
	restricted: (participantId: string) => `restricted:${participantId}`,
	contribution: (participantId: string) => `contribution:${participantId}`,
	decision: (participantId: string) => `decision:${participantId}`,
	ratings: (participantId: string) => `ratings:${participantId}`,
	section: (key: string) => `section:${key}`
} as const;
