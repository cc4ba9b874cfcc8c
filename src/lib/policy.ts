/**
 * Who may do what. The one policy module: pages, form actions, the API, downloads and the
 * collaboration socket all ask these functions, on the server. Pure TypeScript, so the
 * browser may use it too — but only to show read-only fields; it never decides there.
 */
import {
	professionalOnlyKinds,
	userRoles,
	type DocumentAudience,
	type DocumentState,
	type MeetingKind,
	type MeetingRole,
	type MeetingStatus,
	type UserRole
} from './domain/vocabulary';
import { parseRootName, type RootName } from './collab/roots';

export interface Viewer {
	id: string;
	role: UserRole;
	unitId: string | null;
}

export interface MeetingFacts {
	unitId: string | null;
	chairId: string | null;
	status: MeetingStatus;
	kind: MeetingKind;
}

/** The viewer's own row in the meeting's participants, if invited. */
export interface Participation {
	id: string;
	role: MeetingRole;
}

export type MeetingAccess =
	/** chair or admin of the meeting's unit: sees and manages it */
	| 'unit'
	/** invited to it: sees it in their role */
	| 'participant'
	| 'none';

/** How the viewer may reach this meeting at all. */
export function meetingAccess(props: {
	viewer: Viewer;
	meeting: MeetingFacts;
	participant: Participation | null;
}): MeetingAccess {
	const { viewer, meeting, participant } = props;
	if (
		(viewer.role === 'chair' || viewer.role === 'admin') &&
		viewer.unitId !== null &&
		viewer.unitId === meeting.unitId
	) {
		return 'unit';
	}
	// The unit's designated officer (LADO) works its allegations: their strategy meetings are
	// theirs to see and prepare (they may chair one: mayScheduleKind, chairAccountRoles).
	if (
		viewer.role === 'lado' &&
		meeting.kind === 'lado-strategy' &&
		viewer.unitId !== null &&
		viewer.unitId === meeting.unitId
	)
		return 'unit';
	if (participant) return 'participant';
	return 'none';
}

/** True when the viewer may see the meeting and its record (less restricted parts). */
export function canSeeMeeting(props: Parameters<typeof meetingAccess>[0]): boolean {
	return meetingAccess(props) !== 'none';
}

/**
 * The role the viewer plays in this meeting's live record. A unit admin who is not on the
 * list takes the minutes; a unit chair who is not chairing it only watches.
 */
export function effectiveMeetingRole(
	props: Parameters<typeof meetingAccess>[0]
): MeetingRole | null {
	const { viewer, meeting, participant } = props;
	if (meeting.chairId === viewer.id) return 'chair';
	if (participant) return participant.role;
	const access = meetingAccess(props);
	if (access !== 'unit') return null;
	return viewer.role === 'admin' ? 'minute-taker' : 'observer';
}

/** Only the meeting's chair starts it, moves the agenda and ends it. */
export function canRunMeeting(props: Parameters<typeof meetingAccess>[0]): boolean {
	return effectiveMeetingRole(props) === 'chair';
}

/** Chairs and admins schedule meetings and invite people in their unit. */
export function canScheduleMeetings(viewer: Viewer): boolean {
	return viewer.role === 'chair' || viewer.role === 'admin';
}

/**
 * Who schedules a meeting of this kind: chairs and business support, any kind; the unit's
 * designated officer (LADO), the allegation strategy meetings of the cases they work (issue 25).
 */
export function mayScheduleKind(viewer: Viewer, kind: MeetingKind): boolean {
	if (canScheduleMeetings(viewer)) return true;
	return kind === 'lado-strategy' && viewer.role === 'lado' && viewer.unitId !== null;
}

/**
 * Which accounts of the unit may chair a meeting of this kind: its chairs (independent reviewing
 * officers); an allegation strategy meeting, its designated officer (LADO) too, who commonly
 * chairs it.
 */
export function chairAccountRoles(kind: MeetingKind): readonly UserRole[] {
	return kind === 'lado-strategy' ? ['chair', 'lado'] : ['chair'];
}

/**
 * Who finds the unit's children by name, family or date of birth (the child picker,
 * `GET /api/children/search`): those who schedule meetings, and those who refer an allegation
 * against an adult about the children it concerns (the designated officer and managers too) —
 * each in their own unit only.
 */
export function maySearchChildren(viewer: Viewer): boolean {
	return viewer.unitId !== null && (canScheduleMeetings(viewer) || mayWorkAllegations(viewer));
}

/**
 * Who reads a meeting as the family does (issue 26): the parents and carers, the child, and the
 * interpreter, who interprets for them. They read family documents only, reports only once shared
 * with the parents, and never restricted information; the meeting page shows them the family's
 * view.
 */
export function readsAsFamily(role: MeetingRole | null): boolean {
	return role === 'parent' || role === 'child' || role === 'interpreter';
}

/** Parents, carers, children and their interpreter never receive restricted (third-party) information. */
export function mayReadRestricted(role: MeetingRole | null): boolean {
	return role !== null && !readsAsFamily(role);
}

/** Roles that write the shared parts of the record (sections, plan). */
const recordWriters: ReadonlySet<MeetingRole> = new Set([
	'chair',
	'minute-taker',
	'professional',
	'advocate'
]);

/**
 * May a connection with this meeting role and participant id write the given root of the
 * live record? Unknown roots are never writable. Before the meeting (`scheduled`) each invited
 * person who writes at all may write only their own `contribution:{participantId}` (a parent's
 * view, a professional's report); everything else opens when the chair starts the meeting, and
 * nothing is writable once it has ended or was cancelled.
 */
