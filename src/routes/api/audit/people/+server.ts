import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { auditPeople } from '$lib/server/audit-search';
import { notFound, searchQuery } from '$lib/server/http/json';
import { mayReadAudit } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The audit page's person picker (issue 28): ?q= words of a name, an agency or an email address
 * → { people: [{ id, name, role, agency, email }] }, at most 20, by name: only people whose
 * entries the manager may see. Managers of a unit; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!mayReadAudit(user) || !user.unitId) return notFound();
	const query = searchQuery(url, 'a name, an agency or an email address');
	if (!query.ok) return query.response;
	const people = await auditPeople({
		db: await database(),
		unitId: user.unitId,
		q: query.q,
		limit: 20
	});
	return json({ people }, { headers: { 'cache-control': 'private, no-store' } });
};
