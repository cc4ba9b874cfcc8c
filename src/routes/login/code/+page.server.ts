import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { fieldProblem, formProblem, readForm } from '$lib/server/forms';
import { CHALLENGE_COOKIE, completeSignInWithCode } from '$lib/server/auth/two-step';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeNext } from '$lib/server/auth/next-path';
import type { Actions, PageServerLoad } from './$types';

const codeForm = z.object({
	code: z
		.string({ error: 'Enter the 6-digit code from your app.' })
		.trim()
		.regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit code from your app.')
});

/** The second step of a two-step sign-in; without a password step first, back to /login. */
export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	if (!cookies.get(CHALLENGE_COOKIE)) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = readForm(await request.formData(), codeForm);
		if (!form.ok) return fail(400, { errors: form.errors, startAgain: false });
		const result = await completeSignInWithCode({
			db: await database(),
			challengeToken: cookies.get(CHALLENGE_COOKIE) ?? '',
			code: form.data.code,
			address: getClientAddress()
		});
		if (!result.ok && result.problem === 'wrong-code') {
			return fail(400, {
				errors: fieldProblem(
					'code',
					'That code is not right. Enter the 6 digits your app shows now.'
				),
				startAgain: false
			});
		}
		if (!result.ok) {
			cookies.delete(CHALLENGE_COOKIE, { path: '/login' });
			const message =
				result.problem === 'too-many-attempts'
					? `Too many attempts to sign in. Wait ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? '' : 's'} and try again.`
					: 'Sign in again from the start: the code was asked for too long ago, or too many codes were wrong.';
			return fail(result.problem === 'too-many-attempts' ? 429 : 400, {
				errors: formProblem(message),
				startAgain: true
			});
		}
		cookies.delete(CHALLENGE_COOKIE, { path: '/login' });
		setSessionCookie({ cookies, token: result.token, secure: url.protocol === 'https:' });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
