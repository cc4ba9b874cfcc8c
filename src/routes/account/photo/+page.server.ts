import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { mayKeepOwnPhoto } from '$lib/policy';
import { commandFail } from '$lib/server/http/form';
import { hasOwnPhoto, removeOwnPhoto, saveOwnPhoto } from '$lib/server/people/photos';
import type { Actions, PageServerLoad } from './$types';

function staffMember(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (!mayKeepOwnPhoto(locals.user)) error(404, 'Not found');
	return locals.user;
}

/** Your photo (issue 27): the face a child sees beside their reviewing officer's name. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = staffMember(locals, url.pathname);
	return {
		userId: user.id,
		hasPhoto: await hasOwnPhoto(await database(), user.id),
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	upload: async ({ locals, request, url }) => {
		const user = staffMember(locals, url.pathname);
		const form = await request.formData().catch(() => null);
		const file = form?.get('photo');
		const bytes =
			file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		try {
			await saveOwnPhoto({ db: await database(), viewer: user, bytes });
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors }));
		}
		redirect(303, '/account/photo?saved=photo');
	},
	remove: async ({ locals, url }) => {
		const user = staffMember(locals, url.pathname);
		try {
			await removeOwnPhoto({ db: await database(), viewer: user });
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors }));
		}
		redirect(303, '/account/photo?saved=removed');
	}
};
