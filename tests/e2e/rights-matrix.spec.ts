import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { copyDemoMeeting, demoMeetings } from './helpers';
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
 * Rights, one matrix: every page, form action, API route, download and socket channel, asked
 * by every kind of person, over HTTP against the production build with the demo data. Each row
 * says who is let through; everyone else must be turned away (401, 403, 404, or sent to sign
 * in). A route in src/routes with no row here fails the test, so a new route cannot ship
 * without its rights written down.
 *
 * Runs in any order, on a conference of its own for Mia that it schedules, fills with people,
 * starts and ends through the API, so it has documents, and a copy of the demo's core group for
 * the invite picker, so no other spec's invitations change who is uninvited. Actions are probed with an empty form or body: a person who is let
 * through is answered 400 (or 409, the meeting having ended) and nothing changes.
 */

const MIA = '00000000-0000-4000-8000-000000000203';
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let CORE_GROUP: string;
test.beforeAll(async () => {
	CORE_GROUP = await copyDemoMeeting(demoMeetings.coreGroup);
});
const PRICE_FAMILY = '00000000-0000-4000-8000-000000000022';
/** The demo's children's home Inglefield (server/seed/demo-homes.ts, issue 25). */
const INGLEFIELD = '00000000-0000-4000-8000-000000003301';
/** The demo's next exploitation group sitting and Kai's item on it (server/seed/demo-exploitation.ts). */
const EXPLOITATION_SITTING = '00000000-0000-4000-8000-000000000952';
const EXPLOITATION_ITEM = '00000000-0000-4000-8000-000000000956';
/** The demo's foster carers' review (server/seed/demo-foster-carers.ts): Tyler placed with the Carters. */
const FOSTER = {
	carer: '00000000-0000-4000-8000-000000002501',
	review: '00000000-0000-4000-8000-000000002503',
	carerView: '00000000-0000-4000-8000-000000002506',
	childView: '00000000-0000-4000-8000-000000002507'
};
/** The demo's challenge about Mia, raised by the chair (server/seed/demo-challenges.ts). */
const MIA_CHALLENGE = '00000000-0000-4000-8000-000000000501';
const demoUsers = {
	chair: '00000000-0000-4000-8000-000000000101',
	police: '00000000-0000-4000-8000-000000000104',
	jordan: '00000000-0000-4000-8000-000000000108',
	dawn: '00000000-0000-4000-8000-000000000107',
	/** Tyler's own account (issue 27): a child in care, not in Mia's meetings. */
	tyler: '00000000-0000-4000-8000-000000000110'
};

/**
 * The people who ask, about the test's conference for Mia: its chair, business support (the
 * unit's minute-taker), a professional invited to it (the police officer) and one invited to
 * nothing about Mia (the GP), Mia's dad, a parent of another family (Chrissie's mum), a child
 * with an account of their own (issue 27: the demo's Tyler, in care, whose reviewing officer is
 * the chair; not in Mia's meetings), a manager, the unit's designated officer for allegations
 * against adults (the LADO, issue 25), and nobody.
 */
const people = {
	chair: 'chair@demo.test',
	businessSupport: 'admin@demo.test',
	invitedProfessional: 'police@demo.test',
	uninvitedProfessional: 'gp@demo.test',
	parent: 'other.parent@demo.test',
	otherParent: 'parent@demo.test',
	child: 'child@demo.test',
	manager: 'manager@demo.test',
	lado: 'lado@demo.test',
	anonymous: null
} as const;
type Person = keyof typeof people;
const everyone = Object.keys(people) as Person[];
const signedIn = everyone.filter((p) => people[p] !== null);
const seesMeeting: Person[] = ['chair', 'businessSupport', 'invitedProfessional', 'parent'];
const readsProfessionalDocuments: Person[] = ['chair', 'businessSupport', 'invitedProfessional'];
const unitOffice: Person[] = ['chair', 'businessSupport'];
const staff: Person[] = [
	'chair',
	'businessSupport',
	'invitedProfessional',
	'uninvitedProfessional',
	'manager',
	'lado'
];

type Verdict = 'allow' | 'deny';

interface Ids {
	/** The test's own conference for Mia, ended. */
	meeting: string;
	professionalDocument: string;
	familyDocument: string;
	/** The conference's 24-hour plan (a document that is not the notes: their steps answer 409). */
	plan24h: string;
	outboxMessage: string;
	/** The police officer's report, written before the meeting and not shared with the parents. */
	report: string;
	/** Mia's consultation form, written down by the police officer before the meeting. */
	consultation: string;
	/** An allegation against an adult about Mia (issue 25), referred by the chair. */
	allegation: string;
	/** A missing-from-home episode about Mia (issue 25), recorded by the chair, just begun. */
	missingEpisode: string;
}

interface Row {
	/** The route as src/routes spells it, with its method, and `?/action` for a named form action. */
	key: string;
	/** What is asked; `{placeholders}` are filled from the demo. */
	ask: (ids: Ids) => Ask;
	allow: readonly Person[];
	/** Why, in a few words (the policy function that decides). */
	why: string;
	/** A different reading of the answer than `standardVerdict`. */
	judge?: (response: APIResponse, person: Person, context: APIRequestContext) => Promise<Verdict>;
}

/** `{meeting}` in a path is the test's conference. */
const fill = (path: string, ids: Ids) => path.replace('{meeting}', ids.meeting);
const get = (path: string) => (ids: Ids) => ({ method: 'GET' as const, path: fill(path, ids) });
const postForm = (path: string) => (ids: Ids) => ({
	method: 'POST' as const,
	path: fill(path, ids),
	form: {}
});
const postJson = (path: string) => (ids: Ids) => ({
	method: 'POST' as const,
	path: fill(path, ids),
	json: {}
});

