/**
 * How long free text people type may be (issue 20): a 2 MB reason to move a meeting was
 * accepted, stored and emailed. Every field a person types into, in a form or a JSON API, is
 * capped at one of these, in one place; past it the answer is 400 naming the field and the
 * limit (`tooLong`). The limits are generous for what each field is for.
 */
export const textLimits = {
	/** A person's, child's, family's, agency's, contact's, unit's or advocate's name. */
	name: 200,
	/** A relationship ("Mum") or a child's preferred name. */
	shortText: 60,
	/** A meeting's or a report's title. */
	title: 200,
	/** An email address (RFC 5321's longest). */
	email: 254,
	/** One line of progress on an action. */
	actionNote: 300,
	/**
	 * Why: a meeting is moved, cancelled, adjourned or held late; notes are corrected; and
	 * a comment on notes sent back, or what a challenge is about.
	 */
	reason: 2000,
	/** A fuller account: why a challenge is raised, a note on its step, its outcome. */
	account: 4000,
	/** A child's answers to one question of a consultation. */
	answer: 5000,
	/** A report written in the app rather than uploaded. */
	writtenReport: 50_000
} as const;

export type TextLimit = keyof typeof textLimits;

/** "Use at most 2,000 characters for the reason (this has 2,097,152)."; null when it fits. */
export function tooLong(value: string, limit: TextLimit, what: string): string | null {
	const max = textLimits[limit];
	if (value.length <= max) return null;
	return `Use at most ${max.toLocaleString('en-GB')} characters for ${what} (this has ${value.length.toLocaleString('en-GB')}).`;
}

/** The message for a form schema's `.max()`: the same words as `tooLong`, without the count. */
export function tooLongMessage(limit: TextLimit, what: string): string {
	return `Use at most ${textLimits[limit].toLocaleString('en-GB')} characters for ${what}.`;
}
