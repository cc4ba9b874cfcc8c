import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { consultationForViewer } from '$lib/server/voices/consultations';
import type { RequestHandler } from './$types';

/** One child's consultation form by its id, for whoever may see the meeting about the child (a parent only their own child's); anyone else 404. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const found = await consultationForViewer({
		db: await database(),
		user,
		consultationId: params.id
	});
	if (!found) error(404, 'Not found');
	return json(found);
};
