import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { cancelMeeting, MeetingDateError } from '$lib/server/meetings/commands/change-meeting-date';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the reason (400).
const body = z.object({ reason: z.unknown() }).partial().catch({});

/** The chair or business support cancels a scheduled meeting: { reason } → { id, status }; everyone invited is sent a cancellation. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const cancelled = await cancelMeeting({
			db: await database(),
			user,
			meetingId: params.id,
			reason: typeof input.reason === 'string' ? input.reason : ''
		});
		return json({ id: cancelled.id, status: cancelled.status });
	} catch (problem) {
		if (!(problem instanceof MeetingDateError)) throw problem;
		if (problem.status === 404) error(404, problem.message);
		// `message` as before, and `errors` naming the field, as the other JSON APIs answer.
		return json(
			{ message: problem.message, errors: { [problem.field ?? 'form']: problem.message } },
			{ status: problem.status }
		);
	}
};
