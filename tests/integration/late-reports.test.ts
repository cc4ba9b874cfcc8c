/**
 * Late reports to chase (issue 28): every report late for one of the unit's meetings of the last
 * 90 days, whether or not the meeting has ended, with who to chase (name, agency, address); not
 * one for a meeting 100 days ago, not another unit's, and not for someone who may not see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { agencies, meetingParticipants, type User } from '../../src/lib/server/db/schema';
import { lateReportsToChase } from '../../src/lib/server/meetings/late-reports';
import type { Viewer } from '../../src/lib/policy';
import { createTestDatabase, makeMeeting, makeUnit, makeUser } from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User, gp: User;
let endedId: string;
const now = new Date('2027-03-10T09:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const viewer = (u: User): Viewer => ({ id: u.id, role: u.role, unitId: u.unitId });

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	gp = await makeUser(db, { role: 'professional', unitId: unit.id });
	const otherChair = await makeUser(db, { role: 'chair', unitId: other.id });
	const [surgery] = await db
		.insert(agencies)
		.values({ name: 'Elm Street Surgery', kind: 'gp', email: 'reception@elm.test' })
		.returning();
	const meetingWithGpReport = async (props: {
		unitId: string;
		title: string;
		scheduledAt: Date;
		status: 'ended' | 'scheduled';
		chair: User;
		email?: string;
	}) => {
		const { meeting } = await makeMeeting(db, {
			unitId: props.unitId,
			title: props.title,
			status: props.status,
			scheduledAt: props.scheduledAt,
			participants: [{ user: props.chair, role: 'chair' }]
		});
		await db.insert(meetingParticipants).values({
			meetingId: meeting.id,
			name: 'Dr Ravi Patel',
			email: props.email ?? null,
			role: 'professional',
			agencyId: surgery.id,
			reportRequested: true
		});
		return meeting.id;
	};
	endedId = await meetingWithGpReport({
		unitId: unit.id,
		title: 'Ended last month',
		scheduledAt: daysAgo(30),
		status: 'ended',
		chair,
		email: 'ravi.patel@elm.test'
	});
	await meetingWithGpReport({
		unitId: unit.id,
		title: 'Ended 100 days ago',
		scheduledAt: daysAgo(100),
		status: 'ended',
		chair
	});
	await meetingWithGpReport({
		unitId: other.id,
		title: 'Another unit’s',
		scheduledAt: daysAgo(20),
		status: 'ended',
		chair: otherChair
	});
});

afterAll(async () => {
	await handle?.close();
});

describe('late reports to chase', () => {
	it('lists the GP report late for a meeting that has since ended, with who to chase', async () => {
		const late = await lateReportsToChase({ db: handle.db, viewer: viewer(admin), now });
		expect(late).toHaveLength(1);
		expect(late![0]).toMatchObject({
			name: 'Dr Ravi Patel',
			agency: 'Elm Street Surgery',
			email: 'ravi.patel@elm.test',
			state: 'late',
			meeting: { id: endedId, status: 'ended', title: 'Ended last month' }
		});
		expect(await lateReportsToChase({ db: handle.db, viewer: viewer(chair), now })).toHaveLength(1);
	});

	it('leaves out a meeting 100 days ago, and answers null to someone who may not see the list', async () => {
		const late = await lateReportsToChase({ db: handle.db, viewer: viewer(admin), now });
		expect(late!.map((r) => r.meeting.title)).not.toContain('Ended 100 days ago');
		expect(await lateReportsToChase({ db: handle.db, viewer: viewer(gp), now })).toBeNull();
	});
});
