/**
 * How hard a text is to read: Flesch reading ease, Flesch–Kincaid grade and a UK reading age,
 * for the whole text and per sentence, so the chair sees which sentences to make plainer
 * before a family plan goes out (aim: reading age 9–11, reading ease 60+).
 */

import { sentenceProblems } from '../domain/action-words';

/** The reading age a family document aims at or below. */
export const targetReadingAge = 11;
/** A sentence longer than this is too long for a family, whatever its words. */
export const maxSentenceWords = 20;

export interface ReadabilityScore {
	words: number;
	sentences: number;
	syllables: number;
	/** 0–100+: 60–70 is plain English, 80+ is easy. */
	readingEase: number;
	/** US school grade (Flesch–Kincaid). */
	grade: number;
	/** Years: the grade plus five (a US grade is taken at about age grade + 5). */
	readingAge: number;
}

export interface SentenceCheck extends ReadabilityScore {
	text: string;
	tooHard: boolean;
	/** Why it is too hard, in words the chair can act on. */
	why: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Syllables in one English word, by the usual vowel-group rule with common silent endings. */
export function syllables(word: string): number {
	let w = word.toLowerCase().replace(/[^a-z]/g, '');
	if (!w) return 0;
	if (w.length <= 3) return 1;
	w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]);
	w = w.replace(/^y/, '');
	const groups = w.match(/[aeiouy]{1,2}/g);
	return Math.max(1, groups ? groups.length : 1);
}

/** The words of a text (numbers count as words; punctuation does not). */
export function wordsOf(text: string): string[] {
	return text.match(/[A-Za-z0-9\u00C0-\u024F]+(?:['’-][A-Za-z0-9\u00C0-\u024F]+)*/g) ?? [];
}

/** The sentences of a text: split after . ! ? (and at line breaks), keeping each one's words. */
export function sentencesOf(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])|\n+/)
		.map((s) => s.trim())
		.filter((s) => wordsOf(s).length > 0);
}

/**
 * Syllables as a family reads them: numbers and names (a capital letter inside a sentence:
 * people, places, days and months the family knows) count as one, so "Friday 1 February" or
 * "Okafor" do not make a plain sentence look hard.
 */
function readSyllables(word: string, firstInSentence: boolean): number {
	if (/^\d+$/.test(word)) return 1;
	if (!firstInSentence && /^[A-Z][a-z’'-]/.test(word)) return 1;
	return syllables(word);
}

function score(
	words: string[],
	sentences: number,
	firsts: ReadonlySet<number> = new Set([0])
): ReadabilityScore {
	const wordCount = words.length;
	const syllableCount = words.reduce((sum, w, i) => sum + readSyllables(w, firsts.has(i)), 0);
	if (wordCount === 0 || sentences === 0) {
		return { words: 0, sentences: 0, syllables: 0, readingEase: 100, grade: 0, readingAge: 5 };
	}
	const wordsPerSentence = wordCount / sentences;
	const syllablesPerWord = syllableCount / wordCount;
	const grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
	return {
		words: wordCount,
		sentences,
		syllables: syllableCount,
		readingEase: round1(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
		grade: round1(grade),
		readingAge: round1(Math.max(5, grade + 5))
	};
}

/** The scores of a whole text. */
export function readability(text: string): ReadabilityScore {
	const sentences = sentencesOf(text);
	const firsts = new Set<number>();
	const words: string[] = [];
	for (const sentence of sentences) {
		firsts.add(words.length);
		words.push(...wordsOf(sentence));
	}
	return score(words, sentences.length, firsts);
}

/** Each sentence with its scores and whether it is too hard for a family. */
export function checkSentences(text: string, targetAge = targetReadingAge): SentenceCheck[] {
	return sentencesOf(text).map((sentence) => {
		const words = wordsOf(sentence);
		const s = score(words, 1);
		const why: string[] = [];
		if (s.words > maxSentenceWords)
			why.push(`${s.words} words: split it (at most ${maxSentenceWords})`);
		// A very short sentence with one long name is not hard; judge reading age from 5 words on.
		if (s.words >= 5 && s.readingAge > targetAge + 1)
			why.push(`reading age ${s.readingAge}: use shorter, common words`);
		return { ...s, text: sentence, tooHard: why.length > 0, why };
	});
}

/** A sentence that reads wrongly, and why in plain words. */
export interface WordingProblem {
	text: string;
	why: string[];
}

/**
 * The sentences that read wrongly (issue 21): the subject said twice ("Dawn Walker will Dawn
 * sets…"), a name or a second subject straight after "will" ("… will school offers…"), a count
 * that dangles ("1 of the 1 workers", "1 workers"). Rules in ../domain/action-words.
 */
export function wordingProblems(text: string): WordingProblem[] {
	return sentencesOf(text)
		.map((sentence) => ({ text: sentence, why: sentenceProblems(sentence).map((p) => p.message) }))
		.filter((s) => s.why.length > 0);
}
