import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { startMeeting } from '$lib/server/meetings/commands/start-meeting';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** The chair starts a scheduled meeting: → { id, status, startedAt }. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	try {
		const started = await startMeeting({ db, user, meetingId: params.id });
		return json({
			id: started.id,
			status: started.status,
			startedAt: started.startedAt?.toISOString() ?? null
		});
	} catch (problem) {
		return commandJson(problem);
	}
};
