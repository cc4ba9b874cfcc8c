/**
 * Who may write each root of a live meeting's record: one table, asked of the policy
 * (src/lib/policy-matrix.test.ts) and of the real socket (tests/integration/rights-socket.test.ts).
 * `me` is the writer's own participant id, `other` someone else's. A child scores only once the
 * chair has decided the child scores too ("child, scoring").
 */
import type { MeetingRole, UserRole } from '../src/lib/domain/vocabulary';

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

/** What ties an account to a meeting, for who may be invited to it. */
export type InviteeTie = 'nothing' | 'family of its child' | 'its child';

/**
 * Who may be invited to a meeting of unit `u1`, and as what (issues 20 and 27): one row per kind
 * of account, its unit and what ties it to the meeting; `roles` are the meeting roles it may be
 * given, the usual one first (none: not invitable at all). Asked of the policy
 * (`mayBeInvited` and `meetingRoleFit`, src/lib/policy-matrix.test.ts); the real invite API
 * answers the child's rows in tests/integration/child-invited.test.ts.
 */
export const invitees: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	tie: InviteeTie;
	roles: readonly MeetingRole[];
}[] = [
	{ account: 'chair', unit: 'u1', tie: 'nothing', roles: ['observer', 'chair'] },
	{ account: 'chair', unit: 'u2', tie: 'nothing', roles: [] },
	{ account: 'admin', unit: 'u1', tie: 'nothing', roles: ['minute-taker', 'observer'] },
	{ account: 'admin', unit: 'u2', tie: 'nothing', roles: [] },
	{ account: 'manager', unit: 'u1', tie: 'nothing', roles: ['observer', 'professional'] },
	{ account: 'manager', unit: null, tie: 'nothing', roles: [] },
	{
		account: 'professional',
		unit: null,
		tie: 'nothing',
		roles: ['professional', 'advocate', 'observer', 'interpreter']
	},
	{
		account: 'professional',
		unit: 'u1',
		tie: 'nothing',
		roles: ['professional', 'advocate', 'observer', 'interpreter']
	},
	{ account: 'professional', unit: 'u2', tie: 'nothing', roles: [] },
	{ account: 'parent', unit: null, tie: 'family of its child', roles: ['parent'] },
	{ account: 'parent', unit: null, tie: 'nothing', roles: [] },
	// A child's own account (issue 27): to a meeting about them, as the child, and nowhere else —
	// not a brother's or sister's meeting, not another child's, not another unit's.
	{ account: 'child', unit: 'u1', tie: 'its child', roles: ['child'] },
	{ account: 'child', unit: 'u1', tie: 'family of its child', roles: [] },
	{ account: 'child', unit: 'u1', tie: 'nothing', roles: [] },
	{ account: 'child', unit: 'u2', tie: 'its child', roles: [] }
];

/**
 * Who works the unit's allegations against adults who work with children (issue 25, the LADO's
 * cases: `/api/allegations`, `mayWorkAllegations`): one row per kind of account and its unit,
 * asked about an allegation of unit `u1`. Parents, children and professionals (the adult under
 * allegation may be one) never; another unit's staff never.
 */
export const allegationWorkers: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	works: boolean;
}[] = [
	{ account: 'lado', unit: 'u1', works: true },
	{ account: 'chair', unit: 'u1', works: true },
	{ account: 'admin', unit: 'u1', works: true },
	{ account: 'manager', unit: 'u1', works: true },
	{ account: 'lado', unit: 'u2', works: false },
	{ account: 'chair', unit: 'u2', works: false },
	{ account: 'admin', unit: 'u2', works: false },
	{ account: 'manager', unit: 'u2', works: false },
	{ account: 'chair', unit: null, works: false },
	{ account: 'manager', unit: null, works: false },
	{ account: 'professional', unit: 'u1', works: false },
	{ account: 'professional', unit: null, works: false },
	{ account: 'parent', unit: null, works: false },
	{ account: 'child', unit: 'u1', works: false }
];

/**
 * Who reads and who shapes the unit's meeting kinds (issue 25): `reads` is
 * `GET /api/meeting-kinds` (`mayReadMeetingKinds`), `shapes` the pages under
 * `/unit/meeting-kinds` that copy a kind and save its words as a new version
 * (`mayShapeMeetingKinds`). Each asks about the person's own unit; another unit's kinds are never
 * theirs (tests/integration/meeting-kinds.test.ts).
 */
