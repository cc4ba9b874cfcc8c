import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { kindShaper } from '$lib/server/meeting-kinds-guard';
import { copyMeetingKind, unitMeetingKinds } from '$lib/server/meeting-kinds';
import { commandFail } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unit's meeting kinds (issue 25): the built-in kinds and the unit's own copies, each at its
 * latest version. Business support and managers copy a kind, then change the copy's words.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = kindShaper({ locals, url });
	const kinds = await unitMeetingKinds({ db: await database(), unitId: viewer.unitId });
	return {
		kinds: kinds.map((k) => ({
			id: k.id,
			label: k.template.label,
			version: k.version,
			builtIn: k.builtIn,
			sections: k.template.sections.length
		}))
	};
};

export const actions: Actions = {
	copy: async ({ locals, url, request }) => {
		const viewer = kindShaper({ locals, url });
		const from = String((await request.formData()).get('from') ?? '');
		let copied: string;
		try {
			copied = (await copyMeetingKind({ db: await database(), viewer, from })).id;
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors }));
		}
		redirect(303, `/unit/meeting-kinds/${encodeURIComponent(copied)}?copied=1`);
	}
};
