import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	ask,
	baseURL,
	cookieOf,
	endWithoutRegister,
	signedInContext,
	upgradeStatus,
	type Ask
} from './rights-walk';
import { routesOnDisk } from './routes-on-disk';
import { SECOND_UNIT } from './second-unit';

/**
 * Units are walls (issue 20): the rights matrix over two units. The demo's unit is unit A;
 * unit B ("Northfield", ./second-unit.ts) is added by serve.ts with the command behind
 * `npm run unit:add`, and everything else of it (a parent and a professional with accounts, an
 * agency, a family, a child, a conference with participants, a report, a consultation form, a
 * challenge, the conference started and ended so it has documents and outbox messages) is made
 * here through the API by unit B's own people.
 *
 * Then every page, form action, API route, download and socket channel is asked by each of unit
 * A's people (its chair, business support, a professional invited to its meetings, a parent of
 * one of its families, its manager) about unit B's things:
 * - a row about one of B's things (in the path, or named in the body of an action on it) must be
 *   answered 404, exactly as an id that does not exist, and unit B's own person named by the
 *   row must be let through (so the ids are real and the 404 is the wall, not a typo);
 * - a row that names B's thing inside an action on A's own things (inviting B's chair to A's
 *   meeting, scheduling about B's child) must be refused, 400 or 404, changing nothing;
 * - every answer, whatever the row, must hold nothing of unit B: no name of its people, family,
 *   child or meeting, and no id of its things beyond those the request itself carried (lists,
 *   searches, figures, the audit log, the outbox, the people and agencies pages).
 * Unit A's figures are the same before and after unit B held its conference. The reverse holds
 * too: unit B's chair and business support are answered as missing about unit A's demo meeting,
 * child, family, documents, outbox and challenge, and see nothing of unit A.
 *
 * A route in src/routes with no row here fails the test (the same list as rights-matrix.spec.ts).
 */

const demoId = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
/** A case-system identifiers' file naming unit B's child (made below) by family, name and birth. */
const ZINNIA_CASE_SYSTEM_ID =
	'family,child,date_of_birth,case_system_id\nQuennell family,Zinnia Quennell,2019-04-02,NF-1';

/** A well-formed id of nothing. */
const NOTHING = '00000000-0000-4000-8000-00000000dead';

/** Unit A's people who ask (the demo's accounts). */
const unitA = {
	chair: 'chair@demo.test',
	businessSupport: 'admin@demo.test',
	invitedProfessional: 'police@demo.test',
	parent: 'other.parent@demo.test',
	manager: 'manager@demo.test'
} as const;
type PersonA = keyof typeof unitA;

/**
 * Unit B's people, made by serve.ts (staff) or here through the API (the parent and professional,
 * with addresses of this run: a retried worker makes its own).
 */
const run = Date.now().toString(36);
const unitB = {
	chair: SECOND_UNIT.chair.email,
	businessSupport: SECOND_UNIT.businessSupport.email,
	manager: SECOND_UNIT.manager.email,
	professional: `gp.${run}@northfield.test`,
	parent: `parent.${run}@northfield.test`
} as const;
type PersonB = keyof typeof unitB;

/** Words only unit B's things carry: its name and its people's, family's, child's and meeting's names. */
const B_WORDS = [
	'Northfield',
	SECOND_UNIT.chair.name,
	SECOND_UNIT.businessSupport.name,
	SECOND_UNIT.manager.name,
	'Quennell',
	'Zinnia',
	'Ffion Quarry'
];
/** Words only unit A's things carry (the demo's), for the reverse. */
const A_WORDS = [
	'demo.test',
	'Priya Shah',
	'Dawn Walker',
	'Jordan Price',
	'Chrissie',
	'Walker family'
];

/** One unit's things that the other unit's people ask about. */
interface Things {
	/** An ended meeting, with documents. */
	meeting: string;
	/** A meeting not yet held (actions on it are not answered 409). */
	scheduledMeeting: string;
	professionalDocument: string;
	familyDocument: string;
	/** A document that is not the notes (its steps answer 409 to those let through). */
	plan24h: string;
	outboxMessage: string;
	report: string;
	consultation: string;
	child: string;
	family: string;
	challenge: string;
	/** The unit's chair (an account the unit keeps). */
	chairAccount: string;
	/** A parent account of the unit's family. */
	parentAccount: string;
	/** An agency only that unit keeps (B only: the demo's agencies are shared by every unit). */
	agency: string;
	/** An action of its plan, if the meeting has one. */
	action: string;
	/** An allegation against an adult about its child (issue 25; A's is the demo's concluded one). */
	allegation: string;
	/** The unit's own copy of a meeting kind (issue 25; B only: the demo has none). */
	meetingKind: string;
	/** A missing-from-home episode about its child (issue 25), recorded here by its chair. */
	missingEpisode: string;
	/** One of its children's homes (issue 25, Regulation 33 visits; A's is the demo's Inglefield). */
	home: string;
	/** A sitting of its exploitation group and its child's item on it (issue 25; A's the demo's). */
	exploitationSitting: string;
	exploitationItem: string;
	/** A foster carer with its child placed, their review, and the review's child's view (issue 25). */
	fosterCarer: string;
	fosterReview: string;
	fosterReport: string;
	/** The review's carers' view: not asked, so never chased (409 for the unit's own). */
	fosterCarerView: string;
}

type Expectation =
	/**
	 * 404 for outsiders; `control`, of the unit that owns the thing, is let through (not 404).
	 * No control where letting them through would change the thing (disabling its chair).
	 */
	| { kind: 'missing'; control: PersonB | null }
	/**
	 * Another unit's id named in an action on the asker's own things: 400 or 404 (403 where the
	 * asker sees their own thing but may not act on it), nothing done. Asked last of all: were
	 * the wall to fail here, it would change things.
	 */
	| { kind: 'refused' }
	/** About the asker's own unit or account: may be let through; nothing of the other unit shows. */
	| { kind: 'own' };

interface Row {
	key: string;
	/** `they` are the other unit's things; `ours` the asker's own unit's (for actions on them). */
	ask: (they: Things, ours: Things) => Ask;
	expect: Expectation;
	why: string;
	/** Not asked in the reverse (unit B about unit A), and why. */
	oneWay?: string;
	/** Only names are looked for in the answer (the audit log names ids the asker typed). */
	namesOnly?: boolean;
}

const get = (path: (t: Things) => string) => (t: Things) => ({
	method: 'GET' as const,
	path: path(t)
});
const form =
	(path: (t: Things) => string, fields: (t: Things) => Record<string, string> = () => ({})) =>
	(t: Things) => ({ method: 'POST' as const, path: path(t), form: fields(t) });
const json =
	(path: (t: Things) => string, body: (t: Things) => unknown = () => ({})) =>
	(t: Things) => ({ method: 'POST' as const, path: path(t), json: body(t) });
/** A missing-from-home episode just begun, with a month agreed: nothing of it falls due. */
const episodeBody = () => ({
	wentMissingAt: new Date(Date.now() - 60_000).toISOString(),
	reportedBy: 'Foster carer',
	agreedHours: 720,
	escalateTo: 'conference'
});
const missing = (control: PersonB | null): Expectation => ({ kind: 'missing', control });
const own: Expectation = { kind: 'own' };
const refused: Expectation = { kind: 'refused' };

