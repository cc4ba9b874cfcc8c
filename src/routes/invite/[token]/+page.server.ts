import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { fieldProblem, formProblem, readForm } from '$lib/server/forms';
import { passwordProblem } from '$lib/server/auth/password';
import { newPasswordProblem } from '$lib/server/auth/password-strength';
import {
	lookUpAccountInvite,
	redeemAccountInvite,
	type RedeemedInvite
} from '$lib/server/auth/account-invites';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';
import { commandFail } from '$lib/server/http/form';

/**
 * A set-up link from an invitation (src/lib/server/auth/account-invites.ts): someone named on a
 * meeting without an account chooses a password (or types the password of an account they
 * already have with that address, which the meeting then joins), is signed in and sent to the
 * meeting; someone
 * the unit made an account for (People and agencies) chooses its password and is signed in.
 */
const setUpForm = z
	.object({
		password: z.string().superRefine((value, ctx) => {
			const problem = passwordProblem(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		}),
		confirm: z.string()
	})
	.refine((f) => f.password === f.confirm, {
		path: ['confirm'],
		message: 'The two passwords are not the same.'
	});

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const found = await lookUpAccountInvite({ db: await database(), token: params.token });
	return found.ok
		? {
				ok: true as const,
				name: found.name,
				email: found.email,
				forMeeting: found.meetingId !== null,
				newPassword: found.newPassword,
				expiresAt: found.expiresAt.toISOString()
			}
		: { ok: false as const, problem: found.problem };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const db = await database();
		const form = readForm(await request.formData(), setUpForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		// Not a common, repeated or guessable password, nor one made of their own name or email.
		const found = await lookUpAccountInvite({ db, token: params.token });
		if (!found.ok) return fail(400, { errors: formProblem(found.problem) });
		const weak = await newPasswordProblem({ password: form.data.password, person: found });
		if (weak) return fail(400, { errors: fieldProblem('password', weak) });
		let made: RedeemedInvite;
		try {
			made = await redeemAccountInvite({ db, token: params.token, password: form.data.password });
		} catch (problem) {
			return commandFail(problem, (_, message) => ({ errors: formProblem(message) }));
		}
		const next = made.meetingId ? `/meetings/${made.meetingId}` : '/';
		// The place joined an account that asks for a code: they sign in with it as usual.
		if (!made.signIn) redirect(303, `/login?next=${encodeURIComponent(next)}`);
		const token = generateSessionToken();
		await createSession({ db, token, userId: made.userId, address: getClientAddress() });
		setSessionCookie({ cookies, token, secure: url.protocol === 'https:' });
		redirect(303, next);
	}
};
