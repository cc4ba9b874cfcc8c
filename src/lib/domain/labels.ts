/**
 * What the unit calls each value of its vocabularies (./vocabulary.ts) on screen, in documents
 * and in mail: every label map defined once, here. The pages, the components, the server and the
 * generators import these; none types a label map of its own (`vocabulary.test.ts` checks).
 */
import type {
	AllegationNature,
	AllegationOutcome,
	AllegationSector,
	EmployerAction,
	Attendance,
	ChallengeStage,
	CopyProof,
	DocumentKind,
	DocumentState,
	FeedbackRespondent,
	FosterRecommendation,
	FosterReportKind,
	FosterReportState,
	MissingEscalation,
	MailPurpose,
	MailState,
	MeetingKind,
	MeetingRole,
	MeetingStatus
} from './vocabulary';
import type { ExploitationFinding } from './vocabulary';

/**
 * What the unit calls each kind of meeting: one name each, in lists, headings, calendars and the
 * documents (the templates take their `label` from here).
 */
export const meetingKindLabel: Record<MeetingKind, string> = {
	'initial-conference': 'Initial child protection conference',
	'review-conference': 'Review child protection conference',
	'core-group': 'Core group meeting',
	'cic-review': 'Child in care review',
	'cin-review': 'Child in need review',
	'life-appreciation-day': 'Life Appreciation Day',
	'disruption-meeting': 'Disruption meeting',
	'reg33-visit': 'Regulation 33 visit',
	'exploitation-group': 'Exploitation operational group',
	'foster-carer-review': 'Foster carer review',
	'lado-strategy': 'Allegation strategy meeting',
	'missing-from-home': 'Missing from home meeting'
};

/** The same names shortened to fit the risk plot's axis ("9 Dec · Core group"). */
export const meetingKindShortLabel: Record<MeetingKind, string> = {
	'initial-conference': 'Conference',
	'review-conference': 'Review conference',
	'core-group': 'Core group',
	'cic-review': 'Care review',
	'cin-review': 'CIN review',
	'life-appreciation-day': 'Life day',
	'disruption-meeting': 'Disruption mtg',
	'reg33-visit': 'Reg 33 visit',
	'exploitation-group': 'Exploitation group',
	'foster-carer-review': 'Carer review',
	'lado-strategy': 'LADO strategy',
	'missing-from-home': 'Missing mtg'
};

/** The same in the family's words (the glossary's plain terms, shortened). */
export const meetingKindPlainLabel: Record<MeetingKind, string> = {
	'initial-conference': 'First safety meeting',
	'review-conference': 'Check-up meeting',
	'core-group': 'Plan meeting',
	'cic-review': 'Care meeting',
	'cin-review': 'Help meeting',
	'life-appreciation-day': 'Life story day',
	'disruption-meeting': 'Meeting',
	'reg33-visit': 'Visit to the home',
	'exploitation-group': 'Meeting',
	'foster-carer-review': 'Foster carer review',
	'lado-strategy': 'Meeting',
	'missing-from-home': 'Meeting about being missing'
};

export const meetingStatusLabel: Record<MeetingStatus, string> = {
	scheduled: 'Scheduled',
	live: 'Happening now',
	ended: 'Ended',
	cancelled: 'Cancelled'
};

/** A meeting role's name; documents write it in lower case after a name ("Jo (parent or carer)"). */
export const meetingRoleLabel: Record<MeetingRole, string> = {
	chair: 'Chair',
	'minute-taker': 'Minute-taker',
	professional: 'Professional',
	parent: 'Parent or carer',
	child: 'Child or young person',
	advocate: 'Advocate',
	observer: 'Observer',
	interpreter: 'Interpreter'
};

export const attendanceLabel: Record<Attendance, string> = {
	invited: 'Not recorded yet',
	present: 'Here in the room',
	'present-online': 'Here online',
	apologies: 'Sent apologies',
	absent: 'Did not come',
	'left-early': 'Left early'
};

/** The register as a document records it; "not recorded" only where it truly was not taken. */
export const attendanceInDocuments: Record<Attendance, string> = {
	invited: 'not recorded',
	present: 'present in the room',
	'present-online': 'present online',
	apologies: 'sent apologies',
	absent: 'did not attend',
	'left-early': 'left early'
};

/** The name of each kind of document, for lists, links and mail. */
export const documentKindLabel: Record<DocumentKind, string> = {
	'plan-24h': '24-hour plan',
	// Draft to final: the state is shown beside it (a final version is not a draft).
	// The two copies of the notes, named so nobody can confuse them (issue 22).
	notes: 'Professionals’ notes (restricted)',
	'notes-family': 'Notes for the family',
	'parent-plan': 'Plan for the family',
	'child-letter': 'Letter to the child',
	'memory-book': 'Memory book',
	lessons: 'Lessons and recommendations'
};

/** A document version's state, as a list shows it ("Draft"; in a sentence, lower case). */
export const documentStateLabel: Record<DocumentState, string> = {
	draft: 'Draft',
	'with-chair': 'With the chair',
	final: 'Final'
};

/** The same at more length, where the notes page says where they stand. */
export const documentStateDescription: Record<DocumentState, string> = {
	draft: 'Draft: business support is finalising them',
	'with-chair': 'With the chair for approval',
	final: 'Final: approved by the chair'
};

