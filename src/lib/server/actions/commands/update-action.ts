import { eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetings, planActions } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { mayUpdateAction } from '../../../policy';
import { storableText } from '../../db/storable';
import { textLimits } from '../../../domain/text-limits';
import { CommandError } from '../../command-error';
import { actionView, isActionState, type ActionView } from '../../actions';

/**
 * The owner or the meeting's chair marks an action's progress with a line of words. Anyone
 * else, or an id that is no action, is a 404; a state that is not one of the four, or a line
 * too long, a 400.
 */
export async function updateAction(props: {
	db: Database;
	user: SessionUser;
	actionId: string;
	state: unknown;
	note: unknown;
	now?: Date;
}): Promise<ActionView> {
	const { db, user } = props;
	const notFound = new CommandError(404, 'No action with that id that you may change.');
	if (!/^[0-9a-f-]{36}$/i.test(props.actionId)) throw notFound;
	const [found] = await db
		.select({ action: planActions, chairId: meetings.chairId })
		.from(planActions)
		.innerJoin(meetings, eq(meetings.id, planActions.meetingId))
		.where(eq(planActions.id, props.actionId));
	if (
		!found ||
		!mayUpdateAction({ viewer: user, ownerId: found.action.ownerId, meetingChairId: found.chairId })
	)
		throw notFound;
	if (!isActionState(props.state))
		throw new CommandError(400, 'Choose not started, in progress, done or stuck.', 'state');
	const note = props.note === undefined || props.note === null ? '' : props.note;
	if (typeof note !== 'string') throw new CommandError(400, 'Write the note as words.', 'note');
	const line = note.replace(/\s+/g, ' ').trim();
	if (line.length > textLimits.actionNote)
		throw new CommandError(
			400,
			`Keep the note to one line (${textLimits.actionNote} characters at most).`,
			'note'
		);
	const [row] = await db
		.update(planActions)
		.set({
			state: props.state,
			note: storableText(line),
			updatedBy: user.id,
			updatedAt: props.now ?? new Date()
		})
		.where(eq(planActions.id, props.actionId))
		.returning();
	await audit({
		db,
		userId: user.id,
		action: 'update-action',
		targetType: 'meeting',
		targetId: row.meetingId,
		detail: { actionId: row.id, state: row.state }
	});
	return actionView(row);
}
