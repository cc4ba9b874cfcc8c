import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { takeRegister } from '$lib/server/meetings/commands/record-attendance';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then each field (400).
const body = z
	.object({
		participantId: z.unknown(),
		attendance: z.unknown(),
		reportSent: z.unknown(),
		late: z.unknown()
	})
	.partial()
	.catch({});

/**
 * The register: { participantId, attendance: "present" | "present-online" | "apologies" |
 * "absent" | "left-early", reportSent?, late? } → 200 { participantId, attendance, arrivedLate }.
 * The chair and minute-taker of a live or ended meeting, and the unit's business support.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		return json(
			await takeRegister({
				db: await database(),
				user,
				meetingId: params.id,
				participantId: input.participantId,
				attendance: input.attendance,
				reportSent: input.reportSent,
				late: input.late
			})
		);
	} catch (problem) {
		return commandJson(problem);
	}
};
