import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	concernText,
	editConcernText,
	fragmentParagraphs,
	readRecord,
	recordDecision,
	recordOutcome,
	removePlanItem,
	setCoreGroup,
	setCurrentSection,
	setRating,
	textChange,
	updateConcern
} from './record-shape';
import { roots } from './roots';

describe('the live record', () => {
	it('keeps concern cards, scores and the current section, and merges concurrent edits of different fields', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		setCurrentSection(a, 'child-journey', 1000);
		const id = addConcern(a, { childId: 'c1', title: 'Late for school', raisedInMeetingId: 'm1' });
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		updateConcern(a, id, { childSays: 'I hate being late' });
		updateConcern(b, id, { safetyGoal: 'On time every day' });
		setRating(b, 'p1', id, 3);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const snapshot = readRecord(a, ['p1']);
		expect(snapshot.meta).toMatchObject({
			currentSection: 'child-journey',
			sectionStartedAt: 1000
		});
		expect(snapshot.concerns).toEqual([
			expect.objectContaining({
				id,
				childId: 'c1',
				title: 'Late for school',
				childSays: 'I hate being late',
				safetyGoal: 'On time every day',
				status: 'open',
				raisedInMeetingId: 'm1'
			})
		]);
		expect(snapshot.ratings).toEqual({ p1: { [id]: 3 } });
		expect(readRecord(b, ['p1'])).toEqual(snapshot);
	});

	it('refuses a score outside 0–10', () => {
		expect(() => setRating(new Y.Doc(), 'p1', 'c', 11)).toThrow(/0 to 10/);
		expect(() => setRating(new Y.Doc(), 'p1', 'c', 2.5)).toThrow();
	});

	it('records no decision without its reason', () => {
		const doc = new Y.Doc();
		const refused = recordDecision(doc, 'p1', {
			childId: 'c1',
			recommendation: 'plan',
			reason: '  '
		});
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.problems.map((p) => p.field)).toContain('reason');
		expect(readRecord(doc, ['p1']).decisions).toEqual({});
		const kept = recordDecision(
			doc,
			'p1',
			{ childId: 'c1', recommendation: 'no-plan', reason: 'Things have changed for the better.' },
			5
		);
		expect(kept.ok).toBe(true);
		expect(readRecord(doc, ['p1']).decisions).toEqual({
			p1: {
				c1: {
					recommendation: 'no-plan',
					reason: 'Things have changed for the better.',
					recordedAt: 5
				}
			}
		});
	});

	it('keeps the chair’s outcome with its category only for a plan', () => {
		const doc = new Y.Doc();
		const reason = 'The neglect is daily and long-standing.';
		recordOutcome(doc, { childId: 'c1', outcome: 'plan', category: 'neglect', reason }, 1);
		recordOutcome(doc, { childId: 'c2', outcome: 'no-plan', category: 'neglect', reason }, 1);
		expect(readRecord(doc, []).outcomes).toEqual({
			c1: { outcome: 'plan', category: 'neglect', reason, recordedAt: 1 },
			c2: { outcome: 'no-plan', category: undefined, reason, recordedAt: 1 }
		});
	});

	it('builds the plan: outcomes, their actions, the core group; removing an outcome removes its actions', () => {
		const doc = new Y.Doc();
		const o1 = addPlanOutcome(doc, { childId: 'c1', text: 'On time every day', concernId: null });
		const o2 = addPlanOutcome(doc, { childId: 'c1', text: 'Hearing test done', concernId: null });
		addPlanAction(doc, { outcomeId: o1, what: 'Walk to school', who: 'Mum', byWhen: '2027-01-08' });
		addPlanAction(doc, { outcomeId: o2, what: 'Book the test', who: 'Kim', byWhen: '2027-01-15' });
		setCoreGroup(doc, ['Mum', 'Sam Okafor']);
		let plan = readRecord(doc, []).plan;
		expect(plan.outcomes.map((o) => o.text)).toEqual(['On time every day', 'Hearing test done']);
		expect(plan.actions.map((a) => `${a.who}: ${a.what} by ${a.byWhen}`)).toEqual([
			'Mum: Walk to school by 2027-01-08',
			'Kim: Book the test by 2027-01-15'
		]);
		expect(plan.coreGroup).toEqual(['Mum', 'Sam Okafor']);
		removePlanItem(doc, 'outcomes', o1);
		plan = readRecord(doc, []).plan;
		expect(plan.outcomes.map((o) => o.id)).toEqual([o2]);
		expect(plan.actions.map((a) => a.outcomeId)).toEqual([o2]);
	});

	it('reads rich text as plain paragraphs', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('contribution:p1');
		const p1 = new Y.XmlElement('paragraph');
		p1.insert(0, [new Y.XmlText('Chrissie loves drawing.')]);
		const p2 = new Y.XmlElement('paragraph');
		const text = new Y.XmlText('She is ');
		text.insert(7, 'often late', { bold: {} });
		p2.insert(0, [text]);
		fragment.insert(0, [p1, new Y.XmlElement('paragraph'), p2]);
		expect(fragmentParagraphs(fragment)).toEqual(['Chrissie loves drawing.', 'She is often late']);
	});
});

