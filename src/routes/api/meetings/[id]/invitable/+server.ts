import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { meetingForViewer } from '$lib/server/meetings/queries';
import { invitablePeople } from '$lib/server/meetings/invitable-people';
import { notFound, searchQuery } from '$lib/server/http/json';
import { canPrepareMeeting } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The invite picker's search (issue 28): ?q= words of a name, an agency or an email address →
 * { people: [{ id, name, role, agency, email, roles }] }, at most 20, by name: only those who may
 * be invited to this meeting (`mayBeInvited`: the unit's staff, agencies' people, the family of
 * the meeting's children). Those who prepare the meeting; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found || !canPrepareMeeting({ viewer: user, meeting: found.meeting, participant: found.me }))
		return notFound();
	const query = searchQuery(url, 'a name, an agency or an email address');
	if (!query.ok) return query.response;
	const people = await invitablePeople({ db, meetingId: params.id, q: query.q, limit: 20 });
	await audit({
		db,
		userId: user.id,
		action: 'list',
		targetType: 'user',
		meetingId: params.id,
		detail: { via: 'invite-search' }
	});
	return json({ people }, { headers: { 'cache-control': 'no-store' } });
};
