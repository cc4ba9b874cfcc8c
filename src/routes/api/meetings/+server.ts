import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { visibleMeetings } from '$lib/server/meetings/queries';
import { audit } from '$lib/server/audit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const meetings = await visibleMeetings({ db, user });
	await audit({
		db,
		userId: user.id,
		action: 'list',
		targetType: 'meeting',
		detail: { via: 'api' }
	});
	return json(meetings);
};
