import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { updateAction } from '$lib/server/actions/commands/update-action';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the state and note (400).
const body = z.object({ state: z.unknown(), note: z.unknown() }).partial().catch({});

/** The action's owner or the meeting's chair marks its progress: { state, note } → the action. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const action = await updateAction({
			db: await database(),
			user,
			actionId: params.id,
			state: input.state,
			note: input.note
		});
		return json(action);
	} catch (problem) {
		return commandJson(problem, { field: 'state' });
	}
};
