/**
 * How guessable a new password is (issue 20): zxcvbn's estimator with the common passwords and
 * the English dictionaries, so `aaaaaaaaaaaa`, `password1234` or the person's own name is
 * refused with the estimator's advice, whatever its length. The dictionaries (about 1.5 MB)
 * are loaded once, lazily, on the first password chosen, and only here: this module is under
 * src/lib/server, so nothing of it reaches the browser.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { passwordProblem } from './password';

/** zxcvbn's score from 0 (too guessable) to 4; below this a new password is refused. */
export const MIN_PASSWORD_SCORE = 3;

/** Words of this app, as guessable as a person's name to someone who knows where they are. */
const APP_WORDS = ['roundtable', 'safeguarding', 'conference', 'child protection'];

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
	estimator ??= (async () => {
		const [{ ZxcvbnFactory }, common, english] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('@zxcvbn-ts/language-en')
		]);
		return new ZxcvbnFactory({
			translations: english.translations,
			graphs: common.adjacencyGraphs,
			dictionary: { ...common.dictionary, ...english.dictionary },
			// Each character that could be l33t multiplies the work: cap it, so a long password
			// of digits and letters cannot hold the event loop for seconds.
			l33tMaxSubstitutions: 8,
			// Only the first 64 characters are weighed (a 256-character one took seconds): a
			// password whose first 64 are hard to guess is hard to guess.
			maxLength: 64
		});
	})();
	// A failed load is tried again next time, not remembered.
	estimator.catch(() => (estimator = undefined));
	return estimator;
}

/** The person's own words: their name and its parts, their email and the part before the @. */
export function personalWords(person: { name?: string | null; email?: string | null }): string[] {
	const words = new Set<string>(APP_WORDS);
	const name = person.name?.trim().toLowerCase();
	if (name) {
		words.add(name);
		for (const part of name.split(/[\s'’.-]+/)) if (part.length > 1) words.add(part);
	}
	const email = person.email?.trim().toLowerCase();
	if (email) {
		words.add(email);
		const local = email.split('@')[0];
		words.add(local);
		for (const part of local.split(/[._+-]+/)) if (part.length > 1) words.add(part);
	}
	return [...words];
}

function advice(feedback: { warning: string | null; suggestions: string[] }): string {
	const lines = [feedback.warning, ...feedback.suggestions].filter(
		(line): line is string => !!line && line.trim().length > 0
	);
	const said = lines.length ? ` ${lines.join(' ')}` : '';
	return `This password would be easy to guess.${said} A few unusual words together, with no name or email in them, make a strong one.`;
}

/**
 * What is wrong with a password someone chooses, as a message they can act on, or null: its
 * length first (12 to 256 characters), then how guessable it is against common passwords,
 * English words, keyboard patterns, repeats and the person's own name and email.
 */
export async function newPasswordProblem(props: {
	password: string;
	person?: { name?: string | null; email?: string | null };
}): Promise<string | null> {
	const lengthProblem = passwordProblem(props.password);
	if (lengthProblem) return lengthProblem;
	const zxcvbn = await loadEstimator();
	const result = zxcvbn.check(props.password, personalWords(props.person ?? {}));
	return result.score < MIN_PASSWORD_SCORE ? advice(result.feedback) : null;
}