export function mayWriteRoot(props: {
	root: string;
	role: MeetingRole | null;
	participantId: string | null;
	status: MeetingStatus;
	/** Whether the chair lets the child score (the record's `meta.childScores`); a child's own ratings only then. */
	childScores?: boolean;
}): boolean {
	const { role, participantId, status } = props;
	if (!mayWriteAnything(role)) return false;
	const root: RootName | null = parseRootName(props.root);
	if (!root) return false;
	if (status === 'scheduled')
		return (
			root.kind === 'contribution' && participantId !== null && root.participantId === participantId
		);
	if (status !== 'live') return false;
	if (role === 'chair') return true; // the chair may write every root
	switch (root.kind) {
		case 'meta':
			return false; // the chair and the server only
		case 'outcome':
			return false; // the chair records the outcome
		case 'contribution':
			// Parents write their own view of their child; nothing else.
			return root.participantId === participantId;
		case 'ratings':
			// Everyone their own scores; a child only when the chair decided the child scores too.
			return (
				root.participantId === participantId && (role !== 'child' || props.childScores === true)
			);
		case 'restricted':
			return root.participantId === participantId && mayReadRestricted(role);
		case 'decision':
			// Only those who vote on the plan record a decision (parents and children do not).
			return (
				root.participantId === participantId && (role === 'professional' || role === 'advocate')
			);
		case 'section':
		case 'plan':
		case 'concerns':
			return recordWriters.has(role);
	}
}

/**
 * May this role write anything at all in a live record? (Read-only connections still sync.) An
 * observer watches; an interpreter speaks the family's words and the meeting's, writing none.
 */
export function mayWriteAnything(role: MeetingRole | null): role is MeetingRole {
	return role !== null && role !== 'observer' && role !== 'interpreter';
}

/**
 * May a socket opened now write at all (the gate still judges each root with `mayWriteRoot`)?
 * While the meeting is live, every role that writes; while it is scheduled, only someone on
 * the invitation list (their own contribution); never once it has ended or was cancelled.
 */
export function connectionMayWrite(props: {
	role: MeetingRole | null;
	participantId: string | null;
	status: MeetingStatus;
}): boolean {
	if (!mayWriteAnything(props.role)) return false;
	if (props.status === 'live') return true;
	return props.status === 'scheduled' && props.participantId !== null;
}

/** Chairs and admins of the unit (and the meeting's chair or minute-taker) prepare a meeting: invitations, attendance, reports. */
export function canPrepareMeeting(props: Parameters<typeof meetingAccess>[0]): boolean {
	const role = effectiveMeetingRole(props);
	return meetingAccess(props) === 'unit' || role === 'chair' || role === 'minute-taker';
}

/**
 * Who takes the register (issue 21): the meeting's chair and minute-taker, and the unit's
 * business support (admins). The command also requires the meeting to be live or ended.
 */
export function mayTakeRegister(props: Parameters<typeof meetingAccess>[0]): boolean {
	const role = effectiveMeetingRole(props);
	if (role === 'chair' || role === 'minute-taker') return true;
	return props.viewer.role === 'admin' && meetingAccess(props) === 'unit';
}

/** The register is taken while the meeting runs, and corrected after it ended; not before, nor once cancelled. */
export function registerIsOpen(status: MeetingStatus): boolean {
	return status === 'live' || status === 'ended';
}

/**
 * May someone in this meeting role read a document written for this audience? Parents, carers
 * and children read only family documents (the parent plan, the child's letter, the memory
 * book); everyone else in the meeting reads all of them.
 */
export function mayReadDocument(props: {
	role: MeetingRole | null;
	audience: DocumentAudience;
}): boolean {
	if (props.role === null) return false;
	if (readsAsFamily(props.role)) return props.audience === 'family';
	return true;
}

/** Only the chair ends a meeting, and only a live one (then its documents are made). */
export function canEndMeeting(props: Parameters<typeof meetingAccess>[0]): boolean {
	return canRunMeeting(props) && props.meeting.status === 'live';
}

/**
 * May the viewer see this meeting's scores in a child's history (the risk plot, the child's
 * page)? Whoever may see the meeting — but a parent or carer only the meetings about their own
 * family's children, even if invited to someone else's, and an interpreter none: they are there
 * for the meeting's words, not the child's record (issue 26).
 */
export function canSeeChildMeeting(
	props: Parameters<typeof meetingAccess>[0] & { ownFamily: boolean }
): boolean {
	if (!canSeeMeeting(props)) return false;
	if (effectiveMeetingRole(props) === 'interpreter') return false;
	return props.viewer.role !== 'parent' || props.ownFamily;
}

/**
 * Business support and chairs keep their unit's families: families, children, parents and
 * carers, the events that start a child's clocks, care status and the IRO.
 */
export function mayManageFamilies(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'chair') && viewer.unitId !== null;
}

/**
 * May the viewer see this child at all (name, date of birth, care status, clocks; the index
 * and search)? The unit's chairs and business support see their unit's children; a parent or
 * carer only their own family's; anyone else only a child of a meeting they may see
 * (`canSeeChildMeeting`).
 */
