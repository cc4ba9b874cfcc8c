/**
 * The demo's children's homes and their Regulation 33 visits (issue 25): Inglefield and Edinburgh
 * Road, the unit's two homes in its annual report, recorded six months before the demo's month,
 * and visited alternately, one a month between them ("Six Reg 33 visits are undertaken a year
 * alternating between Inglefield and Edinburgh Road", AR §4.4) — so each home misses a month in
 * two, and Inglefield, not visited last month, is overdue. Each earlier visit's report went to the
 * registered manager (a sent message in the outbox) and onto Ofsted's record; Edinburgh Road's
 * latest has its findings written, its report still to send. Idempotent: fixed ids.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	childrensHomes,
	mailPriorities,
	outbox,
	reg33Visits
} from '../../src/lib/server/db/schema';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { monthOf, monthsBefore, visitReport } from '../../src/lib/domain/reg33';
import { demoIds, demoUserIds, id } from './demo-ids';

export const demoHomeIds = { inglefield: id(3301), edinburghRoad: id(3302) };

const DAY = 86_400_000;

const homes = [
	{
		id: demoHomeIds.inglefield,
		name: 'Inglefield',
		managerName: 'Helen Marsh',
		managerEmail: 'helen.marsh@inglefield.example',
		ofstedUrn: 'SC041522'
	},
	{
		id: demoHomeIds.edinburghRoad,
		name: 'Edinburgh Road',
		managerName: 'Tom Adeyemi',
		managerEmail: 'tom.adeyemi@edinburgh-road.example',
		ofstedUrn: 'SC037118'
	}
];

/** What each visit found, in the order of the months (oldest first). */
const visitNotes = [
	{
		staffCount: 2,
		staffRoles: 'registered manager, residential worker',
		youngPeopleCount: 3,
		findings:
			'The home was calm and clean. Records of incidents and of restraint were up to date and signed. Young people said staff listen to them and that house meetings change things.',
		recommendations: 'Replace the broken blind in the lounge.'
	},
	{
		staffCount: 3,
		staffRoles: 'deputy manager, two residential workers',
		youngPeopleCount: 2,
		findings:
			'Staffing met the rota. One young person said they were not told in time about a change of social worker. The complaints log had one open complaint, answered within timescale.',
		recommendations:
			'Make sure young people are told of a change of social worker before it happens.'
	},
	{
		staffCount: 1,
		staffRoles: 'senior residential worker',
		youngPeopleCount: 4,
		findings:
			'Young people were preparing a meal together. Medication records were complete. Two young people asked for more activities at weekends.',
		recommendations: ''
	}
];

export async function seedDemoHomes(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	const [existing] = await db
		.select({ id: childrensHomes.id })
		.from(childrensHomes)
		.where(eq(childrensHomes.id, demoHomeIds.inglefield));
	if (existing) return;
	const thisMonth = monthOf(calendarDateOf(today));
	const recordedOn = `${monthsBefore(thisMonth, 6)}-01`;
	await db.transaction(async (tx) => {
		await tx.insert(childrensHomes).values(
			homes.map((home) => ({
				...home,
				unitId: demoIds.unit,
				recordedOn,
				createdBy: demoUserIds.admin,
				createdAt: new Date(`${recordedOn}T10:00:00Z`)
			}))
		);
		// Months 6, 4 and 2 ago at Inglefield; 5, 3 and 1 ago at Edinburgh Road.
		for (let n = 6, i = 0; n >= 1; n--, i++) {
			const home = n % 2 === 0 ? homes[0] : homes[1];
			const byOfficer = home === homes[0];
			const visitedOn = `${monthsBefore(thisMonth, n)}-10`;
			const at = new Date(`${visitedOn}T16:00:00Z`);
			const notes = visitNotes[Math.floor(i / 2)];
			const visitorName = byOfficer ? 'Priya Shah' : 'Margaret Hale';
			const latest = n === 1;
			const report = visitReport({
				homeName: home.name,
				ofstedUrn: home.ofstedUrn,
				managerName: home.managerName,
				visitedOn,
				visitorName,
				spokenTo: {
					staffCount: notes.staffCount,
					staffRoles: notes.staffRoles,
					youngPeopleCount: notes.youngPeopleCount
				},
				findings: notes.findings,
				recommendations: notes.recommendations
			});
			const sentAt = new Date(at.getTime() + 3 * DAY);
			const [message] = latest
				? []
				: await tx
						.insert(outbox)
						.values({
							recipientEmail: home.managerEmail,
							purpose: 'reg33-report',
							priority: mailPriorities['reg33-report'],
							subject: report.subject,
							textBody: report.text,
							state: 'sent',
							attempts: 1,
							createdAt: sentAt,
							nextAttemptAt: sentAt,
							sentAt
						})
						.returning({ id: outbox.id });
			await tx.insert(reg33Visits).values({
				id: id(3311 + i),
				homeId: home.id,
				visitedOn,
				visitorUserId: byOfficer ? demoUserIds.chair : null,
				visitorName,
				staffSpokenTo: notes.staffCount,
				staffRoles: notes.staffRoles,
				youngPeopleSpokenTo: notes.youngPeopleCount,
				findings: notes.findings,
				recommendations: notes.recommendations,
				findingsRecordedAt: new Date(at.getTime() + DAY),
				findingsRecordedBy: byOfficer ? demoUserIds.chair : demoUserIds.admin,
				reportSentAt: latest ? null : sentAt,
				reportSentBy: latest ? null : demoUserIds.admin,
				reportOutboxId: message?.id ?? null,
				recordedForOfstedAt: latest ? null : new Date(at.getTime() + 5 * DAY),
				recordedForOfstedBy: latest ? null : demoUserIds.manager,
				createdBy: byOfficer ? demoUserIds.chair : demoUserIds.admin,
				createdAt: at
			});
		}
	});
}
