/**
 * The demo's allegations (server/seed/demo-allegations.ts, issue 25): the LADO's list as the
 * demo's chair sees it — Tyler's case first, its clock run out (not seen by the London borough
 * that placed him, and no address recorded for it, so the case says it cannot be raised by
 * email), the new referral waiting for its consideration, the PE teacher's case concluded — and
 * the figures counting them. Seeding twice adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { allegations, meetingParticipants, users } from '../../src/lib/server/db/schema';
import { demoLinkedIds } from '../../server/seed/demo-linked-meetings';
import {
	meetingsOfAllegation,
	meetingsOfEpisodes
} from '../../src/lib/server/linked-meetings/links';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { seedDemo } from '../../server/seed/demo';
import { demoIds, demoUserIds } from '../../server/seed/demo-ids';
import { demoAllegationIds } from '../../server/seed/demo-allegations';
import { allegationList } from '../../src/lib/server/allegations/list';
import { readAllegation } from '../../src/lib/server/allegations/allegations';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import { addDays, calendarDateOf } from '../../src/lib/domain/calendar-date';
import { createTestDatabase } from '../factories';

const today = new Date('2026-12-03T08:00:00Z');
let handle: DatabaseHandle;
let chair: SessionUser;

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
	await seedDemo({ db: handle.db, today });
	const [row] = await handle.db.select().from(users).where(eq(users.id, demoUserIds.chair));
	chair = { ...row, agencyId: row.agencyId };
});

afterAll(async () => {
	await handle?.close();
});

describe('the demo’s allegations', () => {
	it('are three, however often the demo is loaded', async () => {
		const [{ n }] = await handle.db.select({ n: count() }).from(allegations);
		expect(n).toBe(3);
	});

	it('lists Tyler’s case first, overdue: not seen by the authority that placed him', async () => {
		const list = await allegationList({ db: handle.db, user: chair, now: today });
		expect(list!.open.map((row) => row.id)).toEqual([
			demoAllegationIds.placedChild,
			demoAllegationIds.new
		]);
		expect(list!.open[0].unseenPlacedChildren).toEqual([
			expect.objectContaining({ id: demoIds.tyler, authority: 'London Borough of Lambeth' })
		]);
		expect(list!.open[1]).toMatchObject({ consideredOn: null, overdue: 0 });
		expect(list!.concluded).toEqual([
			expect.objectContaining({ id: demoAllegationIds.concluded, outcome: 'unsubstantiated' })
		]);
	});

	it('the case holds no address for the placing authority: none is made up', async () => {
		const found = await readAllegation({
			db: handle.db,
			user: chair,
			id: demoAllegationIds.placedChild,
			now: today
		});
		expect(found!.children[0].placingAuthority).toMatchObject({
			name: 'London Borough of Lambeth',
			email: null,
			seenOn: null,
			overdue: true
		});
		expect(found!.employerActions.map((a) => a.action)).toEqual(['suspension']);
	});

	it('the figures count them: received, about a child in care placed here, one concluded in the month', async () => {
		const to = calendarDateOf(today);
		const figures = await oversightFigures({
			db: handle.db,
			unitId: demoIds.unit,
			from: addDays(to, -90),
			to,
			asOf: to
		});
		const a = figures.allegations;
		expect(a.byMonth.reduce((n, m) => n + m.count, 0)).toBe(3);
		expect(a.concerning).toEqual({
			childInCare: 1,
			childDisabled: 0,
			childPlacedByOtherAuthority: 1
		});
		expect(a.resolved).toBe(1);
		expect(a.resolvedWithin.oneMonth).toBe(1);
	});

	it('Tyler’s case has its strategy meeting, for professionals only; Tyler is missing, with his meeting', async () => {
		const listed = await meetingsOfAllegation(handle.db, demoAllegationIds.placedChild);
		expect(listed.map((m) => [m.id, m.kind])).toEqual([
			[demoLinkedIds.strategyMeeting, 'lado-strategy']
		]);
		const roles = await handle.db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, demoLinkedIds.strategyMeeting));
		expect(roles.map((r) => r.role).sort()).toEqual(['chair', 'professional', 'professional']);
		const byEpisode = await meetingsOfEpisodes(handle.db, [demoLinkedIds.episode]);
		expect(byEpisode.get(demoLinkedIds.episode)?.map((m) => m.kind)).toEqual(['missing-from-home']);
	});
});
