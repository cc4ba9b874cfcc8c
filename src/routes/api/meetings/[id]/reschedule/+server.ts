import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import {
	MeetingDateError,
	rescheduleMeeting
} from '$lib/server/meetings/commands/change-meeting-date';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the reason and the date (400).
const body = z
	.object({ scheduledAt: z.string().optional(), reason: z.string().optional() })
	.catch({});

/** The chair or business support moves a scheduled meeting: { scheduledAt, reason } → { id, scheduledAt }; everyone invited is sent an update. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const moved = await rescheduleMeeting({
			db: await database(),
			user,
			meetingId: params.id,
			scheduledAt: new Date(input.scheduledAt ?? NaN),
			reason: input.reason ?? ''
		});
		return json({
			id: moved.id,
			status: moved.status,
			scheduledAt: moved.scheduledAt.toISOString()
		});
	} catch (problem) {
		if (problem instanceof MeetingDateError) error(problem.status, problem.message);
		throw problem;
	}
};