export function canSeeChild(props: {
	viewer: Viewer;
	childUnitId: string | null;
	ownFamily: boolean;
	seesMeetingAboutChild: boolean;
}): boolean {
	const { viewer } = props;
	if (viewer.role === 'parent') return props.ownFamily;
	if (viewer.role === 'child') return false; // their own space shows them what is theirs
	if (mayManageFamilies(viewer) && viewer.unitId === props.childUnitId) return true;
	return props.seesMeetingAboutChild;
}

/**
 * The meeting roles an account of each role may be given, the usual one first (what the
 * invite form offers). Parents and carers join only as parents, a child's own account only as
 * the child; nobody is given a meeting role that reads or writes more than their account is for.
 */
const meetingRolesByAccount: Record<UserRole, readonly MeetingRole[]> = {
	chair: ['observer', 'chair'],
	admin: ['minute-taker', 'observer'],
	professional: ['professional', 'advocate', 'observer', 'interpreter'],
	manager: ['observer', 'professional'],
	parent: ['parent'],
	// A child's own account (issue 27): invited only as the child, to meetings about them.
	child: ['child'],
	// The designated officer (issue 25): a professional at a strategy meeting, or watching one.
	lado: ['professional', 'observer']
};

/** The meeting roles an account of this role may be invited as, the usual one first. */
export function meetingRolesForAccount(accountRole: UserRole): readonly MeetingRole[] {
	return meetingRolesByAccount[accountRole];
}

/** Why a meeting role does not fit an account, or `fits`. */
export type MeetingRoleFit = 'fits' | 'not-for-this-account' | 'not-their-child' | 'not-about-them';

/**
 * Does this meeting role fit this account? The account's own role must allow it
 * (`meetingRolesForAccount`); a parent or carer is invited only as a parent of one of the
 * meeting's own children (`familyOfMeetingChild`: the account is a member of the family of at
 * least one child the meeting is about) — never to another family's meeting, where they would
 * read that family's record; and a child's own account only as the child, to a meeting about
 * them (`accountOfMeetingChild`: it is the account of one of the meeting's children) — never a
 * brother's, sister's or another child's. Invitations by name only (no account) give no access
 * and are not judged here.
 */
export function meetingRoleFit(props: {
	accountRole: UserRole;
	meetingRole: MeetingRole;
	familyOfMeetingChild: boolean;
	accountOfMeetingChild: boolean;
}): MeetingRoleFit {
	if (!meetingRolesByAccount[props.accountRole].includes(props.meetingRole))
		return 'not-for-this-account';
	if (props.meetingRole === 'parent' && !props.familyOfMeetingChild) return 'not-their-child';
	if (props.accountRole === 'child' && !props.accountOfMeetingChild) return 'not-about-them';
	return 'fits';
}

/**
 * May this account be invited to a meeting of this unit at all (what the invite picker offers)?
 * The unit's own staff (chairs, business support, managers), agencies' people (professionals)
 * the unit made or that belong to no unit, the family of the meeting's children
 * (`familyOfMeetingChild`), and a child's own account of the unit to a meeting about that child
 * (`accountOfMeetingChild`, issue 27: the unit decides who is invited); never another unit's
 * staff, another unit's professionals (issue 20: their names are that unit's business, and an
 * account another unit made under a familiar name could be picked by mistake — invite them by
 * name and email, and their own link adds the place to their account), another family, or a
 * child to a meeting about someone else (a brother or sister included).
 */
export function mayBeInvited(props: {
	account: { role: UserRole; unitId: string | null };
	meetingUnitId: string | null;
	familyOfMeetingChild: boolean;
	accountOfMeetingChild: boolean;
}): boolean {
	switch (props.account.role) {
		case 'professional':
			return props.account.unitId === null || props.account.unitId === props.meetingUnitId;
		case 'parent':
			return props.familyOfMeetingChild;
		case 'child':
			return (
				props.accountOfMeetingChild &&
				props.account.unitId !== null &&
				props.account.unitId === props.meetingUnitId
			);
		default:
			return props.account.unitId !== null && props.account.unitId === props.meetingUnitId;
	}
}

/**
 * May the viewer read the unit's outbox (every email queued or sent, its state and its
 * attachments)? Business support and chairs of the unit only; the list holds only its own
 * unit's meetings' messages.
 */
export function mayReadOutbox(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'chair') && viewer.unitId !== null;
}

/** The meeting's chair, or business support of its unit, moves or cancels it (and everyone invited is told). */
export function mayChangeMeetingDate(props: Parameters<typeof meetingAccess>[0]): boolean {
	if (props.meeting.chairId === props.viewer.id) return true;
	return props.viewer.role === 'admin' && meetingAccess(props) === 'unit';
}

/**
 * May the viewer read the list of late reports across the unit's meetings (every report asked
 * of an agency, past its deadline and not received)? The same people as the outbox.
 */
export function mayReadLateReports(viewer: Viewer): boolean {
	return mayReadOutbox(viewer);
}

/**
 * May the viewer search the audit log (who opened, read, downloaded or decided what, and from
 * where)? Managers of a unit only, and only their unit's entries.
 */
export function mayReadAudit(viewer: Viewer): boolean {
	return viewer.role === 'manager' && viewer.unitId !== null;
}

/**
 * The account a person named on a meeting without one is given when they use their set-up link
 * (src/lib/server/auth/account-invites.ts): a parent's for a parent or carer, a professional's
 * for a professional, advocate, observer or interpreter. Null for the chair and the minute-taker
 * (their accounts come from the unit, with its rights) and for children: a place named for a
 * child is never sent a link (a child's own account is made from their record,
 * `mayMakeChildAccount`).
 */
