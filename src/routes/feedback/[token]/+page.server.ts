import { error, fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { feedbackByLink } from '$lib/server/feedback';
import { giveFeedbackByLink } from '$lib/server/feedback/commands/give-feedback-by-link';
import type { Actions, PageServerLoad } from './$types';

/**
 * A professional's personal link to a meeting's feedback (issue 27), from the circulation
 * email: no sign-in, the link is the key; it opens only the three questions, never the meeting.
 * A link that is not good (unknown, expired) is a 404.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const found = await feedbackByLink({ db: await database(), token: params.token });
	if (!found) error(404, 'This link is not right, or has expired.');
	return found;
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await request.formData();
		const input = Object.fromEntries(
			['listenedTo', 'knowWhatNext', 'better', 'officerDifference'].flatMap((field) => {
				const value = form.get(field);
				return typeof value === 'string' ? [[field, value]] : [];
			})
		);
		const result = await giveFeedbackByLink({ db: await database(), token: params.token, input });
		if (result.status === 404) error(404, 'This link is not right, or has expired.');
		const none: Record<string, string> = {};
		if (result.status === 400)
			return fail(400, { errors: result.errors, message: '', thanked: false });
		if (result.status === 409)
			return fail(409, { errors: none, message: result.message, thanked: false });
		return { errors: none, message: '', thanked: true };
	}
};
