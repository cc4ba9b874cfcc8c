import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { jsonObject } from '$lib/server/http/json';
import { makeChildAccount } from '$lib/server/child-accounts';
import type { RequestHandler } from './$types';

/**
 * A child's own account (issue 27): `{ username }` → 201 `{ username, setUpLink }`. The link is
 * given to the child by hand (a child has no email address): it works once, for 14 days, and the
 * child chooses a password with it. The child's reviewing officer, or the unit's chairs and
 * business support; anyone else 404; a child who has an account already 409.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const result = await makeChildAccount({
		db: await database(),
		user,
		childId: params.childId,
		input: await jsonObject(request)
	});
	if (result.status === 404) error(404, 'Not found');
	if (result.status === 400) return json({ errors: result.errors }, { status: 400 });
	if (result.status === 409) return json({ message: result.message }, { status: 409 });
	return json({ username: result.username, setUpLink: result.setUpLink }, { status: 201 });
};