const matrix: Row[] = [
	// Pages
	{ key: 'GET /', ask: get('/'), allow: signedIn, why: 'signed in: on to the meetings list' },
	{ key: 'GET /login', ask: get('/login'), allow: everyone, why: 'public' },
	{ key: 'GET /logout', ask: get('/logout'), allow: signedIn, why: 'signed in' },
	{
		key: 'GET /setup',
		ask: get('/setup'),
		allow: [],
		why: 'only before the first account exists',
		judge: async (r) => (r.status() === 200 ? 'allow' : 'deny')
	},
	{
		key: 'GET /meetings',
		ask: get('/meetings'),
		allow: signedIn,
		why: 'signed in; lists only meetings they may see'
	},
	{
		key: 'GET /meetings/new',
		ask: get('/meetings/new'),
		allow: unitOffice,
		why: 'canScheduleMeetings'
	},
	{
		key: 'GET /meetings/[id]',
		ask: get(`/meetings/{meeting}`),
		allow: seesMeeting,
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/present',
		ask: get(`/meetings/{meeting}/present`),
		allow: seesMeeting,
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]',
		ask: (ids) => ({
			method: 'GET',
			path: `/meetings/${ids.meeting}/documents/${ids.professionalDocument}`
		}),
		allow: readsProfessionalDocuments,
		why: 'mayReadDocument: a professionals’ document'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]',
		ask: (ids) => ({
			method: 'GET',
			path: `/meetings/${ids.meeting}/documents/${ids.familyDocument}`
		}),
		allow: seesMeeting,
		why: 'mayReadDocument: a family document'
	},
	{
		key: 'GET /children/[childId]',
		ask: get(`/children/${MIA}`),
		allow: seesMeeting,
		why: 'canSeeChildMeeting'
	},
	{
		key: 'GET /children',
		ask: get('/children?q=mia'),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'GET /families/[id]',
		ask: get(`/families/${PRICE_FAMILY}`),
		allow: unitOffice,
		why: "mayManageFamilies (of the family's unit)"
	},
	{ key: 'GET /outbox', ask: get('/outbox'), allow: unitOffice, why: 'mayReadOutbox' },
	{
		key: 'GET /reports/late',
		ask: get('/reports/late'),
		allow: unitOffice,
		why: 'mayReadLateReports'
	},
	{ key: 'GET /audit', ask: get('/audit'), allow: ['manager'], why: 'mayReadAudit' },
	{
		key: 'GET /oversight',
		ask: get('/oversight'),
		allow: ['chair', 'manager'],
		why: 'mayReadOversight'
	},
	{
		key: 'GET /oversight/quarterly',
		ask: get('/oversight/quarterly?quarter=2026-Q3'),
		allow: ['chair', 'manager'],
		why: 'mayReadOversight'
	},
	{
		key: 'GET /oversight/quarterly/download',
		ask: get('/oversight/quarterly/download?quarter=2026-Q3&format=csv&table=meetings-held'),
		allow: ['chair', 'manager'],
		why: 'mayReadOversight'
	},
	{
		key: 'GET /unit/case-system',
		ask: get('/unit/case-system'),
		allow: ['businessSupport', 'manager'],
		why: 'mayReadCaseSystemDeliveries'
	},
	{
		key: 'POST /unit/case-system?/replay',
		// No such event: refused (400) past the guard, so nothing is sent.
		ask: postForm('/unit/case-system?/replay'),
		allow: ['businessSupport', 'manager'],
		why: 'mayReadCaseSystemDeliveries'
	},
	{
		key: 'POST /unit/case-system?/endpoint',
		ask: postForm('/unit/case-system?/endpoint'),
		allow: ['manager'],
		why: 'mayConfigureCaseSystem'
	},
	{
		key: 'PUT /api/unit/case-system',
		// An empty body: past the guard it is refused (400), so nothing changes.
		ask: () => ({ method: 'PUT', path: '/api/unit/case-system', json: {} }),
		allow: ['manager'],
		why: 'mayConfigureCaseSystem'
	},
	{
		key: 'GET /unit/case-system/import',
		ask: get('/unit/case-system/import'),
		allow: ['businessSupport', 'manager'],
		why: 'mayImportCaseSystemIds'
	},
	{
		key: 'POST /unit/case-system/import?/preview',
		// No file: refused (400) past the guard, so nothing changes.
		ask: postForm('/unit/case-system/import?/preview'),
		allow: ['businessSupport', 'manager'],
		why: 'mayImportCaseSystemIds'
	},
	{
		key: 'POST /unit/case-system/import?/import',
		ask: postForm('/unit/case-system/import?/import'),
		allow: ['businessSupport', 'manager'],
		why: 'mayImportCaseSystemIds'
	},
	{
		// A JSON body is not a CSV file: let through means 415, turned away 404.
		key: 'POST /api/children/case-system-ids',
		ask: postJson('/api/children/case-system-ids'),
		allow: ['businessSupport', 'manager'],
		why: 'mayImportCaseSystemIds'
	},
	{
		key: 'GET /api/case-system/documents/[id]/pdf',
		// Without the event's signed link no one is let through, signed in or not.
		ask: (ids) => ({ method: 'GET', path: `/api/case-system/documents/${ids.plan24h}/pdf` }),
		allow: [],
		why: 'a signed, unexpired link only'
	},
	{
		key: 'GET /unit/people',
		ask: get('/unit/people'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadPeople'
	},
	{
		key: 'GET /unit/agencies',
		ask: get('/unit/agencies'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadPeople'
	},
	{
		key: 'GET /unit/people/import',
		ask: get('/unit/people/import'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'GET /account/password',
		ask: get('/account/password'),
		allow: signedIn,
		why: 'their own account'
	},
	{
		key: 'GET /account/sessions',
		ask: get('/account/sessions'),
		allow: signedIn,
		why: 'their own sessions'
	},
	{
		key: 'GET /account/photo',
		ask: get('/account/photo'),
		allow: [...unitOffice, 'manager'],
		why: 'mayKeepOwnPhoto: the unit’s staff (the demo’s professionals belong to no unit)'
	},
	{
		key: 'POST /account/photo?/upload',
		// No file: refused (400) past the guard, so nothing changes.
		ask: postForm('/account/photo?/upload'),
		allow: [...unitOffice, 'manager'],
		why: 'mayKeepOwnPhoto'
	},
	{
		key: 'POST /account/photo?/remove',
		ask: postForm('/account/photo?/remove'),
		allow: [...unitOffice, 'manager'],
		why: 'mayKeepOwnPhoto (their own photo only)'
	},
	{
		key: 'GET /api/people/[userId]/photo',
		// The chair's: the unit's staff, and Tyler, whose reviewing officer the chair is.
		ask: get(`/api/people/${demoUsers.chair}/photo`),
		allow: [...unitOffice, 'manager', 'child'],
		why: 'maySeeStaffPhoto'
	},
	{
		key: 'GET /account/two-step',
		ask: get('/account/two-step'),
		allow: staff,
		why: 'mayUseTwoStepSignIn: staff, not parents'
	},
	// The code step comes after the password step: without it, back to sign in (signed in: on to the meetings).
	{
		key: 'GET /login/code',
		ask: get('/login/code'),
		allow: signedIn,
		why: 'only after the password step'
	},
	// A set-up link's token is its right: an unknown one shows only that the link does not work.
	{
		key: 'GET /invite/[token]',
		ask: get('/invite/not-a-real-token'),
		allow: everyone,
		why: 'public: the token is the right'
	},
	// A personal link to a circulated copy (issue 22): the token and the emailed code are the right.
	{
		key: 'GET /copies/[token]',
		ask: get('/copies/not-a-real-token'),
		allow: everyone,
		why: 'public: shows only that an unknown link does not work'
	},
	{
		key: 'GET /copies/[token]/pdf',
		ask: get('/copies/not-a-real-token/pdf?grant=nothing'),
		allow: [],
		why: 'only with the grant the right code gave (once, minutes)'
	},

	// Form actions (an empty form: let through means 400, or 409 for an ended meeting)
	{ key: 'POST /login', ask: postForm('/login'), allow: everyone, why: 'public' },
	{
		key: 'POST /logout',
		ask: postForm('/logout'),
		allow: signedIn,
		why: 'ends their own session',
		// Signing out answers 303 to /login either way: let through means the session really ended.
		judge: async (response, person, context) => {
			if (response.status() !== 303 || people[person] === null) return 'deny';
			return (await context.get('/api/me')).status() === 401 ? 'allow' : 'deny';
		}
	},
	// Once an account exists, setting up again is refused (409) like any other turning away.
	{
		key: 'POST /setup',
		ask: postForm('/setup'),
		allow: [],
		why: 'only before the first account exists',
		judge: async (r) => (r.status() === 409 ? 'deny' : standardVerdict(r))
	},
	{
		key: 'POST /meetings/new',
		ask: postForm('/meetings/new'),
		allow: unitOffice,
		why: 'canScheduleMeetings'
	},
	{
		key: 'POST /children',
		ask: postForm('/children'),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	...(['addMember', 'addChild', 'recordEvent', 'moveChild'] as const).map((action): Row => ({
		key: `POST /families/[id]?/${action}`,
		ask: postForm(`/families/${PRICE_FAMILY}?/${action}`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	})),
	{
		key: 'POST /meetings/[id]?/start',
		ask: postForm(`/meetings/{meeting}?/start`),
		allow: ['chair'],
		why: 'canRunMeeting'
	},
	{
		key: 'POST /meetings/[id]?/invite',
		ask: postForm(`/meetings/{meeting}?/invite`),
		allow: unitOffice,
		why: 'canPrepareMeeting'
	},
	// Feedback after the meeting (issue 27): the parents, children and professionals on its list.
	{
		key: 'POST /meetings/[id]?/feedback',
		ask: postForm(`/meetings/{meeting}?/feedback`),
		allow: ['invitedProfessional', 'parent'],
		why: 'mayGiveFeedback (an empty answer: 400)'
	},
	{
		key: 'POST /api/meetings/[id]/feedback',
		ask: postJson(`/api/meetings/{meeting}/feedback`),
		allow: ['invitedProfessional', 'parent'],
		why: 'mayGiveFeedback (an empty answer: 400)'
	},
	// A child's own space and "Tell my reviewing officer" (issue 27).
	{ key: 'GET /me', ask: get('/me'), allow: ['child'], why: 'mayUseOwnSpace' },
	{
		key: 'POST /me?/tell',
		ask: postForm('/me?/tell'),
		allow: ['child'],
		why: 'mayUseOwnSpace (an empty message: 400)'
	},
	{
		key: 'POST /me?/consultation',
		ask: postForm('/me?/consultation'),
		allow: ['child'],
		why: 'mayUseOwnSpace (an empty form: 400)'
	},
	{
		key: 'GET /messages',
		ask: get('/messages'),
		allow: ['chair', 'child'],
		why: 'mayReadOfficerMessages (a child is sent on to /me)'
	},
	{
		key: 'POST /messages?/answer',
		ask: postForm('/messages?/answer'),
		allow: ['chair'],
		why: 'mayReadOfficerMessages (no child named: 400)'
	},
	{
		key: 'GET /api/messages',
		ask: get('/api/messages'),
		allow: signedIn,
		why: 'signed in: their own conversations, none for most'
	},
	{
		key: 'POST /api/messages',
		ask: postJson('/api/messages'),
		allow: ['chair', 'child'],
		why: 'mayUseConversation (no words: 400)'
	},
	{
		key: 'POST /api/children/[childId]/account',
		ask: postJson(`/api/children/${MIA}/account`),
		allow: unitOffice,
		why: 'mayMakeChildAccount (no username: 400)'
	},
	{
		key: 'POST /api/children/[childId]/account/link',
		ask: postJson(`/api/children/${MIA}/account/link`),
		allow: unitOffice,
		why: 'mayMakeChildAccount (Mia has no account: 409)'
	},
	// A professional's feedback link (issue 27): the token is the right; an unknown one is 404.
	{
		key: 'GET /feedback/[token]',
		ask: get('/feedback/not-a-real-token'),
		allow: [],
		why: 'only with a feedback link'
	},
	{
		key: 'POST /feedback/[token]',
		ask: postForm('/feedback/not-a-real-token'),
		allow: [],
		why: 'only with a feedback link'
	},
	{
		key: 'POST /meetings/[id]?/register',
		ask: postForm(`/meetings/{meeting}?/register`),
		allow: unitOffice,
		why: 'canPrepareMeeting'
	},
	{
		key: 'POST /unit/people?/add',
		ask: postForm('/unit/people?/add'),
		allow: [...unitOffice, 'manager'],
		why: 'mayManageAccounts (each role only as mayGrantRole allows)'
	},
	{
		key: 'POST /unit/people?/disable',
		ask: postForm('/unit/people?/disable'),
		allow: [...unitOffice, 'manager'],
		why: 'mayManageAccounts (each role only as mayGrantRole allows)'
	},
	{
		key: 'POST /unit/people?/enable',
		ask: postForm('/unit/people?/enable'),
		allow: [...unitOffice, 'manager'],
		why: 'mayManageAccounts (each role only as mayGrantRole allows)'
	},
	{
		key: 'POST /unit/people?/caseloadLimit',
		ask: postForm('/unit/people?/caseloadLimit'),
		allow: ['businessSupport', 'manager'],
		why: 'maySetCaseloadLimit'
	},
	{
		key: 'POST /unit/people?/resend',
		ask: postForm('/unit/people?/resend'),
		allow: [...unitOffice, 'manager'],
		why: 'mayManageAccounts (each role only as mayGrantRole allows)'
	},
	{
		key: 'POST /unit/agencies?/add',
		ask: postForm('/unit/agencies?/add'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'POST /unit/agencies?/contact',
		ask: postForm('/unit/agencies?/contact'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'POST /unit/agencies?/import',
		ask: postForm('/unit/agencies?/import'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'POST /unit/people/import?/preview',
		ask: postForm('/unit/people/import?/preview'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'POST /unit/people/import?/import',
		ask: postForm('/unit/people/import?/import'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'POST /account/password',
		ask: postForm('/account/password'),
		allow: signedIn,
		why: 'their own password'
	},
	{
		key: 'POST /account/sessions?/end',
		ask: postForm('/account/sessions?/end'),
		allow: signedIn,
		why: 'their own sessions'
	},
	{
		key: 'POST /account/two-step?/on',
		ask: postForm('/account/two-step?/on'),
		allow: staff,
		why: 'mayUseTwoStepSignIn: staff, not parents'
	},
	{
		key: 'POST /account/two-step?/off',
		ask: postForm('/account/two-step?/off'),
		allow: staff,
		why: 'mayUseTwoStepSignIn: staff, not parents'
	},
	{
		key: 'POST /login/code',
		ask: () => ({ method: 'POST', path: '/login/code', form: { code: '123456' } }),
		allow: signedIn,
		why: 'only after the password step (its challenge): a code alone signs nobody in (signed in: on to the meetings)',
		// A session cookie is a grant whatever the status says.
		judge: async (r) =>
			r.headers()['set-cookie']?.includes('rt_session=') ? 'allow' : standardVerdict(r)
	},
	{
		key: 'POST /copies/[token]?/send',
		ask: postForm('/copies/not-a-real-token?/send'),
		allow: everyone,
		why: 'public: an unknown link sends no code (400)'
	},
	{
		key: 'POST /copies/[token]?/open',
		ask: () => ({
			method: 'POST',
			path: '/copies/not-a-real-token?/open',
			form: { code: '123456' }
		}),
		allow: everyone,
		why: 'public: an unknown link opens nothing (400)',
		judge: async (r) => (r.status() === 400 ? 'allow' : 'deny')
	},
	{
		key: 'POST /invite/[token]',
		ask: () => ({
			method: 'POST',
			path: '/invite/not-a-real-token',
			form: {
				password: 'a long and unusual pass phrase 42',
				confirm: 'a long and unusual pass phrase 42'
			}
		}),
		allow: everyone,
		why: 'public: the token is the right; an unknown one signs nobody in',
		judge: async (r) =>
			r.status() === 400 && !r.headers()['set-cookie']?.includes('rt_session=') ? 'allow' : 'deny'
	},

	// The JSON API
	{ key: 'GET /api/me', ask: get('/api/me'), allow: signedIn, why: 'signed in' },
	{
		key: 'GET /api/meetings',
		ask: get('/api/meetings'),
		allow: signedIn,
		why: 'signed in; lists only meetings they may see'
	},
	{
		key: 'GET /api/meetings/[id]',
		ask: get(`/api/meetings/{meeting}`),
		allow: seesMeeting,
		why: 'canSeeMeeting'
	},
	{
		key: 'GET /meetings/[id]/notes',
		ask: get(`/meetings/{meeting}/notes`),
		allow: readsProfessionalDocuments,
		why: 'mayReadNotes'
	},
	{
		key: 'GET /documents/due',
		ask: get('/documents/due'),
		allow: ['businessSupport'],
		why: 'mayReadDueDocuments'
	},
	{
		key: 'GET /api/documents/due',
		ask: get('/api/documents/due'),
		allow: ['businessSupport'],
		why: 'mayReadDueDocuments'
	},
	{
		key: 'GET /api/reports/late',
		ask: get('/api/reports/late'),
		allow: unitOffice,
		why: 'mayReadLateReports'
	},
	...(['submit', 'approve', 'return', 'correct'] as const).map((step): Row => ({
		key: `POST /api/documents/[id]/${step}`,
		ask: (ids) => ({ method: 'POST', path: `/api/documents/${ids.plan24h}/${step}`, json: {} }),
		allow: readsProfessionalDocuments,
		why: 'mayReadNotes (else 404); the 24-hour plan is not the notes: 409, nothing changes'
	})),
	{
		key: 'GET /api/meetings/[id]/documents',
		ask: get(`/api/meetings/{meeting}/documents`),
		allow: seesMeeting,
		why: 'canSeeMeeting; each document by mayReadDocument'
	},
	{
		key: 'POST /api/meetings/[id]/start',
		ask: postJson(`/api/meetings/{meeting}/start`),
		allow: ['chair'],
		why: 'canRunMeeting'
	},
	{
		key: 'POST /api/meetings/[id]/end',
		ask: postJson(`/api/meetings/{meeting}/end`),
		allow: ['chair'],
		why: 'canEndMeeting'
	},
	{
		key: 'POST /api/meetings/[id]/attendance',
		ask: postJson(`/api/meetings/{meeting}/attendance`),
		allow: unitOffice,
		why: 'mayTakeRegister: the chair and minute-taker, the unit’s business support'
	},
	{
		key: 'POST /api/meetings/[id]/reschedule',
		ask: postJson(`/api/meetings/{meeting}/reschedule`),
		allow: unitOffice,
		why: 'mayChangeMeetingDate'
	},
	{
		key: 'POST /api/meetings/[id]/cancel',
		ask: postJson(`/api/meetings/{meeting}/cancel`),
		allow: unitOffice,
		why: 'mayChangeMeetingDate'
	},
	{
		key: 'GET /api/oversight',
		ask: get('/api/oversight?from=2026-01-01&to=2026-12-31'),
		allow: ['chair', 'manager'],
		why: 'mayReadOversight'
	},
	{
		key: 'POST /api/allegations',
		// An empty body: past the guard it is refused (400), so nothing is referred.
		ask: postJson('/api/allegations'),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: 'mayWorkAllegations: the unit’s designated officer, chairs, business support and managers'
	},
	{
		key: 'GET /api/allegations/[id]',
		ask: (ids) => ({ method: 'GET', path: `/api/allegations/${ids.allegation}` }),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: 'mayWorkAllegations: never a parent, a child or a professional'
	},
	{
		key: 'POST /api/allegations/[id]/outcome',
		// An empty body: past the guard it is refused (400), so no outcome is recorded.
		ask: (ids) => ({
			method: 'POST',
			path: `/api/allegations/${ids.allegation}/outcome`,
			json: {}
		}),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: 'mayWorkAllegations'
	},
	...(
		[
			['consideration', 'a threshold decision'],
			['employer-actions', 'an employer’s action'],
			['placing-authority', 'a placing authority’s word'],
			['placing-authority/raise', 'an email to a placing authority']
		] as const
	).map(([step, what]): Row => ({
		key: `POST /api/allegations/[id]/${step}`,
		// An empty body: past the guard it is refused (400), so no ${what} is recorded.
		ask: (ids) => ({
			method: 'POST',
			path: `/api/allegations/${ids.allegation}/${step}`,
			json: {}
		}),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: `mayWorkAllegations: ${what}, never by a parent, a child or a professional`
	})),
	{
		key: 'GET /allegations',
		ask: get('/allegations'),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: 'mayWorkAllegations: the LADO’s cases'
	},
	{
		key: 'GET /allegations/[id]',
		ask: (ids) => ({ method: 'GET', path: `/allegations/${ids.allegation}` }),
		allow: ['lado', 'chair', 'businessSupport', 'manager'],
		why: 'mayWorkAllegations: never a parent, a child or a professional'
	},
	{
		key: 'GET /homes',
		ask: get('/homes'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkHomes: the unit’s children’s homes and their Regulation 33 visits'
	},
	{
		key: 'POST /homes?/record',
		// An empty form: past the guard it is refused (400), so no home is recorded.
		ask: postForm('/homes?/record'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkHomes: never a parent, a child or a professional'
	},
	{
		key: 'GET /homes/[id]',
		ask: get(`/homes/${INGLEFIELD}`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkHomes: never a parent, a child or a professional (a visit is unannounced)'
	},
	...(['visit', 'findings', 'report', 'ofsted'] as const).map((action): Row => ({
		key: `POST /homes/[id]?/${action}`,
		// An empty form: past the guard it is refused (400), so nothing is recorded or sent.
		ask: postForm(`/homes/${INGLEFIELD}?/${action}`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkHomes'
	})),
	{
		key: 'GET /missing',
		ask: get('/missing'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkMissingEpisodes: the unit’s open missing-from-home episodes'
	},
	{
		key: 'POST /api/children/[childId]/missing-episodes',
		// An empty body: past the guard it is refused (400), so no episode is recorded.
		ask: postJson(`/api/children/${MIA}/missing-episodes`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkMissingEpisodes: the unit’s chairs, business support and managers, the child’s reviewing officer'
	},
	{
		key: 'GET /api/missing-episodes',
		ask: get('/api/missing-episodes?open=1'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkMissingEpisodes: the unit’s open episodes; never a parent, a child or a professional'
	},
	...(
		[
			['found', 'the young person found'],
			['return-interview', 'a return interview'],
			['escalate', 'an escalation'],
			['plan', 'the meeting’s plan (the agreed time)']
		] as const
	).map(([step, what]): Row => ({
		key: `POST /api/missing-episodes/[id]/${step}`,
		// An empty body: past the guard it is refused (400), so no ${what} is recorded.
		ask: (ids) => ({
			method: 'POST',
			path: `/api/missing-episodes/${ids.missingEpisode}/${step}`,
			json: {}
		}),
		allow: ['chair', 'businessSupport', 'manager'],
		why: `mayWorkMissingEpisodes: ${what}, never by a parent, a child or a professional`
	})),
	// The exploitation operational group (issue 25), on the demo's next sitting, to which the
	// police officer is invited, and Kai's item on it (server/seed/demo-exploitation.ts): the
	// police officer may see the sitting but not Kai, so only the agenda's count.
	{
		key: 'GET /exploitation',
		ask: get('/exploitation'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkExploitationGroup: sittings, referrals, the register'
	},
	{
		key: 'GET /exploitation/[id]',
		ask: get(`/exploitation/${EXPLOITATION_SITTING}`),
		allow: ['chair', 'businessSupport', 'invitedProfessional', 'manager'],
		why: 'maySeeExploitationSitting: the unit’s staff and those invited; never a parent or child'
	},
	{
		key: 'GET /api/exploitation/sittings/[id]',
		ask: get(`/api/exploitation/sittings/${EXPLOITATION_SITTING}`),
		allow: ['chair', 'businessSupport', 'invitedProfessional', 'manager'],
		why: 'maySeeExploitationSitting'
	},
	{
		key: 'POST /api/exploitation/referrals',
		// An empty body: past the guard it is refused (400), so nothing is referred.
		ask: postJson('/api/exploitation/referrals'),
		allow: staff,
		why: 'mayReferToExploitationGroup: any staff, a child they may see; never a parent or child'
	},
	{
		key: 'POST /api/exploitation/sittings/[id]/agenda',
		ask: postJson(`/api/exploitation/sittings/${EXPLOITATION_SITTING}/agenda`),
		allow: unitOffice,
		why: 'mayKeepExploitationItems: the unit’s chairs and business support'
	},
	{
		key: 'POST /api/exploitation/items/[id]',
		ask: postJson(`/api/exploitation/items/${EXPLOITATION_ITEM}`),
		allow: unitOffice,
		why: 'mayKeepExploitationItems'
	},
	{
		key: 'POST /api/exploitation/items/[id]/send',
		// Kai's item has no output or case holder: past the guard it is refused (409), nothing sent.
		ask: postJson(`/api/exploitation/items/${EXPLOITATION_ITEM}/send`),
		allow: unitOffice,
		why: 'mayKeepExploitationItems: to the child’s case holder only'
	},
	{
		key: 'POST /api/exploitation/places',
		ask: postJson('/api/exploitation/places'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkExploitationGroup'
	},
	{
		key: 'POST /api/exploitation/persons',
		ask: postJson('/api/exploitation/persons'),
		allow: ['chair', 'manager'],
		why: 'mayReadPersonsOfConcern: restricted, the unit’s chairs and managers only'
	},
	{
		key: 'GET /foster-carers',
		ask: get('/foster-carers'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: the unit’s foster carers; never a parent, a child or a professional'
	},
	{
		key: 'GET /foster-carers/[id]',
		ask: get(`/foster-carers/${FOSTER.carer}`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: a carer and their review'
	},
	{
		key: 'POST /api/foster-carers',
		// An empty body: past the guard it is refused (400), so no carer is recorded.
		ask: postJson('/api/foster-carers'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: recording a carer'
	},
	{
		key: 'GET /api/foster-reviews/[id]',
		ask: get(`/api/foster-reviews/${FOSTER.review}`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: a review and its reports'
	},
	{
		key: 'POST /api/foster-reviews/[id]/recommendation',
		// The review is not held yet: past the guard it is refused (409), nothing recorded.
		ask: postJson(`/api/foster-reviews/${FOSTER.review}/recommendation`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: the recommendation to the fostering panel'
	},
	...(
		[
			// Tyler's view, not asked: an empty body is refused (400).
			['request', FOSTER.childView],
			['receive', FOSTER.childView],
			// The carers' view, asked and not due yet: not late, so not chased (409).
			['chase', FOSTER.carerView]
		] as const
	).map(([step, report]): Row => ({
		key: `POST /api/foster-reviews/[id]/reports/[reportId]/${step}`,
		ask: postJson(`/api/foster-reviews/${FOSTER.review}/reports/${report}/${step}`),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayWorkFosterCarers: a review’s report, never by a parent, a child or a professional'
	})),
	{
		key: 'GET /api/children/[childId]/challenges',
		ask: get(`/api/children/${MIA}/challenges`),
		allow: ['chair', 'businessSupport', 'invitedProfessional', 'manager'],
		why: 'mayReadChallenges: professionals who see the child, managers of the unit; never parents'
	},
	{
		key: 'POST /api/challenges',
		ask: () => ({ method: 'POST', path: '/api/challenges', json: { childId: MIA } }),
		allow: ['chair'],
		why: 'mayRaiseChallenge: chairs who see the child'
	},
	{
		key: 'POST /api/challenges/[id]/stage',
		ask: postJson(`/api/challenges/${MIA_CHALLENGE}/stage`),
		allow: ['chair', 'manager'],
		why: 'mayMoveChallenge: its author, a chair who sees the child, a manager of the unit'
	},
	{
		key: 'GET /api/children/[childId]/risk-history',
		ask: get(`/api/children/${MIA}/risk-history`),
		allow: seesMeeting,
		why: 'canSeeChildMeeting'
	},
	// Families, children and their clocks (issue 12): an empty body is a 400 for those let through.
	{
		key: 'GET /api/children',
		ask: get('/api/children?q=mia'),
		allow: signedIn,
		why: 'signed in; lists only the children canSeeChild lets them see'
	},
	{
		key: 'GET /api/children/search',
		ask: get('/api/children/search?q=mia'),
		allow: [...unitOffice, 'manager', 'lado'],
		why: 'maySearchChildren: schedulers, and those who refer allegations; the unit’s own children only'
	},
	{
		key: 'GET /api/meetings/proposals',
		ask: get(`/api/meetings/proposals?childId=${MIA}`),
		allow: unitOffice,
		why: 'canScheduleMeetings; the unit’s own children only'
	},
	{
		key: 'GET /api/children/[childId]',
		ask: get(`/api/children/${MIA}`),
		allow: seesMeeting,
		why: 'canSeeChild'
	},
	{
		key: 'POST /children/[childId]?/details',
		// A case-system id far too long: refused (400) past the guard, so nothing changes.
		ask: () => ({
			method: 'POST',
			path: `/children/${MIA}?/details`,
			form: { caseSystemId: 'x'.repeat(100) }
		}),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /children/[childId]?/sibling',
		ask: postForm(`/children/${MIA}?/sibling`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'GET /api/children/[childId]/file',
		ask: get(`/api/children/${MIA}/file`),
		allow: unitOffice,
		why: 'mayDownloadChildFile'
	},
	{
		key: 'GET /api/children/[childId]/plans',
		ask: get(`/api/children/${MIA}/plans`),
		allow: seesMeeting,
		why: 'canSeeChild'
	},
	{
		key: 'POST /api/children',
		ask: postJson('/api/children'),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/events',
		ask: postJson(`/api/children/${MIA}/events`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'PUT /api/children/[childId]/details',
		// A case-system id with a wrong type: past the guard it is refused (400), nothing changes.
		ask: () => ({
			method: 'PUT',
			path: `/api/children/${MIA}/details`,
			json: { caseSystemId: 7 }
		}),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/siblings',
		ask: postJson(`/api/children/${MIA}/siblings`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/children/[childId]/family',
		ask: postJson(`/api/children/${MIA}/family`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/families',
		ask: postJson('/api/families'),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/families/[id]/members',
		ask: postJson(`/api/families/${PRICE_FAMILY}/members`),
		allow: unitOffice,
		why: 'mayManageFamilies'
	},
	{
		key: 'POST /api/meetings',
		ask: postJson('/api/meetings'),
		allow: [...unitOffice, 'lado'],
		why: 'canScheduleMeetings; the LADO an allegation’s strategy meetings only (mayScheduleKind)'
	},
	{
		key: 'POST /api/meetings/[id]/participants',
		ask: postJson(`/api/meetings/{meeting}/participants`),
		allow: unitOffice,
		why: 'canPrepareMeeting'
	},
	{
		key: 'GET /api/meetings/[id]/invitable',
		ask: get(`/api/meetings/{meeting}/invitable?q=sam`),
		allow: unitOffice,
		why: 'canPrepareMeeting (the invite picker); only people mayBeInvited'
	},
	{
		key: 'POST /api/meetings/[id]/adjourn',
		ask: postJson(`/api/meetings/{meeting}/adjourn`),
		allow: ['chair'],
		why: 'canRunMeeting'
	},
	// Voices before the meeting (issue 12); the test's meeting has ended: those let through get 409 or 400.
	{
		key: 'POST /api/meetings/[id]/reports',
		ask: postJson(`/api/meetings/{meeting}/reports`),
		allow: ['invitedProfessional'],
		why: 'mayAddReport (409: the meeting has ended)'
	},
	{
		key: 'GET /api/meetings/[id]/reports',
		ask: get(`/api/meetings/{meeting}/reports`),
		allow: seesMeeting,
		why: 'the register of reports: a parent the shared ones only (reportRegisterForViewer)'
	},
	{
		key: 'GET /meetings/[id]/reports/[reportId]',
		ask: (ids) => ({ method: 'GET', path: `/meetings/${ids.meeting}/reports/${ids.report}` }),
		allow: readsProfessionalDocuments,
		why: 'mayReadReport: not shared with the parents'
	},
	{
		key: 'GET /api/reports/[id]',
		ask: (ids) => ({ method: 'GET', path: `/api/reports/${ids.report}` }),
		allow: readsProfessionalDocuments,
		why: 'mayReadReport: not shared with the parents'
	},
	{
		key: 'POST /api/reports/[id]/shared',
		ask: (ids) => ({ method: 'POST', path: `/api/reports/${ids.report}/shared`, json: {} }),
		allow: ['chair', 'businessSupport', 'invitedProfessional'],
		why: 'mayShareReport: its author, or who prepares the meeting (400: empty body)'
	},
	{
		key: 'POST /api/meetings/[id]/consultations',
		ask: postJson(`/api/meetings/{meeting}/consultations`),
		allow: ['chair', 'invitedProfessional', 'parent'],
		why: 'mayFillConsultation (409: the meeting has ended)'
	},
	{
		key: 'GET /api/consultations/[id]',
		ask: (ids) => ({ method: 'GET', path: `/api/consultations/${ids.consultation}` }),
		allow: seesMeeting,
		why: 'mayReadConsultation: a parent only their own child’s'
	},
	{
		key: 'POST /api/meetings/[id]/advocacy',
		ask: postJson(`/api/meetings/{meeting}/advocacy`),
		allow: unitOffice,
		why: 'mayRecordAdvocacy (400: empty body)'
	},
	// Circulation and the plan between meetings (issue 13)
	{ key: 'GET /actions', ask: get('/actions'), allow: staff, why: 'mayUseActionsPage' },
	{
		key: 'GET /api/meetings/[id]/actions',
		ask: get(`/api/meetings/{meeting}/actions`),
		allow: seesMeeting,
		why: 'mayReadActions: a parent only their own family’s'
	},
	{
		key: 'POST /api/actions/[id]',
		ask: () => ({
			method: 'POST',
			path: '/api/actions/00000000-0000-4000-8000-00000000dead',
			json: { state: 'done' }
		}),
		allow: [],
		why: 'mayUpdateAction: an action not theirs is 404 (owners: actions-tracking.test.ts)'
	},
	{
		key: 'POST /api/meetings/[id]/circulate',
		ask: postJson(`/api/meetings/{meeting}/circulate`),
		allow: unitOffice,
		why: 'mayCirculate (400: no document named)'
	},
	{
		key: 'GET /api/meetings/[id]/circulation',
		ask: get(`/api/meetings/{meeting}/circulation`),
		allow: unitOffice,
		why: 'mayCirculate'
	},
	{
		key: 'POST /api/meetings/[id]/circulation',
		ask: postJson(`/api/meetings/{meeting}/circulation`),
		allow: unitOffice,
		why: 'mayCirculate (400: no action named): resend, dismiss or release a copy (issue 22)'
	},
	{
		key: 'POST /api/mail/bounces',
		ask: () => ({ method: 'POST', path: '/api/mail/bounces', json: {} }),
		allow: [],
		why: 'the mail relay only, with MAIL_BOUNCE_TOKEN (unset in the browser tests): 404 to every session'
	},
	{ key: 'GET /api/outbox', ask: get('/api/outbox'), allow: unitOffice, why: 'mayReadOutbox' },
	{ key: 'GET /api/audit', ask: get('/api/audit'), allow: ['manager'], why: 'mayReadAudit' },
	{
		key: 'GET /api/audit/people',
		ask: get('/api/audit/people?q=priya'),
		allow: ['manager'],
		why: 'mayReadAudit (the audit page’s person picker)'
	},
	{
		key: 'GET /unit/meeting-kinds',
		ask: get('/unit/meeting-kinds'),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'POST /unit/meeting-kinds?/copy',
		// No kind named: refused (400) past the guard, so nothing is copied.
		ask: postForm('/unit/meeting-kinds?/copy'),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'GET /unit/meeting-kinds/[id]',
		ask: get('/unit/meeting-kinds/core-group'),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'POST /unit/meeting-kinds/[id]?/save',
		// A built-in kind: refused (400, "copy it first") past the guard, so nothing is saved.
		ask: postForm('/unit/meeting-kinds/core-group?/save'),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'GET /api/meeting-kinds',
		ask: get('/api/meeting-kinds'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadMeetingKinds'
	},
	{
		key: 'POST /api/meeting-kinds',
		// An empty body: refused (400) past the guard, so nothing is copied.
		ask: postJson('/api/meeting-kinds'),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'GET /api/meeting-kinds/[id]',
		ask: get('/api/meeting-kinds/core-group'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadMeetingKinds'
	},
	{
		key: 'PUT /api/meeting-kinds/[id]',
		// A built-in kind: refused (400, "copy it first") past the guard, so nothing is saved.
		ask: () => ({ method: 'PUT', path: '/api/meeting-kinds/core-group', json: {} }),
		allow: ['businessSupport', 'manager'],
		why: 'mayShapeMeetingKinds'
	},
	{
		key: 'GET /api/unit/settings',
		ask: get('/api/unit/settings'),
		allow: ['businessSupport', 'manager'],
		why: 'mayManageUnitSettings'
	},
	{
		key: 'PUT /api/unit/settings',
		// An empty body: past the guard it is refused (400), so nothing changes.
		ask: () => ({ method: 'PUT', path: '/api/unit/settings', json: {} }),
		allow: ['businessSupport', 'manager'],
		why: 'mayManageUnitSettings'
	},
	{
		key: 'GET /api/people',
		ask: get('/api/people'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadPeople'
	},
	{
		key: 'GET /api/agencies',
		ask: get('/api/agencies'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadPeople'
	},
	{
		key: 'GET /api/agencies/search',
		ask: get('/api/agencies/search?q=school'),
		allow: ['chair', 'businessSupport', 'manager'],
		why: 'mayReadPeople (the agency picker)'
	},
	{
		key: 'POST /api/people',
		ask: postJson('/api/people'),
		allow: [...unitOffice, 'manager'],
		why: 'mayManageAccounts (each role only as mayGrantRole allows)'
	},
	{
		key: 'POST /api/agencies',
		ask: postJson('/api/agencies'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	// A JSON body is not a CSV file: let through means 415, turned away 404.
	{
		key: 'POST /api/people/import',
		ask: postJson('/api/people/import'),
		allow: unitOffice,
		why: 'mayManagePeople'
	},
	{
		key: 'GET /health',
		ask: get('/health'),
		allow: everyone,
		why: 'public: status only, no personal data'
	},
	{
		key: 'GET /document-styles.css',
		ask: get('/document-styles.css'),
		allow: everyone,
		why: 'public: a stylesheet'
	},

	// Downloads
	{
		key: 'GET /meetings/[id]/documents/[docId]/pdf',
		ask: (ids) => ({
			method: 'GET',
			path: `/meetings/${ids.meeting}/documents/${ids.professionalDocument}/pdf`
		}),
		allow: readsProfessionalDocuments,
		why: 'mayReadDocument: a professionals’ document'
	},
	{
		key: 'GET /meetings/[id]/documents/[docId]/pdf',
		ask: (ids) => ({
			method: 'GET',
			path: `/meetings/${ids.meeting}/documents/${ids.familyDocument}/pdf`
		}),
		allow: seesMeeting,
		why: 'mayReadDocument: a family document'
	},
	{
		key: 'GET /outbox/[id]/attachments/[index]',
		ask: (ids) => ({ method: 'GET', path: `/outbox/${ids.outboxMessage}/attachments/0` }),
		allow: unitOffice,
		why: 'mayReadOutbox'
	}
];

/** The socket's two channels of Mia's conference: who may open each (101) and who is refused. */
const channels: { channel: string; path: string; allow: readonly Person[]; why: string }[] = [
	{
		channel: 'main',
		path: `/collab/{meeting}`,
		allow: seesMeeting,
		why: 'canSeeMeeting (read-only once ended)'
	},
	{
		channel: 'restricted',
		path: `/collab/{meeting}/restricted`,
		allow: readsProfessionalDocuments,
		why: 'mayReadRestricted'
	},
	{
		channel: 'notes',
		path: `/collab/{meeting}/notes`,
		allow: readsProfessionalDocuments,
		why: 'mayReadNotes (business support and the chair write while a draft)'
	}
];

/** Let through, or turned away: 401, 403, 404, or sent to sign in. Anything else fails the test. */
function standardVerdict(response: APIResponse): Verdict {
	const status = response.status();
	if (status === 401 || status === 403 || status === 404) return 'deny';
	if (status >= 300 && status < 400)
		return new URL(response.headers()['location'] ?? '/', 'http://x').pathname === '/login'
			? 'deny'
			: 'allow';
	if (status >= 500) throw new Error(`answered ${status}`);
	return 'allow'; // 2xx, or 400/409: past the guard, the input or the meeting's state refused
}

/** A signed-in request context for the person (none for a child or anonymous). */
const contextFor = (person: Person) => signedInContext(people[person]);

let ids: Ids;

test.beforeAll(async () => {
	const office = await contextFor('businessSupport');
	const chair = await contextFor('chair');
	const form = { headers: { accept: 'text/html' } };
	// Business support schedules a conference for Mia, chaired by Priya; the police officer and
	// Mia's dad are invited; the chair starts and ends it, which makes its documents.
	const scheduled = await office.post('/meetings/new', {
		...form,
		form: {
			kind: 'initial-conference',
			title: 'Rights matrix conference',
			date: `${new Date().getFullYear() + 1}-03-03`,
			time: '10:00',
			chairId: demoUsers.chair,
			childIds: MIA
		}
	});
	expect(scheduled.status(), 'scheduled').toBe(303);
	const meeting = new URL(scheduled.headers()['location'], baseURL()).pathname.split('/').pop()!;
	for (const [userId, role] of [
		[demoUsers.police, 'professional'],
		[demoUsers.jordan, 'parent']
	]) {
		expect(
			(
				await office.post(`/meetings/${meeting}?/invite`, { ...form, form: { userId, role } })
			).status(),
			`${role} invited`
		).toBe(200);
	}
	// Before the meeting the police officer adds a report and writes down Mia's consultation form.
	const police = await contextFor('invitedProfessional');
	const report = await police.post(`/api/meetings/${meeting}/reports`, {
		data: { title: 'Police report', body: 'No call-outs since the strategy discussion.' }
	});
	expect(report.status(), 'report added').toBe(201);
	const consultation = await police.post(`/api/meetings/${meeting}/consultations`, {
		data: { childId: MIA, helpedBy: 'her social worker', wishes: 'To see Dad at weekends' }
	});
	expect(consultation.status(), 'consultation written').toBe(201);
	const reportId = ((await report.json()) as { id: string }).id;
	// The chair refers an allegation against an adult about Mia (issue 25).
	const allegation = await chair.post('/api/allegations', {
		data: {
			adult: {
				name: 'Rights Matrix Adult',
				role: 'Sports coach',
				employer: 'Riverside Swimming Club',
				sector: 'sport-and-leisure'
			},
			childIds: [MIA],
			nature: 'conduct',
			receivedAt: new Date().toISOString(),
			referrer: { name: 'A club welfare officer', agency: 'Riverside Swimming Club' }
		}
	});
	expect(allegation.status(), 'allegation referred').toBe(201);
	const allegationId = ((await allegation.json()) as { id: string }).id;
	// The chair records Mia missing (issue 25), just now, with a month agreed: nothing falls due.
	const missingEpisode = await chair.post(`/api/children/${MIA}/missing-episodes`, {
		data: {
			wentMissingAt: new Date(Date.now() - 60_000).toISOString(),
			reportedBy: 'Dad',
			agreedHours: 720,
			escalateTo: 'conference'
		}
	});
	expect(missingEpisode.status(), 'missing episode recorded').toBe(201);
	const missingEpisodeId = ((await missingEpisode.json()) as { id: string }).id;
	const consultationId = ((await consultation.json()) as { id: string }).id;
	await police.dispose();
	// Only the police officer and Mia's dad came: not quorate, and the chair ends it saying why.
	const dad = await contextFor('parent');
	const ended = await endWithoutRegister({ chair, family: dad, meeting });
	ids = {
		meeting,
		...ended,
		report: reportId,
		consultation: consultationId,
		allegation: allegationId,
		missingEpisode: missingEpisodeId
	};
	await Promise.all([office.dispose(), chair.dispose(), dad.dispose()]);
});

test('every route in src/routes has a row in the rights matrix', () => {
	const covered = new Set(matrix.map((row) => row.key));
	expect(
		routesOnDisk().filter((key) => !covered.has(key)),
		'routes without a row: add each to the matrix with who may use it'
	).toEqual([]);
	expect(
		[...covered].filter((key) => !routesOnDisk().includes(key)),
		'rows for routes that no longer exist'
	).toEqual([]);
});

for (const person of everyone) {
	test(`rights of ${person}: every page, action, API route, download and socket channel`, async () => {
		const context = await contextFor(person);
		const wrong: string[] = [];
		for (const row of matrix) {
			if (row.key === 'POST /logout') continue; // ends the session: asked last
			const response = await ask(context, row.ask(ids));
			const verdict = row.judge
				? await row.judge(response, person, context)
				: standardVerdict(response);
			const expected: Verdict = row.allow.includes(person) ? 'allow' : 'deny';
			if (verdict !== expected)
				wrong.push(`${row.key} (${row.why}): expected ${expected}, answered ${response.status()}`);
		}
		const cookies = await cookieOf(context);
		const socketBase = baseURL().replace(/^http/, 'ws');
		for (const channel of channels) {
			const status = await upgradeStatus(`${socketBase}${fill(channel.path, ids)}`, cookies);
			const expected = channel.allow.includes(person) ? 101 : people[person] === null ? 401 : 403;
			if (status !== expected)
				wrong.push(
					`socket ${channel.channel} (${channel.why}): expected ${expected}, answered ${status}`
				);
		}
		const logout = matrix.find((row) => row.key === 'POST /logout')!;
		const verdict = await logout.judge!(await ask(context, logout.ask(ids)), person, context);
		if (verdict !== (logout.allow.includes(person) ? 'allow' : 'deny'))
			wrong.push(`POST /logout: expected ${logout.allow.includes(person) ? 'allow' : 'deny'}`);
		await context.dispose();
		expect(wrong).toEqual([]);
	});
}

test('the invite picker offers only the unit’s staff, agencies’ people, the family of the meeting’s children and their own accounts', async () => {
	const chair = await contextFor('chair');
	// Mia's core group: Mia's dad is offered; Chrissie's mum (another family) is not.
	const found = async (name: string) => {
		const answer = await chair.get(
			`/api/meetings/${CORE_GROUP}/invitable?q=${encodeURIComponent(name)}`
		);
		expect(answer.status()).toBe(200);
		const { people } = (await answer.json()) as { people: { name: string }[] };
		return people.some((person) => person.name === name);
	};
	for (const name of [
		'Alan Brooks',
		'Dr Ravi Patel',
		'Helen Moss',
		'Jordan Price',
		'Kim Lee',
		'PC Jo Reid',
		'Priya Shah',
		'Sam Okafor'
	])
		expect(await found(name), name).toBe(true);
	// Not another family's parent, nor another unit's staff.
	for (const name of ['Dawn Walker', SECOND_UNIT.chair.name, SECOND_UNIT.manager.name])
		expect(await found(name), name).toBe(false);
	// Choosing someone the picker does not offer is refused too.
	const picked = await chair.post(`/meetings/${CORE_GROUP}?/invite`, {
		form: { userId: demoUsers.dawn, role: 'parent' },
		headers: { accept: 'text/html' }
	});
	expect(picked.status()).toBe(400);
	// A child's own account (issue 27: Tyler) only to a meeting about them: not Mia's.
	const child = await chair.post(`/meetings/${CORE_GROUP}?/invite`, {
		form: { userId: demoUsers.tyler, role: 'child' },
		headers: { accept: 'text/html' }
	});
	expect(child.status()).toBe(400);
	await chair.dispose();
});
