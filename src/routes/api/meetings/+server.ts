import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { visibleMeetings } from '$lib/server/meetings/queries';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	return json(await visibleMeetings({ db: await database(), user }));
};
