/**
 * A plan action in correct plain English (issue 21). An action is stored as three parts — who,
 * what they will do (a verb phrase: "Set two alarms and walk Chrissie to school"), by when — and
 * the family's sentence is built from them: "Dawn will set two alarms and walk Chrissie to
 * school, by Monday 21 December."
 *
 * Older records (and hurried writers) put a whole sentence in "what": "Dawn sets an alarm…",
 * "School offers breakfast club place", "Dawn will phone the school". Those are read, not
 * mangled: a leading subject that names the person doing it is taken off and the verb put back
 * to its plain form ("Dawn will set an alarm…"); a sentence about someone else is kept as
 * written, with who sees to it after it. Pure: no database, no Svelte.
 */
import { dateInWords } from './plain-words';
import type { CalendarDate } from './calendar-date';

/** Words that end in "s" but are not a verb's "-s" form. */
const notVerbs = new Set([
	'his',
	'hers',
	'its',
	'this',
	'us',
	'yes',
	'plus',
	'thus',
	'was',
	'is',
	'as',
	'always',
	'sometimes',
	'perhaps',
	'towards',
	'afterwards',
	'less',
	'across',
	'unless',
	'whereas',
	'besides',
	'news'
]);

/** Irregular "-s" forms and their plain forms. */
const irregular: Record<string, string> = {
	has: 'have',
	does: 'do',
	goes: 'go',
	is: 'be'
};

/**
 * The plain form of a verb written in its "-s" form: "sets" → "set", "offers" → "offer",
 * "watches" → "watch", "tries" → "try", "goes" → "go", "has" → "have". Null when the word does
 * not look like one ("his", "class", "focus", "Chrissie").
 */
export function plainVerb(word: string): string | null {
	const lower = word.toLowerCase();
	if (irregular[lower]) return irregular[lower];
	if (!/^[a-z]+s$/.test(lower) || notVerbs.has(lower)) return null;
	if (/(ss|us|is)$/.test(lower)) return null;
	if (/[^aeiou]ies$/.test(lower)) return lower.slice(0, -3) + 'y';
	if (/(ch|sh|x|z|o)es$/.test(lower)) return lower.slice(0, -2);
	return lower.slice(0, -1);
}

/** Words that stand for the person doing an action when they start a sentence. */
const generalSubjects = [
	'mum',
	'dad',
	'mother',
	'father',
	'the school',
	'school',
	'the nursery',
	'nursery',
	'the teacher',
	'teacher',
	'the social worker',
	'social worker',
	'the health visitor',
	'health visitor',
	'the police',
	'police',
	'the gp',
	'gp',
	'the doctor',
	'doctor',
	'she',
	'he',
	'they'
];

/**
 * The ways a person may be named at the start of a sentence: the "who" as written, its part
 * before an aside or a bracket ("Dawn" from "Dawn (Mum)"), each given full name, its first
 * name, and a title with the surname ("Mrs Green" from "Mrs Ellen Green").
 */
