/**
 * What every generator reads: the meeting's facts, its people, its template and the frozen
 * record. Plain data, so generators are pure and unit-tested without a database or a socket.
 */
import type { RecordSnapshot } from '../collab/record-shape';
import {
	isPresent,
	listInWords,
	tallyDecisions,
	type Attendance,
	type ChairOutcome,
	type ChildTally,
	type EndConfirmation,
	type MeetingKind,
	type QuorumVerdict,
	type MeetingRole,
	type MeetingTemplate,
	type RecordedDecision
} from '../domain';
import type { RiskConcern } from './model';
import { meetingRoleLabel } from '../domain/labels';
import type { ReportEntry } from '../domain/report-register';
import type { ChildRiskHistory } from '../risk/history';

export interface DocumentParticipant {
	id: string;
	name: string;
	role: MeetingRole;
	/** The agency's name, e.g. "Police"; null for parents and the unit. */
	agency: string | null;
	attendance: Attendance;
	/** Marked as arriving after the register was taken. */
	arrivedLate?: boolean;
	/** A professional who votes on the meeting's decision. */
	voting?: boolean;
	reportRequested: boolean;
	reportReceived: boolean;
	reportSharedWithParents: boolean;
}

/** One paragraph of rich text and the names of the people who wrote it. */
export interface AuthoredParagraph {
	text: string;
	authors: string[];
}

export interface DocumentInput {
	meeting: {
		id: string;
		kind: MeetingKind;
		title: string;
		/** The meeting's calendar date, YYYY-MM-DD. */
		date: string;
		children: { id: string; name: string }[];
		chairName: string;
	};
	participants: DocumentParticipant[];
	template: MeetingTemplate;
	record: RecordSnapshot;
	/** Rich-text paragraphs by root name: `contribution:{participantId}`, `section:{key}`. */
	paragraphs: Record<string, AuthoredParagraph[]>;
	/** Restricted (third-party) paragraphs by participant id: never in a family document. */
	restricted: Record<string, string[]>;
	/** Each child's score history across earlier meetings, for the risk plot (optional). */
	riskHistory?: ChildRiskHistory[];
	/**
	 * The meeting's one register of reports (../domain/report-register): asked for, received,
	 * shared with the parents and when. The participants' report fields agree with it.
	 */
	reports?: ReportEntry[];
	/** For a kind with a quorum (conferences): whether the register says it could decide. */
	quorum?: QuorumVerdict | null;
	/** What End meeting warned of and the chair's reason for ending all the same; null if nothing. */
	endConfirmation?: EndConfirmation | null;
}

/**
 * The generator's name and version, stored with every document (1.1: the child's own words in
 * the family's plan; 1.2: the register as taken, the quorum, honest counts and the chair's why;
 * actions as who / what / by when, and the one register of reports).
 */
export const generatorName = 'roundtable-documents';
export const generatorVersion = '1.2.0';

export function childNames(input: DocumentInput): string {
	return listInWords(input.meeting.children.map((c) => c.name));
}

export function childName(input: DocumentInput, childId: string): string {
	return input.meeting.children.find((c) => c.id === childId)?.name ?? 'the child';
}

export function participantById(input: DocumentInput, id: string): DocumentParticipant | undefined {
	return input.participants.find((p) => p.id === id);
}

/** "Sam Okafor (Children's Social Care)" — for professionals' documents. */
export function nameWithAgency(p: DocumentParticipant): string {
	return p.agency ? `${p.name} (${p.agency})` : `${p.name} (${roleWords(p.role)})`;
}

/** A meeting role in lower case, after a name: "parent or carer". */
export const roleWords = (role: MeetingRole): string => meetingRoleLabel[role].toLowerCase();

/** The decisions about each child with the chair's outcome and the dissent. */
export function decisionTallies(input: DocumentInput): ChildTally[] {
	const recorded: RecordedDecision[] = [];
	for (const [participantId, byChild] of Object.entries(input.record.decisions)) {
		for (const [childId, d] of Object.entries(byChild)) {
			recorded.push({ participantId, childId, recommendation: d.recommendation, reason: d.reason });
		}
	}
	const outcomes: ChairOutcome[] = Object.entries(input.record.outcomes).map(([childId, o]) => ({
		childId,
		outcome: o.outcome,
		...(o.category ? { category: o.category } : {}),
		reason: o.reason
	}));
	// The voters the register says were there; one it was not taken for may have been, so they
	// count too (and are named if they gave no view): a count is never unanimous by omission.
	const voters = input.participants
		.filter((p) => p.voting && (isPresent(p.attendance) || p.attendance === 'invited'))
		.map((p) => p.id);
	const tallies = tallyDecisions(recorded, outcomes, voters);
	// Every child of the meeting appears, in the meeting's order, even with nothing recorded.
	return input.meeting.children.map(
		(child) =>
			tallies.find((t) => t.childId === child.id) ?? {
				childId: child.id,
				plan: 0,
				noPlan: 0,
				outcome: null,
				votersPresent: voters.length,
				gaveView: 0,
				noView: voters,
				unanimous: false,
				decisions: [],
				dissent: []
			}
	);
}

/** Each concern with every score given in this meeting: the risk plot's data. */
export function riskConcerns(input: DocumentInput): RiskConcern[] {
	return input.record.concerns.map((concern) => {
		const scores = input.participants
			.filter((p) => input.record.ratings[p.id]?.[concern.id] !== undefined)
			.map((p) => ({ name: p.name, score: input.record.ratings[p.id][concern.id] }));
		const values = scores.map((s) => s.score);
		return {
			id: concern.id,
			childName: childName(input, concern.childId),
			title: concern.title,
			scores,
			lowest: values.length ? Math.min(...values) : null,
			highest: values.length ? Math.max(...values) : null
		};
	});
}

/** The plan's actions grouped under their outcomes, in the record's order. */
export function planByOutcome(input: DocumentInput) {
	const { outcomes, actions } = input.record.plan;
	const grouped = outcomes.map((outcome) => ({
		outcome,
		actions: actions.filter((a) => a.outcomeId === outcome.id)
	}));
	const loose = actions.filter((a) => !outcomes.some((o) => o.id === a.outcomeId));
	return { grouped, loose };
}

/** The rich-text paragraphs of one root (empty when nobody wrote there). */
export function paragraphsOf(input: DocumentInput, root: string): AuthoredParagraph[] {
	return input.paragraphs[root] ?? [];
}
