/**
 * The outbox itself (issue 11): a message is a row first, with what it concerns — its meeting
 * and the document version — and a key queues a scheduled message once, ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db';
import { meetingDocuments, outbox } from '../db/schema';
import { enqueueMail, enqueueMailOnce, outboxMessage } from './outbox';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser
} from '../../../../tests/factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

describe('the outbox', () => {
	it('keeps the meeting and the document version a message concerns, queued and due at once', async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const chair = await makeUser(db, { unitId: unit.id, role: 'chair' });
		const { children } = await makeFamily(db, { unitId: unit.id });
		const { meeting } = await makeMeeting(db, {
			unitId: unit.id,
			childIds: [children[0].id],
			participants: [{ user: chair, role: 'chair' }]
		});
		const [document] = await db
			.insert(meetingDocuments)
			.values({
				meetingId: meeting.id,
				kind: 'plan-24h',
				audience: 'professionals',
				version: 1,
				generatorName: 'test',
				generatorVersion: '1',
				title: 'Plan',
				fileName: 'plan',
				contentHash: 'x',
				html: '<p>Plan</p>',
				content: { title: 'Plan', blocks: [] } as never
			})
			.returning();
		const before = Date.now();
		const message = await enqueueMail({
			db,
			mail: {
				to: 'gp@example.test',
				purpose: 'circulation',
				meetingId: meeting.id,
				documentId: document.id,
				subject: 'A document from a meeting is ready for you',
				text: 'Sign in to read it.'
			}
		});
		const row = await outboxMessage({ db, id: message.id });
		expect(row).toMatchObject({
			state: 'queued',
			attempts: 0,
			meetingId: meeting.id,
			documentId: document.id,
			lastError: null,
			sentAt: null
		});
		// Due at once, by this process's clock, to the millisecond.
		expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before);
		expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
	});

	it('queues a scheduled message once per key, however often it is asked', async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const chair = await makeUser(db, { unitId: unit.id, role: 'chair' });
		const gp = await makeUser(db, { unitId: unit.id, role: 'professional' });
		const { children } = await makeFamily(db, { unitId: unit.id });
		const {
			meeting,
			participants: [, participant]
		} = await makeMeeting(db, {
			unitId: unit.id,
			childIds: [children[0].id],
			participants: [
				{ user: chair, role: 'chair' },
				{ user: gp, role: 'professional' }
			]
		});
		const key = {
			meetingId: meeting.id,
			participantId: participant.id,
			purpose: 'reminder' as const
		};
		const build = () => ({
			to: 'gp@example.test',
			purpose: 'reminder' as const,
			meetingId: meeting.id,
			subject: 'Reminder',
			text: 'Soon'
		});
		const results = await Promise.all([
			enqueueMailOnce({ db, key, build }),
			enqueueMailOnce({ db, key, build })
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await enqueueMailOnce({ db, key, build })).toBeNull();
		// A new sequence (the meeting moved) is a new message.
		expect(await enqueueMailOnce({ db, key: { ...key, sequence: 1 }, build })).not.toBeNull();
		const rows = await db.select().from(outbox).where(eq(outbox.meetingId, meeting.id));
		expect(rows).toHaveLength(2);
	});
});
