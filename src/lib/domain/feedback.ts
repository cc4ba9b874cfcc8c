/**
 * Feedback after every meeting (issue 27), as data: who answers as what, the three questions in
 * plain words (a version for children by age, and for children in care a question about their
 * reviewing officer), checking an answer, removing names from comments, and the means the
 * figures show. Pure.
 */
import type { AgeBand } from './voices';
import type { FeedbackRespondent, MeetingRole } from './vocabulary';
import { tooLong } from './text-limits';

/** Who answers as what: parents and carers, children, and professionals (advocates too); nobody else is asked. */
export function respondentFor(role: MeetingRole | null): FeedbackRespondent | null {
	switch (role) {
		case 'parent':
			return 'parent';
		case 'child':
			return 'child';
		case 'professional':
		case 'advocate':
			return 'professional';
		default:
			return null;
	}
}

/** The scale's ends and steps (1 = not at all, 5 = completely). */
export const FEEDBACK_SCALE = [1, 2, 3, 4, 5] as const;

export interface FeedbackQuestions {
	listenedTo: string;
	knowWhatNext: string;
	better: string;
	/** Only for a child in care. */
	officerDifference: string | null;
	/** The words for 1 and 5 on the scale. */
	scaleEnds: [string, string];
}

/** The questions, in words for who is asked (a child's by their age band). */
export function feedbackQuestions(props: {
	respondent: FeedbackRespondent;
	ageBand?: AgeBand;
	inCare?: boolean;
}): FeedbackQuestions {
	const officer = props.inCare ? 'What difference has your reviewing officer made?' : null;
	if (props.respondent === 'child' && props.ageBand === 'under-8')
		return {
			listenedTo: 'Did people listen to you?',
			knowWhatNext: 'Do you know what will happen now?',
			better: 'What would have made it better? (you can leave this empty)',
			officerDifference: props.inCare ? 'Has your reviewing officer helped you?' : null,
			scaleEnds: ['No', 'Yes, a lot']
		};
	if (props.respondent === 'child' && props.ageBand === '8-12')
		return {
			listenedTo: 'Did people listen to what you think?',
			knowWhatNext: 'Do you know what will happen next?',
			better: 'One thing that would have made it better (you can leave this empty)',
			officerDifference: officer,
			scaleEnds: ['Not at all', 'Yes, completely']
		};
	return {
		listenedTo: 'Were you listened to?',
		knowWhatNext: 'Do you know what happens next?',
		better: 'One thing that would have made it better (optional)',
		officerDifference: props.respondent === 'child' ? officer : null,
		scaleEnds: ['Not at all', 'Completely']
	};
}

export interface FeedbackAnswer {
	listenedTo: number;
	knowWhatNext: number;
	better: string;
	officerDifference: string;
}

/** Checks an answer as sent (JSON or a form); each problem names its field. */
export function checkFeedback(
	input: unknown
): { ok: true; answer: FeedbackAnswer } | { ok: false; errors: Record<string, string> } {
	const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
	const errors: Record<string, string> = {};
	const scale = (field: 'listenedTo' | 'knowWhatNext', what: string): number => {
		const raw = body[field];
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
			errors[field] = `Choose how far ${what}, from 1 (not at all) to 5 (completely).`;
			return 0;
		}
		return value;
	};
	const words = (field: 'better' | 'officerDifference', what: string): string => {
		const raw = body[field];
		if (raw === undefined || raw === null) return '';
		if (typeof raw !== 'string') {
			errors[field] = `Write ${what} as words, or leave it out.`;
			return '';
		}
		const problem = tooLong(raw, 'reason', what);
		if (problem) errors[field] = problem;
		return raw.trim();
	};
	const answer = {
		listenedTo: scale('listenedTo', 'you were listened to'),
		knowWhatNext: scale('knowWhatNext', 'you know what happens next'),
		better: words('better', 'what would have made it better'),
		officerDifference: words('officerDifference', 'the difference your reviewing officer made')
	};
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answer };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words with every known name taken out: each full name, and each part of it of three
 * letters or more (a first name or a surname alone), whole words only, any case, becomes
 * "[name]". The names are those in the record: the meeting's children (and the names they
 * like) and everyone on its list.
 */
export function removeNames(text: string, names: readonly string[]): string {
	const parts = new Set<string>();
	for (const name of names) {
		const trimmed = name.trim();
		if (!trimmed) continue;
		parts.add(trimmed);
		for (const part of trimmed.split(/[\s-]+/)) if (part.length >= 3) parts.add(part);
	}
	// Longest first, so "Chrissie Walker" goes whole before "Chrissie".
	const ordered = [...parts].sort((a, b) => b.length - a.length).map(escape);
	if (!ordered.length) return text;
	const pattern = new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${ordered.join('|')})(?![\\p{L}\\p{N}])`,
		'giu'
	);
	return text.replace(pattern, '[name]').replace(/\[name\](?:\s+\[name\])+/g, '[name]');
}

/** The mean of the scores to one decimal place; 0 when there are none. */
export function meanScore(sum: number, count: number): number {
	return count ? Math.round((sum / count) * 10) / 10 : 0;
}