export function accountRoleForInvitee(meetingRole: MeetingRole): UserRole | null {
	switch (meetingRole) {
		case 'parent':
			return 'parent';
		case 'professional':
		case 'advocate':
		case 'observer':
		case 'interpreter':
			return 'professional';
		default:
			return null;
	}
}

/** May the person turn on two-step sign-in (a code from an app after the password)? Staff: everyone but parents. */
export function mayUseTwoStepSignIn(viewer: Viewer): boolean {
	return viewer.role !== 'parent' && viewer.role !== 'child';
}

/** What the challenge rules need: may the viewer see a meeting about the child, and the child's unit. */
export interface ChildChallengeFacts {
	viewer: Viewer;
	/** The viewer may see at least one meeting about the child (canSeeChildMeeting). */
	seesChild: boolean;
	childUnitId: string | null;
}

/**
 * May the viewer read a child's challenges (a chair's disputes with other agencies)?
 * Professionals and unit staff who may see a meeting about the child, and managers of the
 * child's unit; never parents.
 */
export function mayReadChallenges(facts: ChildChallengeFacts): boolean {
	if (facts.viewer.role === 'parent') return false;
	if (facts.seesChild) return true;
	return (
		facts.viewer.role === 'manager' &&
		facts.viewer.unitId !== null &&
		facts.viewer.unitId === facts.childUnitId
	);
}

/** Chairs and independent reviewing officers who may see the child raise a challenge. */
export function mayRaiseChallenge(facts: ChildChallengeFacts): boolean {
	return facts.viewer.role === 'chair' && facts.seesChild;
}

/** The challenge's author moves it on, or another chair who may see the child, or a manager of the unit. */
export function mayMoveChallenge(facts: ChildChallengeFacts & { authorId: string }): boolean {
	if (!mayReadChallenges(facts)) return false;
	if (facts.viewer.id === facts.authorId) return true;
	return mayRaiseChallenge(facts) || facts.viewer.role === 'manager';
}

/** The unit's figures (/oversight, the quarterly report, /api/oversight): its managers and chairs. */
export function mayReadOversight(viewer: Viewer): boolean {
	return (viewer.role === 'manager' || viewer.role === 'chair') && viewer.unitId !== null;
}

/** Whether the figures name other chairs (caseloads): managers do; a chair sees their own name only. */
export function mayReadOversightNames(viewer: Viewer): boolean {
	return viewer.role === 'manager' && viewer.unitId !== null;
}

/**
 * May the viewer add, disable and enable the unit's people and agencies, and send set-up links
 * (People and agencies: /unit/people, /unit/agencies, /api/people, /api/agencies)? Business
 * support and chairs of a unit.
 */
export function mayManagePeople(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'chair') && viewer.unitId !== null;
}

/**
 * May the viewer set a chair's caseload limit (70 unless set; the oversight figures weigh each
 * chair's caseload against it)? The unit's business support and managers, not the chairs.
 */
export function maySetCaseloadLimit(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'manager') && viewer.unitId !== null;
}

/**
 * May the viewer read and change the unit's settings (`/api/unit/settings`: its secure email
 * domains and how early reports are due, issue 22)? Business support and managers of a unit.
 */
export function mayManageUnitSettings(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'manager') && viewer.unitId !== null;
}

/**
 * May the viewer copy the unit's meeting kinds and change their words, each save a new version
 * (`/unit/meeting-kinds`, issue 25)? The unit's business support and managers.
 */
export function mayShapeMeetingKinds(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'manager') && viewer.unitId !== null;
}

/**
 * May the viewer read the unit's meeting kinds, built-in and its own (`GET /api/meeting-kinds`)?
 * The unit's staff: its chairs, business support and managers.
 */
export function mayReadMeetingKinds(viewer: Viewer): boolean {
	return (
		(viewer.role === 'chair' || viewer.role === 'admin' || viewer.role === 'manager') &&
		viewer.unitId !== null
	);
}

/**
 * May the viewer set where the unit's events go in the council's case system
 * (`PUT /api/unit/case-system`: the webhook address and its signing secret, issue 26)? The
 * unit's managers.
 */
export function mayConfigureCaseSystem(viewer: Viewer): boolean {
	return viewer.role === 'manager' && viewer.unitId !== null;
}

/**
 * May the viewer see what was sent to the case system and replay an event (`/unit/case-system`,
 * a document's deliveries)? The unit's managers and business support.
 */
export function mayReadCaseSystemDeliveries(viewer: Viewer): boolean {
	return (viewer.role === 'manager' || viewer.role === 'admin') && viewer.unitId !== null;
}

/**
 * May the viewer import the unit's children's case-system identifiers from a CSV file
 * (`/unit/case-system/import`, `POST /api/children/case-system-ids`, issue 26)? The unit's
 * business support and managers, who connect the unit to the case system.
 */
export function mayImportCaseSystemIds(viewer: Viewer): boolean {
	return (viewer.role === 'admin' || viewer.role === 'manager') && viewer.unitId !== null;
}

/**
 * May the viewer download a child's whole file (`GET /api/children/{id}/file`: every final
 * document, plan and challenge, issue 26)? The unit's chairs and business support, for the
 * unit's own children.
 */
export function mayDownloadChildFile(props: {
	viewer: Viewer;
	childUnitId: string | null;
}): boolean {
	const { viewer } = props;
	return (
		(viewer.role === 'chair' || viewer.role === 'admin') &&
		viewer.unitId !== null &&
		viewer.unitId === props.childUnitId
	);
}

