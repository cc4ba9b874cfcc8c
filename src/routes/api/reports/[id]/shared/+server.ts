import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { reportShareable, shareReport } from '$lib/server/voices/reports';
import { jsonObject } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * Marks the report shared with the parents: `{ shared: true }` → 200 `{ sharedWithParentsAt }`
 * (the first time it was shared stays). Its author or whoever prepares the meeting; anyone
 * else 404; any other body 400.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	if (!(await reportShareable({ db, user, reportId: params.id }))) error(404, 'Not found');
	const input = await jsonObject(request);
	if (input?.shared !== true)
		return json(
			{ errors: { shared: 'Send { "shared": true } to mark the report shared with the parents.' } },
			{ status: 400 }
		);
	const shared = await shareReport({ db, user, reportId: params.id });
	if (!shared) error(404, 'Not found');
	return json({ sharedWithParentsAt: shared.sharedWithParentsAt.toISOString() });
};