const matrix: Row[] = [
	// Pages
	{ key: 'GET /', ask: get(() => '/'), expect: own, why: 'on to their own meetings' },
	{ key: 'GET /login', ask: get(() => '/login'), expect: own, why: 'public' },
	{ key: 'GET /logout', ask: get(() => '/logout'), expect: own, why: 'their own session' },
	{ key: 'GET /setup', ask: get(() => '/setup'), expect: own, why: 'closed once set up' },
	{ key: 'GET /meetings', ask: get(() => '/meetings'), expect: own, why: 'their own meetings' },
	{
		key: 'GET /meetings/new',
		ask: get(() => '/meetings/new'),
		expect: own,
		why: 'offers only their own unit’s chairs and children'
	},
	{
		key: 'GET /meetings/[id]',
		ask: get((t) => `/meetings/${t.meeting}`),
		expect: missing('chair'),
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/present',
		ask: get((t) => `/meetings/${t.meeting}/present`),
		expect: missing('chair'),
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]',
		ask: get((t) => `/meetings/${t.meeting}/documents/${t.professionalDocument}`),
		expect: missing('chair'),
		why: 'mayReadDocument'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]',
		ask: get((t) => `/meetings/${t.meeting}/documents/${t.familyDocument}`),
		expect: missing('parent'),
		why: 'mayReadDocument: the family’s copy'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]',
		ask: (t, ours) => ({
			method: 'GET',
			path: `/meetings/${ours.meeting}/documents/${t.familyDocument}`
		}),
		expect: refused,
		why: 'another unit’s document under one of their own meetings'
	},
	{
		key: 'GET /meetings/[id]/notes',
		ask: get((t) => `/meetings/${t.meeting}/notes`),
		expect: missing('chair'),
		why: 'mayReadNotes'
	},
	{
		key: 'GET /children/[childId]',
		ask: get((t) => `/children/${t.child}`),
		expect: missing('chair'),
		why: 'canSeeChildMeeting'
	},
	{
		key: 'GET /children',
		ask: get(() => '/children?q=zinnia'),
		expect: own,
		why: 'searches only their own unit’s children'
	},
	{
		key: 'GET /families/[id]',
		ask: get((t) => `/families/${t.family}`),
		expect: missing('businessSupport'),
		why: "mayManageFamilies (of the family's unit)"
	},
	{ key: 'GET /outbox', ask: get(() => '/outbox'), expect: own, why: 'their own unit’s mail' },
	{
		key: 'GET /reports/late',
		ask: get(() => '/reports/late'),
		expect: own,
		why: 'their own unit’s meetings'
	},
	{
		key: 'GET /audit',
		ask: get((t) => `/audit?meetingId=${t.meeting}`),
		expect: own,
		why: 'their own unit’s entries, even filtered by another unit’s meeting',
		namesOnly: true
	},
	{ key: 'GET /oversight', ask: get(() => '/oversight'), expect: own, why: 'their unit’s figures' },
	{
		key: 'GET /oversight/quarterly',
		ask: get(() => `/oversight/quarterly?quarter=${quarterNow()}`),
		expect: own,
		why: 'their unit’s figures'
	},
	{
		key: 'GET /oversight/quarterly/download',
		ask: get(
			() => `/oversight/quarterly/download?quarter=${quarterNow()}&format=csv&table=caseloads`
		),
		expect: own,
		why: 'their unit’s chairs only'
	},
	{
		key: 'GET /unit/case-system',
		ask: get(() => '/unit/case-system'),
		expect: own,
		why: 'their unit’s events'
	},
	{
		key: 'POST /unit/case-system?/replay',
		ask: form(
			() => '/unit/case-system?/replay',
			() => ({ deliveryId: 'msg_elsewhere' })
		),
		expect: refused,
		why: 'an event of their unit'
	},
	{
		key: 'POST /unit/case-system?/endpoint',
		ask: form(() => '/unit/case-system?/endpoint'),
		expect: own,
		why: 'their own unit’s endpoint'
	},
	{
		key: 'PUT /api/unit/case-system',
		ask: () => ({ method: 'PUT', path: '/api/unit/case-system', json: {} }),
		expect: own,
		why: 'their own unit’s endpoint'
	},
	{
		key: 'GET /unit/case-system/import',
		ask: get(() => '/unit/case-system/import'),
		expect: own,
		why: 'their own unit’s children'
	},
	{
		key: 'POST /unit/case-system/import?/preview',
		ask: form(
			() => '/unit/case-system/import?/preview',
			() => ({ csv: ZINNIA_CASE_SYSTEM_ID })
		),
		expect: refused,
		why: 'their own unit’s children are matched, never another’s',
		oneWay: 'the file names unit B’s child by name: asked by B it would be their own'
	},
	{
		key: 'POST /unit/case-system/import?/import',
		ask: form(
			() => '/unit/case-system/import?/import',
			() => ({ csv: ZINNIA_CASE_SYSTEM_ID })
		),
		expect: refused,
		why: 'their own unit’s children are matched, never another’s',
		oneWay: 'the file names unit B’s child by name: asked by B it would be their own'
	},
	{
		key: 'POST /api/children/case-system-ids',
		ask: json(() => '/api/children/case-system-ids'),
		expect: own,
		why: 'their own unit’s children'
	},
	{
		key: 'GET /api/case-system/documents/[id]/pdf',
		ask: get((t) => `/api/case-system/documents/${t.plan24h}/pdf`),
		expect: missing(null),
		why: 'a signed link only'
	},
	{ key: 'GET /unit/people', ask: get(() => '/unit/people'), expect: own, why: 'their unit’s' },
	{ key: 'GET /unit/agencies', ask: get(() => '/unit/agencies'), expect: own, why: 'their unit’s' },
	{
		key: 'GET /unit/people/import',
		ask: get(() => '/unit/people/import'),
		expect: own,
		why: 'their unit’s'
	},
	{ key: 'GET /account/password', ask: get(() => '/account/password'), expect: own, why: 'own' },
	{ key: 'GET /account/sessions', ask: get(() => '/account/sessions'), expect: own, why: 'own' },
	{ key: 'GET /account/photo', ask: get(() => '/account/photo'), expect: own, why: 'own' },
	{
		key: 'GET /api/people/[userId]/photo',
		ask: get((t) => `/api/people/${t.chairAccount}/photo`),
		expect: missing('chair'),
		why: 'maySeeStaffPhoto: the staff of the owner’s unit'
	},
	{ key: 'GET /account/two-step', ask: get(() => '/account/two-step'), expect: own, why: 'own' },
	{ key: 'GET /login/code', ask: get(() => '/login/code'), expect: own, why: 'own sign-in' },
	{
		key: 'GET /invite/[token]',
		ask: get(() => '/invite/not-a-real-token'),
		expect: own,
		why: 'the token is the right'
	},
	{
		key: 'GET /copies/[token]',
		ask: get(() => '/copies/not-a-real-token'),
		expect: own,
		why: 'the token and the emailed code are the right'
	},
	{
		key: 'GET /copies/[token]/pdf',
		ask: get(() => '/copies/not-a-real-token/pdf?grant=nothing'),
		expect: missing(null),
		why: 'only with the grant the right code gave'
	},
	{ key: 'GET /documents/due', ask: get(() => '/documents/due'), expect: own, why: 'their unit’s' },
	{
		key: 'GET /allegations',
		ask: get(() => '/allegations'),
		expect: own,
		why: 'their own unit’s cases (mayWorkAllegations)'
	},
	{
		key: 'GET /allegations/[id]',
		ask: get((t) => `/allegations/${t.allegation}`),
		expect: missing('chair'),
		why: 'mayWorkAllegations (the allegation’s unit)'
	},
	{ key: 'GET /actions', ask: get(() => '/actions'), expect: own, why: 'their own actions' },

	// Form actions
	{ key: 'POST /login', ask: form(() => '/login'), expect: own, why: 'public' },
	{ key: 'POST /logout', ask: form(() => '/logout'), expect: own, why: 'asked last: ends it' },
	{ key: 'POST /setup', ask: form(() => '/setup'), expect: own, why: 'closed once set up' },
	{
		key: 'POST /meetings/new',
		ask: form(
			() => '/meetings/new',
			(t) => ({
				kind: 'initial-conference',
				title: 'Across the wall',
				date: `${new Date().getFullYear() + 1}-05-05`,
				time: '10:00',
				chairId: t.chairAccount,
				childIds: t.child
			})
		),
		expect: refused,
		why: 'another unit’s chair and child are not theirs to schedule'
	},
	{
		key: 'POST /children',
		ask: form(() => '/children'),
		expect: own,
		why: 'adds a family to their own unit'
	},
	...(['addMember', 'addChild', 'recordEvent', 'moveChild'] as const).map((action): Row => ({
		key: `POST /families/[id]?/${action}`,
		ask: form((t) => `/families/${t.family}?/${action}`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies (of the family’s unit)'
	})),
	{
		key: 'POST /families/[id]?/moveChild',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/families/${ours.family}?/moveChild`,
			form: { childId: t.child, familyId: ours.family }
		}),
		expect: refused,
		why: 'another unit’s child into their own family'
	},
	{
		// Unit A's demo parents have no unit (they are A's through its families): unit B adding
		// one to its own family is issue 20's item 4 (the family page offers every parent of no
		// unit), mended on another branch; until then the reverse of this row fails.
		key: 'POST /families/[id]?/addMember',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/families/${ours.family}?/addMember`,
			form: { userId: t.parentAccount, relationship: 'Mum', parentalResponsibility: 'on' }
		}),
		expect: refused,
		why: 'another unit’s parent into their own family'
	},
	...(['start', 'invite', 'register'] as const).map((action): Row => ({
		key: `POST /meetings/[id]?/${action}`,
		ask: form((t) => `/meetings/${t.meeting}?/${action}`),
		expect: missing('chair'),
		why: 'canRunMeeting / canPrepareMeeting'
	})),
	{
		key: 'POST /meetings/[id]?/invite',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/meetings/${ours.scheduledMeeting}?/invite`,
			form: { userId: t.chairAccount, role: 'professional' }
		}),
		expect: refused,
		why: 'another unit’s chair onto their own meeting'
	},
	{
		key: 'POST /unit/people?/add',
		ask: form(() => '/unit/people?/add'),
		expect: own,
		why: 'adds to their own unit'
	},
	...(
		[
			['disable', null],
			['enable', 'businessSupport'],
			['resend', 'businessSupport']
		] as const
	).map(([action, control]): Row => ({
		key: `POST /unit/people?/${action}`,
		ask: form(
			() => `/unit/people?/${action}`,
			(t) => ({ userId: t.chairAccount })
		),
		expect: missing(control),
		why: 'an account the unit keeps'
	})),
	{
		key: 'POST /unit/people?/caseloadLimit',
		ask: form(
			() => '/unit/people?/caseloadLimit',
			(t) => ({ userId: t.chairAccount, limit: '60' })
		),
		expect: missing(null),
		why: 'the unit’s own chairs'
	},
	{
		key: 'POST /unit/agencies?/add',
		ask: form(() => '/unit/agencies?/add'),
		expect: own,
		why: 'adds to their own unit'
	},
	{
		key: 'POST /unit/agencies?/contact',
		ask: form(
			() => '/unit/agencies?/contact',
			(t) => ({ contactAgencyId: t.agency, newContactName: 'Across the wall' })
		),
		expect: refused,
		why: 'another unit’s agency',
		oneWay: 'the demo’s agencies are kept by no unit: every unit sees them'
	},
	{
		key: 'POST /unit/agencies?/import',
		ask: form(() => '/unit/agencies?/import'),
		expect: own,
		why: 'their own unit'
	},
	{
		key: 'POST /unit/people/import?/preview',
		ask: form(() => '/unit/people/import?/preview'),
		expect: own,
		why: 'their own unit'
	},
	{
		key: 'POST /unit/people/import?/import',
		ask: form(() => '/unit/people/import?/import'),
		expect: own,
		why: 'their own unit'
	},
	{ key: 'POST /account/password', ask: form(() => '/account/password'), expect: own, why: 'own' },
	{
		key: 'POST /account/photo?/upload',
		ask: form(() => '/account/photo?/upload'),
		expect: own,
		why: 'their own photo'
	},
	{
		key: 'POST /account/photo?/remove',
		ask: form(() => '/account/photo?/remove'),
		expect: own,
		why: 'their own photo'
	},
	{
		key: 'POST /account/sessions?/end',
		ask: form(() => '/account/sessions?/end'),
		expect: own,
		why: 'own'
	},
	{
		key: 'POST /account/two-step?/on',
		ask: form(() => '/account/two-step?/on'),
		expect: own,
		why: 'own'
	},
	{
		key: 'POST /account/two-step?/off',
		ask: form(() => '/account/two-step?/off'),
		expect: own,
		why: 'own'
	},
	{
		key: 'POST /login/code',
		ask: form(
			() => '/login/code',
			() => ({ code: '123456' })
		),
		expect: own,
		why: 'own sign-in'
	},
	{
		key: 'POST /copies/[token]?/send',
		ask: form(() => '/copies/not-a-real-token?/send'),
		expect: own,
		why: 'the token is the right; an unknown one sends nothing'
	},
	{
		key: 'POST /copies/[token]?/open',
		ask: form(
			() => '/copies/not-a-real-token?/open',
			() => ({ code: '123456' })
		),
		expect: own,
		why: 'the token and the code are the right; an unknown link opens nothing'
	},
	{
		key: 'POST /invite/[token]',
		ask: form(() => '/invite/not-a-real-token'),
		expect: own,
		why: 'the token is the right'
	},

	// The JSON API
	{ key: 'GET /api/me', ask: get(() => '/api/me'), expect: own, why: 'own' },
	{ key: 'GET /api/meetings', ask: get(() => '/api/meetings'), expect: own, why: 'their own' },
	{
		key: 'GET /api/meetings/[id]',
		ask: get((t) => `/api/meetings/${t.meeting}`),
		expect: missing('chair'),
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /api/documents/due',
		ask: get(() => '/api/documents/due'),
		expect: own,
		why: 'their unit’s'
	},
	{
		key: 'GET /api/reports/late',
		ask: get(() => '/api/reports/late'),
		expect: own,
		why: 'their unit’s'
	},
	...(['submit', 'approve', 'return', 'correct'] as const).map((step): Row => ({
		key: `POST /api/documents/[id]/${step}`,
		ask: json((t) => `/api/documents/${t.plan24h}/${step}`),
		expect: missing('chair'),
		why: 'mayReadNotes (the unit’s chair: 409, not the notes)'
	})),
	{
		key: 'GET /api/meetings/[id]/documents',
		ask: get((t) => `/api/meetings/${t.meeting}/documents`),
		expect: missing('chair'),
		why: 'canSeeMeeting'
	},
	...(
		[
			['start', 'chair'],
			['end', 'chair'],
			['reschedule', 'businessSupport'],
			['cancel', 'businessSupport'],
			['participants', 'businessSupport'],
			['adjourn', 'chair'],
			['reports', 'professional'],
			['consultations', 'professional'],
			['advocacy', 'businessSupport'],
			['circulate', 'businessSupport'],
			['attendance', 'chair']
		] as const
	).map(([action, control]): Row => ({
		key: `POST /api/meetings/[id]/${action}`,
		ask: json((t) => `/api/meetings/${t.meeting}/${action}`),
		expect: missing(control),
		why: 'the meeting’s own people only'
	})),
	// Feedback after the meeting (issue 27): the meeting's own parents, children and professionals.
	{
		key: 'POST /api/meetings/[id]/feedback',
		ask: json((t) => `/api/meetings/${t.meeting}/feedback`),
		expect: missing('professional'),
		why: 'mayGiveFeedback (its professional: 400, an empty answer)'
	},
	{
		key: 'POST /meetings/[id]?/feedback',
		ask: form((t) => `/meetings/${t.meeting}?/feedback`),
		expect: missing('professional'),
		why: 'mayGiveFeedback (its professional: 400, an empty answer)'
	},
	// A child's own space and "Tell my reviewing officer" (issue 27).
	{ key: 'GET /me', ask: get(() => '/me'), expect: own, why: 'a child’s own space' },
	{ key: 'POST /me?/tell', ask: form(() => '/me?/tell'), expect: own, why: 'a child’s own' },
	{
		key: 'POST /me?/consultation',
		ask: form(() => '/me?/consultation'),
		expect: own,
		why: 'a child’s own'
	},
	{ key: 'GET /messages', ask: get(() => '/messages'), expect: own, why: 'their own children' },
	{
		key: 'POST /messages?/answer',
		ask: form(
			() => '/messages?/answer',
			(t) => ({ childId: t.child, text: 'hello' })
		),
		expect: missing(null),
		why: 'mayUseConversation: only the child’s reviewing officer'
	},
	{ key: 'GET /api/messages', ask: get(() => '/api/messages'), expect: own, why: 'their own' },
	{
		key: 'GET /api/messages',
		ask: get((t) => `/api/messages?childId=${t.child}`),
		expect: missing(null),
		why: 'mayUseConversation'
	},
	{
		key: 'POST /api/messages',
		ask: json(
			() => '/api/messages',
			(t) => ({ childId: t.child, text: 'hello' })
		),
		expect: missing(null),
		why: 'mayUseConversation'
	},
	{
		key: 'POST /api/children/[childId]/account',
		ask: json((t) => `/api/children/${t.child}/account`),
		expect: missing('chair'),
		why: 'mayMakeChildAccount (its unit’s chair: 400, no username)'
	},
	{
		key: 'POST /api/children/[childId]/account/link',
		ask: json((t) => `/api/children/${t.child}/account/link`),
		expect: missing('chair'),
		why: 'mayMakeChildAccount (its unit’s chair: 409 with no account, else 201)'
	},
	{
		key: 'GET /feedback/[token]',
		ask: get(() => '/feedback/not-a-real-token'),
		expect: missing(null),
		why: 'the token is the right'
	},
	{
		key: 'POST /feedback/[token]',
		ask: form(() => '/feedback/not-a-real-token'),
		expect: missing(null),
		why: 'the token is the right'
	},
	{
		key: 'GET /api/meetings/[id]/invitable',
		ask: get((t) => `/api/meetings/${t.meeting}/invitable?q=a`),
		expect: missing('chair'),
		why: 'canPrepareMeeting: another unit’s meeting is 404'
	},
	{
		key: 'POST /api/meetings/[id]/participants',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/api/meetings/${ours.scheduledMeeting}/participants`,
			json: { userId: t.chairAccount, role: 'professional' }
		}),
		expect: refused,
		why: 'another unit’s chair onto their own meeting'
	},
	{
		key: 'GET /api/meetings/[id]/circulation',
		ask: get((t) => `/api/meetings/${t.meeting}/circulation`),
		expect: missing('businessSupport'),
		why: 'mayCirculate'
	},
	{
		key: 'POST /api/meetings/[id]/circulation',
		ask: json((t) => `/api/meetings/${t.meeting}/circulation`),
		expect: missing('businessSupport'),
		why: 'mayCirculate: another unit’s copies are not resent, dismissed or released'
	},
	{
		key: 'GET /api/meetings/[id]/actions',
		ask: get((t) => `/api/meetings/${t.meeting}/actions`),
		expect: missing('chair'),
		why: 'mayReadActions'
	},
	{
		key: 'POST /api/actions/[id]',
		ask: json(
			(t) => `/api/actions/${t.action}`,
			() => ({ state: 'done' })
		),
		expect: refused,
		why: 'mayUpdateAction (their owners only)'
	},
	{
		key: 'GET /api/oversight',
		ask: get(() => `/api/oversight?from=${yearNow()}-01-01&to=${yearNow()}-12-31`),
		expect: own,
		why: 'their unit’s figures (and unchanged by the other unit’s conference)'
	},
	{
		key: 'POST /api/allegations',
		// About the other unit's child: refused (400 naming childIds, or 404), nothing referred.
		ask: json(
			() => '/api/allegations',
			(t) => ({
				adult: {
					name: 'Across the wall',
					role: 'Coach',
					employer: 'A club',
					sector: 'sport-and-leisure'
				},
				childIds: [t.child],
				nature: 'conduct',
				receivedAt: '2026-01-05T10:00:00Z',
				referrer: { name: 'Across the wall', agency: 'A club' }
			})
		),
		expect: refused,
		why: 'mayWorkAllegations, and only the unit’s own children'
	},
	{
		key: 'GET /api/allegations/[id]',
		ask: get((t) => `/api/allegations/${t.allegation}`),
		expect: missing('chair'),
		why: 'mayWorkAllegations (the allegation’s unit)'
	},
	{
		key: 'POST /api/allegations/[id]/outcome',
		// An empty body: B's business support is refused it (400), so no outcome is recorded.
		ask: json((t) => `/api/allegations/${t.allegation}/outcome`),
		expect: missing('businessSupport'),
		why: 'mayWorkAllegations (the allegation’s unit)'
	},
	...(
		['consideration', 'employer-actions', 'placing-authority', 'placing-authority/raise'] as const
	).map((step): Row => ({
		key: `POST /api/allegations/[id]/${step}`,
		// An empty body: B's business support is refused it (400), so nothing is recorded or sent.
		ask: json((t) => `/api/allegations/${t.allegation}/${step}`),
		expect: missing('businessSupport'),
		why: 'mayWorkAllegations (the allegation’s unit)'
	})),
	{
		key: 'GET /homes',
		ask: get(() => '/homes'),
		expect: own,
		why: 'their own unit’s children’s homes (mayWorkHomes)'
	},
	{
		key: 'POST /homes?/record',
		ask: form(() => '/homes?/record'),
		expect: own,
		why: 'records a home in their own unit'
	},
	{
		key: 'GET /homes/[id]',
		ask: get((t) => `/homes/${t.home}`),
		expect: missing('chair'),
		why: 'mayWorkHomes (the home’s unit)'
	},
	...(['visit', 'findings', 'report', 'ofsted'] as const).map((action): Row => ({
		key: `POST /homes/[id]?/${action}`,
		// An empty form: B's business support is refused it (400), so nothing is recorded or sent.
		ask: form((t) => `/homes/${t.home}?/${action}`),
		expect: missing('businessSupport'),
		why: 'mayWorkHomes (the home’s unit)'
	})),
	{
		key: 'GET /missing',
		ask: get(() => '/missing'),
		expect: own,
		why: 'their own unit’s open missing-from-home episodes'
	},
	{
		key: 'POST /api/children/[childId]/missing-episodes',
		// An empty body: B's business support is refused it (400), so no episode is recorded.
		ask: json((t) => `/api/children/${t.child}/missing-episodes`),
		expect: missing('businessSupport'),
		why: 'mayWorkMissingEpisodes (the child’s unit)'
	},
	{
		key: 'GET /api/missing-episodes',
		ask: get(() => '/api/missing-episodes?open=1'),
		expect: own,
		why: 'their own unit’s open episodes'
	},
	...(['found', 'return-interview', 'escalate', 'plan'] as const).map((step): Row => ({
		key: `POST /api/missing-episodes/[id]/${step}`,
		// An empty body: B's business support is refused it (400), so nothing is recorded.
		ask: json((t) => `/api/missing-episodes/${t.missingEpisode}/${step}`),
		expect: missing('businessSupport'),
		why: 'mayWorkMissingEpisodes (the child’s unit)'
	})),
	{
		key: 'GET /exploitation',
		ask: get(() => '/exploitation'),
		expect: own,
		why: 'their own unit’s exploitation group (mayWorkExploitationGroup)'
	},
	{
		key: 'GET /exploitation/[id]',
		ask: get((t) => `/exploitation/${t.exploitationSitting}`),
		expect: missing('chair'),
		why: 'maySeeExploitationSitting (the sitting’s unit)'
	},
	{
		key: 'GET /api/exploitation/sittings/[id]',
		ask: get((t) => `/api/exploitation/sittings/${t.exploitationSitting}`),
		expect: missing('chair'),
		why: 'maySeeExploitationSitting (the sitting’s unit)'
	},
	{
		key: 'POST /api/exploitation/referrals',
		// The other unit's child: answered as missing, nothing referred.
		ask: json(
			() => '/api/exploitation/referrals',
			(t) => ({
				childId: t.child,
				referringAgency: 'Across the wall',
				referredBy: 'Across the wall',
				reason: 'Across the wall',
				referredOn: '2026-01-05'
			})
		),
		expect: refused,
		why: 'maySeeExploitationChild: only a child they may see'
	},
	...(['sittings/{sitting}/agenda', 'items/{item}', 'items/{item}/send'] as const).map(
		(step): Row => ({
			key: `POST /api/exploitation/${step.replace('{sitting}', '[id]').replace('{item}', '[id]')}`,
			// An empty body: B's business support is refused it (400, or 409 to send an item with no
			// output), so nothing is recorded or sent.
			ask: json(
				(t) =>
					`/api/exploitation/${step.replace('{sitting}', t.exploitationSitting).replace('{item}', t.exploitationItem)}`
			),
			expect: missing('businessSupport'),
			why: 'mayKeepExploitationItems (the sitting’s unit)'
		})
	),
	{
		key: 'POST /api/exploitation/places',
		ask: json(() => '/api/exploitation/places'),
		expect: own,
		why: 'their own unit’s register (an empty body: 400, nothing added)'
	},
	{
		key: 'POST /api/exploitation/persons',
		ask: json(() => '/api/exploitation/persons'),
		expect: own,
		why: 'their own unit’s restricted register (an empty body: 400, nothing added)'
	},
	{
		key: 'GET /foster-carers',
		ask: get(() => '/foster-carers'),
		expect: own,
		why: 'their own unit’s foster carers (mayWorkFosterCarers)'
	},
	{
		key: 'GET /foster-carers/[id]',
		ask: get((t) => `/foster-carers/${t.fosterCarer}`),
		expect: missing('businessSupport'),
		why: 'mayWorkFosterCarers (the carer’s unit)'
	},
	{
		key: 'POST /api/foster-carers',
		// An empty body: refused (400), so no carer is recorded.
		ask: json(() => '/api/foster-carers'),
		expect: own,
		why: 'records a carer of their own unit only'
	},
	{
		key: 'GET /api/foster-reviews/[id]',
		ask: get((t) => `/api/foster-reviews/${t.fosterReview}`),
		expect: missing('businessSupport'),
		why: 'mayWorkFosterCarers (the review’s unit)'
	},
	{
		key: 'POST /api/foster-reviews/[id]/recommendation',
		// Not held yet: B's business support is refused it (409), so nothing is recorded.
		ask: json((t) => `/api/foster-reviews/${t.fosterReview}/recommendation`),
		expect: missing('businessSupport'),
		why: 'mayWorkFosterCarers (the review’s unit)'
	},
	...(['request', 'receive'] as const).map((step): Row => ({
		key: `POST /api/foster-reviews/[id]/reports/[reportId]/${step}`,
		// An empty body: B's business support is refused it (400), so nothing is recorded.
		ask: json((t) => `/api/foster-reviews/${t.fosterReview}/reports/${t.fosterReport}/${step}`),
		expect: missing('businessSupport'),
		why: 'mayWorkFosterCarers (the review’s unit)'
	})),
	{
		key: 'POST /api/foster-reviews/[id]/reports/[reportId]/chase',
		// Not late: B's business support is refused it (409), so no chaser is sent.
		ask: json((t) => `/api/foster-reviews/${t.fosterReview}/reports/${t.fosterCarerView}/chase`),
		expect: missing('businessSupport'),
		why: 'mayWorkFosterCarers (the review’s unit)'
	},
	{
		key: 'GET /api/children/[childId]/challenges',
		ask: get((t) => `/api/children/${t.child}/challenges`),
		expect: missing('chair'),
		why: 'mayReadChallenges'
	},
	{
		key: 'POST /api/challenges',
		ask: json(
			() => '/api/challenges',
			(t) => ({
				childId: t.child,
				about: 'Across the wall',
				toAgency: 'Police',
				toPerson: 'Someone',
				why: 'Testing the wall'
			})
		),
		expect: refused,
		why: 'mayRaiseChallenge: a chair who sees the child'
	},
	{
		key: 'POST /api/challenges/[id]/stage',
		ask: json(
			(t) => `/api/challenges/${t.challenge}/stage`,
			() => ({ stage: 'formal', note: 'Across the wall' })
		),
		expect: refused,
		why: 'mayMoveChallenge'
	},
	{
		key: 'GET /api/children/[childId]/risk-history',
		ask: get((t) => `/api/children/${t.child}/risk-history`),
		expect: missing('chair'),
		why: 'canSeeChildMeeting'
	},
	{
		key: 'GET /api/children',
		ask: get(() => '/api/children?q=zinnia'),
		expect: own,
		why: 'only children they may see'
	},
	{
		key: 'GET /api/children/search',
		ask: get(() => '/api/children/search?q=zinnia'),
		expect: own,
		why: 'only their own unit’s children'
	},
	{
		key: 'GET /api/meetings/proposals',
		ask: get((t) => `/api/meetings/proposals?childId=${t.child}`),
		expect: missing('businessSupport'),
		why: 'canScheduleMeetings; another unit’s child is 404'
	},
	{
		key: 'GET /api/children/[childId]',
		ask: get((t) => `/api/children/${t.child}`),
		expect: missing('businessSupport'),
		why: 'canSeeChild'
	},
	{
		key: 'POST /children/[childId]?/details',
		ask: form(
			(t) => `/children/${t.child}?/details`,
			() => ({ caseSystemId: 'x'.repeat(100) })
		),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /children/[childId]?/sibling',
		ask: form((t) => `/children/${t.child}?/sibling`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'GET /api/children/[childId]/file',
		ask: get((t) => `/api/children/${t.child}/file`),
		expect: missing('businessSupport'),
		why: 'mayDownloadChildFile'
	},
	{
		key: 'GET /api/children/[childId]/plans',
		ask: get((t) => `/api/children/${t.child}/plans`),
		expect: missing('businessSupport'),
		why: 'canSeeChild'
	},
	{
		key: 'POST /api/children',
		ask: json(
			() => '/api/children',
			(t) => ({ familyId: t.family, name: 'Across the wall', dateOfBirth: '2020-01-01' })
		),
		expect: refused,
		why: 'a family of their unit'
	},
	{
		key: 'POST /api/children/[childId]/events',
		ask: json((t) => `/api/children/${t.child}/events`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'PUT /api/children/[childId]/details',
		ask: (t) => ({
			method: 'PUT',
			path: `/api/children/${t.child}/details`,
			json: { caseSystemId: 7 }
		}),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/siblings',
		ask: json((t) => `/api/children/${t.child}/siblings`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/siblings',
		// Linking one of A's children to B's child: refused, as a child not of their unit.
		ask: (t, ours) => ({
			method: 'POST',
			path: `/api/children/${ours.child}/siblings`,
			json: { siblingId: t.child }
		}),
		expect: refused,
		why: 'a child of their unit'
	},
	{
		key: 'POST /api/children/[childId]/family',
		ask: json((t) => `/api/children/${t.child}/family`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/family',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/api/children/${ours.child}/family`,
			json: { familyId: t.family }
		}),
		expect: refused,
		why: 'their own child into another unit’s family'
	},
	{ key: 'POST /api/families', ask: json(() => '/api/families'), expect: own, why: 'their unit' },
	{
		key: 'POST /api/families/[id]/members',
		ask: json((t) => `/api/families/${t.family}/members`),
		expect: missing('businessSupport'),
		why: 'mayManageFamilies'
	},
	{
		// Unit A's demo parents have no unit (they are A's through its families): unit B adding
		// one to its own family is issue 20's item 4 (the family page offers every parent of no
		// unit), mended on another branch; until then the reverse of this row fails.
		key: 'POST /api/families/[id]/members',
		ask: (t, ours) => ({
			method: 'POST',
			path: `/api/families/${ours.family}/members`,
			json: { userId: t.parentAccount, relationship: 'Mum', parentalResponsibility: true }
		}),
		expect: refused,
		why: 'another unit’s parent into their own family'
	},
	{
		key: 'POST /api/meetings',
		ask: json(
			() => '/api/meetings',
			(t) => ({
				kind: 'initial-conference',
				childIds: [t.child],
				chairId: t.chairAccount,
				scheduledAt: `${new Date().getFullYear() + 1}-05-05T10:00:00Z`
			})
		),
		expect: refused,
		why: 'another unit’s chair and child'
	},
	{
		key: 'POST /api/meetings',
		ask: (t, ours) => ({
			method: 'POST',
			path: '/api/meetings',
			json: {
				kind: t.meetingKind,
				childIds: [ours.child],
				chairId: ours.chairAccount,
				scheduledAt: `${new Date().getFullYear() + 1}-05-06T10:00:00Z`
			}
		}),
		expect: refused,
		why: 'another unit’s kind of meeting (issue 25)'
	},
	{
		key: 'GET /api/meetings/[id]/reports',
		ask: get((t) => `/api/meetings/${t.meeting}/reports`),
		expect: missing('chair'),
		why: 'the register of reports: canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/reports/[reportId]',
		ask: get((t) => `/meetings/${t.meeting}/reports/${t.report}`),
		expect: missing('professional'),
		why: 'mayReadReport'
	},
	{
		key: 'GET /meetings/[id]/reports/[reportId]',
		ask: (t, ours) => ({
			method: 'GET',
			path: `/meetings/${ours.meeting}/reports/${t.report}`
		}),
		expect: refused,
		why: 'another unit’s report under one of their own meetings'
	},
	{
		key: 'GET /api/reports/[id]',
		ask: get((t) => `/api/reports/${t.report}`),
		expect: missing('professional'),
		why: 'mayReadReport'
	},
	{
		key: 'POST /api/reports/[id]/shared',
		ask: json((t) => `/api/reports/${t.report}/shared`),
		expect: missing('professional'),
		why: 'mayShareReport'
	},
	{
		key: 'GET /api/consultations/[id]',
		ask: get((t) => `/api/consultations/${t.consultation}`),
		expect: missing('professional'),
		why: 'mayReadConsultation'
	},
	{ key: 'GET /api/outbox', ask: get(() => '/api/outbox'), expect: own, why: 'their unit’s' },
	{
		key: 'GET /api/audit',
		ask: get((t) => `/api/audit?meetingId=${t.meeting}`),
		expect: own,
		why: 'their unit’s entries',
		namesOnly: true
	},
	{
		// Searched by a word every one of the other unit's addresses holds (unit A's: demo.test).
		key: 'GET /api/audit/people',
		ask: get((t) => `/api/audit/people?q=${t.agency === NOTHING ? 'demo' : 'northfield'}`),
		expect: own,
		why: 'only people whose entries in their unit they may see'
	},
	{ key: 'GET /api/people', ask: get(() => '/api/people'), expect: own, why: 'their unit’s' },
	{
		key: 'GET /unit/meeting-kinds',
		ask: get(() => '/unit/meeting-kinds'),
		expect: own,
		why: 'their own unit’s kinds'
	},
	{
		key: 'POST /unit/meeting-kinds?/copy',
		ask: form(
			() => '/unit/meeting-kinds?/copy',
			(t) => ({ from: t.meetingKind })
		),
		expect: refused,
		why: 'a kind of their own unit'
	},
	{
		key: 'GET /unit/meeting-kinds/[id]',
		ask: get((t) => `/unit/meeting-kinds/${t.meetingKind}`),
		expect: missing('businessSupport'),
		why: 'mayShapeMeetingKinds (the kind’s unit)'
	},
	{
		key: 'POST /unit/meeting-kinds/[id]?/save',
		ask: form(
			(t) => `/unit/meeting-kinds/${t.meetingKind}?/save`,
			() => ({ label: 'Across the wall' })
		),
		expect: missing(null),
		why: 'mayShapeMeetingKinds (the kind’s unit)'
	},
	{
		key: 'GET /api/meeting-kinds',
		ask: get(() => '/api/meeting-kinds'),
		expect: own,
		why: 'their own unit’s kinds'
	},
	{
		key: 'POST /api/meeting-kinds',
		ask: json(
			() => '/api/meeting-kinds',
			(t) => ({ from: t.meetingKind })
		),
		expect: refused,
		why: 'a kind of their own unit'
	},
	{
		key: 'GET /api/meeting-kinds/[id]',
		ask: get((t) => `/api/meeting-kinds/${t.meetingKind}`),
		expect: missing('chair'),
		why: 'mayReadMeetingKinds (the kind’s unit)'
	},
	{
		key: 'PUT /api/meeting-kinds/[id]',
		ask: (t) => ({
			method: 'PUT',
			path: `/api/meeting-kinds/${t.meetingKind}`,
			json: { label: 'Across the wall' }
		}),
		expect: missing(null),
		why: 'mayShapeMeetingKinds (the kind’s unit)'
	},
	{
		key: 'GET /api/unit/settings',
		ask: get(() => '/api/unit/settings'),
		expect: own,
		why: 'their own unit’s settings'
	},
	{
		key: 'PUT /api/unit/settings',
		// An empty body: refused (400) past the guard, so nothing changes.
		ask: () => ({ method: 'PUT', path: '/api/unit/settings', json: {} }),
		expect: own,
		why: 'their own unit’s settings'
	},
	{
		key: 'POST /api/mail/bounces',
		// The mail relay's intake, by an operator's token, not a person's session: nothing of a unit.
		ask: () => ({ method: 'POST', path: '/api/mail/bounces', json: {} }),
		expect: own,
		why: 'no unit: the token is the right'
	},
	{ key: 'GET /api/agencies', ask: get(() => '/api/agencies'), expect: own, why: 'their unit’s' },
	{
		key: 'GET /api/agencies/search',
		ask: get((t) => `/api/agencies/search?q=${t.agency === NOTHING ? 'demo' : 'northfield'}`),
		expect: own,
		why: 'their unit’s and the shared ones'
	},
	{ key: 'POST /api/people', ask: json(() => '/api/people'), expect: own, why: 'their unit' },
	{ key: 'POST /api/agencies', ask: json(() => '/api/agencies'), expect: own, why: 'their unit' },
	{
		key: 'POST /api/people/import',
		ask: json(() => '/api/people/import'),
		expect: own,
		why: 'their unit'
	},
	{ key: 'GET /health', ask: get(() => '/health'), expect: own, why: 'public' },
	{
		key: 'GET /document-styles.css',
		ask: get(() => '/document-styles.css'),
		expect: own,
		why: 'public'
	},

	// Downloads
	{
		key: 'GET /meetings/[id]/documents/[docId]/pdf',
		ask: get((t) => `/meetings/${t.meeting}/documents/${t.professionalDocument}/pdf`),
		expect: missing('chair'),
		why: 'mayReadDocument'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]/pdf',
		ask: get((t) => `/meetings/${t.meeting}/documents/${t.familyDocument}/pdf`),
		expect: missing('parent'),
		why: 'mayReadDocument: the family’s copy'
	},
	{
		key: 'GET /outbox/[id]/attachments/[index]',
		ask: get((t) => `/outbox/${t.outboxMessage}/attachments/0`),
		expect: missing('businessSupport'),
		why: 'mayReadOutbox (of the message’s unit)'
	}
];