/** May the viewer read the unit's people and agencies? Those who manage them, and the unit's managers. */
export function mayReadPeople(viewer: Viewer): boolean {
	return mayManagePeople(viewer) || (viewer.role === 'manager' && viewer.unitId !== null);
}

/**
 * May the viewer add people on /unit/people and POST /api/people, disable and enable accounts
 * and send set-up links? Business support, chairs and managers of a unit — each only for the
 * roles `mayGrantRole` allows them. (Agencies and the imports stay with `mayManagePeople`.)
 */
export function mayManageAccounts(viewer: Viewer): boolean {
	return mayManagePeople(viewer) || (viewer.role === 'manager' && viewer.unitId !== null);
}

/**
 * How much an account of each role may do, highest first (issue 20): a manager reads the audit
 * log and every figure; business support keeps the unit's people, families and outbox; a chair
 * runs meetings; a professional sees the meetings they are invited to; a parent only their own
 * family's, never restricted information.
 */
const accountRank: Record<UserRole, number> = {
	manager: 4,
	admin: 3,
	chair: 2,
	lado: 2,
	professional: 1,
	parent: 0,
	child: 0
};

/**
 * May the viewer give an account this role (and so disable, enable or send a set-up link to an
 * account of this role)? Only a manager makes managers and business support; business support
 * makes chairs, professionals and parents; a chair nothing above a professional. Nobody acts on
 * an account of higher rights than their own, and below a manager nobody on an equal one either
 * (business support cannot disable business support, nor the manager).
 */
export function mayGrantRole(props: { viewer: Viewer; role: UserRole }): boolean {
	const { viewer, role } = props;
	if (!mayManageAccounts(viewer)) return false;
	// A child's account is made from their record (mayMakeChildAccount), never on People.
	if (role === 'child') return false;
	switch (viewer.role) {
		case 'manager':
			return true;
		case 'admin':
			return accountRank[role] < accountRank.admin;
		case 'chair':
			return accountRank[role] <= accountRank.professional;
		default:
			return false;
	}
}

/** The account roles the viewer may give, in the vocabulary's order (what the form offers). */
export function grantableRoles(viewer: Viewer): UserRole[] {
	return userRoles.filter((role) => mayGrantRole({ viewer, role }));
}

/**
 * May the viewer disable or enable this account, or send it a new set-up link? Only the unit
 * that made it (the account's own unit: a unit that merely works with someone — in one of its
 * families or meetings — may remove them from those, nothing more), only a role the viewer may
 * give (`mayGrantRole`), and never their own.
 */
export function mayDisableAccount(props: {
	viewer: Viewer;
	account: { id: string; unitId: string | null; role: UserRole };
}): boolean {
	const { viewer, account } = props;
	return (
		mayManageAccounts(viewer) &&
		account.unitId !== null &&
		account.unitId === viewer.unitId &&
		account.id !== viewer.id &&
		mayGrantRole({ viewer, role: account.role })
	);
}

/**
 * May someone in this meeting role read the professionals' notes (the draft in the notes editor
 * and every version of the professionals' copy)? Whoever reads professionals' documents; never a
 * parent, carer or child (they read the family's copy).
 */
export function mayReadNotes(role: MeetingRole | null): boolean {
	return mayReadDocument({ role, audience: 'professionals' });
}

/**
 * May this role write the notes now? Business support (the unit's minute-taker) and the chair
 * while they are a draft; only the chair while they are with the chair; nobody once final.
 */
export function mayWriteNotes(props: { role: MeetingRole | null; state: DocumentState }): boolean {
	if (props.state === 'final') return false;
	if (props.role === 'chair') return true;
	return props.role === 'minute-taker' && props.state === 'draft';
}

/** Business support (the minute-taker) sends the draft notes to the chair; the chair may too. */
export function maySubmitNotes(role: MeetingRole | null): boolean {
	return role === 'minute-taker' || role === 'chair';
}

/** Only the meeting's chair approves the notes or sends them back with a comment. */
export function mayApproveNotes(role: MeetingRole | null): boolean {
	return role === 'chair';
}

/** Business support or the chair start a correction of final notes (a new draft version, with a reason). */
export function mayCorrectNotes(role: MeetingRole | null): boolean {
	return role === 'minute-taker' || role === 'chair';
}

/** May the viewer read business support's queue of documents by due date? Business support of a unit. */
export function mayReadDueDocuments(viewer: Viewer): boolean {
	return viewer.role === 'admin' && viewer.unitId !== null;
}

/**
 * May the viewer send this meeting's documents out (circulation) and read the circulation
 * record? The meeting's chair and business support of its unit.
 */
export function mayCirculate(props: Parameters<typeof meetingAccess>[0]): boolean {
	if (props.meeting.chairId === props.viewer.id) return true;
	return props.viewer.role === 'admin' && meetingAccess(props) === 'unit';
}

/**
 * May the viewer read a meeting's plan actions and their progress? Whoever may see the meeting
 * in a child's history: a parent or carer only their own family's meetings.
 */
export function mayReadActions(
	props: Parameters<typeof meetingAccess>[0] & { ownFamily: boolean }
): boolean {
	return canSeeChildMeeting(props);
}

/** May the viewer mark an action's progress? Its owner, and the chair of the meeting that made it. */
export function mayUpdateAction(props: {
	viewer: Viewer;
	ownerId: string | null;
	meetingChairId: string | null;
}): boolean {
	return props.viewer.id === props.ownerId || props.viewer.id === props.meetingChairId;
}

