import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { parseAuditFilters, searchAudit } from '$lib/server/audit-search';
import { mayReadAudit } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * Managers of the unit: ?meetingId=&userId=&from=&to= → { entries: [{ at, userId, action,
 * targetType, targetId, address }] }, newest first (at most 500). Anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!mayReadAudit(user)) error(404, 'Not found');
	const parsed = parseAuditFilters(url.searchParams);
	if (!parsed.ok) return json({ message: parsed.message, field: parsed.field }, { status: 400 });
	const db = await database();
	const entries = await searchAudit({ db, viewer: user, filters: parsed.filters });
	if (!entries) error(404, 'Not found');
	// Reading the log is itself recorded: which filters, never what was found.
	const { meetingId, userId, from, to } = parsed.filters;
	await audit({
		db,
		userId: user.id,
		action: 'search',
		targetType: 'audit',
		detail: { filters: { meetingId, userId, from: from?.toISOString(), to: to?.toISOString() } }
	});
	return json({ entries });
};
