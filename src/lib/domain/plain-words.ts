/**
 * Plain words, one set for every screen and document: dates, names and lists as words, scores
 * as words and short summaries, plan actions as "who will do what by when" sentences, and
 * clock durations. Pure: the live views and the document generators pass plain data in.
 */
import { formatCalendarDate, isCalendarDate, type CalendarDate } from './calendar-date';
import type { MeetingRole } from './vocabulary';

/**
 * A calendar date in words, e.g. "Friday 8 January 2027"; with `today` (the live views, read on
 * the day) the year is left out when it is `today`'s. Text that is not a date comes back as
 * written, trimmed; an empty date reads "not set", so a document's sentence or table cell
 * never has a hole where the date should be.
 */
export function dateInWords(date: string, today?: CalendarDate): string {
	const trimmed = String(date).trim();
	if (!trimmed) return 'not set';
	if (!isCalendarDate(trimmed)) return trimmed;
	const full = formatCalendarDate(trimmed);
	if (today && isCalendarDate(today) && today.slice(0, 4) === trimmed.slice(0, 4)) {
		return full.replace(/ \d{4}$/, '');
	}
	return full;
}

/** A 0–10 score in words (10: no one needs to worry; 0: the child is sure to be hurt). */
export function scoreInWords(score: number): string {
	if (score <= 1) return 'very unsafe';
	if (score <= 3) return 'unsafe';
	if (score <= 6) return 'some worries';
	if (score <= 8) return 'mostly safe';
	return 'safe enough';
}

/** Whose scores are grouped together: the family, the child, or the workers. */
export type ScoreGroup = 'family' | 'child' | 'workers';

export function scoreGroupOf(role: MeetingRole): ScoreGroup {
	if (role === 'parent') return 'family';
	if (role === 'child') return 'child';
	return 'workers';
}

export interface ScoredPerson {
	participantId: string;
	name: string;
	role: MeetingRole;
	score: number;
}

export interface ScoreSummary {
	/** Everyone's score for the concern, in the order of `people`. */
	scores: ScoredPerson[];
	/** The viewer's own score, if they gave one. */
	mine: number | null;
	family: ScoredPerson[];
	child: ScoredPerson[];
	/** The lowest and highest score of the workers (professionals, chair, advocate). */
	workers: { low: number; high: number; count: number } | null;
}

/** Everyone's score for one concern, grouped, with the viewer's own picked out. */
export function summariseScores(props: {
	ratings: Record<string, Record<string, number>>;
	concernId: string;
	people: readonly { id: string; name: string; role: MeetingRole }[];
	meId?: string | null;
}): ScoreSummary {
	const { ratings, concernId, people, meId = null } = props;
	const scores: ScoredPerson[] = [];
	for (const person of people) {
		const score = ratings[person.id]?.[concernId];
		if (typeof score === 'number')
			scores.push({ participantId: person.id, name: person.name, role: person.role, score });
	}
	const workerScores = scores.filter((s) => scoreGroupOf(s.role) === 'workers').map((s) => s.score);
	return {
		scores,
		mine: scores.find((s) => s.participantId === meId)?.score ?? null,
		family: scores.filter((s) => scoreGroupOf(s.role) === 'family'),
		child: scores.filter((s) => scoreGroupOf(s.role) === 'child'),
		workers: workerScores.length
			? {
					low: Math.min(...workerScores),
					high: Math.max(...workerScores),
					count: workerScores.length
				}
			: null
	};
}

function range(low: number, high: number, dash: string): string {
	return low === high ? String(low) : `${low}${dash}${high}`;
}

/** One line for the projector, e.g. "parents 6, professionals 3–5"; "No scores yet" when empty. */
export function scoreSummaryText(summary: ScoreSummary): string {
	const parts: string[] = [];
	if (summary.family.length)
		parts.push(`parents ${summary.family.map((s) => s.score).join(' and ')}`);
	if (summary.child.length) parts.push(`child ${summary.child.map((s) => s.score).join(' and ')}`);
	if (summary.workers)
		parts.push(`professionals ${range(summary.workers.low, summary.workers.high, '–')}`);
	return parts.length ? parts.join(', ') : 'No scores yet';
}