/** The page of one's own actions and the late ones to chase (/actions): staff, not families. */
export function mayUseActionsPage(viewer: Viewer): boolean {
	return viewer.role !== 'parent' && viewer.role !== 'child';
}

/**
 * Voices before the meeting (issue 12): consultation forms and reports are added while the
 * meeting is scheduled or live; once it has ended or was cancelled they are closed (answer 409).
 */
export function voicesOpen(status: MeetingStatus): boolean {
	return status === 'scheduled' || status === 'live';
}

/**
 * May someone in this meeting role write down a child's consultation form on the meeting's
 * page (a child with an account writes their own in their space, /me): their social worker or another professional, their advocate, or a parent with the
 * child — their own child only; the chair too)?
 */
export function mayFillConsultation(props: {
	role: MeetingRole | null;
	ownChild: boolean;
	/** A meeting with no family view (a strategy meeting, a missing from home meeting) holds none. */
	kind: MeetingKind;
}): boolean {
	if (!kindHasFamilyView(props.kind)) return false;
	if (props.role === 'parent') return props.ownChild;
	return props.role === 'professional' || props.role === 'advocate' || props.role === 'chair';
}

/**
 * May the viewer read a child's consultation form? Whoever may see the meeting about the child
 * (`canSeeChildMeeting`): a parent or carer only their own family's child.
 */
export function mayReadConsultation(
	props: Parameters<typeof meetingAccess>[0] & { ownFamily: boolean }
): boolean {
	return canSeeChildMeeting(props);
}

/** May this person add their report to the meeting (a file or words written in the app)? A professional or advocate on the invitation list. */
export function mayAddReport(props: {
	role: MeetingRole | null;
	participantId: string | null;
}): boolean {
	if (props.participantId === null) return false;
	return props.role === 'professional' || props.role === 'advocate';
}

/**
 * May the viewer read this report? Everyone in the meeting who is not family; a parent or carer
 * of the child (never a child's connection) only once it was shared with the parents.
 */
export function mayReadReport(
	props: Parameters<typeof meetingAccess>[0] & {
		role: MeetingRole | null;
		ownFamily: boolean;
		sharedWithParents: boolean;
	}
): boolean {
	if (props.role === null) return false;
	// An interpreter reads what the parents may, in the meeting they interpret.
	if (props.role === 'interpreter') return canSeeMeeting(props) && props.sharedWithParents;
	if (!canSeeChildMeeting(props)) return false;
	// A report shared with the parents is shared with them: it is about the family's adults as
	// much as the child, so a child's own connection never reads one (their reviewing officer
	// tells them what matters, in their words).
	if (props.role === 'child') return false;
	if (props.role === 'parent') return props.sharedWithParents;
	return true;
}

/** The report's author marks when it was shared with the parents, or whoever prepares the meeting. */
export function mayShareReport(
	props: Parameters<typeof meetingAccess>[0] & { authorId: string }
): boolean {
	return props.viewer.id === props.authorId || canPrepareMeeting(props);
}

/** The invitation step records the advocacy offered: whoever prepares the meeting (chair, business support). */
export function mayRecordAdvocacy(props: Parameters<typeof meetingAccess>[0]): boolean {
	return canPrepareMeeting(props);
}

/** The main navigation's links a viewer is offered: each is shown exactly when its page would let them in. */
export interface Navigation {
	actions: boolean;
	children: boolean;
	documentsDue: boolean;
	outbox: boolean;
	audit: boolean;
	oversight: boolean;
	people: boolean;
	/** A child's own space (/me). */
	ownSpace: boolean;
	/** A reviewing officer's messages from children (/messages). */
	messages: boolean;
	/** The council's case system's deliveries (/unit/case-system). */
	caseSystem: boolean;
	/** The unit's meeting kinds (/unit/meeting-kinds). */
	meetingKinds: boolean;
	/** One's own photo (/account/photo). */
	photo: boolean;
	/** The LADO's cases: allegations against adults who work with children (/allegations). */
	allegations: boolean;
	/** The unit's open missing-from-home episodes (/missing). */
	missing: boolean;
	/** The unit's children's homes and their Regulation 33 visits (/homes). */
	homes: boolean;
	/** The exploitation operational group: sittings, referrals, the register (/exploitation). */
	exploitation: boolean;
	/** The unit's foster carers and their annual reviews (/foster-carers). */
	fosterCarers: boolean;
}

/**
 * Which of the unit's pages the navigation links to: asked of the same functions the pages ask
 * (so a link is never offered to a page that answers 404, and never hidden from one that opens).
 */
export function navigationFor(viewer: Viewer): Navigation {
	return {
		actions: mayUseActionsPage(viewer),
		children: mayManageFamilies(viewer),
		documentsDue: mayReadDueDocuments(viewer),
		outbox: mayReadOutbox(viewer),
		audit: mayReadAudit(viewer),
		oversight: mayReadOversight(viewer),
		people: mayReadPeople(viewer),
		ownSpace: mayUseOwnSpace(viewer),
		messages: mayReadOfficerMessages(viewer),
		caseSystem: mayReadCaseSystemDeliveries(viewer),
		meetingKinds: mayShapeMeetingKinds(viewer),
		photo: mayKeepOwnPhoto(viewer),
		allegations: mayWorkAllegations(viewer),
		missing: mayWorkMissingEpisodes(viewer),
		homes: mayWorkHomes(viewer),
		exploitation: mayWorkExploitationGroup(viewer),
		fosterCarers: mayWorkFosterCarers(viewer)
	};
}

