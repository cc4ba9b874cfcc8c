import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { fieldProblem, readForm } from '$lib/server/forms';
import { changePassword } from '$lib/server/auth/change-password';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return { changed: url.searchParams.get('changed') === '1' };
};

const passwordForm = z.object({
	currentPassword: z
		.string({ error: 'Enter your current password.' })
		.min(1, 'Enter your current password.')
		.max(256, 'That password is too long.'),
	newPassword: z.string({ error: 'Enter a new password.' }).min(1, 'Enter a new password.'),
	confirmPassword: z
		.string({ error: 'Enter the new password again.' })
		.min(1, 'Enter the new password again.')
});

export const actions: Actions = {
	/** Changes the password and ends every other session (their sockets close too). */
	default: async ({ locals, request }) => {
		if (!locals.user || !locals.sessionId) redirect(303, '/login');
		const form = readForm(await request.formData(), passwordForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await changePassword({
			db: await database(),
			userId: locals.user.id,
			sessionId: locals.sessionId,
			...form.data
		});
		if (!result.ok) return fail(400, { errors: fieldProblem(result.field, result.message) });
		redirect(303, '/account/password?changed=1');
	}
};
