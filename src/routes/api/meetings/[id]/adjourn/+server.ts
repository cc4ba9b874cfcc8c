import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { adjournMeeting } from '$lib/server/meetings/commands/adjourn-meeting';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the reason and the date (400).
const body = z.object({ scheduledAt: z.unknown(), reason: z.unknown() }).partial().catch({});
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The chair adjourns a live meeting: { reason, scheduledAt } → { id, status, scheduledAt }. It
 * keeps its record and continues on the new date; everyone invited is sent an update with the
 * calendar file, and the live sockets are told the meeting is no longer live.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const moved = await adjournMeeting({
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
