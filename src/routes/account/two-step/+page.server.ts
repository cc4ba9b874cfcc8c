import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { fieldProblem, readForm } from '$lib/server/forms';
import {
	hasTwoStep,
	newTotpKey,
	totpKeyUri,
	turnOffTwoStep,
	turnOnTwoStep
} from '$lib/server/auth/two-step';
import { mayUseTwoStepSignIn } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

/** Staff turn two-step sign-in on (a key shown as text and as an otpauth URI) or off. Parents 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!mayUseTwoStepSignIn(locals.user)) error(404, 'Not found');
	if (await hasTwoStep(await database(), locals.user.id))
		return { on: true as const, changed: url.searchParams.get('changed') };
	// A new key each time the page is opened; it is kept only once a code from the app proves it.
	const key = newTotpKey();
	return {
		on: false as const,
		changed: url.searchParams.get('changed'),
		key,
		uri: totpKeyUri({ key, accountName: locals.user.email })
	};
};

const onForm = z.object({
	key: z.string({ error: 'Start again.' }),
	code: z
		.string({ error: 'Enter the 6 digits your app shows.' })
		.trim()
		.min(1, 'Enter the 6 digits your app shows.'),
	password: z
		.string({ error: 'Enter your current password.' })
		.min(1, 'Enter your current password.')
		.max(256, 'That password is too long.')
});
const offForm = onForm.pick({ password: true });

export const actions: Actions = {
	on: async ({ locals, request }) => {
		if (!locals.user || !mayUseTwoStepSignIn(locals.user)) error(404, 'Not found');
		const form = readForm(await request.formData(), onForm, ['key']);
		const again = (key: string) =>
			/^[A-Z2-7]{32}$/.test(key)
				? { key, uri: totpKeyUri({ key, accountName: locals.user!.email }) }
				: {};
		if (!form.ok) return fail(400, { errors: form.errors, ...again(form.values.key) });
		const result = await turnOnTwoStep({
			db: await database(),
			userId: locals.user.id,
			password: form.data.password,
			key: form.data.key,
			code: form.data.code
		});
		if (!result.ok)
			return fail(400, {
				errors: fieldProblem(result.field, result.message),
				...again(form.data.key)
			});
		redirect(303, '/account/two-step?changed=on');
	},
	off: async ({ locals, request }) => {
		if (!locals.user || !mayUseTwoStepSignIn(locals.user)) error(404, 'Not found');
		const form = readForm(await request.formData(), offForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await turnOffTwoStep({
			db: await database(),
			userId: locals.user.id,
			password: form.data.password
		});
		if (!result.ok) return fail(400, { errors: fieldProblem(result.field, result.message) });
		redirect(303, '/account/two-step?changed=off');
	}
};
