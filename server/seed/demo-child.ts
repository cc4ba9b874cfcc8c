/**
 * The demo's child with an account of their own (issue 27): Tyler Hughes, 13, in care, whose
 * reviewing officer is the demo's chair (Priya Shah). He signs in as `child@demo.test` with the
 * demo's password and finds his space at /me: his review in three days, his reviewing officer,
 * his form, and his plan from his last review (six months ago) as a tracker card. Loading again
 * changes nothing already there.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	children,
	meetingChildren,
	meetingParticipants,
	meetings,
	planActions,
	users
} from '../../src/lib/server/db/schema';
import { hashPassword } from '../../src/lib/server/auth/password';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { demoIds, demoUserIds, id } from './demo-ids';

const DAY = 86_400_000;

export async function seedDemoChild(props: {
	db: Database;
	today: Date;
	password: string;
}): Promise<void> {
	const { db, today } = props;
	const [existing] = await db.select().from(users).where(eq(users.id, demoUserIds.child));
	if (existing) return;
	const passwordHash = await hashPassword(props.password);
	const lastReview = new Date(today.getTime() - 182 * DAY);
	lastReview.setUTCHours(10, 0, 0, 0);
	await db.transaction(async (tx) => {
		await tx.insert(users).values({
			id: demoUserIds.child,
			unitId: demoIds.unit,
			name: 'Tyler Hughes',
			email: 'child@demo.test',
			role: 'child',
			passwordHash
		});
		await tx
			.update(children)
			.set({
				accountId: demoUserIds.child,
				inCareSince: calendarDateOf(new Date(today.getTime() - 400 * DAY)),
				iroId: demoUserIds.chair
			})
			.where(eq(children.id, demoIds.tyler));
		// His last review, six months ago, and what it asked people to do (his tracker card).
		await tx.insert(meetings).values({
			id: demoIds.tylerLastReview,
			unitId: demoIds.unit,
			kind: 'cic-review',
			title: 'Child in care review',
			status: 'ended',
			scheduledAt: lastReview,
			startedAt: lastReview,
			endedAt: new Date(lastReview.getTime() + 60 * 60_000),
			chairId: demoUserIds.chair
		});
		await tx
			.insert(meetingChildren)
			.values({ meetingId: demoIds.tylerLastReview, childId: demoIds.tyler });
		await tx.insert(meetingParticipants).values([
			{
				meetingId: demoIds.tylerLastReview,
				userId: demoUserIds.chair,
				name: 'Priya Shah',
				role: 'chair',
				attendance: 'present'
			},
			{
				meetingId: demoIds.tylerLastReview,
				userId: demoUserIds.socialWorker,
				name: 'Sam Okafor',
				role: 'professional',
				agencyId: id(11),
				attendance: 'present'
			},
			{
				meetingId: demoIds.tylerLastReview,
				userId: null,
				name: 'Carol Hughes (foster carer)',
				role: 'parent',
				attendance: 'present'
			}
		]);
		const due = (days: number) => calendarDateOf(new Date(lastReview.getTime() + days * DAY));
		await tx.insert(planActions).values([
			{
				meetingId: demoIds.tylerLastReview,
				recordActionId: 'tyler-football',
				childId: demoIds.tyler,
				text: 'find a football club near Tyler’s home',
				who: 'Sam Okafor',
				ownerId: demoUserIds.socialWorker,
				dueBy: due(30),
				state: 'done',
				note: 'Tyler trains on Tuesdays.'
			},
			{
				meetingId: demoIds.tylerLastReview,
				recordActionId: 'tyler-brother',
				childId: demoIds.tyler,
				text: 'arrange for Tyler to see his brother once a month',
				who: 'Sam Okafor',
				ownerId: demoUserIds.socialWorker,
				dueBy: due(60),
				state: 'in-progress'
			},
			{
				meetingId: demoIds.tylerLastReview,
				recordActionId: 'tyler-pep',
				childId: demoIds.tyler,
				text: 'check Tyler has the extra help in maths his school plan promised',
				who: 'Priya Shah',
				ownerId: demoUserIds.chair,
				dueBy: due(90),
				state: 'not-started'
			}
		]);
	});
}
