import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { meetingsPage } from '$lib/server/meetings/list-page';
import { audit } from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	// ?page=2 shows the next 30 earlier meetings; anything else is the first page.
	const asked = Number(url.searchParams.get('page'));
	const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
	const listed = await meetingsPage({ db, user: locals.user, page });
	await audit({ db, userId: locals.user.id, action: 'list', targetType: 'meeting' });
	return { role: locals.user.role, ...listed };
};
