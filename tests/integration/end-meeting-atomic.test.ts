/**
 * Ending a meeting is one transaction (issue 23): when a step fails part-way — here the last
 * one, the audit entry, refused by the database after the documents, the plan's actions, the
 * child's plan and its version were written — nothing of the end is kept: the meeting is still
 * live, with no documents, actions or plan, and the next End makes version 1 of each document.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
	auditLog,
	childPlans,
	meetingDocuments,
	meetings,
	planActions,
	planVersions
} from '../../src/lib/server/db/schema';
import {
	addPlanAction,
	addPlanOutcome,
	readRecord,
	recordOutcome
} from '../../src/lib/collab/record-shape';
import { templateFor } from '../../src/lib/domain';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { readStoredRecord } from '../../src/lib/server/records';
import { signIn, noRegister, sessionOf } from '../factories';
import { makeMeetingToEnd, withCollabServer } from '../fixtures/meeting-to-end';
import { synced, waitFor } from './collab-harness';

const suite = withCollabServer();
const { pool } = suite;

/** What an End leaves behind for this meeting and child. */
async function leftBehind(meetingId: string, childId: string) {
	const { db } = suite.handle;
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	const count = async (rows: Promise<unknown[]>) => (await rows).length;
	return {
		status: meeting.status,
		endedAt: meeting.endedAt,
		documents: await count(
			db.select().from(meetingDocuments).where(eq(meetingDocuments.meetingId, meetingId))
		),
		actions: await count(db.select().from(planActions).where(eq(planActions.meetingId, meetingId))),
		planVersions: await count(
			db.select().from(planVersions).where(eq(planVersions.meetingId, meetingId))
		),
		plans: await count(db.select().from(childPlans).where(eq(childPlans.childId, childId))),
		endAudits: await count(
			db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.targetId, meetingId), eq(auditLog.action, 'end')))
		)
	};
}

describe('a failure part-way through End meeting', () => {
	it('leaves nothing half-done, and the next End makes the first version of everything', async () => {
		const { db } = suite.handle;
		const { chair, childId, meetingId } = await makeMeetingToEnd(db, { child: 'Amy Walker' });

		// The chair decides a plan and writes one action into it, through the real socket.
		const client = pool.open({
			url: suite.server.url,
			meetingId,
			token: await signIn(db, chair.id)
		});
		await synced(client);
		recordOutcome(client.doc, {
			childId,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The neglect is daily and long-standing.'
		});
		const outcome = addPlanOutcome(client.doc, {
			childId,
			text: 'Amy gets to school on time',
			concernId: null
		});
		addPlanAction(client.doc, {
			outcomeId: outcome,
			what: 'Walk Amy to school',
			who: 'Mum',
			byWhen: '2027-01-11'
		});
		await waitFor('the plan on the server', async () => {
			const doc = await readStoredRecord({ db, meetingId });
			const record = readRecord(doc, []);
			doc.destroy();
			return Object.keys(record.outcomes).length === 1 && record.plan.actions.length === 1;
		});

		// The database refuses the end's audit entry: the last step, after everything else.
		await db.execute(sql`
			create function refuse_end_audit() returns trigger language plpgsql as $$
			begin raise exception 'the audit log refuses end entries today'; end $$`);
		await db.execute(sql`
			create trigger refuse_end_audit before insert on audit_log for each row
			when (new.action = 'end') execute function refuse_end_audit()`);
		await expect(
			endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister })
		).rejects.toMatchObject({ cause: { message: 'the audit log refuses end entries today' } });
		expect(await leftBehind(meetingId, childId)).toEqual({
			status: 'live',
			endedAt: null,
			documents: 0,
			actions: 0,
			planVersions: 0,
			plans: 0,
			endAudits: 0
		});

		// The same End once the database accepts it: every document at version 1, one of each.
		await db.execute(sql`drop trigger refuse_end_audit on audit_log`);
		const ended = await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			confirmation: noRegister
		});
		expect(ended.documents.map((d) => d.kind)).toEqual(templateFor('initial-conference').outputs);
		const versions = await db
			.select({ version: meetingDocuments.version })
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		expect(versions.map((v) => v.version)).toEqual(versions.map(() => 1));
		expect(await leftBehind(meetingId, childId)).toMatchObject({
			status: 'ended',
			documents: templateFor('initial-conference').outputs.length,
			actions: 1,
			planVersions: 1,
			plans: 1,
			endAudits: 1
		});
	});
});
