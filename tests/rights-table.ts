/**
 * Who may write each root of a live meeting's record: one table, asked of the policy
 * (src/lib/policy-matrix.test.ts) and of the real socket (tests/integration/rights-socket.test.ts).
 * `me` is the writer's own participant id, `other` someone else's. A child scores only once the
 * chair has decided the child scores too ("child, scoring").
 */
import type { MeetingRole } from '../src/lib/domain/vocabulary';

export type Writer = Exclude<MeetingRole, 'child'> | 'child' | 'child, scoring';
export const writers: Writer[] = [
	'chair',
	'minute-taker',
	'professional',
	'advocate',
	'parent',
	'child',
	'child, scoring',
	'observer',
	// Interprets for the family (issue 26): reads the main record as they do, writes no root.
	'interpreter'
];

export const writableRoots = [
	'meta',
	'contribution:me',
	'contribution:other',
	'decision:me',
	'decision:other',
	'ratings:me',
	'ratings:other',
	'section:plan',
	'plan',
	'concerns',
	'outcome',
	'restricted:me',
	'restricted:other'
] as const;
export type WritableRoot = (typeof writableRoots)[number];

export const rootRights: Record<WritableRoot, readonly Writer[]> = {
	meta: ['chair'],
	'contribution:me': [
		'chair',
		'minute-taker',
		'professional',
		'advocate',
		'parent',
		'child',
		'child, scoring'
	],
	'contribution:other': ['chair'],
	'decision:me': ['chair', 'professional', 'advocate'],
	'decision:other': ['chair'],
	'ratings:me': ['chair', 'minute-taker', 'professional', 'advocate', 'parent', 'child, scoring'],
	'ratings:other': ['chair'],
	'section:plan': ['chair', 'minute-taker', 'professional', 'advocate'],
	plan: ['chair', 'minute-taker', 'professional', 'advocate'],
	concerns: ['chair', 'minute-taker', 'professional', 'advocate'],
	outcome: ['chair'],
	// In the restricted channel only, which parents and children cannot open at all.
	'restricted:me': ['chair', 'minute-taker', 'professional', 'advocate'],
	'restricted:other': ['chair']
};

/**
 * The same roots while the meeting is scheduled (issue 12): each invited person who writes at
 * all writes only their own contribution (a parent's view, a professional's report); the rest
 * opens when the chair starts the meeting. (The chair cannot let the child score before then,
 * so "child, scoring" is the child.)
 */
export const rootRightsBeforeStart: Record<WritableRoot, readonly Writer[]> = {
	meta: [],
	'contribution:me': [
		'chair',
		'minute-taker',
		'professional',
		'advocate',
		'parent',
		'child',
		'child, scoring'
	],
	'contribution:other': [],
	'decision:me': [],
	'decision:other': [],
	'ratings:me': [],
	'ratings:other': [],
	'section:plan': [],
	plan: [],
	concerns: [],
	outcome: [],
	'restricted:me': [],
	'restricted:other': []
};
