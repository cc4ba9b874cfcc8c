import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { childForViewer } from '$lib/server/families/queries';
import { notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** One child the caller may see: name, date of birth, family, care status, IRO, events and due meetings; 404 otherwise. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await childForViewer({ db, user, childId: params.childId });
	if (!found) return notFound();
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'child',
		targetId: found.child.id,
		detail: { via: 'api' }
	});
	const { child } = found;
	return json(
		{
			id: child.id,
			name: child.name,
			preferredName: child.preferredName,
			dateOfBirth: child.dateOfBirth,
			familyId: child.familyId,
			inCareSince: child.inCareSince,
			iro: found.iro,
			events: found.events.map(({ kind, date }) => ({ kind, date })),
			due: Object.entries(found.due).map(([kind, dueBy]) => ({ kind, dueBy }))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
