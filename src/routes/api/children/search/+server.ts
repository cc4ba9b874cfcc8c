import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { notFound } from '$lib/server/http/json';
import { searchChildren } from '$lib/server/families/child-search';
import { maySearchChildren } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The search for a child (the meeting form's and the referral form's picker): ?q= words of a
 * name, preferred name or family, and a date of birth; their own unit's children only, at most
 * 20, each with date of birth, family, age and clocks. Anyone else (`maySearchChildren`): 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!maySearchChildren(user) || !user.unitId) return notFound();
	const q = url.searchParams.get('q') ?? '';
	if (q.length > 100)
		return json(
			{ errors: { q: 'Search with at most 100 characters: a name, a family or a date of birth.' } },
			{ status: 400 }
		);
	const db = await database();
	const found = await searchChildren({ db, unitId: user.unitId, q });
	await audit({
		db,
		userId: user.id,
		action: 'list',
		targetType: 'child',
		detail: { via: 'search' }
	});
	return json({ children: found }, { headers: { 'cache-control': 'no-store' } });
};
