import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionSentence, sentenceProblems } from './action-words';

// The demo seeds a handful of actions and the generated year stores no records (so none), so the
// family's sentences are also tried over thousands of actions written the ways people write
// them: a doer named in full, by title, or with ", the teacher"; what they will do starting with
// a verb, with the doer's own name first ("Dawn sets an alarm"), or with their agency ("School
// offers a breakfast club place"); with and without a date. None may read wrongly.
const people = [
	{ who: 'Dawn Walker', names: ['Dawn Walker'], first: 'Dawn' },
	{ who: 'Mrs Ellen Green, the teacher', names: ['Mrs Ellen Green'], first: 'Mrs Green' },
	{ who: 'Sam Okafor', names: ['Sam Okafor'], first: 'Sam' },
	{ who: 'Dr Ravi Patel', names: ['Dr Ravi Patel'], first: 'Dr Patel' },
	{ who: 'Kim Lee, the health visitor', names: ['Kim Lee'], first: 'Kim' }
];
const verbs = [
	'set two alarms and walk Chrissie to school',
	'book a dental check for Leo',
	'visit the family every week',
	'make sure Chrissie has breakfast before school',
	'ring the school when Leo is off sick',
	'offer a breakfast club place',
	'go with Dawn to the housing office'
];
const thirdPerson = (phrase: string) =>
	phrase
		.replace(/^set /, 'sets ')
		.replace(/^book /, 'books ')
		.replace(/^visit /, 'visits ')
		.replace(/^make /, 'makes ')
		.replace(/^ring /, 'rings ')
		.replace(/^offer /, 'offers ')
		.replace(/^go /, 'goes ');

const action = fc
	.record({
		person: fc.constantFrom(...people),
		verb: fc.constantFrom(...verbs),
		form: fc.constantFrom('verb', 'Verb', 'own name', 'agency'),
		byWhen: fc.constantFrom('', '2026-12-14', '2027-01-08', '2027-03-31')
	})
	.map(({ person, verb, form, byWhen }) => {
		const what =
			form === 'verb'
				? verb
				: form === 'Verb'
					? verb[0].toUpperCase() + verb.slice(1)
					: form === 'own name'
						? `${person.first} ${thirdPerson(verb)}`
						: `School ${thirdPerson(verb)}`;
		return { action: { who: person.who, what, byWhen }, names: person.names };
	});

describe('the family’s sentence for any action', () => {
	it('never says the subject twice, never puts a name after "will", and keeps its date', () => {
		fc.assert(
			fc.property(action, ({ action, names }) => {
				const sentence = actionSentence(action, {
					names: [...names, 'Chrissie Walker', 'Leo Walker'],
					today: '2026-12-07'
				});
				expect(sentence, JSON.stringify(action)).not.toBe('');
				expect(sentenceProblems(sentence), sentence).toEqual([]);
				expect(sentence).toMatch(/\.$/);
				if (action.byWhen) expect(sentence, sentence).toMatch(/by [A-Z][a-z]+day \d+ [A-Z]/);
			}),
			{ numRuns: 2_000 }
		);
	});
});