export function subjectsFor(who: string, names: readonly string[] = []): string[] {
	const out = new Set<string>();
	const add = (s: string) => {
		const t = s.trim().replace(/\s+/g, ' ');
		if (t.length >= 2) out.add(t.toLowerCase());
	};
	add(who);
	add(who.split(/[,(]/)[0]);
	for (const name of [who.split(/[,(]/)[0], ...names]) {
		const words = name.trim().split(/\s+/).filter(Boolean);
		add(name);
		if (words.length < 2) continue;
		const titled = /^(mr|mrs|ms|miss|dr|pc|ds|dc|di|sgt)\.?$/i.test(words[0]);
		add(titled ? words[1] : words[0]);
		if (titled) add(`${words[0]} ${words.at(-1)}`);
		if (titled && words.length > 2) add(words.slice(1).join(' '));
	}
	for (const s of generalSubjects) add(s);
	return [...out].sort((a, b) => b.length - a.length);
}

/** An action's "what" as the parts of a sentence. */
export type ActionWhat =
	/** A verb phrase to follow "will": "set two alarms and walk Chrissie to school". */
	| { form: 'verb'; phrase: string }
	/** A sentence about someone else, kept as written: "The school offers a place". */
	| { form: 'sentence'; sentence: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Puts the verbs of a phrase written about someone back to their plain forms ("sets … and walks …"). */
function plainVerbs(phrase: string): string {
	const words = phrase.split(' ');
	const first = plainVerb(words[0] ?? '');
	if (!first) return phrase;
	words[0] = first;
	for (let i = 1; i < words.length - 1; i++) {
		if (words[i] !== 'and' && words[i] !== 'then' && !words[i].endsWith(',')) continue;
		const next = plainVerb(words[i + 1]);
		// Only a word that is a verb's "-s" form in the same way as the first: lower-case, not a name.
		if (next && /^[a-z]/.test(words[i + 1]) && /(s|es)$/.test(words[i + 1])) {
			const lookahead = words[i + 2] ?? '';
			// "and walks Chrissie", "and takes her" — a verb is followed by more of the phrase.
			if (lookahead) words[i + 1] = next;
		}
	}
	return words.join(' ');
}

/** Whether the text starts with a subject (a name, "The school", "School") and then its verb. */
function isSentenceAboutSomeone(text: string, names: readonly string[]): boolean {
	const words = text.split(' ');
	const nameWords = new Set(names.flatMap((n) => n.split(/\s+/)));
	for (let k = 1; k <= Math.min(4, words.length - 1); k++) {
		const head = words.slice(0, k);
		const verb = words[k];
		const isVerb = /^will$/i.test(verb) || (/^[a-z]/.test(verb) && plainVerb(verb) !== null);
		if (!isVerb) continue;
		const headText = head.join(' ');
		const isSubject =
			(/^The$/.test(head[0]) && k > 1) ||
			(/^(Mr|Mrs|Ms|Miss|Dr)\.?$/.test(head[0]) && head.every((w) => /^[A-Z]/.test(w))) ||
			generalSubjects.includes(headText.toLowerCase()) ||
			(nameWords.has(head[0]) && head.every((w) => /^[A-Z]/.test(w)));
		if (isSubject && /^[A-Z]/.test(headText)) return true;
	}
	return false;
}

/**
 * Reads an action's "what" as written. `subjects` are the ways the doer may be named
 * (`subjectsFor`). A phrase that starts with a verb comes back as it is, its first letter
 * lower-cased unless it starts with a name or an acronym.
 */
export function readActionWhat(
	what: string,
	subjects: readonly string[],
	names: readonly string[] = []
): ActionWhat {
	let text = what
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/[.\s]+$/, '');
	if (!text) return { form: 'verb', phrase: '' };
	const lower = text.toLowerCase();
	const subject = subjects.find((s) => new RegExp(`^${escape(s)}(?=[\\s,(])`).test(lower));
	let aboutDoer = false;
	if (subject) {
		const rest = text
			.slice(subject.length)
			.replace(/^\s*\([^)]*\)/, '')
			.replace(/^\s*,[^,]*,/, '')
			.trim();
		const firstRest = rest.split(' ')[0] ?? '';
		if (/^(will|shall|must|should|can|to)$/i.test(firstRest) || plainVerb(firstRest)) {
			text = rest;
			aboutDoer = true;
		}
	}
	if (aboutDoer) {
		const modal = text.match(/^(will|shall|must|should|can|to)\s+(.*)$/i);
		if (modal) return { form: 'verb', phrase: modal[2] };
		if (/^is going to\s/i.test(text))
			return { form: 'verb', phrase: text.replace(/^is going to\s+/i, '') };
		return { form: 'verb', phrase: plainVerbs(text) };
	}
	// "Will visit", "To visit" — the "will" was typed too.
	const modal = text.match(/^(will|to)\s+(.*)$/i);
	if (modal) return { form: 'verb', phrase: modal[2] };
	// A sentence about someone else: a name, a title, "The …" or a word such as "School"
	// followed by "will" or a verb's "-s" form ("School offers…", "The police will…").
	if (isSentenceAboutSomeone(text, names)) return { form: 'sentence', sentence: text };
	// "Offers a place": a verb in its "-s" form at the start.
	const firstWord = text.split(' ')[0];
	const keepCapital =
		/^[A-Z]{2,}/.test(firstWord) ||
		names.some((n) => n.split(/\s+/).includes(firstWord.replace(/['’]s$/, '')));
	const phrase = keepCapital ? text : text.charAt(0).toLowerCase() + text.slice(1);
	return { form: 'verb', phrase: keepCapital ? phrase : plainVerbs(phrase) };
}

/**
 * The sentence for one action: "Dawn will set two alarms and walk Chrissie to school, by
 * Monday 21 December." `who` is the doer as the reader knows them (already in plain words; an
 * aside such as ", the teacher" is closed with a comma); `subjects` the ways the record may name
 * them; `names` the meeting's people and children (kept capitalised).
 */
export function planActionSentence(
	action: { what: string; who: string; byWhen: string },
	options: {
		subjects?: readonly string[];
		names?: readonly string[];
		today?: CalendarDate;
	} = {}
): string {
	const who = action.who.trim();
	const subjects = options.subjects ?? subjectsFor(who);
	const read = readActionWhat(action.what, subjects, options.names ?? []);
	const byWhen = action.byWhen.trim();
	const when = byWhen ? `by ${dateInWords(byWhen, options.today)}` : '';
	const subject = who.includes(', the ') ? `${who},` : who;
	if (read.form === 'sentence') {
		const done = who
			? `${subject} will see that it is done`
			: 'Who will see to it is still to be agreed';
		return `${read.sentence}. ${done}${when ? ` ${when}` : ''}.`;
	}
	if (!read.phrase) return '';
	const comma = when ? `, ${when}` : '';
	return who
		? `${subject} will ${read.phrase}${comma}.`
		: `Still to agree who will ${read.phrase}${comma}.`;
}

/** A problem with how a plan sentence reads (the readability check's findings). */
export interface SentenceProblem {
	kind: 'repeated-subject' | 'name-after-will' | 'broken-count';
	message: string;
}

/**
 * What is wrong with how a sentence reads, for the readability check: a subject said twice
 * ("Dawn Walker will Dawn sets…"), a name straight after "will" ("… will school offers…",
 * "… will Dawn…"), a count that dangles ("1 of the 1 workers", "1 workers", "0 of the 0").
 */
export function sentenceProblems(sentence: string): SentenceProblem[] {
	const problems: SentenceProblem[] = [];
	const will = sentence.match(/^(.*?)\bwill\s+(\S+)(?:\s+(\S+))?/);
	if (will) {
		const [, before, next, after = ''] = will;
		const before_words = before
			.toLowerCase()
			.split(/[\s,]+/)
			.filter((w) => w.length > 1 && !['the', 'and', 'of'].includes(w));
		const nextWord = next.replace(/[^\p{L}'’-]/gu, '');
		const followsAsVerb = plainVerb(after.replace(/[^\p{L}]/gu, '')) !== null;
		if (before_words.includes(nextWord.toLowerCase()) && nextWord.length > 1)
			problems.push({
				kind: 'repeated-subject',
				message: `Says who twice ("${nextWord}" before and after "will"): write what they will do, starting with a verb.`
			});
		else if (/^[A-Z][a-z]/.test(nextWord) && before.trim())
			problems.push({
				kind: 'name-after-will',
				message: `"will" is followed by "${nextWord}", not by what they will do: start the action with a verb.`
			});
		else if (followsAsVerb && generalSubjects.includes(nextWord.toLowerCase()))
			problems.push({
				kind: 'name-after-will',
				message: `"will ${nextWord} ${after}" reads as a second sentence: start the action with a verb.`
			});
	}
	const count = sentence.match(/\b(\d+) of the (\d+)\b/);
	if (count && (count[1] === count[2] || count[2] === '1'))
		problems.push({
			kind: 'broken-count',
			message: `"${count[0]}" reads badly: say "all", "both" or "the one" instead.`
		});
	const single = sentence.match(
		/\b(?:1|one) (?:[a-z]+ )?(workers|people|professionals|views|jobs|reports|children|agencies)\b/
	);
	if (single)
		problems.push({
			kind: 'broken-count',
			message: `"${single[0]}" puts one with a plural: write "one worker", "one person"…`
		});
	return problems;
}

/**
 * How many of those who gave a view said this, read naturally: "The one worker who gave a view
 * said this.", "Both workers who gave a view said this.", "All 4 workers…", "2 of the 3…",
 * "None of the 3…".
 */
export function viewCountSentence(agreed: number, gave: number): string {
	if (gave <= 0) return 'No worker gave a view.';
	if (gave === 1)
		return agreed === 1
			? 'The one worker who gave a view said this.'
			: 'The one worker who gave a view did not say this.';
	if (agreed === gave)
		return gave === 2
			? 'Both workers who gave a view said this.'
			: `All ${gave} workers who gave a view said this.`;
	if (agreed === 0) return `None of the ${gave} workers who gave a view said this.`;
	return `${agreed} of the ${gave} workers who gave a view said this.`;
}

/**
 * A plan action as the live views say it: "Mum will walk Chrissie to school, by Friday 8
 * January." `names` are the meeting's people and children: those the "who" names are taken as
 * the doer when a sentence starts with them; all keep their capitals.
 */
export function actionSentence(
	action: { what: string; who: string; byWhen: string },
	options: { today?: CalendarDate; names?: readonly string[] } = {}
): string {
	const who = action.who.trim();
	const whoWords = who.toLowerCase().split(/[\s,()]+/);
	const doers = (options.names ?? []).filter((name) => {
		const lower = name.trim().toLowerCase();
		return who.toLowerCase().includes(lower) || whoWords.includes(lower.split(/\s+/)[0]);
	});
	return planActionSentence(action, { ...options, subjects: subjectsFor(who, doers) });
}
