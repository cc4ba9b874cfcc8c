import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { fieldProblem, formProblem, readForm } from '$lib/server/forms';
import { hasAnyUser } from '$lib/server/users';
import { createFirstAdmin } from '$lib/server/users-create';
import { passwordProblem } from '$lib/server/auth/password';
import { newPasswordProblem } from '$lib/server/auth/password-strength';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';

const setupForm = z
	.object({
		unitName: z
			.string()
			.trim()
			.min(1, 'Enter the name of your safeguarding unit.')
			.max(textLimits.name, tooLongMessage('name', "the unit's name")),
		name: z
			.string()
			.trim()
			.min(1, 'Enter your full name.')
			.max(textLimits.name, tooLongMessage('name', 'your name')),
		email: z
			.string()
			.trim()
			.min(1, 'Enter your email address.')
			.max(textLimits.email, tooLongMessage('email', 'the email address'))
			.email('Enter an email address like name@example.gov.uk.'),
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

export const load: PageServerLoad = async () => {
	if (await hasAnyUser(await database())) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const db = await database();
		if (await hasAnyUser(db))
			return fail(409, {
				errors: formProblem('Roundtable is already set up. Sign in instead.'),
				values: {} as Record<string, string>
			});
		const form = readForm(await request.formData(), setupForm, ['unitName', 'name', 'email']);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		// Not a common, repeated or guessable password, nor one made of their own name or email.
		const weak = await newPasswordProblem({ password: form.data.password, person: form.data });
		if (weak) {
			const { unitName, name, email } = form.data;
			return fail(400, {
				errors: fieldProblem('password', weak),
				values: { unitName, name, email }
			});
		}
		const admin = await createFirstAdmin({ db, ...form.data });
		const token = generateSessionToken();
		await createSession({ db, token, userId: admin.id });
		setSessionCookie({ cookies, token, secure: url.protocol === 'https:' });
		redirect(303, '/meetings');
	}
};
