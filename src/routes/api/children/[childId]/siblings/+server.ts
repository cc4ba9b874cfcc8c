import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { keepsChild } from '$lib/server/families/keeping';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { linkSibling } from '$lib/server/families/child-record';
import type { RequestHandler } from './$types';

const body = z.object({
	siblingId: z.string({ error: 'Choose another child of your unit.' })
});

/** Links a brother or sister in another household: { siblingId } → 201 { childId, siblingId }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	if (!(await keepsChild({ db, user, childId: params.childId }))) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		await linkSibling({ db, user, childId: params.childId, siblingId: input.data.siblingId });
	} catch (problem) {
		return commandJson(problem);
	}
	return json({ childId: params.childId, siblingId: input.data.siblingId }, { status: 201 });
};