/**
 * The same in family words, from the viewer's side, e.g.
 * "You said 6 (some worries). The workers said 3 to 5."
 */
export function familyScoreSummaryText(summary: ScoreSummary, meId: string | null): string {
	const sentences: string[] = [];
	if (summary.mine !== null)
		sentences.push(`You said ${summary.mine} (${scoreInWords(summary.mine)}).`);
	for (const other of [...summary.family, ...summary.child]) {
		if (other.participantId !== meId) sentences.push(`${other.name} said ${other.score}.`);
	}
	if (summary.workers) {
		const { low, high, count } = summary.workers;
		sentences.push(
			count === 1
				? `The worker said ${low} (${scoreInWords(low)}).`
				: `The workers said ${range(low, high, ' to ')}.`
		);
	}
	return sentences.length ? sentences.join(' ') : 'No one has given a score yet.';
}

/** A duration as a clock, "4:05" or "1:02:09"; negative durations count as zero. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const ss = String(seconds).padStart(2, '0');
	return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The same duration for a screen reader, e.g. "4 minutes 5 seconds". */
export function durationInWords(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const parts = [];
	if (hours) parts.push(unit(hours, 'hour'));
	if (minutes || hours) parts.push(unit(minutes, 'minute'));
	if (!hours) parts.push(unit(seconds, 'second'));
	return parts.join(' ');
}

/** A child's first name, for family sentences ("Chrissie" from "Chrissie Walker"). */
export function firstName(name: string): string {
	return name.trim().split(/\s+/)[0] ?? name;
}

/** "Chrissie Walker", "Chrissie Walker and Leo Walker", "A, B and C". */
export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A name as a family reads it: a police rank's initials ("PC", "DS") are left off (the job says it). */
export function familyName(name: string): string {
	return name.replace(/^(PCSO|PC|DC|DS|DI|DCI|Sgt)\.?\s+/, '');
}

/** "Kim Lee, the health visitor," — closes the aside when a named person starts a sentence. */
export function asSubject(who: string): string {
	return who.includes(', the ') ? `${who},` : who;
}

/**
 * A phrase with "a" or "an" as it is said: "an initial child protection conference", "a core
 * group meeting", "a child in need review", "an hour", "a unit". `capital` starts it with "A"/"An".
 */
export function withArticle(phrase: string, capital = false): string {
	const text = phrase.trim();
	const first = text.split(/\s+/)[0] ?? '';
	const lower = text.toLowerCase();
	const vowelSound = /^[A-Z]{2,}$/.test(first)
		? /^[AEFHILMNORSX]/.test(first) // an acronym is said letter by letter: "an SW", "a GP"
		: /^(hour|honest|honou?r|heir)/.test(lower) ||
			(/^[aeiou]/.test(lower) && !/^(uni|use|usu|ure|eu|one\b|once)/.test(lower));
	const article = vowelSound ? 'an' : 'a';
	return `${capital ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${text}`;
}

/**
 * A family named as a heading or title reads "The Okoro family" (issue 28), whether the unit
 * typed "Okoro", "Okoro family" or "the Okoro family": "the" and "family" added once each. A
 * name that already says what it is otherwise ("Okoro and Hughes households") is kept, its first
 * letter capitalised.
 */
export function familyTitle(name: string): string {
	const bare = name
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/^the\s+/i, '');
	if (!bare) return name.trim();
	const title = /\b(families|households?)\b/i.test(bare)
		? bare
		: /\bfamily\b/i.test(bare)
			? `the ${bare.replace(/ family$/i, ' family')}`
			: `the ${bare} family`;
	return title.charAt(0).toUpperCase() + title.slice(1);
}
