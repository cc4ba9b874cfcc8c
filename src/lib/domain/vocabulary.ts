/**
 * The unit's words for meetings and people, each list defined once: the database schema stores
 * these values, and the domain, the policy, the wording and the pages all use these lists and
 * types. Changing a value here changes what is stored, so it needs a migration.
 */

/** The kinds of meeting the unit runs; each has a template in ./templates. */
export const meetingKinds = [
	'initial-conference',
	'review-conference',
	'core-group',
	'cic-review',
	'cin-review',
	'life-appreciation-day',
	'disruption-meeting'
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

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
	'observer'
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
export const userRoles = ['chair', 'admin', 'professional', 'parent', 'manager', 'child'] as const;
export type UserRole = (typeof userRoles)[number];

/** Who a meeting document is written for: professionals, or the family (parents, carers, the child). */
export const documentAudienceNames = ['professionals', 'family'] as const;
export type DocumentAudience = (typeof documentAudienceNames)[number];

/** Where a chair's challenge to another agency's practice stands (the unit's escalation policy). */
export const challengeStages = ['informal', 'formal', 'escalated', 'resolved'] as const;
export type ChallengeStage = (typeof challengeStages)[number];

/** Who answers a meeting's feedback, as the figures count them (issue 27): never the person. */
export const feedbackRespondents = ['parent', 'child', 'professional'] as const;
export type FeedbackRespondent = (typeof feedbackRespondents)[number];
