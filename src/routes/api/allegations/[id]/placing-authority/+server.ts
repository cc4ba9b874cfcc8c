import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordPlacingAuthority } from '$lib/server/allegations/commands/record-placing-authority';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * What the LADO heard from the authority that placed a child here (issue 25): `{ childId,
 * seenOn?: "YYYY-MM-DD", email? }` → 200 `{ childId, seenOn, email }`. The seen day stops the
 * placed-elsewhere clock. 400 naming the field; 409 when the seen day is already recorded; anyone
 * who does not work the unit's cases 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const recorded = await recordPlacingAuthority({
			db: await database(),
			user,
			id: params.id,
			input: body ?? {}
		});
		if (!recorded) return notFound();
		return json(recorded);
	} catch (problem) {
		return commandJson(problem);
	}
};
