/**
 * A meeting kind as data: its agenda, who is expected, what it decides and what it produces.
 * A unit can add a kind by writing a template; validateTemplate checks it follows the rules.
 */
import type { MeetingKind, MeetingOutput, MeetingRole } from '../vocabulary';
import type { QuorumRule } from '../register';
import type { timescales } from '../timescales';

/** A timescale rule by its name in ../timescales.ts (`icpc`, `firstCoreGroup`, …). */
export type TimescaleName = keyof typeof timescales;

/**
 * A root of the live record that a section owns (see src/lib/collab/roots.ts):
 * - `section:{key}` — the section's shared notes (its key must be the section's own key);
 * - `contribution:*`, `decision:*`, `ratings:*` — the root of *each participant who speaks in
 *   this section*, so the parents' section shows the parents' contributions and the
 *   professionals' section the professionals';
 * - `plan` — the plan (or recommendations).
 * `meta` is the chair's and server's and is never owned by a section.
 */
export type SectionRoot =
	`section:${string}` | 'contribution:*' | 'decision:*' | 'ratings:*' | 'plan';

/**
 * What may follow the colon in a root's name, a section key or a participant id: 1–64 letters,
 * digits, '-' or '_'. The record's root names (src/lib/collab/roots.ts) follow this one rule.
 */
export const rootKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The participant-root patterns: one root per participant who speaks in the section. */
export const participantRootPatterns = ['contribution:*', 'decision:*', 'ratings:*'] as const;

/** One item of the agenda. */
export type TemplateSection = {
	/** Stable key: names the `section:{key}` root, so letters, digits, '-' and '_' only. */
	key: string;
	/** The heading for professionals and on the chair's screen. */
	title: string;
	/** The heading in plain words, for the family view and the parent plan. */
	familyTitle: string;
	/**
	 * The heading in a child's own words, for a child invited to the meeting (issue 27), where
	 * the family's heading speaks to the parents ("What your child says" → "What you told us").
	 */
	childTitle?: string;
	/** What the chair says or asks to open the section. */
	prompt: string;
	/** The meeting roles who speak (and write) in this section. */
	speakers: readonly MeetingRole[];
	/** The roots of the live record this section shows and edits. */
	roots: readonly SectionRoot[];
	/** Whether a passage here may be marked restricted (kept from parents and the child). */
	restrictedAllowed?: boolean;
};

/** Someone the meeting expects; `who` names the person or agency for the invitation list. */
export type ExpectedParticipant = {
	role: MeetingRole;
	who: string;
	required: boolean;
	/** Why they are expected or when, e.g. "offered to every child over 5". */
	note?: string;
};

/** One option of a decision, in professional and in plain words. */
export type DecisionOption = { value: string; label: string; familyLabel: string };

/** A decision the meeting takes: who gives a view with a reason, and who records the outcome. */
export type TemplateDecision = {
	/** 'child-protection-plan' is the conference decision checked by decisions.ts. */
	key: string;
	question: string;
	familyQuestion: string;
	/** One decision for each child (a sibling group gets one each). */
	perChild: boolean;
	options: readonly DecisionOption[];
	/** Who records their own view, each with a reason ("decision, then why?"). */
	voters: readonly MeetingRole[];
	/** The chair records the outcome. */
	outcomeBy: 'chair';
	/** Categories the chair chooses from when the outcome is 'plan'. */
	categories?: readonly string[];
};

/** A meeting kind: its agenda in order, who is expected, what it decides and what it makes. */
export type MeetingTemplate = {
	kind: MeetingKind;
	/** The name professionals use. */
	label: string;
	/** The name in plain words, for invitations and the family view. */
	familyLabel: string;
	/** One sentence on what the meeting is for, in plain words. */
	purpose: string;
	/** The name and purpose in a child's own words, where the family's speak about "the child" (issue 27). */
	childLabel?: string;
	childPurpose?: string;
	sections: readonly TemplateSection[];
	expectedParticipants: readonly ExpectedParticipant[];
	decisions: readonly TemplateDecision[];
	outputs: readonly MeetingOutput[];
	/** When the meeting may decide (conferences); a unit may set its own minimum. None: no quorum. */
	quorum?: QuorumRule;
	/**
	 * The statutory timescales that make a meeting of this kind due for a child (the child's
	 * clocks count them: ../child-clocks.ts). None: its cadence belongs to its case (a home's
	 * monthly visit, a carer's annual review) or it is held when needed.
	 */
	timescales?: readonly TimescaleName[];
};
