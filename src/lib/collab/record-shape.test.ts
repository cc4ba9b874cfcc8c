import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	fragmentParagraphs,
	readRecord,
	recordDecision,
	recordOutcome,
	removePlanItem,
	setCoreGroup,
	setCurrentSection,
	setRating,
	updateConcern
} from './record-shape';

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
		expect(snapshot.meta).toMatchObject({ currentSection: 'child-journey', sectionStartedAt: 1000 });
		expect(snapshot.concerns).toEqual([
			expect.objectContaining({ id, childId: 'c1', title: 'Late for school', childSays: 'I hate being late', safetyGoal: 'On time every day', status: 'open', raisedInMeetingId: 'm1' })
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
		const refused = recordDecision(doc, 'p1', { childId: 'c1', recommendation: 'plan', reason: '  ' });
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.problems.map((p) => p.field)).toContain('reason');
		expect(readRecord(doc, ['p1']).decisions).toEqual({});
		const kept = recordDecision(doc, 'p1', { childId: 'c1', recommendation: 'no-plan', reason: 'Things have changed for the better.' }, 5);
		expect(kept.ok).toBe(true);
		expect(readRecord(doc, ['p1']).decisions).toEqual({ p1: { c1: { recommendation: 'no-plan', reason: 'Things have changed for the better.', recordedAt: 5 } } });
	});

	it('keeps the chair’s outcome with its category only for a plan', () => {
		const doc = new Y.Doc();
		recordOutcome(doc, { childId: 'c1', outcome: 'plan', category: 'neglect' }, 1);
		recordOutcome(doc, { childId: 'c2', outcome: 'no-plan', category: 'neglect' }, 1);
		expect(readRecord(doc, []).outcomes).toEqual({
			c1: { outcome: 'plan', category: 'neglect', recordedAt: 1 },
			c2: { outcome: 'no-plan', category: undefined, recordedAt: 1 }
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
		expect(plan.actions.map((a) => `${a.who}: ${a.what} by ${a.byWhen}`)).toEqual(['Mum: Walk to school by 2027-01-08', 'Kim: Book the test by 2027-01-15']);
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
