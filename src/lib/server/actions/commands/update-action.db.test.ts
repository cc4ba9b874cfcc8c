/**
 * updateAction: the owner of an action (or the chair) marks its progress with a line of words,
 * audited; anyone else or an id that is no action is a 404; a state not one of the four, or a
 * note too long, a 400 naming the field.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, planActions } from '../../db/schema';
import { CommandError } from '../../command-error';
import { textLimits } from '../../../domain/text-limits';
import { updateAction } from './update-action';
import { writePlanActions } from './write-plan-actions';
import { makeUser, sessionOf } from '../../../../../tests/factories';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeMeetingToEnd } from '../../../../../tests/fixtures/meeting-to-end';
import { planRecord } from '../../../../../tests/fixtures/plan-record';

const suite = withTestDatabase(async (db) => {
	const meeting = await makeMeetingToEnd(db, {
		child: 'Amy Walker',
		others: [{ name: 'Sam Okafor', role: 'professional' }]
	});
	const main = planRecord(meeting.childId, [
		{ what: 'Visit every week', who: 'Sam Okafor', byWhen: '2027-01-09' }
	]);
	await writePlanActions({ db, meetingId: meeting.meetingId, main });
	main.destroy();
	const [action] = await db
		.select()
		.from(planActions)
		.where(eq(planActions.meetingId, meeting.meetingId));
	const stranger = await makeUser(db, { role: 'professional', name: 'Not Invited' });
	return { ...meeting, actionId: action.id, stranger };
});

async function refusal(update: Promise<unknown>) {
	const problem = await update.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('updateAction', () => {
	it('lets the owner mark it done with a line of words, and audits it', async () => {
		const { db } = suite.handle;
		const [sam] = suite.made.others;
		const done = await updateAction({
			db,
			user: sessionOf(sam),
			actionId: suite.made.actionId,
			state: 'done',
			note: '  Visited on\nMonday  '
		});
		expect(done).toMatchObject({ state: 'done', note: 'Visited on Monday' });
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'update-action'), eq(auditLog.userId, sam.id)));
		expect(entries.map((entry) => entry.detail)).toEqual([
			{ actionId: suite.made.actionId, state: 'done' }
		]);
	});

	it('answers 404 to someone else and to an id that is no action', async () => {
		const { db } = suite.handle;
		const user = sessionOf(suite.made.stranger);
		for (const actionId of [suite.made.actionId, 'not-an-id', crypto.randomUUID()])
			expect(
				await refusal(updateAction({ db, user, actionId, state: 'done', note: '' }))
			).toMatchObject({ status: 404 });
	});

	it('answers 400 for a state that is not one of the four, or a note too long', async () => {
		const { db } = suite.handle;
		const user = sessionOf(suite.made.chair);
		const actionId = suite.made.actionId;
		expect(
			await refusal(updateAction({ db, user, actionId, state: 'finished', note: '' }))
		).toMatchObject({ status: 400, field: 'state' });
		expect(
			await refusal(
				updateAction({
					db,
					user,
					actionId,
					state: 'stuck',
					note: 'x'.repeat(textLimits.actionNote + 1)
				})
			)
		).toMatchObject({ status: 400, field: 'note' });
	});
});
