import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { readConversations, sendMessage } from '$lib/server/messages';
import { mayReadOfficerMessages } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

/**
 * A reviewing officer's messages from the children they review (issue 27), answered in the
 * same place. A child's own conversation is on /me; anyone else has none here (404).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (locals.user.role === 'child') redirect(303, '/me');
	if (!mayReadOfficerMessages(locals.user)) error(404, 'Not found');
	const conversations = await readConversations({ db: await database(), user: locals.user });
	return { conversations: conversations ?? [] };
};

export const actions: Actions = {
	answer: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await request.formData();
		const childId = String(form.get('childId') ?? '');
		const result = await sendMessage({
			db: await database(),
			user: locals.user,
			input: { childId, text: form.get('text') }
		});
		if (result.status === 404) error(404, 'Not found');
		if (result.status === 400) return fail(400, { childId, errors: result.errors });
		return { childId, sent: true };
	}
};
