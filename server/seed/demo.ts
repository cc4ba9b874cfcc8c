/**
 * The demo data set: the annual report's example family (Chrissie, 8, and her brother), a
 * second family, and a child in care. Idempotent: fixed ids, inserts that skip what exists.
 * Everyone here is fictional.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	agencies,
	children,
	families,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	meetings,
	units,
	users
} from '../../src/lib/server/db/schema';
import type {
	MeetingKind,
	MeetingRole,
	Attendance,
	UserRole
} from '../../src/lib/domain/vocabulary';
import { hashPassword } from '../../src/lib/server/auth/password';
import { ukDay, ukInstant } from '../../src/lib/meetings/uk-time';
import { seedDemoRecords } from './demo-records';
import { queueDemoMail } from './demo-mail';
import { seedDemoChallenges } from './demo-challenges';
import { seedDemoAllegations } from './demo-allegations';
import { seedDemoHomes } from './demo-homes';
import { seedDemoExploitation } from './demo-exploitation';
import { seedDemoFosterCarers } from './demo-foster-carers';
import { seedDemoLinkedMeetings } from './demo-linked-meetings';
import { seedDemoActions } from './demo-actions';
import { seedDemoChild } from './demo-child';
import { seedDemoReports } from './demo-reports';
import { seedDemoNotes } from './demo-notes';
import { seedYear } from './year';

export const DEMO_PASSWORD = 'roundtable-demo';

import { demoIds, demoUserIds, id } from './demo-ids';

export { demoIds, demoUserIds };

const agencyRows = [
	{ id: id(11), name: "Children's Social Care", kind: 'social-care' },
	{ id: id(12), name: 'Police', kind: 'police' },
	{ id: id(13), name: 'Health visiting service', kind: 'health' },
	{ id: id(14), name: 'Riverside GP practice', kind: 'gp' },
	{ id: id(15), name: 'Oakfield Primary School', kind: 'school' },
	// Told of an initial conference about a child over 5 (issue 22). The two with a team address
	// are the demo unit's own: another unit on the same installation never writes to them.
	{
		id: id(16),
		name: 'Advocacy service',
		kind: 'advocacy',
		email: 'advocacy@demo.test',
		unitId: demoIds.unit
	},
	// Sent every conference's 24-hour plan (issue 22).
	{
		id: id(17),
		name: 'Emergency duty team',
		kind: 'emergency-duty-team',
		email: 'edt@demo.test',
		unitId: demoIds.unit
	}
];

const userRows: {
	id: string;
	email: string;
	name: string;
	role: UserRole;
	agencyId: string | null;
}[] = [
	{ id: id(101), email: 'chair@demo.test', name: 'Priya Shah', role: 'chair', agencyId: null },
	{ id: id(102), email: 'admin@demo.test', name: 'Alan Brooks', role: 'admin', agencyId: null },
	{
		id: id(103),
		email: 'social.worker@demo.test',
		name: 'Sam Okafor',
		role: 'professional',
		agencyId: id(11)
	},
	{
		id: id(104),
		email: 'police@demo.test',
		name: 'PC Jo Reid',
		role: 'professional',
		agencyId: id(12)
	},
	{
		id: id(105),
		email: 'health.visitor@demo.test',
		name: 'Kim Lee',
		role: 'professional',
		agencyId: id(13)
	},
	{
		id: id(106),
		email: 'gp@demo.test',
		name: 'Dr Ravi Patel',
		role: 'professional',
		agencyId: id(14)
	},
	{ id: id(107), email: 'parent@demo.test', name: 'Dawn Walker', role: 'parent', agencyId: null },
	{
		id: id(108),
		email: 'other.parent@demo.test',
		name: 'Jordan Price',
		role: 'parent',
		agencyId: null
	},
	{ id: id(109), email: 'manager@demo.test', name: 'Helen Moss', role: 'manager', agencyId: null },
	// The unit's designated officer for allegations against adults (issue 25): /allegations.
	{ id: id(120), email: 'lado@demo.test', name: 'Grace Oduya', role: 'lado', agencyId: null }
];

/** hh:mm on the UK calendar day of `day`, moved to the next weekday if it falls at a weekend. */
export function ukTime(day: Date, hours: number, minutes = 0): Date {
	let ymd = ukDay(day);
	while ([0, 6].includes(new Date(`${ymd}T12:00:00Z`).getUTCDay())) {
		ymd = ukDay(new Date(new Date(`${ymd}T12:00:00Z`).getTime() + 86_400_000));
	}
	return ukInstant(ymd, hours, minutes);
}

