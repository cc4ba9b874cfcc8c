import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { notFound } from '$lib/server/http/json';
import { searchChildren } from '$lib/server/families/child-search';
import { proposedInvitees } from '$lib/server/meetings/proposals';
import { canScheduleMeetings } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * Who should come to a new meeting about the children chosen (?childId=… repeated): the
 * professionals and team mailboxes of each child's last meeting and core group (issue 22), as the
 * schedule form shows them once the picker has chosen. Schedulers only; a child who is not the
 * unit's own is 404, as if it did not exist.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!canScheduleMeetings(user) || !user.unitId) return notFound();
	const asked = [...new Set(url.searchParams.getAll('childId'))];
	if (asked.length > 20)
		return json({ errors: { childId: 'Ask for at most 20 children at a time.' } }, { status: 400 });
	const db = await database();
	const own = await searchChildren({ db, unitId: user.unitId, ids: asked });
	if (own.length !== asked.length) return notFound();
	const proposed = await proposedInvitees({ db, unitId: user.unitId, childIds: asked });
	return json(
		{
			proposed: proposed.map(({ id, name, agency, mailbox, from, childIds }) => ({
				id,
				name,
				agency,
				mailbox,
				from,
				childIds
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
