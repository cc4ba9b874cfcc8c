import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { cancelMeeting } from '$lib/server/meetings/commands/change-meeting-date';
import { commandJson } from '$lib/server/http/json';
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
		return commandJson(problem);
	}
};
