import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { giveChildNewLink } from '$lib/server/child-accounts';
import type { RequestHandler } from './$types';

/**
 * A new set-up link for a child's own account (issue 27: a child who forgot their password has
 * no email address): → 201 `{ setUpLink }`, given to the child by hand. Any earlier unused link
 * stops working; with this one the child chooses a new password, is signed in, and their other
 * sessions end. The child's reviewing officer, or the unit's chairs and business support;
 * anyone else 404; a child with no account yet 409.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const result = await giveChildNewLink({ db: await database(), user, childId: params.childId });
	if (result.status === 404) error(404, 'Not found');
	if (result.status === 409) return json({ message: result.message }, { status: 409 });
	return json({ setUpLink: result.setUpLink }, { status: 201 });
};