const DAY = 86_400_000;

type Person = {
	userId: string | null;
	name: string;
	role: MeetingRole;
	agencyId?: string | null;
	voting?: boolean;
	attendance?: Attendance;
	reportRequested?: boolean;
	reportReceived?: boolean;
	reportShared?: boolean;
};

function meetingPlan(today: Date) {
	const chair: Person = { userId: id(101), name: 'Priya Shah', role: 'chair' };
	const minutes: Person = { userId: id(102), name: 'Alan Brooks', role: 'minute-taker' };
	const socialWorker: Person = {
		userId: id(103),
		name: 'Sam Okafor',
		role: 'professional',
		agencyId: id(11),
		voting: true,
		reportRequested: true,
		reportReceived: true,
		reportShared: true
	};
	const healthVisitor: Person = {
		userId: id(105),
		name: 'Kim Lee',
		role: 'professional',
		agencyId: id(13),
		voting: true,
		reportRequested: true,
		reportReceived: true,
		reportShared: true
	};
	const police: Person = {
		userId: id(104),
		name: 'PC Jo Reid',
		role: 'professional',
		agencyId: id(12),
		voting: true,
		reportRequested: true,
		reportReceived: true,
		reportShared: false
	};
	const teacher: Person = {
		userId: null,
		name: 'Mrs Ellen Green',
		role: 'professional',
		agencyId: id(15),
		voting: true,
		reportRequested: true,
		reportReceived: true,
		reportShared: true
	};
	const dawn: Person = { userId: id(107), name: 'Dawn Walker', role: 'parent' };
	const present = (p: Person): Person => ({ ...p, attendance: 'present' });
	const cinPeople = [chair, socialWorker, healthVisitor, teacher, dawn].map(present);
	return [
		{
			id: demoIds.cinReviewFirst,
			kind: 'cin-review' as MeetingKind,
			title: 'Child in need review',
			status: 'ended' as const,
			scheduledAt: ukTime(new Date(today.getTime() - 56 * DAY), 10),
			childIds: [demoIds.chrissie, demoIds.leo],
			people: cinPeople
		},
		{
			id: demoIds.cinReviewSecond,
			kind: 'cin-review' as MeetingKind,
			title: 'Child in need review',
			status: 'ended' as const,
			previousMeetingId: demoIds.cinReviewFirst,
			scheduledAt: ukTime(new Date(today.getTime() - 28 * DAY), 10),
			childIds: [demoIds.chrissie, demoIds.leo],
			people: cinPeople
		},
		{
			id: demoIds.icpc,
			kind: 'initial-conference' as MeetingKind,
			title: 'Initial child protection conference',
			previousMeetingId: demoIds.cinReviewSecond,
			scheduledAt: ukInstant(ukDay(today), 10), // today, whatever the day of the week
			childIds: [demoIds.chrissie, demoIds.leo],
			people: [
				chair,
				minutes,
				socialWorker,
				{
					userId: id(104),
					name: 'PC Jo Reid',
					role: 'professional',
					agencyId: id(12),
					voting: true,
					reportRequested: true,
					reportReceived: true,
					reportShared: false
				},
				healthVisitor,
				{
					userId: id(106),
					name: 'Dr Ravi Patel',
					role: 'professional',
					agencyId: id(14),
					voting: false,
					attendance: 'apologies',
					reportRequested: true,
					reportReceived: false
				},
				{
					userId: null,
					name: 'Mrs Ellen Green',
					role: 'professional',
					agencyId: id(15),
					voting: true,
					reportRequested: true,
					reportReceived: true,
					reportShared: true
				},
				{ userId: id(107), name: 'Dawn Walker', role: 'parent' }
			] satisfies Person[]
		},
		{
			id: demoIds.coreGroup,
			kind: 'core-group' as MeetingKind,
			title: 'Core group meeting',
			scheduledAt: ukTime(new Date(today.getTime() + 5 * DAY), 14),
			childIds: [demoIds.mia],
			people: [
				chair,
				socialWorker,
				healthVisitor,
				{ userId: id(108), name: 'Jordan Price', role: 'parent' }
			] satisfies Person[]
		},
		{
			id: demoIds.cicReview,
			kind: 'cic-review' as MeetingKind,
			title: 'Child in care review',
			scheduledAt: ukTime(new Date(today.getTime() + 3 * DAY), 11),
			childIds: [demoIds.tyler],
			people: [
				chair,
				socialWorker,
				{ userId: null, name: 'Carol Hughes (foster carer)', role: 'parent' }
			] satisfies Person[]
		},
		{
			id: demoIds.miaConference,
			kind: 'initial-conference' as MeetingKind,
			title: 'Initial child protection conference',
			status: 'live' as const,
			scheduledAt: ukInstant(ukDay(today), 14),
			childIds: [demoIds.mia],
			people: (
				[
					chair,
					minutes,
					socialWorker,
					healthVisitor,
					police,
					{ userId: id(108), name: 'Jordan Price', role: 'parent' }
				] as Person[]
			).map(present)
		},
		{
			id: demoIds.lifeAppreciationDay,
			kind: 'life-appreciation-day' as MeetingKind,
			title: 'Life Appreciation Day',
			scheduledAt: ukTime(new Date(today.getTime() + 7 * DAY), 10),
			childIds: [demoIds.amelia],
			// Reports for a Life Appreciation Day are for the adopters' book, not shared with parents.
			people: [
				chair,
				{ ...socialWorker, reportShared: false },
				{ ...healthVisitor, reportShared: false },
				{ userId: null, name: 'Mr and Mrs Bell (adopters)', role: 'parent' }
			] satisfies Person[]
		},
		{
			id: demoIds.disruptionMeeting,
			kind: 'disruption-meeting' as MeetingKind,
			title: 'Disruption meeting',
			scheduledAt: ukTime(new Date(today.getTime() + 8 * DAY), 13),
			childIds: [demoIds.kai],
			people: [
				chair,
				{ ...socialWorker, reportShared: false },
				{ userId: null, name: 'Ruth Ellis (former foster carer)', role: 'parent' }
			] satisfies Person[]
		}
	];
}

