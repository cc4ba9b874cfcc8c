import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { visibleMeetings } from '$lib/server/meetings/queries';
import { audit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const meetings = await visibleMeetings({ db, user: locals.user });
	await audit({ db, userId: locals.user.id, action: 'list', targetType: 'meeting' });
	return { role: locals.user.role, meetings };
};
