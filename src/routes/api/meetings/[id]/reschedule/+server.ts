import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { rescheduleMeeting } from '$lib/server/meetings/commands/change-meeting-date';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the reason and the date (400).
const body = z.object({ scheduledAt: z.unknown(), reason: z.unknown() }).partial().catch({});
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The chair or business support moves a scheduled meeting: { scheduledAt, reason } → { id, scheduledAt }; everyone invited is sent an update. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const moved = await rescheduleMeeting({
			db: await database(),
			user,
			meetingId: params.id,
			// Read strictly by the command (src/lib/domain/date-time.ts): 30 February is refused.
			scheduledAt: text(input.scheduledAt),
			reason: text(input.reason)
		});
		return json({
			id: moved.id,
			status: moved.status,
			scheduledAt: moved.scheduledAt.toISOString()
		});
	} catch (problem) {
		return commandJson(problem);
	}
};
