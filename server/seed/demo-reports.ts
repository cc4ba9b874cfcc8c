/**
 * The demo's reports for Chrissie and Leo's initial conference (issue 21), kept in the app so
 * the register, the Reports list, the parent's page and the documents say the same: the social
 * worker's and the health visitor's were shared with Mum two days before; the police report
 * arrived but was not shared with her (the chair sees this when the meeting starts: the seed's
 * complaint, reports not available to the family before conference); the teacher's came on
 * paper and stays a hand tick; the GP was asked and has not sent one. Loading again adds
 * nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { meetingParticipants, professionalReports } from '../../src/lib/server/db/schema';
import { demoIds, demoUserIds } from './demo-ids';

const DAY = 86_400_000;

const reports: { userId: string; title: string; body: string; shared: boolean }[] = [
	{
		userId: demoUserIds.socialWorker,
		title: 'Social work report',
		body: 'Chrissie is late for school most mornings and often has had no breakfast.\n\nLeo is not gaining weight as he should. Dawn has agreed to the health visitor coming every week and wants help with mornings.',
		shared: true
	},
	{
		userId: demoUserIds.healthVisitor,
		title: 'Health visitor’s report',
		body: 'Leo has dropped from the 25th to below the 9th centile since the summer. Dawn has kept two of the last four appointments.\n\nThe nappy rash has not cleared with the cream prescribed in October.',
		shared: true
	},
	{
		userId: demoUserIds.police,
		title: 'Police report',
		body: 'Two call-outs to the address since September: a neighbour reported shouting late at night. No one was arrested.',
		shared: false
	}
];

export async function seedDemoReports(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	const meetingId = demoIds.icpc;
	const existing = await db
		.select({ id: professionalReports.id })
		.from(professionalReports)
		.where(eq(professionalReports.meetingId, meetingId));
	if (existing.length) return;
	const at = new Date(today.getTime() - 2 * DAY);
	for (const report of reports) {
		const [participant] = await db
			.select({ id: meetingParticipants.id })
			.from(meetingParticipants)
			.where(
				and(
					eq(meetingParticipants.meetingId, meetingId),
					eq(meetingParticipants.userId, report.userId)
				)
			);
		if (!participant) continue;
		await db.insert(professionalReports).values({
			meetingId,
			participantId: participant.id,
			authorId: report.userId,
			title: report.title,
			body: report.body,
			createdAt: at,
			sharedWithParentsAt: report.shared ? new Date(at.getTime() + 3 * 3_600_000) : null
		});
	}
}
