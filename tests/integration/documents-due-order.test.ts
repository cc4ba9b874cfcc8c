/**
 * Documents due in working order (issue 28): what is outstanding comes first, the most overdue at
 * the top, then what is due soonest; the done ones (final) come after, marked done, the most
 * recently due first — so a year of finished documents never buries what is still to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { dueDocuments } from '../../src/lib/server/documents/due';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let unitId: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const { children } = await makeFamily(db, { unitId: unit.id, children: ['Ada Okoro'] });
	// Made out of order on purpose: the queue must not follow insertion or due date alone.
	for (const [title, at] of [
		['B meeting', '2026-11-16T10:00:00Z'],
		['C meeting', '2026-12-14T10:00:00Z'],
		['A meeting', '2026-11-02T10:00:00Z']
	] as const) {
		const { meeting } = await makeMeeting(db, {
			unitId: unit.id,
			title,
			childIds: [children[0].id],
			scheduledAt: new Date(at),
			participants: [{ user: chair, role: 'chair' }]
		});
		await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId: meeting.id,
			confirmation: noRegister,
			now: new Date(new Date(at).getTime() + 60 * 60 * 1000)
		});
	}
});

afterAll(async () => {
	await handle?.close();
});

describe('documents due, in working order', () => {
	it('puts the most overdue first, then the soonest due, then the done ones, latest first', async () => {
		const documents = await dueDocuments({ db: handle.db, unitId, today: '2026-12-21' });
		expect(documents.map((d) => `${d.meetingTitle} ${d.kind} ${d.done ? 'done' : 'open'}`)).toEqual(
			[
				'A meeting notes open',
				'B meeting notes open',
				'C meeting notes open',
				'C meeting plan-24h done',
				'B meeting plan-24h done',
				'A meeting plan-24h done'
			]
		);
		const [first, second, third] = documents;
		expect(first.workingDaysLate).toBeGreaterThan(second.workingDaysLate);
		expect(second.workingDaysLate).toBeGreaterThan(0);
		expect(third).toMatchObject({ workingDaysLate: 0, lateness: 'on time', done: false });
		expect(documents.at(-1)).toMatchObject({ state: 'final', lateness: 'done', done: true });
	});
});
