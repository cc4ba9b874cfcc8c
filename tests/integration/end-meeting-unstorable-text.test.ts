/**
 * What people type must never stop a meeting from ending (issue 9, item 3). PostgreSQL text and
 * jsonb cannot hold U+0000, and jsonb refuses a lone surrogate; a parent who types either into
 * their own words must not leave the meeting live with no documents. The characters are written
 * through the real collaboration server, and the meeting is ended by the chair's command.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, meetingDocuments, meetings } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import {
	addPlanAction,
	addPlanOutcome,
	recordDecision,
	recordOutcome
} from '../../src/lib/collab/record-shape';
import { templateFor } from '../../src/lib/domain';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { readStoredRecord } from '../../src/lib/server/records';
import { signIn, noRegister, sessionOf } from '../factories';
import { makeMeetingToEnd, withCollabServer } from '../fixtures/meeting-to-end';
import { synced, typeParagraph, waitFor } from './collab-harness';

const suite = withCollabServer();
const { pool } = suite;

describe('ending a meeting whose record holds characters the database cannot store', () => {
	it('ends the meeting and stores every document, with the characters taken out', async () => {
		const { db } = suite.handle;
		const {
			chair,
			others: [sw, parent],
			childId,
			meetingId,
			participantId
		} = await makeMeetingToEnd(db, {
			child: 'Chrissie Walker',
			others: [
				{ name: 'Sam Okafor', role: 'professional' },
				{ name: 'Dawn Walker', role: 'parent' }
			]
		});
		const parentClient = pool.open({
			url: suite.server.url,
			meetingId,
			token: await signIn(db, parent.id)
		});
		const swClient = pool.open({
			url: suite.server.url,
			meetingId,
			token: await signIn(db, sw.id)
		});
		const chairClient = pool.open({
			url: suite.server.url,
			meetingId,
			token: await signIn(db, chair.id)
		});
		await Promise.all([parentClient, swClient, chairClient].map((c) => synced(c)));

		// A NUL in the parent's own words, and a lone surrogate (half an emoji) in a plan action.
		typeParagraph(
			parentClient.doc,
			roots.contribution(participantId(parent)),
			'Chrissie loves\u0000 drawing.'
		);
		expect(
			recordDecision(swClient.doc, participantId(sw), {
				childId,
				recommendation: 'plan',
				reason: 'Chrissie misses school\u0000 every week.'
			})
		).toEqual({ ok: true });
		recordOutcome(chairClient.doc, {
			childId,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The neglect is daily and long-standing.'
		});
		const outcome = addPlanOutcome(swClient.doc, {
			childId,
			text: 'Chrissie gets to school on time \ud83d',
			concernId: null
		});
		addPlanAction(swClient.doc, {
			outcomeId: outcome,
			what: 'Walk Chrissie\u0000 to school',
			who: 'Dawn Walker',
			byWhen: '2027-01-11'
		});

		await waitFor('the record on the server', async () => {
			const main = await readStoredRecord({ db, meetingId });
			const done =
				main.getXmlFragment(roots.contribution(participantId(parent))).length > 0 &&
				main.getMap(roots.outcome).size === 1 &&
				(main.getMap(roots.plan).get('actions') as { length: number } | undefined)?.length === 1;
			main.destroy();
			return done;
		});

		const result = await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			confirmation: noRegister
		});
		expect(result.documents.map((d) => d.kind)).toEqual(templateFor('initial-conference').outputs);
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.status).toBe('ended');

		const rows = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		expect(rows).toHaveLength(templateFor('initial-conference').outputs.length);
		const notes = rows.find((r) => r.kind === 'notes')!;
		expect(notes.html).toContain('Chrissie loves drawing.');
		const plan = rows.find((r) => r.kind === 'plan-24h')!;
		expect(plan.html).toContain('Walk Chrissie to school');
		expect(plan.html).toContain('Chrissie misses school every week.');
		for (const row of rows) {
			expect(row.html).not.toContain('\u0000');
			expect(JSON.stringify(row.content)).not.toContain('\\u0000');
		}
		// The meeting's end (the socket's opens of the live record are audited too).
		const [audited] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, meetingId), eq(auditLog.action, 'end')));
		expect(audited).toMatchObject({ action: 'end', userId: chair.id });
	});
});