/**
 * Feedback after every meeting (issue 27): may this place on a meeting's list answer it? The
 * parents and carers, the children and the professionals (advocates among them) on the list,
 * once the meeting has ended; not the chair or minute-taker, who ran it, nor an observer.
 */
export function mayGiveFeedback(props: {
	role: MeetingRole | null;
	participantId: string | null;
	status: MeetingStatus;
}): boolean {
	if (props.participantId === null || props.status !== 'ended') return false;
	return (
		props.role === 'parent' ||
		props.role === 'child' ||
		props.role === 'professional' ||
		props.role === 'advocate'
	);
}

/**
 * May the viewer keep a photo of themselves (issue 27: a child sees their reviewing officer's
 * face)? The unit's staff: chairs, business support, managers and its professionals.
 */
export function mayKeepOwnPhoto(viewer: Viewer): boolean {
	return (
		viewer.unitId !== null &&
		(viewer.role === 'chair' ||
			viewer.role === 'admin' ||
			viewer.role === 'manager' ||
			viewer.role === 'professional')
	);
}

/**
 * May the viewer see a member of staff's photo? The person themselves, the staff of their unit,
 * and a child whose reviewing officer they are. Never a parent, never another unit.
 */
export function maySeeStaffPhoto(props: {
	viewer: Viewer;
	owner: Viewer;
	/** The owner is the viewer's own reviewing officer (the viewer a child with an account). */
	ownersChild: boolean;
}): boolean {
	const { viewer, owner } = props;
	if (!mayKeepOwnPhoto(owner)) return false;
	if (viewer.id === owner.id) return true;
	if (viewer.role === 'child') return props.ownersChild && viewer.unitId === owner.unitId;
	return mayKeepOwnPhoto(viewer) && viewer.unitId === owner.unitId;
}

/**
 * A child's own space (issue 27, `/me`): only a child's own account, and only their own things
 * (their next review, their reviewing officer, their form, their tracker card, their letter);
 * nothing restricted is ever shown there (only family documents and the plan's actions).
 */
export function mayUseOwnSpace(viewer: Viewer): boolean {
	return viewer.role === 'child' && viewer.unitId !== null;
}

/**
 * May the viewer give a child an account of their own and a set-up link for it? The child's
 * reviewing officer, and the unit's chairs and business support (who keep its families), for a
 * child of their own unit.
 */
export function mayMakeChildAccount(props: {
	viewer: Viewer;
	child: { unitId: string | null; iroId: string | null };
}): boolean {
	const { viewer, child } = props;
	if (viewer.unitId === null || viewer.unitId !== child.unitId) return false;
	return viewer.id === child.iroId || mayManageFamilies(viewer);
}

/**
 * "Tell my reviewing officer" (issue 27): who reads and writes a child's conversation with their
 * reviewing officer? The child (their own account) and the child's reviewing officer; nobody
 * else — not a parent, not another chair, not the manager (who is told only that a message has
 * waited unread for two working days).
 */
export function mayUseConversation(props: {
	viewer: Viewer;
	child: { accountId: string | null; iroId: string | null };
}): boolean {
	const { viewer, child } = props;
	if (viewer.role === 'child') return child.accountId === viewer.id;
	return viewer.role === 'chair' && child.iroId === viewer.id;
}

/** The messages page (/messages): chairs, as reviewing officers of the children in care they review. */
export function mayReadOfficerMessages(viewer: Viewer): boolean {
	return viewer.role === 'chair' && viewer.unitId !== null;
}

/**
 * May the viewer work the unit's allegations against adults who work with children (issue 25,
 * the LADO's cases: `/api/allegations`): refer one, read it, record its outcome? The unit's
 * designated officer (the `lado` account role), its chairs (a chair may cover the LADO's rota),
 * business support and managers, for their own unit's cases only. Nobody else: not parents or
 * children, not professionals — the adult under allegation may be one.
 */
export function mayWorkAllegations(viewer: Viewer, allegationUnitId?: string | null): boolean {
	const role =
		viewer.role === 'lado' ||
		viewer.role === 'chair' ||
		viewer.role === 'admin' ||
		viewer.role === 'manager';
	if (!role || viewer.unitId === null) return false;
	return allegationUnitId === undefined || allegationUnitId === viewer.unitId;
}

/** The child a missing-from-home episode is about, as the policy needs them. */
export interface MissingChildFacts {
	/** The unit of the child's family. */
	unitId: string | null;
	/** The child's independent reviewing officer, when they have one. */
	iroId: string | null;
}

/**
 * May the viewer work missing-from-home episodes (issue 25): record one, record the young person
 * found, the return interview, the escalation; read the unit's open episodes? The unit's chairs,
 * business support and managers, for children of their own unit; and the child's own reviewing
 * officer. Never parents or children, never professionals, never another unit's staff. Without
 * a child: may the viewer read their unit's list of open episodes (the unit's staff only)?
 */
export function mayWorkMissingEpisodes(viewer: Viewer, child?: MissingChildFacts): boolean {
	if (viewer.role === 'parent' || viewer.role === 'child') return false;
	const unitStaff =
		(viewer.role === 'chair' || viewer.role === 'admin' || viewer.role === 'manager') &&
		viewer.unitId !== null;
	if (child === undefined) return unitStaff;
	if (unitStaff && child.unitId === viewer.unitId) return true;
	return child.iroId !== null && child.iroId === viewer.id;
}