/** The socket channels of the other unit's meeting: refused to every outsider, as an unknown meeting is. */
const channels = ['', '/restricted', '/notes'];

function yearNow(): number {
	return new Date().getFullYear();
}
function quarterNow(): string {
	const now = new Date();
	return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

const asA = (person: PersonA) => signedInContext(unitA[person]);
const asB = (person: PersonB) => signedInContext(unitB[person], SECOND_UNIT.password);

/** What in the answer belongs to the other unit: its words, and its ids the request did not carry. */
function foreignIn(body: string, request: Ask, words: string[], ids: string[]): string[] {
	const asked = `${request.path} ${JSON.stringify(request.form ?? request.json ?? '')}`;
	const lower = body.toLowerCase();
	return [
		// A word the request carried (a search for it) may be said back.
		...words.filter(
			(word) =>
				lower.includes(word.toLowerCase()) && !asked.toLowerCase().includes(word.toLowerCase())
		),
		...ids.filter((id) => !asked.includes(id) && body.includes(id))
	];
}

const idsOf = (things: Things) =>
	Object.values(things).filter((id) => id !== NOTHING && id.length > 0);

let b: Things;
let a: Things;
let figuresBefore: Record<PersonA, string>;

/** Unit A's figures as its manager and chair read them (the same request each time). */
async function figuresOfA(): Promise<Record<PersonA, string>> {
	const read = async (person: PersonA) => {
		const context = await asA(person);
		const answer = await context.get(
			`/api/oversight?from=${yearNow() - 1}-01-01&to=${yearNow() + 1}-12-31`
		);
		expect(answer.status(), `${person} reads the figures`).toBe(200);
		const text = await answer.text();
		await context.dispose();
		return text;
	};
	return {
		chair: await read('chair'),
		manager: await read('manager'),
		businessSupport: '',
		invitedProfessional: '',
		parent: ''
	};
}

/** Makes an account through B's business support and sets it up with its link, as its owner would. */
async function personOfB(
	office: APIRequestContext,
	person: { name: string; email: string; role: string; agencyId?: string }
): Promise<string> {
	const made = await office.post('/api/people', { data: person });
	expect(made.status(), `${person.email} made`).toBe(201);
	const { id, inviteUrl } = (await made.json()) as { id: string; inviteUrl: string };
	const anonymous = await signedInContext(null);
	const setUp = await anonymous.post(new URL(inviteUrl).pathname, {
		form: { password: SECOND_UNIT.password, confirm: SECOND_UNIT.password },
		headers: { accept: 'text/html' }
	});
	expect(setUp.status(), `${person.email} sets up their account`).toBe(303);
	await anonymous.dispose();
	return id;
}

test.beforeAll(async () => {
	test.setTimeout(180_000);
	// A missing-from-home episode about Chrissie (issue 25), recorded by A's chair, for the walk.
	// Recorded before A's figures are read, since they count it (the unit's missing episodes).
	const aEpisodeBy = await asA('chair');
	const aEpisode = await aEpisodeBy.post(`/api/children/${demoId(201)}/missing-episodes`, {
		data: episodeBody()
	});
	expect(aEpisode.status(), 'unit A’s missing episode recorded').toBe(201);
	const aEpisodeId = ((await aEpisode.json()) as { id: string }).id;
	await aEpisodeBy.dispose();
	figuresBefore = await figuresOfA();

	// Unit B's business support makes its people, an agency, a family and a child.
	const office = await asB('businessSupport');
	const agency = await office.post('/api/agencies', {
		data: { name: `Northfield Constabulary ${run}`, kind: 'police' }
	});
	expect(agency.status(), 'agency added').toBe(201);
	const agencyId = ((await agency.json()) as { id: string }).id;
	const parentAccount = await personOfB(office, {
		name: 'Quinn Quennell',
		email: unitB.parent,
		role: 'parent'
	});
	const professionalAccount = await personOfB(office, {
		name: 'Dr Ffion Quarry',
		email: unitB.professional,
		role: 'professional',
		agencyId
	});
	const people = (await (await office.get('/api/people')).json()) as {
		people: { id: string; email: string }[];
	};
	const chairAccount = people.people.find((p) => p.email === unitB.chair)!.id;
	const family = await office.post('/api/families', { data: { name: 'Quennell family' } });
	expect(family.status(), 'family added').toBe(201);
	const familyId = ((await family.json()) as { id: string }).id;
	const child = await office.post('/api/children', {
		data: { familyId, name: 'Zinnia Quennell', dateOfBirth: '2019-04-02' }
	});
	expect(child.status(), 'child added').toBe(201);
	const childId = ((await child.json()) as { id: string }).id;
	expect(
		(
			await office.post(`/api/families/${familyId}/members`, {
				data: { userId: parentAccount, relationship: 'Mum', parentalResponsibility: true }
			})
		).status(),
		'parent added to the family'
	).toBe(201);

	// A conference about the child, chaired by B's chair; the parent is invited with the child,
	// the professional by business support.
	const scheduled = await office.post('/api/meetings', {
		data: {
			kind: 'initial-conference',
			title: 'Northfield conference for Zinnia',
			childIds: [childId],
			chairId: chairAccount,
			scheduledAt: `${yearNow() + 1}-03-04T10:00:00Z`
		}
	});
	expect(scheduled.status(), 'conference scheduled').toBe(201);
	const meeting = ((await scheduled.json()) as { id: string }).id;
	expect(
		(
			await office.post(`/api/meetings/${meeting}/participants`, {
				data: { userId: professionalAccount, role: 'professional', voting: true }
			})
		).status(),
		'professional invited'
	).toBe(201);

	// A second meeting, not yet held: the one unit B's people would invite A's people to.
	const later = await office.post('/api/meetings', {
		data: {
			kind: 'core-group',
			title: 'Northfield core group for Zinnia',
			childIds: [childId],
			chairId: chairAccount,
			scheduledAt: `${yearNow() + 1}-04-08T10:00:00Z`
		}
	});
	expect(later.status(), 'core group scheduled').toBe(201);
	const scheduledMeeting = ((await later.json()) as { id: string }).id;

	// Before it: the professional's report and the child's consultation form; the chair's challenge.
	const professional = await asB('professional');
	const report = await professional.post(`/api/meetings/${meeting}/reports`, {
		data: { title: 'Northfield GP report', body: 'Seen twice this term.' }
	});
	expect(report.status(), 'report added').toBe(201);
	const consultation = await professional.post(`/api/meetings/${meeting}/consultations`, {
		data: { childId, helpedBy: 'her GP', wishes: 'To stay at her school' }
	});
	expect(consultation.status(), 'consultation written').toBe(201);
	const chair = await asB('chair');
	const challenge = await chair.post('/api/challenges', {
		data: {
			childId,
			meetingId: meeting,
			about: 'The assessment is late',
			toAgency: 'Northfield children’s services',
			toPerson: 'The team manager',
			why: 'The conference needs it'
		}
	});
	expect(challenge.status(), 'challenge raised').toBe(201);
	// An allegation against an adult who works with the child (issue 25).
	const allegation = await chair.post('/api/allegations', {
		data: {
			adult: {
				name: 'Quillon Northfield',
				role: 'Teaching assistant',
				employer: 'Northfield Academy',
				sector: 'education'
			},
			childIds: [childId],
			nature: 'physical',
			receivedAt: new Date().toISOString(),
			referrer: { name: 'The head teacher', agency: 'Northfield Academy' }
		}
	});
	expect(allegation.status(), 'allegation referred').toBe(201);
	// A missing-from-home episode about the child (issue 25), just begun, a month agreed.
	const missingEpisode = await chair.post(`/api/children/${childId}/missing-episodes`, {
		data: episodeBody()
	});
	expect(missingEpisode.status(), 'missing episode recorded').toBe(201);
	// One of its children's homes (issue 25), recorded by business support through the page.
	const recorded = await office.post('/homes?/record', {
		headers: { accept: 'text/html' },
		form: {
			name: 'Northfield House',
			managerName: 'Ffion Quarry',
			managerEmail: `manager.${run}@northfield.test`,
			ofstedUrn: `SC${String(Date.now() % 1_000_000).padStart(6, '0')}`
		},
		maxRedirects: 0
	});
	expect(recorded.status(), 'home recorded').toBe(303);
	const home = /\/homes\/([^?]+)/.exec(recorded.headers()['location'] ?? '')?.[1] ?? NOTHING;
	// Its exploitation group (issue 25): a sitting, the child referred and on its agenda.
	const sitting = await office.post('/api/meetings', {
		data: {
			kind: 'exploitation-group',
			childIds: [],
			chairId: chairAccount,
			scheduledAt: `${yearNow() + 1}-02-02T10:00:00Z`
		}
	});
	expect(sitting.status(), 'exploitation sitting scheduled').toBe(201);
	const sittingId = ((await sitting.json()) as { id: string }).id;
	const referral = await chair.post('/api/exploitation/referrals', {
		data: {
			childId,
			referringAgency: 'Northfield Academy',
			referredBy: 'The head teacher',
			reason: 'Seen with older men near the station.',
			referredOn: '2026-01-05'
		}
	});
	expect(referral.status(), 'child referred').toBe(201);
	const referralId = ((await referral.json()) as { id: string }).id;
	expect(
		(
			await office.post(`/api/exploitation/sittings/${sittingId}/agenda`, {
				data: { referralIds: [referralId] }
			})
		).status(),
		'on the agenda'
	).toBe(200);
	const sittingSeen = (await (
		await office.get(`/api/exploitation/sittings/${sittingId}`)
	).json()) as { items: { id: string }[] };
	// A foster carer with the child placed, and their review (issue 25).
	const carer = await office.post('/api/foster-carers', {
		data: {
			names: 'Robin Northfield-Carer',
			approvedOn: '2024-02-01',
			supervisingSocialWorkerName: 'Northfield fostering',
			supervisingSocialWorkerEmail: 'fostering@northfield.example',
			children: [
				{
					childId,
					socialWorkerName: 'Northfield social worker',
					socialWorkerEmail: 'sw@northfield.example'
				}
			]
		}
	});
	expect(carer.status(), 'foster carer recorded').toBe(201);
	const fosterCarer = ((await carer.json()) as { id: string }).id;
	const fosterScheduled = await office.post('/api/meetings', {
		data: {
			kind: 'foster-carer-review',
			carerId: fosterCarer,
			chairId: chairAccount,
			scheduledAt: `${yearNow() + 1}-05-06T10:00:00Z`
		}
	});
	expect(fosterScheduled.status(), 'foster carer review scheduled').toBe(201);
	const fosterReview = ((await fosterScheduled.json()) as { id: string }).id;
	const fosterReports = (
		(await (await office.get(`/api/foster-reviews/${fosterReview}`)).json()) as {
			reports: { id: string; kind: string }[];
		}
	).reports;
	// Its own kind of meeting (issue 25): a copy of the core group, in Northfield's words.
	const copied = await office.post('/api/meeting-kinds', { data: { from: 'core-group' } });
	expect(copied.status(), 'kind copied').toBe(201);
	const copy = (await copied.json()) as { id: string; definition: Record<string, unknown> };
	const renamed = await office.put(`/api/meeting-kinds/${copy.id}`, {
		data: { ...copy.definition, label: 'Northfield core group' }
	});
	expect(renamed.status(), 'kind renamed').toBe(200);

	// The chair starts and ends it: documents, and mail with attachments in B's outbox.
	const parent = await asB('parent');
	const ended = await endWithoutRegister({ chair, family: parent, meeting });
	const actions = (await (await chair.get(`/api/meetings/${meeting}/actions`)).json()) as {
		actions?: { id: string }[];
	};
	b = {
		meeting,
		scheduledMeeting,
		...ended,
		report: ((await report.json()) as { id: string }).id,
		consultation: ((await consultation.json()) as { id: string }).id,
		child: childId,
		family: familyId,
		challenge: ((await challenge.json()) as { id: string }).id,
		chairAccount,
		parentAccount,
		agency: agencyId,
		action: actions.actions?.[0]?.id ?? NOTHING,
		allegation: ((await allegation.json()) as { id: string }).id,
		meetingKind: copy.id,
		missingEpisode: ((await missingEpisode.json()) as { id: string }).id,
		home,
		exploitationSitting: sittingId,
		exploitationItem: sittingSeen.items[0].id,
		fosterCarer,
		fosterReview,
		fosterReport: fosterReports.find((r) => r.kind === 'child-view')!.id,
		fosterCarerView: fosterReports.find((r) => r.kind === 'carer-view')!.id
	};
	await Promise.all([office, professional, chair, parent].map((c) => c.dispose()));

	// Unit A's things, as the demo has them, read by A's own chair: the first (ended) child in
	// need review about Chrissie (Dawn Walker's family), its documents, and A's outbox.
	const aChair = await asA('chair');
	const cinReview = demoId(306);
	const aDocuments = (await (await aChair.get(`/api/meetings/${cinReview}/documents`)).json()) as {
		documents: { id: string; kind: string; audience?: string }[];
	};
	const dawn = await signedInContext('parent@demo.test');
	const aFamilyDocuments = (await (
		await dawn.get(`/api/meetings/${cinReview}/documents`)
	).json()) as { documents: { id: string }[] };
	const aFamilyIds = new Set(aFamilyDocuments.documents.map((d) => d.id));
	const aOutbox = (await (await aChair.get('/api/outbox')).json()) as {
		messages: { id: string; attachments: unknown[] }[];
	};
	const chrissie = (await (await aChair.get(`/api/children/${demoId(201)}`)).json()) as {
		familyId: string;
	};
	a = {
		meeting: cinReview,
		scheduledMeeting: demoId(302), // Mia's core group
		professionalDocument: aDocuments.documents.find((d) => !aFamilyIds.has(d.id))!.id,
		familyDocument: aFamilyDocuments.documents[0].id,
		plan24h: aDocuments.documents.find((d) => d.kind === 'plan-24h')!.id,
		outboxMessage: aOutbox.messages.find((m) => m.attachments.length > 0)!.id,
		report: NOTHING,
		consultation: NOTHING,
		child: demoId(201),
		family: chrissie.familyId,
		challenge: demoId(501),
		chairAccount: demoId(101),
		parentAccount: demoId(107),
		agency: NOTHING,
		action: NOTHING,
		allegation: demoId(601), // the demo's concluded allegation (server/seed/demo-allegations.ts)
		meetingKind: NOTHING,
		home: demoId(3301), // Inglefield (server/seed/demo-homes.ts)
		// The demo's next exploitation group sitting and Kai's item (server/seed/demo-exploitation.ts).
		exploitationSitting: demoId(952),
		exploitationItem: demoId(956),
		// The demo's foster carers' review (server/seed/demo-foster-carers.ts).
		fosterCarer: demoId(2501),
		fosterReview: demoId(2503),
		fosterReport: demoId(2507),
		fosterCarerView: demoId(2506),
		missingEpisode: aEpisodeId
	};
	await Promise.all([aChair.dispose(), dawn.dispose()]);
});

test('every route in src/routes has a row in the two-unit matrix', () => {
	const covered = new Set(matrix.map((row) => row.key));
	expect(
		routesOnDisk().filter((key) => !covered.has(key)),
		'routes without a row: add each to the two-unit matrix (tests/e2e/two-units.spec.ts)'
	).toEqual([]);
	expect(
		[...covered].filter((key) => !routesOnDisk().includes(key)),
		'rows for routes that no longer exist'
	).toEqual([]);
});

test('unit B’s own people are let through where the matrix says unit A’s are answered as missing (the ids are real)', async () => {
	const wrong: string[] = [];
	for (const person of Object.keys(unitB) as PersonB[]) {
		const context = await asB(person);
		for (const row of matrix) {
			if (row.expect.kind !== 'missing' || row.expect.control !== person) continue; // null: none
			const status = (await ask(context, row.ask(b, b))).status();
			if (status === 404 || status === 401 || status === 403 || status >= 500)
				wrong.push(`${person}: ${row.key} (${row.why}) answered ${status}`);
		}
		if (person === 'chair')
			for (const channel of channels) {
				const url = `${baseURL().replace(/^http/, 'ws')}/collab/${b.meeting}${channel}`;
				const status = await upgradeStatus(url, await cookieOf(context));
				if (status !== 101)
					wrong.push(`chair: socket /collab/{meeting}${channel} answered ${status}`);
			}
		await context.dispose();
	}
	expect(wrong).toEqual([]);
});

/** Asks every row as one person about the other unit's things; returns what went wrong. */
async function askEverything(props: {
	context: APIRequestContext;
	who: string;
	they: Things;
	ours: Things;
	words: string[];
	reverse: boolean;
}): Promise<string[]> {
	const { context, who, they, ours, words } = props;
	const wrong: string[] = [];
	const refusedLast = [
		...matrix.filter((row) => row.expect.kind !== 'refused'),
		...matrix.filter((row) => row.expect.kind === 'refused')
	];
	for (const row of refusedLast) {
		if (row.key === 'POST /logout') continue; // ends the session: its answer names no one
		if (props.reverse && row.oneWay) continue;
		const request = row.ask(they, ours);
		const response = await ask(context, request);
		const status = response.status();
		const where = `${who}: ${row.key} ${request.path} (${row.why})`;
		if (status >= 500) wrong.push(`${where}: answered ${status}`);
		if (row.expect.kind === 'missing' && status !== 404)
			wrong.push(`${where}: expected 404 (as a missing id), answered ${status}`);
		if (row.expect.kind === 'refused' && ![400, 403, 404].includes(status))
			wrong.push(`${where}: expected 400, 403 or 404 (refused), answered ${status}`);
		const body = await response.text().catch(() => '');
		const foreign = foreignIn(body, request, words, row.namesOnly ? [] : idsOf(they));
		if (foreign.length > 0) wrong.push(`${where}: the answer holds ${foreign.join(', ')}`);
	}
	const cookie = await cookieOf(context);
	const socketBase = baseURL().replace(/^http/, 'ws');
	const unknown = await upgradeStatus(`${socketBase}/collab/${NOTHING}`, cookie);
	for (const channel of channels) {
		const status = await upgradeStatus(`${socketBase}/collab/${they.meeting}${channel}`, cookie);
		if (status === 101 || status !== unknown)
			wrong.push(
				`${who}: socket /collab/{meeting}${channel}: expected ${unknown} (as an unknown meeting), answered ${status}`
			);
	}
	return wrong;
}

for (const person of Object.keys(unitA) as PersonA[]) {
	test(`unit A’s ${person} is answered as missing about everything of unit B`, async () => {
		const context = await asA(person);
		const wrong = await askEverything({
			context,
			who: person,
			they: b,
			ours: a,
			words: B_WORDS,
			reverse: false
		});
		await context.dispose();
		expect(wrong).toEqual([]);
	});
}

for (const person of ['chair', 'businessSupport'] as const) {
	test(`unit B’s ${person} is answered as missing about unit A’s demo meeting, child, family, documents and outbox`, async () => {
		const context = await asB(person);
		const wrong = await askEverything({
			context,
			who: `B’s ${person}`,
			they: a,
			ours: b,
			words: A_WORDS,
			reverse: true
		});
		await context.dispose();
		expect(wrong).toEqual([]);
	});
}

test('unit A’s figures are the same before and after unit B held its conference', async () => {
	const after = await figuresOfA();
	expect(after.manager).toBe(figuresBefore.manager);
	expect(after.chair).toBe(figuresBefore.chair);
});

test('nothing unit A’s people asked changed unit B’s things', async () => {
	const office = await asB('businessSupport');
	for (const id of [b.meeting, b.scheduledMeeting]) {
		const meeting = (await (await office.get(`/api/meetings/${id}`)).json()) as {
			status: string;
			participants: { userId: string | null }[];
		};
		expect(meeting.status).toBe(id === b.meeting ? 'ended' : 'scheduled');
		expect(meeting.participants.map((p) => p.userId)).not.toContain(a.chairAccount);
	}
	const people = (await (await office.get('/api/people')).json()) as {
		people: { id: string; disabled: boolean }[];
	};
	expect(people.people.find((p) => p.id === b.chairAccount)?.disabled).toBe(false);
	const child = await (await office.get(`/api/children/${b.child}`)).text();
	expect(child).toContain(b.family);
	expect(child).not.toContain('Across the wall');
	const kind = (await (await office.get(`/api/meeting-kinds/${b.meetingKind}`)).json()) as {
		label: string;
		version: number;
	};
	expect(kind).toMatchObject({ label: 'Northfield core group', version: 2 });
	await office.dispose();
});