export const meetingKindShapers: readonly {
	account: UserRole;
	unit: 'u1' | null;
	reads: boolean;
	shapes: boolean;
}[] = [
	{ account: 'admin', unit: 'u1', reads: true, shapes: true },
	{ account: 'manager', unit: 'u1', reads: true, shapes: true },
	{ account: 'chair', unit: 'u1', reads: true, shapes: false },
	{ account: 'professional', unit: 'u1', reads: false, shapes: false },
	{ account: 'professional', unit: null, reads: false, shapes: false },
	{ account: 'parent', unit: null, reads: false, shapes: false },
	{ account: 'child', unit: 'u1', reads: false, shapes: false },
	{ account: 'admin', unit: null, reads: false, shapes: false },
	{ account: 'manager', unit: null, reads: false, shapes: false },
	{ account: 'chair', unit: null, reads: false, shapes: false }
];

/**
 * Who works missing-from-home episodes (issue 25: `/api/children/{id}/missing-episodes`,
 * `/api/missing-episodes/…`, `mayWorkMissingEpisodes`): one row per kind of account, its unit and
 * whether it is the child's reviewing officer, asked about a child of unit `u1`. `works`: records
 * and works that child's episodes; `readsList`: reads its own unit's list of open episodes.
 * Parents and children never; another unit's staff never, unless the child's reviewing officer.
 */
export const missingEpisodeWorkers: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	reviewingOfficer: boolean;
	works: boolean;
	readsList: boolean;
}[] = [
	{ account: 'chair', unit: 'u1', reviewingOfficer: false, works: true, readsList: true },
	{ account: 'admin', unit: 'u1', reviewingOfficer: false, works: true, readsList: true },
	{ account: 'manager', unit: 'u1', reviewingOfficer: false, works: true, readsList: true },
	{ account: 'chair', unit: 'u2', reviewingOfficer: false, works: false, readsList: true },
	{ account: 'admin', unit: 'u2', reviewingOfficer: false, works: false, readsList: true },
	{ account: 'manager', unit: 'u2', reviewingOfficer: false, works: false, readsList: true },
	{ account: 'chair', unit: 'u2', reviewingOfficer: true, works: true, readsList: true },
	{ account: 'chair', unit: null, reviewingOfficer: false, works: false, readsList: false },
	{ account: 'manager', unit: null, reviewingOfficer: false, works: false, readsList: false },
	{ account: 'professional', unit: 'u1', reviewingOfficer: false, works: false, readsList: false },
	{ account: 'professional', unit: null, reviewingOfficer: false, works: false, readsList: false },
	{ account: 'parent', unit: null, reviewingOfficer: false, works: false, readsList: false },
	{ account: 'parent', unit: null, reviewingOfficer: true, works: false, readsList: false },
	{ account: 'child', unit: 'u1', reviewingOfficer: false, works: false, readsList: false }
];

/**
 * Who works the unit's children's homes and their Regulation 33 visits (issue 25: `/homes`,
 * `/homes/[id]`, `POST /api/meetings` with `kind: 'reg33-visit'`, `mayWorkHomes`): one row per
 * kind of account and its unit, asked about a home of unit `u1`. Parents, children and
 * professionals (a home's staff may be one; visits are unannounced) never; another unit's never.
 */
export const homeWorkers: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	works: boolean;
}[] = [
	{ account: 'chair', unit: 'u1', works: true },
	{ account: 'admin', unit: 'u1', works: true },
	{ account: 'manager', unit: 'u1', works: true },
	{ account: 'chair', unit: 'u2', works: false },
	{ account: 'admin', unit: 'u2', works: false },
	{ account: 'manager', unit: 'u2', works: false },
	{ account: 'chair', unit: null, works: false },
	{ account: 'manager', unit: null, works: false },
	{ account: 'professional', unit: 'u1', works: false },
	{ account: 'professional', unit: null, works: false },
	{ account: 'parent', unit: null, works: false },
	{ account: 'child', unit: 'u1', works: false }
];

/**
 * The exploitation operational group (issue 25): one row per kind of account and its unit, asked
 * about a sitting of unit `u1` and a child of unit `u1`. `list`: the group's page (sittings,
 * referrals, places: `mayWorkExploitationGroup`); `sitting`: one sitting's page, not invited /
 * invited (`maySeeExploitationSitting`); `child`: a referred child's item, with no meeting about
 * the child / with one (`maySeeExploitationChild`, over `canSeeChild`); `keeps`: records findings,
 * outputs and agendas (`mayKeepExploitationItems`); `persons`: the restricted register of persons
 * of concern (`mayReadPersonsOfConcern`); `refers`: may refer a child at all, one they may see
 * (`mayReferToExploitationGroup`). A parent or child never, not even about their own child.
 */
