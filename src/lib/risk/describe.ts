/**
 * The risk plot in words: the labels of its axis and the text alternative that says what the
 * plot shows ("Getting to school on time: parents 6, professionals 3–5; at the last meeting 2").
 * Two voices: professionals' words, and plain words for the family (no jargon, no "median").
 */
import { isCalendarDate } from '../domain/calendar-date';
import { firstName } from '../domain/plain-words';
import type { MeetingKind } from '../domain/vocabulary';
import { meetingKindPlainLabel, meetingKindShortLabel } from '../domain/labels';
import type { ChildRiskHistory, ConcernHistory, ConcernPoint, Spread } from './history';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "9 Dec" from "2026-12-09"; other text as written. */
export function shortDate(date: string): string {
	if (!isCalendarDate(date)) return date;
	return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** The axis label of one meeting: "9 Dec · Core group". */
export function meetingLabel(point: { date: string; kind: MeetingKind }, plain = false): string {
	return `${shortDate(point.date)} · ${(plain ? meetingKindPlainLabel : meetingKindShortLabel)[point.kind]}`;
}

function span(low: number, high: number, dash: string): string {
	return low === high ? String(low) : `${low}${dash}${high}`;
}

function professionalsText(p: Spread): string {
	return p.count === 1
		? `professional ${p.low}`
		: `professionals ${span(p.low, p.high, '–')} (median ${formatNumber(p.median)})`;
}

function workersText(p: Spread): string {
	return p.count === 1
		? `the worker said ${p.low}`
		: `the workers said ${span(p.low, p.high, ' to ')}`;
}

function formatNumber(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** "parents 6, professionals 3–5 (median 4)" for one point; "no scores" when empty. */
export function pointText(point: ConcernPoint): string {
	const parts: string[] = [];
	if (point.parents.length)
		parts.push(`parents ${point.parents.map((s) => s.score).join(' and ')}`);
	if (point.child.length) parts.push(`child ${point.child.map((s) => s.score).join(' and ')}`);
	if (point.professionals) parts.push(professionalsText(point.professionals));
	return parts.length ? parts.join(', ') : 'no scores';
}

/** The same in plain words: "Dawn said 6, the workers said 3 to 5". `meId` reads as "you". */
export function pointPlainText(point: ConcernPoint, meId: string | null = null): string {
	const parts: string[] = [];
	for (const s of [...point.parents, ...point.child])
		parts.push(`${s.participantId === meId ? 'you' : firstName(s.name)} said ${s.score}`);
	if (point.professionals) parts.push(workersText(point.professionals));
	return parts.length ? parts.join(', ') : 'no one gave a score';
}

function lastScored(points: readonly ConcernPoint[]): ConcernPoint[] {
	return points.filter((p) => p.scores.length > 0);
}

/**
 * The text alternative for one concern's plot, e.g. "Chrissie is often late: parents 6,
 * professionals 3–5 (median 4); at the last meeting professionals 2 … Safe enough is 10."
 * Plain: "…: Dawn said 6, the workers said 3 to 5. Last time (9 Dec), … 10 means no one needs to worry."
 */
export function describeConcern(
	concern: ConcernHistory,
	options: { plain?: boolean; meId?: string | null } = {}
): string {
	const { plain = false, meId = null } = options;
	const scored = lastScored(concern.points);
	const title = concern.title || (plain ? 'A worry' : 'Untitled concern');
	if (!scored.length)
		return plain ? `${title}: no one has given a score yet.` : `${title}: not scored yet.`;
	const now = scored[scored.length - 1];
	const before = scored.length > 1 ? scored[scored.length - 2] : null;
	if (plain) {
		const sentences = [
			`${title}: ${sentenceCase(pointPlainText(now, meId))}${now.live ? ' today' : ` on ${shortDate(now.date)}`}.`
		];
		if (before)
			sentences.push(`Last time (${shortDate(before.date)}), ${pointPlainText(before, meId)}.`);
		if (scored.length > 2) sentences.push(`Scored at ${scored.length} meetings.`);
		sentences.push('10 means no one needs to worry.');
		return sentences.join(' ');
	}
	let text = `${title}: ${pointText(now)}`;
	if (before) {
		if (before.professionals) {
			const parents = before.parents.length
				? `, parents ${before.parents.map((s) => s.score).join(' and ')}`
				: '';
			text += `; at the last meeting ${formatNumber(before.professionals.median)} (professionals’ median${parents})`;
		} else text += `; at the last meeting ${pointText(before)}`;
	}
	text += `. Scored at ${scored.length} meeting${scored.length === 1 ? '' : 's'}; the goal is ${concern.goal} (safe enough).`;
	return text;
}

function sentenceCase(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The whole child's plot in words: one line per concern. */
export function describeRiskPlot(
	history: ChildRiskHistory,
	options: { plain?: boolean; meId?: string | null } = {}
): string[] {
	if (!history.concerns.length)
		return [
			options.plain
				? `No worries written down for ${firstName(history.childName)} yet.`
				: `No concerns recorded for ${history.childName}.`
		];
	return history.concerns.map((c) => describeConcern(c, options));
}

/** The plot's caption: what the scale means. */
export function scaleCaption(plain: boolean): string {
	return plain
		? 'How safe things are: 0 means the child will be hurt, 10 means safe enough, no one needs to worry.'
		: 'Scores over the meetings (0 = the child is sure to be harmed, 10 = safe enough that no one needs to worry). Band: professionals’ lowest to highest; line: their median; diamond: parents.';
}