/** Loads the demo data set. Safe to run again: it adds only what is missing. */
export async function seedDemo(props: {
	db: Database;
	today?: Date;
	/** Also the generated year of the unit's work (server/seed/year.ts): on for `npm run demo`. */
	year?: boolean;
}): Promise<{ created: boolean }> {
	const { db } = props;
	const today = props.today ?? new Date();
	const [existing] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.id, id(101)));

	await db.transaction(async (tx) => {
		await tx
			.insert(units)
			.values({ id: demoIds.unit, name: 'Safeguarding and Quality Assurance Unit (demo)' })
			.onConflictDoNothing();
		await tx.insert(agencies).values(agencyRows).onConflictDoNothing();
		if (!existing) {
			const passwordHash = await hashPassword(DEMO_PASSWORD);
			const needsUnit = new Set<UserRole>(['chair', 'admin', 'manager', 'lado']);
			await tx
				.insert(users)
				.values(
					userRows.map((u) => ({
						...u,
						passwordHash,
						unitId: needsUnit.has(u.role) ? demoIds.unit : null
					}))
				)
				.onConflictDoNothing();
		}
		await tx
			.insert(families)
			.values([
				{ id: id(21), unitId: demoIds.unit, name: 'Walker family' },
				{ id: id(22), unitId: demoIds.unit, name: 'Price family' },
				{ id: id(23), unitId: demoIds.unit, name: 'Hughes family' },
				{ id: id(24), unitId: demoIds.unit, name: 'Grant family' },
				{ id: id(25), unitId: demoIds.unit, name: 'Morgan family' }
			])
			.onConflictDoNothing();
		await tx
			.insert(children)
			.values([
				{
					id: demoIds.chrissie,
					familyId: id(21),
					name: 'Chrissie Walker',
					dateOfBirth: '2018-03-14'
				},
				{ id: demoIds.leo, familyId: id(21), name: 'Leo Walker', dateOfBirth: '2022-07-02' },
				{ id: demoIds.mia, familyId: id(22), name: 'Mia Price', dateOfBirth: '2020-01-20' },
				{ id: demoIds.tyler, familyId: id(23), name: 'Tyler Hughes', dateOfBirth: '2013-09-05' },
				{ id: demoIds.amelia, familyId: id(24), name: 'Amelia Grant', dateOfBirth: '2022-05-10' },
				{ id: demoIds.kai, familyId: id(25), name: 'Kai Morgan', dateOfBirth: '2015-02-17' }
			])
			.onConflictDoNothing();
		await tx
			.insert(familyMembers)
			.values([
				{ familyId: id(21), userId: id(107), relationship: 'Mum' },
				{ familyId: id(22), userId: id(108), relationship: 'Dad' }
			])
			.onConflictDoNothing();

		for (const plan of meetingPlan(today)) {
			const inserted = await tx
				.insert(meetings)
				.values({
					id: plan.id,
					unitId: demoIds.unit,
					kind: plan.kind,
					title: plan.title,
					scheduledAt: plan.scheduledAt,
					chairId: id(101),
					status: 'status' in plan ? plan.status : 'scheduled',
					previousMeetingId: 'previousMeetingId' in plan ? plan.previousMeetingId : null,
					startedAt: 'status' in plan ? plan.scheduledAt : null,
					endedAt:
						'status' in plan && plan.status === 'ended'
							? new Date(plan.scheduledAt.getTime() + 90 * 60_000)
							: null
				})
				.onConflictDoNothing()
				.returning({ id: meetings.id });
			if (inserted.length === 0) {
				// Keep the demo's dates current while the meetings have not happened yet.
				await tx
					.update(meetings)
					.set({ scheduledAt: plan.scheduledAt })
					.where(and(eq(meetings.id, plan.id), eq(meetings.status, 'scheduled')));
				continue;
			}
			await tx
				.insert(meetingChildren)
				.values(plan.childIds.map((childId) => ({ meetingId: plan.id, childId })));
			await tx.insert(meetingParticipants).values(
				plan.people.map((p) => ({
					meetingId: plan.id,
					userId: p.userId,
					name: p.name,
					role: p.role,
					agencyId: p.agencyId ?? null,
					voting: p.voting ?? false,
					attendance: p.attendance ?? 'invited',
					reportRequested: p.reportRequested ?? false,
					reportReceivedAt: p.reportReceived ? new Date(today.getTime() - 2 * DAY) : null,
					reportSharedWithParents: p.reportShared ?? false
				}))
			);
		}
	});
	await seedDemoRecords({ db, today });
	await seedDemoChallenges({ db, today });
	await seedDemoReports({ db, today }); // the conference's reports, in the one register
	await seedDemoActions({ db, today }); // the first review's plan, tracked since
	await seedDemoChild({ db, today, password: DEMO_PASSWORD }); // Tyler's own space (issue 27)
	await seedDemoAllegations({ db, today }); // the LADO's cases (issue 25): Tyler's unseen by Lambeth
	await seedDemoExploitation({ db, today }); // the exploitation group (issue 25): two sittings, a register
	await seedDemoFosterCarers({ db, today }); // foster carers (issue 25): Tyler's carers' review, a report late
	await seedDemoLinkedMeetings({ db, today }); // a strategy meeting on Tyler's case; Tyler missing, and his meeting
	await seedDemoNotes({ db, today }); // the first review's notes: final, circulated, opened
	await seedDemoHomes({ db, today }); // Regulation 33 visits (issue 25): Inglefield overdue
	if (props.year) await seedYear({ db, today });
	await queueDemoMail({ db, meetingIds: meetingPlan(today).map((plan) => plan.id), today }); // invitations, report requests, what is due
	return { created: !existing };
}

/** The demo sign-ins, for the README and the console. */
export const demoLogins = userRows.map((u) => ({ email: u.email, name: u.name, role: u.role }));
