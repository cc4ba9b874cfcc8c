/**
 * writePlanActions: the plan's actions of an ended meeting written once from its record, each
 * owned by the participant it names (none for someone not on the list), with its child and due
 * date; writing again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { planActions } from '../../db/schema';
import { writePlanActions } from './write-plan-actions';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeMeetingToEnd } from '../../../../../tests/fixtures/meeting-to-end';
import { planRecord } from '../../../../../tests/fixtures/plan-record';

const suite = withTestDatabase((db) =>
	makeMeetingToEnd(db, {
		child: 'Amy Walker',
		others: [{ name: 'Sam Okafor', role: 'professional' }]
	})
);

describe('writePlanActions', () => {
	it('writes each action once, owned by the person it names', async () => {
		const { db } = suite.handle;
		const { meetingId, childId, others } = suite.made;
		const main = planRecord(childId, [
			{ what: 'Visit every week', who: 'Sam Okafor, the social worker', byWhen: '2027-01-09' },
			{ what: 'Walk Amy to school', who: 'Mum', byWhen: 'soon' },
			{ what: '   ', who: 'Nobody', byWhen: '' }
		]);
		expect(await writePlanActions({ db, meetingId, main })).toBe(2);
		const rows = await db.select().from(planActions).where(eq(planActions.meetingId, meetingId));
		expect(
			rows
				.map(({ text, ownerId, dueBy, state }) => ({ text, ownerId, dueBy, state }))
				.sort((a, b) => a.text.localeCompare(b.text))
		).toEqual([
			{
				text: 'Visit every week',
				ownerId: others[0].id,
				dueBy: '2027-01-09',
				state: 'not-started'
			},
			{ text: 'Walk Amy to school', ownerId: null, dueBy: null, state: 'not-started' }
		]);
		expect(rows.every((row) => row.childId === childId)).toBe(true);
		expect(await writePlanActions({ db, meetingId, main })).toBe(0);
		main.destroy();
	});
});
