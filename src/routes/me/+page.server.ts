import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { ownSpace, saveOwnConsultation } from '$lib/server/own-space';
import { readConversations, sendMessage } from '$lib/server/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * A child's own space (issue 27): their next meeting and who will be there, their reviewing
 * officer and "Tell my reviewing officer", their form, their tracker card and their letter.
 * Only a child's own account; anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	setHeaders({ 'cache-control': 'no-store' });
	const db = await database();
	const space = await ownSpace({ db, user: locals.user });
	if (!space) error(404, 'Not found');
	const [conversation] = (await readConversations({ db, user: locals.user })) ?? [];
	return { space, messages: conversation?.messages ?? [] };
};

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	tell: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await request.formData();
		const result = await sendMessage({
			db: await database(),
			user: locals.user,
			input: { text: form.get('text') }
		});
		if (result.status === 404) error(404, 'Not found');
		if (result.status === 400) return fail(400, { tell: { errors: result.errors } });
		return { tell: { sent: true } };
	},
	consultation: async ({ locals, request }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await request.formData();
		const result = await saveOwnConsultation({
			db: await database(),
			user: locals.user,
			answers: {
				worries: field(form, 'worries'),
				goingWell: field(form, 'goingWell'),
				wishes: field(form, 'wishes')
			}
		});
		if (!result.ok && result.status === 404) error(404, 'Not found');
		if (!result.ok) return fail(result.status, { consultation: { errors: result.errors } });
		return { consultation: { saved: true } };
	}
};
