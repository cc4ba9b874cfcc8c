import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { createFamily } from '$lib/server/families/commands/create-family';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { mayManageFamilies } from '$lib/policy';
import type { RequestHandler } from './$types';

const body = z.object({ name: z.string({ error: 'Enter the family name.' }) });

/** Business support or a chair adds a family to their unit: { name } → 201 { id }. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayManageFamilies(user)) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		const family = await createFamily({ db: await database(), user, name: input.data.name });
		return json({ id: family.id }, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