export const exploitationGroupRights: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	list: boolean;
	sitting: [notInvited: boolean, invited: boolean];
	child: [noMeeting: boolean, atAMeetingAboutThem: boolean];
	keeps: boolean;
	persons: boolean;
	refers: boolean;
}[] = [
	{
		account: 'chair',
		unit: 'u1',
		list: true,
		sitting: [true, true],
		child: [true, true],
		keeps: true,
		persons: true,
		refers: true
	},
	{
		account: 'admin',
		unit: 'u1',
		list: true,
		sitting: [true, true],
		child: [true, true],
		keeps: true,
		persons: false,
		refers: true
	},
	{
		account: 'manager',
		unit: 'u1',
		list: true,
		sitting: [true, true],
		child: [false, true],
		keeps: false,
		persons: true,
		refers: true
	},
	{
		account: 'professional',
		unit: 'u1',
		list: false,
		sitting: [false, true],
		child: [false, true],
		keeps: false,
		persons: false,
		refers: true
	},
	{
		account: 'professional',
		unit: null,
		list: false,
		sitting: [false, true],
		child: [false, true],
		keeps: false,
		persons: false,
		refers: true
	},
	{
		account: 'chair',
		unit: 'u2',
		list: true,
		sitting: [false, true],
		child: [false, true],
		keeps: true,
		persons: true,
		refers: true
	},
	{
		account: 'admin',
		unit: 'u2',
		list: true,
		sitting: [false, true],
		child: [false, true],
		keeps: true,
		persons: false,
		refers: true
	},
	{
		account: 'chair',
		unit: null,
		list: false,
		sitting: [false, true],
		child: [false, true],
		keeps: false,
		persons: false,
		refers: true
	},
	{
		account: 'parent',
		unit: null,
		list: false,
		sitting: [false, false],
		child: [false, false],
		keeps: false,
		persons: false,
		refers: false
	},
	{
		account: 'child',
		unit: 'u1',
		list: false,
		sitting: [false, false],
		child: [false, false],
		keeps: false,
		persons: false,
		refers: false
	}
];

/**
 * Who works the unit's foster carers and their annual reviews (issue 25: `/foster-carers`,
 * `/api/foster-carers`, `/api/foster-reviews/…`, `mayWorkFosterCarers`): one row per kind of
 * account and its unit, asked about a carer of unit `u1`. `works`: that carer and their review;
 * `ownUnit`: records carers and reads the list of their own unit's. Parents (birth parents are
 * never part of a carer's review), children and professionals never; another unit's staff never
 * this unit's carers.
 */
export const fosterCarerWorkers: readonly {
	account: UserRole;
	unit: 'u1' | 'u2' | null;
	works: boolean;
	ownUnit: boolean;
}[] = [
	{ account: 'chair', unit: 'u1', works: true, ownUnit: true },
	{ account: 'admin', unit: 'u1', works: true, ownUnit: true },
	{ account: 'manager', unit: 'u1', works: true, ownUnit: true },
	{ account: 'chair', unit: 'u2', works: false, ownUnit: true },
	{ account: 'admin', unit: 'u2', works: false, ownUnit: true },
	{ account: 'manager', unit: 'u2', works: false, ownUnit: true },
	{ account: 'chair', unit: null, works: false, ownUnit: false },
	{ account: 'manager', unit: null, works: false, ownUnit: false },
	{ account: 'professional', unit: 'u1', works: false, ownUnit: false },
	{ account: 'professional', unit: null, works: false, ownUnit: false },
	{ account: 'parent', unit: null, works: false, ownUnit: false },
	{ account: 'parent', unit: 'u1', works: false, ownUnit: false },
	{ account: 'child', unit: 'u1', works: false, ownUnit: false }
];

/**
 * Who may be on the list of a meeting with no family view (issue 25: `lado-strategy`,
 * `missing-from-home`; `mayJoinKind`, asked by the invite command): one row per meeting role.
 * Professionals and the unit's staff; never a parent or carer, the child, their advocate or an
 * interpreter for the family. A kind with a family view takes every role.
 */
export const professionalOnlyKindRoles: readonly { role: MeetingRole; joins: boolean }[] = [
	{ role: 'chair', joins: true },
	{ role: 'minute-taker', joins: true },
	{ role: 'professional', joins: true },
	{ role: 'observer', joins: true },
	{ role: 'parent', joins: false },
	{ role: 'child', joins: false },
	{ role: 'advocate', joins: false },
	{ role: 'interpreter', joins: false }
];
