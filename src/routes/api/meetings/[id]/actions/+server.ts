import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { actionsForMeeting } from '$lib/server/actions';
import type { RequestHandler } from './$types';

/**
 * The meeting's plan actions and their progress → { actions: [{ id, text, ownerId, dueBy, state,
 * note, who }] }. Whoever may see the meeting (a parent: only their own family's); 404 otherwise.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const actions = await actionsForMeeting({ db: await database(), user, meetingId: params.id });
	if (!actions) error(404, 'No meeting with that id that you are invited to.');
	return json({
		actions: actions.map(
			({ id, text, who, ownerId, dueBy, state, note, updatedAt, mayUpdate }) => ({
				id,
				text,
				who,
				ownerId,
				dueBy,
				state,
				note,
				updatedAt,
				mayUpdate
			})
		)
	});
};
