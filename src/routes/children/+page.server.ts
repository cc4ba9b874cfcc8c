import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { readForm } from '$lib/server/forms';
import { mayManageFamilies } from '$lib/policy';
import { visibleChildren, unitFamilies } from '$lib/server/families/queries';
import { createFamily } from '$lib/server/families/commands/create-family';
import { commandFail } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/** The unit's chairs and business support only; anyone else is told nothing (404). */
function keeper(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (!mayManageFamilies(locals.user)) error(404, 'Not found');
	return locals.user;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = keeper(locals, url.pathname);
	const db = await database();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const [kids, families] = await Promise.all([
		visibleChildren({ db, user, q }),
		unitFamilies(db, user)
	]);
	await audit({
		db,
		userId: user.id,
		action: 'list',
		targetType: 'child',
		detail: { search: !!q }
	});
	return { q, children: kids, families };
};

const familyForm = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter the name the unit uses for the family, e.g. Smith family.')
		.max(120, 'Use at most 120 characters.')
});

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const user = keeper(locals, url.pathname);
		const form = readForm(await request.formData(), familyForm, ['name']);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let id: string;
		try {
			id = (await createFamily({ db: await database(), user, name: form.data.name })).id;
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors, values: { name: form.data.name } }));
		}
		redirect(303, `/families/${id}`);
	}
};
