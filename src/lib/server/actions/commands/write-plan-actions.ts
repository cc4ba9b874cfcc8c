import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from '../../db';
import { meetingChildren, meetingParticipants, planActions } from '../../db/schema';
import { readRecord } from '../../../collab/record-shape';
import { isCalendarDate } from '../../../domain/calendar-date';
import { storableText } from '../../db/storable';
import { isActionState, ownerOf } from '../../actions';

/**
 * Writes the plan's actions of an ended meeting from its record, once: an action already
 * written (the same record id) is left as it is, so ending again or retrying changes nothing.
 */
export async function writePlanActions(props: {
	db: Database;
	meetingId: string;
	main: Y.Doc;
}): Promise<number> {
	const { db, meetingId } = props;
	const { plan } = readRecord(props.main, []);
	if (!plan.actions.length) return 0;
	const people = await db
		.select({ userId: meetingParticipants.userId, name: meetingParticipants.name })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	const childOf = new Map(plan.outcomes.map((o) => [o.id, o.childId]));
	const kids = await db
		.select({ childId: meetingChildren.childId })
		.from(meetingChildren)
		.where(eq(meetingChildren.meetingId, meetingId));
	const known = new Set(kids.map((k) => k.childId));
	const rows = plan.actions
		.filter((a) => a.what.trim())
		.map((a) => {
			const childId = childOf.get(a.outcomeId) ?? null;
			return {
				meetingId,
				recordActionId: a.id,
				childId: childId && known.has(childId) ? childId : null,
				text: storableText(a.what.trim()),
				who: storableText(a.who.trim()),
				ownerId: ownerOf(a.who, people),
				dueBy: isCalendarDate(a.byWhen.trim()) ? a.byWhen.trim() : null,
				// An action carried from the meeting before keeps where it had got to.
				...(isActionState(a.state) ? { state: a.state, note: storableText(a.note ?? '') } : {})
			};
		});
	if (!rows.length) return 0;
	const written = await db
		.insert(planActions)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: planActions.id });
	return written.length;
}
