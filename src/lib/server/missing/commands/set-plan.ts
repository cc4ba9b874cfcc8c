/**
 * The missing-from-home meeting's plan for an episode (issue 25): the time agreed before
 * escalating (hours from when the young person went missing) and what to escalate to, set again
 * while they are still missing and the episode is not escalated; `meetingId` names the episode's
 * missing from home meeting whose decision it is (kept in the audit log). The hours and escalation it
 * replaces are kept in the audit log.
 */
import { isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { missingEpisodes } from '../../db/schema';
import { CommandError } from '../../command-error';
import type { MissingEscalation } from '../../../domain/vocabulary';
import { fieldsOf, stepEpisode, workableEpisode } from '../episodes';
import { agreedHours, escalation } from './record-episode';
import { planMeetingOf } from '../../linked-meetings/links';

/** Reads the body `{ agreedHours, escalateTo }`, or throws bad input naming the field to fix. */
export function readPlan(input: unknown): { agreedHours: number; escalateTo: MissingEscalation } {
	const body = fieldsOf(input);
	return {
		agreedHours: agreedHours(body.agreedHours),
		escalateTo: escalation(body.escalateTo, 'escalateTo')
	};
}

/** 200's episode with its clock worked out again; null: not the viewer's (404); 409 once over. */
export async function setPlan(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}) {
	const { db, user, id } = props;
	const now = props.now ?? new Date();
	const episode = await workableEpisode(db, user, id);
	if (!episode) return null;
	const over = new CommandError(
		409,
		'The young person is found or the episode escalated: the agreed time no longer runs.',
		'agreedHours'
	);
	if (episode.foundAt !== null || episode.escalatedAt !== null) throw over;
	const plan = readPlan(props.input);
	const meetingId = await planMeetingOf(db, id, fieldsOf(props.input).meetingId);
	return stepEpisode({
		db,
		user,
		id,
		set: plan,
		still: [isNull(missingEpisodes.foundAt), isNull(missingEpisodes.escalatedAt)],
		refused: over,
		action: 'set missing episode plan',
		detail: {
			from: { agreedHours: episode.agreedHours, escalateTo: episode.escalateTo },
			to: plan,
			...(meetingId ? { meetingId } : {})
		},
		now
	});
}
