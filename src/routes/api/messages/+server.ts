import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { jsonObject } from '$lib/server/http/json';
import { readConversations, sendMessage } from '$lib/server/messages';
import type { RequestHandler } from './$types';

/**
 * "Tell my reviewing officer" (issue 27). `GET /api/messages` lists the conversations the
 * person may read (a child's own; a reviewing officer's with the children they review; anyone
 * else none); `?childId=` one child's, 404 unless theirs.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	const conversations = await readConversations({
		db: await database(),
		user,
		childId: url.searchParams.get('childId')
	});
	if (!conversations) error(404, 'Not found');
	return json({ conversations }, { headers: { 'cache-control': 'no-store' } });
};

/**
 * `{ text }` from a child → 201 `{ id }`, delivered to their reviewing officer; the officer
 * answers with `{ text, childId }`. 400 `{ errors: { text } }`; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const result = await sendMessage({
		db: await database(),
		user,
		input: await jsonObject(request)
	});
	if (result.status === 404) error(404, 'Not found');
	if (result.status === 400) return json({ errors: result.errors }, { status: 400 });
	return json({ id: result.id }, { status: 201 });
};
