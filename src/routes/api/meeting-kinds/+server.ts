import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { copyMeetingKind, meetingKindSummary, unitMeetingKinds } from '$lib/server/meeting-kinds';
import { mayReadMeetingKinds, mayShapeMeetingKinds } from '$lib/policy';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/**
 * The unit's meeting kinds (issue 25) → { kinds: [{ id, label, version, sections: [{ id, title,
 * restricted }] }] }: the built-in kinds, then the unit's own copies, each at its latest version;
 * `restricted` says a passage in the section may be kept from the family. The unit's chairs,
 * business support and managers; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	if (!mayReadMeetingKinds(user) || !user.unitId) return notFound();
	const kinds = await unitMeetingKinds({ db: await database(), unitId: user.unitId });
	return json({ kinds: kinds.map(meetingKindSummary) });
};

const copyBody = z.object({
	from: z.string({ error: 'Say which kind to copy: its id from GET /api/meeting-kinds.' })
});

/**
 * Copies one of the unit's kinds: { from } → 201 with the copy as `GET /api/meeting-kinds/{id}`
 * answers it (version 1). Business support and managers of the unit; 400 naming `from` for a kind
 * the unit does not have; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayShapeMeetingKinds(user)) return notFound();
	const input = await readJson(request, copyBody);
	if (!input.ok) return input.response;
	try {
		const copy = await copyMeetingKind({
			db: await database(),
			viewer: user,
			from: input.data.from
		});
		return json(
			{ ...meetingKindSummary(copy), baseKind: copy.baseKind, definition: copy.template },
			{ status: 201 }
		);
	} catch (problem) {
		return commandJson(problem);
	}
};