/**
 * May the viewer work the unit's children's homes and their Regulation 33 visits (issue 25:
 * `/homes`, `POST /api/meetings` with `kind: 'reg33-visit'`): record a home, a visit and its
 * findings, send the report, record it for Ofsted? The unit's chairs (its reviewing officers are
 * the independent visitors), business support and managers, for their own unit's homes. Nobody
 * else: never parents or children, never professionals (a home's staff may be one, and a visit is
 * unannounced), never another unit's staff.
 */
export function mayWorkHomes(viewer: Viewer, homeUnitId?: string | null): boolean {
	const role = viewer.role === 'chair' || viewer.role === 'admin' || viewer.role === 'manager';
	if (!role || viewer.unitId === null) return false;
	return homeUnitId === undefined || homeUnitId === viewer.unitId;
}

/**
 * The exploitation operational group (issue 25; annual report 4.6): may the viewer use its page
 * (`/exploitation`: sittings, referrals waiting, the register of places)? The unit's chairs,
 * business support and managers. Referrals on it are each still shown only to those who may see
 * the child (`maySeeExploitationChild`). Never parents or children, never another unit.
 */
export function mayWorkExploitationGroup(viewer: Viewer): boolean {
	return (
		(viewer.role === 'chair' || viewer.role === 'admin' || viewer.role === 'manager') &&
		viewer.unitId !== null
	);
}

/**
 * May the viewer see one sitting of the group (`/exploitation/[id]`)? The staff of its unit who
 * work the group, and the professionals invited to it; never a parent or a child (who are never
 * invited: `mayJoinKind`, a kind with no family view), never another unit.
 */
export function maySeeExploitationSitting(props: {
	viewer: Viewer;
	sittingUnitId: string | null;
	invited: boolean;
}): boolean {
	const { viewer } = props;
	if (viewer.role === 'parent' || viewer.role === 'child') return false;
	if (mayWorkExploitationGroup(viewer) && viewer.unitId === props.sittingUnitId) return true;
	return props.invited;
}

/**
 * May the viewer see a referred child's item (name, id, findings, output) or referral? Exactly
 * those who may see that child under the unit's policy (`canSeeChild`: the unit's chairs and
 * business support, and anyone else only through a meeting about that child) — being at the
 * same sitting gives nothing: the sitting links no child. Never a parent, not even their own
 * child's (the group's work is not the family's to read).
 */
export function maySeeExploitationChild(props: Parameters<typeof canSeeChild>[0]): boolean {
	if (props.viewer.role === 'parent' || props.viewer.role === 'child') return false;
	return canSeeChild(props);
}

/**
 * May the viewer refer children to the exploitation group at all (each child still only one they
 * may see, `maySeeExploitationChild`)? Any agency's or the unit's staff; never a parent or child.
 */
export function mayReferToExploitationGroup(viewer: Viewer): boolean {
	return viewer.role !== 'parent' && viewer.role !== 'child';
}

/**
 * May the viewer keep the group's items: put referred children on a sitting's agenda, record
 * what each agency found and the output, and send it to the case holder? The unit's chairs and
 * business support (who see every child of the unit).
 */
export function mayKeepExploitationItems(viewer: Viewer): boolean {
	return mayManageFamilies(viewer);
}

/**
 * The register of persons of concern is restricted: only the unit's chairs and managers read it
 * or add to it. Not business support, not the agencies' professionals at a sitting (the police
 * keep their own intelligence), never parents or children, never any family's view or document.
 */
export function mayReadPersonsOfConcern(viewer: Viewer): boolean {
	return (viewer.role === 'chair' || viewer.role === 'manager') && viewer.unitId !== null;
}

/**
 * May the viewer work the unit's foster carers and their annual reviews (issue 25,
 * `/foster-carers`, `/api/foster-carers`, `/api/foster-reviews/…`): record a carer, ask and chase
 * the review's reports, record the recommendation to the fostering panel? The unit's chairs (its
 * reviewing officers), business support and managers, for their own unit's carers only. Never
 * parents or children (birth parents are never part of a carer's review), never professionals.
 * Without a unit: may the viewer work their own unit's carers at all?
 */
export function mayWorkFosterCarers(viewer: Viewer, carerUnitId?: string | null): boolean {
	const role = viewer.role === 'chair' || viewer.role === 'admin' || viewer.role === 'manager';
	if (!role || viewer.unitId === null) return false;
	return carerUnitId === undefined || carerUnitId === viewer.unitId;
}

/** Does a meeting of this kind have a family view (parents and the child invited, their documents)? */
export function kindHasFamilyView(kind: MeetingKind): boolean {
	return !(professionalOnlyKinds as readonly MeetingKind[]).includes(kind);
}

/**
 * May someone be put on a meeting of this kind's list in this meeting role? In a kind with no
 * family view, only professionals and the unit's staff: never a parent or carer, the child, their
 * advocate or an interpreter for the family, whatever their account.
 */
export function mayJoinKind(props: { kind: MeetingKind; meetingRole: MeetingRole }): boolean {
	if (kindHasFamilyView(props.kind)) return true;
	return (
		props.meetingRole === 'chair' ||
		props.meetingRole === 'minute-taker' ||
		props.meetingRole === 'professional' ||
		props.meetingRole === 'observer'
	);
}
