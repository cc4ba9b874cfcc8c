import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { startMeeting, StartMeetingError } from '$lib/server/meetings/commands/start-meeting';
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
		if (problem instanceof StartMeetingError) error(problem.status, problem.message);
		throw problem;
	}
};