describe('concern cards as shared text', () => {
	/** Each doc sends the other what it lacks, as the server relays it. */
	const exchange = (a: Y.Doc, b: Y.Doc) => {
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
	};

	it('keeps both people’s words when they type in one field at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = addConcern(a, {
			childId: 'c1',
			title: 'Late for school',
			dayToDay: 'She misses breakfast.'
		});
		exchange(a, b);
		expect(concernText(a, id, 'dayToDay')).toBeInstanceOf(Y.Text);
		// a types at the start, b at the end, neither having seen the other's keystrokes.
		editConcernText(a, id, 'dayToDay', 'Most days she misses breakfast.');
		editConcernText(b, id, 'dayToDay', 'She misses breakfast. Mum works nights.');
		updateConcern(b, id, { title: 'Late for school, most days' });
		exchange(a, b);
		const card = readRecord(a, []).concerns[0];
		expect(card.dayToDay).toBe('Most days she misses breakfast. Mum works nights.');
		expect(card.title).toBe('Late for school, most days');
		expect(readRecord(b, [])).toEqual(readRecord(a, []));
	});

	it('reads a card stored with plain strings, and makes a field shared text at its first edit', () => {
		const doc = new Y.Doc();
		// The form every card had before fields were shared (stored records, an older demo).
		doc.transact(() => {
			const card = new Y.Map<unknown>();
			for (const [key, value] of Object.entries({
				id: 'old',
				childId: 'c1',
				title: 'Sleeps in a cold room',
				dayToDay: 'No heating upstairs.',
				impactNow: '',
				impactLater: '',
				childSays: 'I wear my coat in bed',
				safetyGoal: '',
				status: 'open',
				raisedInMeetingId: 'm0'
			})) {
				card.set(key, value);
			}
			doc.getArray(roots.concerns).push([card]);
		});
		expect(readRecord(doc, []).concerns).toEqual([
			{
				id: 'old',
				childId: 'c1',
				title: 'Sleeps in a cold room',
				dayToDay: 'No heating upstairs.',
				impactNow: '',
				impactLater: '',
				childSays: 'I wear my coat in bed',
				safetyGoal: '',
				status: 'open',
				raisedInMeetingId: 'm0'
			}
		]);
		expect(concernText(doc, 'old', 'title')).toBe('Sleeps in a cold room');
		editConcernText(doc, 'old', 'title', 'Sleeps in a cold room all winter');
		expect(concernText(doc, 'old', 'title')).toBeInstanceOf(Y.Text);
		expect(readRecord(doc, []).concerns[0].title).toBe('Sleeps in a cold room all winter');
		expect(readRecord(doc, []).concerns[0].childSays).toBe('I wear my coat in bed'); // untouched fields stay as they were
		expect(concernText(doc, 'missing', 'title')).toBeNull();
	});

	it('changes only what was typed: among equal letters where the caret is, never half a surrogate pair', () => {
		expect(textChange('She is late', 'She is often late')).toEqual({
			index: 7,
			remove: 0,
			insert: 'often '
		});
		expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
		expect(textChange('aab', 'ab', 1)).toEqual({ index: 1, remove: 1, insert: '' });
		expect(textChange('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
		// 😀 and 😃 share their high surrogate: the whole pair is replaced.
		expect(textChange('a😀b', 'a😃b')).toEqual({ index: 1, remove: 2, insert: '😃' });
	});
});
