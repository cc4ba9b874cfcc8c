/**
 * The demo's meetings about a case of the unit's other work (issue 25): a strategy meeting
 * about the allegation against Brookside Children's Home's support worker (Tyler's case),
 * tomorrow, with the police and the home's manager invited by name; and Tyler missing from his
 * placement since yesterday evening, 48 hours agreed before a child protection conference, with
 * a missing from home meeting this afternoon. Neither invites the family. No mail is queued.
 * Written after the allegations (it links to Tyler's case). Idempotent: fixed ids.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	meetingAllegations,
	meetingChildren,
	meetingMissingEpisodes,
	meetingParticipants,
	meetings,
	missingEpisodes
} from '../../src/lib/server/db/schema';
import { meetingKindLabel } from '../../src/lib/domain/labels';
import { demoIds, demoUserIds, id } from './demo-ids';
import { demoAllegationIds } from './demo-allegations';

const HOUR = 3_600_000;

export const demoLinkedIds = {
	strategyMeeting: id(701),
	episode: id(702),
	missingMeeting: id(703)
};

export async function seedDemoLinkedMeetings(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	const [existing] = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(eq(meetings.id, demoLinkedIds.strategyMeeting));
	if (existing) return;
	const atHour = (days: number, hour: number) => {
		const at = new Date(today.getTime() + days * 24 * HOUR);
		at.setUTCHours(hour, 0, 0, 0);
		return at;
	};
	await db.transaction(async (tx) => {
		await tx.insert(meetings).values([
			{
				id: demoLinkedIds.strategyMeeting,
				unitId: demoIds.unit,
				kind: 'lado-strategy',
				title: meetingKindLabel['lado-strategy'],
				status: 'scheduled',
				scheduledAt: atHour(1, 14),
				chairId: demoUserIds.chair
			},
			{
				id: demoLinkedIds.missingMeeting,
				unitId: demoIds.unit,
				kind: 'missing-from-home',
				title: meetingKindLabel['missing-from-home'],
				status: 'scheduled',
				scheduledAt: atHour(0, 15),
				chairId: demoUserIds.chair
			}
		]);
		await tx.insert(meetingChildren).values([
			{ meetingId: demoLinkedIds.strategyMeeting, childId: demoIds.tyler },
			{ meetingId: demoLinkedIds.missingMeeting, childId: demoIds.tyler }
		]);
		await tx.insert(meetingParticipants).values([
			{
				meetingId: demoLinkedIds.strategyMeeting,
				userId: demoUserIds.chair,
				name: 'Priya Shah',
				role: 'chair'
			},
			{
				meetingId: demoLinkedIds.strategyMeeting,
				name: 'DS Rachel Kerr (Police, child abuse investigation team)',
				role: 'professional',
				voting: true
			},
			{
				meetingId: demoLinkedIds.strategyMeeting,
				name: 'Registered manager, Brookside Children’s Home',
				role: 'professional',
				voting: true
			},
			{
				meetingId: demoLinkedIds.missingMeeting,
				userId: demoUserIds.chair,
				name: 'Priya Shah',
				role: 'chair'
			},
			{
				meetingId: demoLinkedIds.missingMeeting,
				name: 'PC Tom Ellis (Police, missing persons)',
				role: 'professional',
				voting: true
			}
		]);
		await tx.insert(meetingAllegations).values({
			meetingId: demoLinkedIds.strategyMeeting,
			allegationId: demoAllegationIds.placedChild
		});
		await tx.insert(missingEpisodes).values({
			id: demoLinkedIds.episode,
			childId: demoIds.tyler,
			wentMissingAt: new Date(atHour(-1, 19).getTime()),
			reportedBy: 'Foster carer',
			agreedHours: 48,
			escalateTo: 'conference',
			createdBy: demoUserIds.admin
		});
		await tx.insert(meetingMissingEpisodes).values({
			meetingId: demoLinkedIds.missingMeeting,
			episodeId: demoLinkedIds.episode
		});
	});
}
