import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { raiseWithPlacingAuthority } from '$lib/server/allegations/commands/raise-with-placing-authority';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * Raises a placed child not yet seen with the authority that placed them (issue 25): `{ childId }`
 * → 200 `{ to, at }`, an email queued to the address recorded. 409 when no address is recorded
 * (never guessed) or the child has been seen; anyone who does not work the unit's cases 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const raised = await raiseWithPlacingAuthority({
			db: await database(),
			user,
			id: params.id,
			input: body ?? {}
		});
		if (!raised) return notFound();
		return json(raised);
	} catch (problem) {
		return commandJson(problem);
	}
};
