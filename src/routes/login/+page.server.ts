import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { formProblem, readForm } from '$lib/server/forms';
import { CHALLENGE_COOKIE, CHALLENGE_LIFETIME_MS } from '$lib/server/auth/two-step';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeNext } from '$lib/server/auth/next-path';
import { isUsername } from '$lib/domain/people';
import type { Actions, PageServerLoad } from './$types';

const isEmailAddress = (value: string) => z.email().safeParse(value).success;

const signInForm = z.object({
	// An email address, or a child's username (issue 27: a child's own account has no email).
	email: z
		.string({ error: 'Enter your email address.' })
		.trim()
		.min(1, 'Enter your email address.')
		.max(254, 'That email address is too long.')
		.refine((value) => (value.includes('@') ? isEmailAddress(value) : isUsername(value)), {
			message: 'Enter an email address like name@example.gov.uk, or your username.'
		}),
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, 'Enter your password.')
		.max(256, 'That password is too long.')
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, locals.user.role === 'child' ? '/me' : safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = readForm(await request.formData(), signInForm, ['email']);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await signInWithPassword({
			db: await database(),
			email: form.data.email,
			password: form.data.password,
			address: getClientAddress()
		});
		const values: Record<string, string> = { email: form.data.email };
		if (!result.ok && result.problem === 'code-needed') {
			setChallengeCookie({
				cookies,
				token: result.challengeToken,
				secure: url.protocol === 'https:'
			});
			const next = url.searchParams.get('next');
			redirect(
				303,
				next ? `/login/code?next=${encodeURIComponent(safeNext(next))}` : '/login/code'
			);
		}
		if (!result.ok && result.problem === 'too-many-attempts') {
			return fail(429, {
				values,
				errors: formProblem(
					`Too many attempts to sign in. Wait ${result.retryAfterMinutes} minute${result.retryAfterMinutes === 1 ? '' : 's'} and try again.`
				)
			});
		}
		if (!result.ok) {
			return fail(400, {
				values,
				errors: formProblem('The email address or password is not right. Check them and try again.')
			});
		}
		setSessionCookie({ cookies, token: result.token, secure: url.protocol === 'https:' });
		// A child goes to their own space unless a link sent them somewhere of theirs.
		const next = url.searchParams.get('next');
		redirect(303, result.role === 'child' && !next ? '/me' : safeNext(next));
	}
};

/** The half-done sign-in's cookie: on /login and /login/code only, for as long as the code may take. */
function setChallengeCookie(props: { cookies: Cookies; token: string; secure: boolean }) {
	props.cookies.set(CHALLENGE_COOKIE, props.token, {
		path: '/login',
		httpOnly: true,
		sameSite: 'lax',
		secure: props.secure,
		maxAge: CHALLENGE_LIFETIME_MS / 1000
	});
}
