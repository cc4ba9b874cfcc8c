/**
 * The unit's words for meetings, people, documents, mail and the live record's channels, each
 * list defined once: the database schema stores these values, and the domain, the policy, the
 * wording and the pages all use these lists and types. What each value is called on screen is in
 * ./labels.ts. Changing a value here changes what is stored, so it needs a migration.
 * (`vocabulary.test.ts` fails when a list or a label map is typed out again elsewhere in `src/`.)
 */

/** The kinds of meeting the unit runs; each has a template in ./templates. */
export const meetingKinds = [
	'initial-conference',
	'review-conference',
	'core-group',
	'cic-review',
	'cin-review',
	'life-appreciation-day',
	'disruption-meeting',
	/** A Regulation 33 visit to a children's home (issue 25): a visit record of its own, no children. */
	'reg33-visit',
	'exploitation-group',
	'foster-carer-review',
	'lado-strategy',
	'missing-from-home'
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/**
 * Kinds of meeting with no family view (issue 25): the allegation strategy meeting (everything in
 * it is restricted), the missing from home meeting, and the exploitation group (the agencies'
 * meeting, about many families' children at once). No parent, carer or child is invited to one,
 * so none can reach it, its documents, its reports or its plan (the policy's `kindHasFamilyView`).
 */
export const professionalOnlyKinds = [
	'lado-strategy',
	'missing-from-home',
	'exploitation-group'
] as const satisfies readonly MeetingKind[];

/** Where a meeting is in its life. */
export const meetingStatuses = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** The part a person plays in one meeting (not their role in the unit). */
export const meetingRoles = [
	'chair',
	'minute-taker',
	'professional',
	'parent',
	'child',
	'advocate',
	'observer',
	// Interprets for the family (issue 26): reads what the family reads, writes nothing.
	'interpreter'
] as const;
export type MeetingRole = (typeof meetingRoles)[number];

/**
 * The register: whether an invited person came. `invited` means the register was not taken for
 * them; every other state is what the chair or minute-taker recorded. (Before issue 21 the one
 * "here" state was `attended`; migration 0017 made those rows `present`.)
 */
export const attendanceStates = [
	'invited',
	'present',
	'present-online',
	'apologies',
	'absent',
	'left-early'
] as const;
export type Attendance = (typeof attendanceStates)[number];

/** The states the register records (everything but "not taken yet"): the attendance API's words. */
export const registerStates = [
	'present',
	'present-online',
	'apologies',
	'absent',
	'left-early'
] as const satisfies readonly Attendance[];
export type RegisterState = (typeof registerStates)[number];

/**
 * The roles a person holds in the unit; a meeting gives each participant a meeting role too. A
 * `child` account is a child's own (issue 27): signed into with a username, made from the
 * child's record by their reviewing officer or the unit, never on People and agencies.
 */
export const userRoles = [
	'chair',
	'admin',
	'professional',
	'parent',
	'manager',
	'child',
	// The unit's designated officer for allegations against adults who work with children (the
	// LADO, issue 25): works the unit's allegations, and nothing else a chair does.
	'lado'
] as const;
export type UserRole = (typeof userRoles)[number];

/** Who a meeting document is written for: professionals, or the family (parents, carers, the child). */
export const documentAudienceNames = ['professionals', 'family'] as const;
export type DocumentAudience = (typeof documentAudienceNames)[number];

/** Where a chair's challenge to another agency's practice stands (the unit's escalation policy). */
export const challengeStages = ['informal', 'formal', 'escalated', 'resolved'] as const;
export type ChallengeStage = (typeof challengeStages)[number];

/**
 * What an allegation against an adult who works with children says happened (issue 25, the
 * LADO's categories): physical, sexual or emotional harm, neglect, or conduct that suggests the
 * adult may not be safe to work with children.
 */
export const allegationNatures = ['physical', 'sexual', 'emotional', 'neglect', 'conduct'] as const;
export type AllegationNature = (typeof allegationNatures)[number];

/**
 * How an allegation concluded: the four outcomes the unit uses since 2012–13, and "unfounded",
 * kept for cases concluded before then (the annual report, LADO section).
 */
export const allegationOutcomes = [
	'substantiated',
	'unsubstantiated',
	'false',
	'malicious',
	'unfounded'
] as const;
export type AllegationOutcome = (typeof allegationOutcomes)[number];

/** The sector the adult under allegation works in, as the LADO's figures count referrals. */
export const allegationSectors = [
	'education',
	'early-years',
	'health',
	'social-care',
	'foster-care',
	'residential-care',
	'police',
	'faith',
	'sport-and-leisure',
	'voluntary',
	'transport',
	'other'
] as const;
export type AllegationSector = (typeof allegationSectors)[number];

/** What the adult's employer did about an allegation, as the LADO records it (issue 25). */
export const employerActions = [
	'suspension',
	'alternative-duties',
	'investigation',
	'disciplinary-hearing',
	'dismissal',
	'resignation',
	'barring-referral',
	'regulator-referral',
	'no-further-action'
] as const;
export type EmployerAction = (typeof employerActions)[number];

/**
 * What a missing-from-home episode escalates to when the young person is not found within the
 * agreed time (issue 25: a missing-from-home meeting "confirmed the need for a Child Protection
 * Conference in the event of the young person not being found within agreed timescales").
 */
export const missingEscalations = ['strategy-discussion', 'conference'] as const;
export type MissingEscalation = (typeof missingEscalations)[number];

/** Who answers a meeting's feedback, as the figures count them (issue 27): never the person. */
export const feedbackRespondents = ['parent', 'child', 'professional'] as const;
export type FeedbackRespondent = (typeof feedbackRespondents)[number];

/**
 * The documents a meeting makes as it ends (DESIGN §6), as a template lists them in `outputs`.
 * `notes` are the professionals' notes: a draft when made, final once the chair approves them
 * (their kind was `draft-notes` before issue 23; migration 0022 renamed the stored rows, and the
 * JSON contract of issue 6 still answers `draft-notes`: `contractDocumentKind`).
 */
export const meetingOutputs = [
	'plan-24h',
	'notes',
	'parent-plan',
	'child-letter',
	'memory-book',
	'lessons'
] as const;
/** One document a meeting produces as it ends. */
export type MeetingOutput = (typeof meetingOutputs)[number];

/** Every kind of generated document: a meeting's outputs and the family's copy of the notes. */
export const documentKinds = [...meetingOutputs, 'notes-family'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Family documents go to parents, carers and the child; the rest only to professionals. */
export const documentAudiences: Record<DocumentKind, DocumentAudience> = {
	'plan-24h': 'professionals',
	notes: 'professionals',
	'notes-family': 'family',
	lessons: 'professionals',
	'parent-plan': 'family',
	'child-letter': 'family',
	'memory-book': 'family'
};

/**
 * The JSON API's name for a document kind where issue 6's contract names it
 * (`POST /api/meetings/{id}/end`, `GET /api/meetings/{id}/documents`): the notes are `draft-notes`
 * there; every other kind, and every other answer, uses the kind as stored.
 */
export function contractDocumentKind(kind: DocumentKind): string {
	return kind === 'notes' ? 'draft-notes' : kind;
}

/** A document version's way out: the notes go draft → with-chair → final; the rest are final as made. */
export const documentStates = ['draft', 'with-chair', 'final'] as const;
export type DocumentState = (typeof documentStates)[number];

/** Why a message was sent; docs/mail.md says what each one carries. */
export const mailPurposes = [
	'invitation',
	'update',
	'cancellation',
	'reminder',
	'report-request',
	'report-reminder',
	'report-chaser',
	'circulation',
	'document-due',
	'challenge-reminder',
	/** A set-up link for an account the unit made (People and agencies); no meeting. */
	'account-invite',
	/** A reviewing officer's managers told a child's message waits unread (issue 27): no content. */
	'message-waiting',
	/** The advocacy service told of an initial conference about a child over 5 (issue 22). */
	'advocacy-notice',
	/** A placing authority asked to see a child an allegation concerns (issue 25, the LADO). */
	'placing-authority-alert',
	/** A Regulation 33 visit's report to the home's registered manager (issue 25). */
	'reg33-report',
	/** The exploitation group's output for one child, to that child's case holder only (issue 25). */
	'exploitation-output'
] as const;
export type MailPurpose = (typeof mailPurposes)[number];

/** queued: waiting (or waiting to try again); sent: the SMTP server took it; failed: given up. */
export const mailStates = ['queued', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/**
 * What became of one circulated copy (issue 22): queued (waiting or being tried again), sent
 * (handed to the SMTP server, which did not name the recipient), delivered (the SMTP server
 * accepted the recipient), failed (given up after the retries), bounced (refused for good at
 * sending, or a bounce read back), opened (the recipient opened the copy).
 */
export const copyProofs = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'opened'] as const;
export type CopyProof = (typeof copyProofs)[number];

/**
 * A meeting's live record travels on channels, each its own Yjs document: `main` (everyone in
 * the meeting), `restricted` (third-party information, never sent to parents or children) and,
 * after the meeting, `notes` (the professionals' notes business support finalises). A channel is
 * never called a document: "document" is only ever a generated meeting document.
 */
export const channels = ['main', 'restricted', 'notes'] as const;
export type Channel = (typeof channels)[number];

/** The socket's path prefix; a channel's path follows it (`collabUrl`). */
export const collabPath = '/collab';

/**
 * A channel's room under the socket's path (the y-websocket room name): `{meetingId}` for
 * `main`, `{meetingId}/{channel}` for the others.
 */
export function collabRoom(meetingId: string, channel: Channel = 'main'): string {
	return channel === 'main' ? meetingId : `${meetingId}/${channel}`;
}

/** A channel's socket path: `/collab/{meetingId}`, `/collab/{meetingId}/restricted`, `/collab/{meetingId}/notes`. */
export function collabUrl(meetingId: string, channel: Channel = 'main'): string {
	return `${collabPath}/${collabRoom(meetingId, channel)}`;
}

/**
 * What an agency found in its own records about a child referred to the exploitation group
 * (issue 25; annual report 4.6): the child known to it directly, known by association (through
 * someone or somewhere), or not known.
 */
export const exploitationFindings = [
	'known-directly',
	'known-by-association',
	'not-known'
] as const;
export type ExploitationFinding = (typeof exploitationFindings)[number];

/**
 * The reports a foster carer review gathers, in the order they are asked (issue 25): each placed
 * child's social worker's report, then the supervising social worker's (asked only once the
 * children's social workers' reports are in), the carer's own view and each child's view.
 */
export const fosterReportKinds = [
	'child-social-worker',
	'supervising-social-worker',
	'carer-view',
	'child-view'
] as const;
export type FosterReportKind = (typeof fosterReportKinds)[number];

/** Where one report of a foster carer review stands (issue 25). */
export const fosterReportStates = ['not-yet-requested', 'requested', 'received', 'late'] as const;
export type FosterReportState = (typeof fosterReportStates)[number];

/** The reviewing officer's recommendation to the fostering panel after a foster carer review. */
export const fosterRecommendations = ['continue', 'change-terms', 'end-approval'] as const;
export type FosterRecommendation = (typeof fosterRecommendations)[number];
