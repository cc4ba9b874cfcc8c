/**
 * The child-journey risk plotter's data (DESIGN §5): for one child, each concern's scores across
 * the meetings about the child, in date order, with the professionals' median and spread, the
 * parents' own scores kept apart, and the line to reach (10: safe enough). Pure TypeScript: the
 * server assembles it from stored records, the meeting room appends its live scores, the SVG
 * plot, the documents and the text alternative all read it.
 */
import type { Concern } from '../collab/record-shape';
import type { MeetingKind, MeetingRole } from '../domain/vocabulary';
import { scoreGroupOf, type ScoreGroup } from '../domain/plain-words';

/** 10 on the 0–10 scale: safe enough that no one needs to worry (Signs of Safety). */
export const SAFE_ENOUGH = 10;

/** One person's score at one meeting. */
export interface HistoryScore {
	participantId: string;
	name: string;
	role: MeetingRole;
	group: ScoreGroup;
	score: number;
}

/** The professionals' scores at one meeting, summarised. */
export interface Spread {
	median: number;
	low: number;
	high: number;
	count: number;
}

/** One concern at one meeting: everyone's scores and their summary. */
export interface ConcernPoint {
	meetingId: string;
	/** The meeting's calendar date, YYYY-MM-DD. */
	date: string;
	kind: MeetingKind;
	/** True for the meeting happening now (its scores are live). */
	live: boolean;
	scores: HistoryScore[];
	professionals: Spread | null;
	parents: HistoryScore[];
	child: HistoryScore[];
}

/** One concern across the child's meetings. */
export interface ConcernHistory {
	concernId: string;
	childId: string;
	title: string;
	safetyGoal: string;
	status: Concern['status'];
	/** The score to reach: 10 (safe enough). */
	goal: number;
	points: ConcernPoint[];
}

/** A meeting about the child, on the plot's x axis. */
export interface HistoryMeeting {
	id: string;
	date: string;
	kind: MeetingKind;
	live: boolean;
}

/** The plot's data for one child: their meetings in order and each concern over them. */
export interface ChildRiskHistory {
	childId: string;
	childName: string;
	meetings: HistoryMeeting[];
	concerns: ConcernHistory[];
}

/** One meeting's record as the history needs it: its facts, concerns, scores and people. */
export interface MeetingScores {
	meeting: { id: string; date: string; kind: MeetingKind; live?: boolean; scheduledAt?: string };
	concerns: readonly Concern[];
	/** participantId → concernId → 0..10 */
	ratings: Readonly<Record<string, Readonly<Record<string, number>>>>;
	participants: readonly { id: string; name: string; role: MeetingRole }[];
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	if (!values.length) throw new RangeError('The median of no values is undefined.');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, lowest and highest of the professionals' scores; null when none scored. */
export function spreadOf(values: readonly number[]): Spread | null {
	if (!values.length) return null;
	return {
		median: median(values),
		low: Math.min(...values),
		high: Math.max(...values),
		count: values.length
	};
}

function pointOf(source: MeetingScores, concernId: string): ConcernPoint {
	const scores: HistoryScore[] = [];
	for (const person of source.participants) {
		const score = source.ratings[person.id]?.[concernId];
		if (typeof score !== 'number' || score < 0 || score > 10) continue;
		scores.push({
			participantId: person.id,
			name: person.name,
			role: person.role,
			group: scoreGroupOf(person.role),
			score
		});
	}
	return {
		meetingId: source.meeting.id,
		date: source.meeting.date,
		kind: source.meeting.kind,
		live: source.meeting.live === true,
		scores,
		professionals: spreadOf(scores.filter((s) => s.group === 'workers').map((s) => s.score)),
		parents: scores.filter((s) => s.group === 'family'),
		child: scores.filter((s) => s.group === 'child')
	};
}

function byDate(a: MeetingScores, b: MeetingScores): number {
	const key = (m: MeetingScores) => `${m.meeting.date} ${m.meeting.scheduledAt ?? ''}`;
	return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * Assembles one child's score history: per concern (matched by id across meetings, the card's
 * words from the latest meeting that has it), a point for every meeting whose record holds the
 * concern, in date order. Concerns about other children are left out.
 */
export function scoreHistory(props: {
	childId: string;
	childName: string;
	meetings: readonly MeetingScores[];
}): ChildRiskHistory {
	const { childId, childName } = props;
	const ordered = [...props.meetings].sort(byDate);
	const concerns = new Map<string, ConcernHistory>();
	for (const source of ordered) {
		const seen = new Set<string>();
		for (const concern of source.concerns) {
			if (concern.childId !== childId || seen.has(concern.id)) continue;
			seen.add(concern.id);
			const entry = concerns.get(concern.id) ?? {
				concernId: concern.id,
				childId,
				title: '',
				safetyGoal: '',
				status: concern.status,
				goal: SAFE_ENOUGH,
				points: []
			};
			entry.title = concern.title || entry.title;
			entry.safetyGoal = concern.safetyGoal || entry.safetyGoal;
			entry.status = concern.status;
			entry.points.push(pointOf(source, concern.id));
			concerns.set(concern.id, entry);
		}
	}
	return {
		childId,
		childName,
		meetings: ordered.map((m) => ({
			id: m.meeting.id,
			date: m.meeting.date,
			kind: m.meeting.kind,
			live: m.meeting.live === true
		})),
		concerns: [...concerns.values()]
	};
}

/**
 * The history with one meeting's record put in place of what the server knew of it (the
 * meeting room's live scores): earlier meetings come from the server, this one from the socket.
 */
export function withMeeting(history: ChildRiskHistory, meeting: MeetingScores): ChildRiskHistory {
	const others = history.concerns.map((c) => ({
		...c,
		points: c.points.filter((p) => p.meetingId !== meeting.meeting.id)
	}));
	const rebuilt: MeetingScores[] = history.meetings
		.filter((m) => m.id !== meeting.meeting.id)
		.map((m) => ({
			meeting: m,
			concerns: others
				.filter((c) => c.points.some((p) => p.meetingId === m.id))
				.map((c) => concernOf(c)),
			ratings: ratingsOf(others, m.id),
			participants: participantsOf(others, m.id)
		}));
	const next = scoreHistory({
		childId: history.childId,
		childName: history.childName,
		meetings: [
			...rebuilt,
			{ ...meeting, meeting: { ...meeting.meeting, live: meeting.meeting.live ?? true } }
		]
	});
	// The card's words come from this meeting when it has the concern, else from the history.
	return next;
}

function concernOf(c: ConcernHistory): Concern {
	return {
		id: c.concernId,
		childId: c.childId,
		title: c.title,
		safetyGoal: c.safetyGoal,
		status: c.status,
		dayToDay: '',
		impactNow: '',
		impactLater: '',
		childSays: '',
		raisedInMeetingId: null
	};
}

function ratingsOf(
	concerns: ConcernHistory[],
	meetingId: string
): Record<string, Record<string, number>> {
	const out: Record<string, Record<string, number>> = {};
	for (const c of concerns) {
		for (const s of c.points.find((p) => p.meetingId === meetingId)?.scores ?? [])
			(out[s.participantId] ??= {})[c.concernId] = s.score;
	}
	return out;
}

function participantsOf(concerns: ConcernHistory[], meetingId: string) {
	const people = new Map<string, { id: string; name: string; role: MeetingRole }>();
	for (const c of concerns) {
		for (const s of c.points.find((p) => p.meetingId === meetingId)?.scores ?? [])
			people.set(s.participantId, { id: s.participantId, name: s.name, role: s.role });
	}
	return [...people.values()];
}
