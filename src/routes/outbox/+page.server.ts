import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { outboxForViewer } from '$lib/server/mail/outbox-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const messages = await outboxForViewer({ db: await database(), viewer: locals.user });
	if (!messages) error(404, 'Not found');
	return { messages };
};
