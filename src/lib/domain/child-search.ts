/**
 * What a person types to find a child: words of a name, a preferred name or a family, and a
 * date of birth written the British way (5/3/2019, 05.03.2019) or as 2019-03-05. Pure, so the
 * search endpoint and its tests read a query alike.
 */

import type { CalendarDate } from './calendar-date';
import type { DueMeetingKind } from './child-clocks';

/** One child as a picker shows them: enough to tell two children of one name apart. */
export interface ChildChoice {
	id: string;
	name: string;
	preferredName: string | null;
	dateOfBirth: string | null;
	age: number | null;
	/** "The Young family". */
	family: string;
	/** Each meeting kind's due date from the child's clocks (the page proposes a date). */
	due: Partial<Record<DueMeetingKind, CalendarDate>>;
}

/** A query read: each word must match somewhere, and a date must be the date of birth. */
export interface ChildQuery {
	words: string[];
	/** YYYY-MM-DD, or null when no date was typed. */
	dateOfBirth: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function asDate(word: string): string | null {
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
	const british = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(word);
	const [y, mo, d] = iso
		? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
		: british
			? [Number(british[3]), Number(british[2]), Number(british[1])]
			: [0, 0, 0];
	if (!y) return null;
	const date = new Date(Date.UTC(y, mo - 1, d));
	// A day that does not exist (31/2/2019) is not a date of birth: it is searched as words.
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return null;
	return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Reads a query: at most 100 characters and six words; the first date is the date of birth. */
export function readChildQuery(q: string): ChildQuery {
	const words: string[] = [];
	let dateOfBirth: string | null = null;
	for (const word of q
		.slice(0, 100)
		.trim()
		.split(/[\s,]+/)) {
		if (!word) continue;
		const date: string | null = dateOfBirth === null ? asDate(word) : null;
		if (date) dateOfBirth = date;
		else if (words.length < 6) words.push(word);
	}
	return { words, dateOfBirth };
}