/** The state inside a sentence: "They are a draft", "They are with the chair". */
export const documentStateInSentence: Record<DocumentState, string> = {
	draft: 'a draft',
	'with-chair': 'with the chair',
	final: 'final'
};

/** Why a message was sent, as the outbox lists it. */
export const mailPurposeLabel: Record<MailPurpose, string> = {
	invitation: 'Invitation',
	update: 'Meeting moved',
	cancellation: 'Meeting cancelled',
	reminder: 'Reminder',
	'report-request': 'Report request',
	'report-reminder': 'Report reminder',
	'report-chaser': 'Report chaser',
	'document-due': 'Document due soon',
	circulation: 'Document sent',
	'challenge-reminder': 'Challenge reminder',
	'account-invite': 'Set-up link',
	'message-waiting': 'A child’s message waiting',
	'advocacy-notice': 'Advocacy notice',
	'placing-authority-alert': 'Placing authority asked to see a child',
	'reg33-report': 'Regulation 33 visit report',
	'exploitation-output': 'Exploitation group output to a case holder'
};

export const mailStateLabel: Record<MailState, string> = {
	queued: 'Waiting to send',
	sent: 'Sent',
	failed: 'Not sent'
};

/** What became of a circulated copy, on the meeting page's list of who was sent what. */
export const copyProofLabel: Record<CopyProof, string> = {
	queued: 'Waiting to send',
	sent: 'Sent',
	delivered: 'Delivered',
	opened: 'Opened',
	failed: 'Failed: not delivered',
	bounced: 'Bounced'
};

/** Where a challenge stands; a challenge only moves forward (resolving is allowed from any stage). */
export const challengeStageLabel: Record<ChallengeStage, string> = {
	informal: 'Raised informally',
	formal: 'Formal dispute',
	escalated: 'Escalated to a manager',
	resolved: 'Resolved'
};

/** What an allegation against an adult says happened (issue 25). */
export const allegationNatureLabel: Record<AllegationNature, string> = {
	physical: 'Physical harm',
	sexual: 'Sexual abuse',
	emotional: 'Emotional harm',
	neglect: 'Neglect',
	conduct: 'Conduct that may make them unsafe with children'
};

/** How an allegation concluded ("unfounded" only for cases concluded before 2013). */
export const allegationOutcomeLabel: Record<AllegationOutcome, string> = {
	substantiated: 'Substantiated',
	unsubstantiated: 'Unsubstantiated',
	false: 'False',
	malicious: 'Malicious',
	unfounded: 'Unfounded (cases before 2013)'
};

/** The sector the adult under allegation works in. */
export const allegationSectorLabel: Record<AllegationSector, string> = {
	education: 'Education',
	'early-years': 'Early years and childcare',
	health: 'Health',
	'social-care': "Children's social care",
	'foster-care': 'Foster care',
	'residential-care': "Children's homes",
	police: 'Police',
	faith: 'Faith groups',
	'sport-and-leisure': 'Sport and leisure',
	voluntary: 'Voluntary groups',
	transport: 'Transport',
	other: 'Another sector'
};

/** What the adult's employer did about an allegation (issue 25). */
export const employerActionLabel: Record<EmployerAction, string> = {
	suspension: 'Suspended',
	'alternative-duties': 'Moved to other duties',
	investigation: 'Investigation by the employer',
	'disciplinary-hearing': 'Disciplinary hearing',
	dismissal: 'Dismissed',
	resignation: 'Resigned',
	'barring-referral': 'Referred to the Disclosure and Barring Service',
	'regulator-referral': 'Referred to their professional regulator',
	'no-further-action': 'No further action by the employer'
};

/** Who answered a meeting's feedback, as the figures count them (issue 27). */
export const feedbackRespondentLabel: Record<FeedbackRespondent, string> = {
	parent: 'Parents and carers',
	child: 'Children',
	professional: 'Professionals'
};

/** What a missing-from-home episode escalates to when the young person is not found in time. */
export const missingEscalationLabel: Record<MissingEscalation, string> = {
	'strategy-discussion': 'Strategy discussion',
	conference: 'Child protection conference'
};

/** What an agency found about a child referred to the exploitation group (issue 25). */
export const exploitationFindingLabel: Record<ExploitationFinding, string> = {
	'known-directly': 'Known directly',
	'known-by-association': 'Known by association',
	'not-known': 'Not known'
};

/** The reports of a foster carer review (issue 25), as the carer's page lists them. */
export const fosterReportKindLabel: Record<FosterReportKind, string> = {
	'child-social-worker': 'Child’s social worker’s report',
	'supervising-social-worker': 'Supervising social worker’s report',
	'carer-view': 'The carer’s own view',
	'child-view': 'The child’s view'
};

/** Where a foster carer review's report stands. */
export const fosterReportStateLabel: Record<FosterReportState, string> = {
	'not-yet-requested': 'Not yet requested',
	requested: 'Requested',
	received: 'Received',
	late: 'Late'
};

/** The reviewing officer's recommendation to the fostering panel. */
export const fosterRecommendationLabel: Record<FosterRecommendation, string> = {
	continue: 'Approval continues on the same terms',
	'change-terms': 'Approval continues with changed terms',
	'end-approval': 'Approval ends'
};
