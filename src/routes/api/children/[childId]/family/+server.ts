import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { keepsChild } from '$lib/server/families/keeping';
import { moveChild } from '$lib/server/families/commands/move-child';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

const body = z.object({ familyId: z.string({ error: 'Choose a family of your unit.' }) });

/** Moves a child to another family of the unit: { familyId } → { id, familyId }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	// Another unit's child is answered as a missing id, before the body is read.
	if (!(await keepsChild({ db, user, childId: params.childId }))) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		return json(await moveChild({ db, user, childId: params.childId, ...input.data }));
	} catch (problem) {
		return commandJson(problem);
	}
};
