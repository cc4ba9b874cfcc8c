import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { endpointView, setEndpoint } from '$lib/server/case-system/endpoint';
import { replayDelivery, unitDeliveries } from '$lib/server/case-system/documents';
import { mayConfigureCaseSystem, mayReadCaseSystemDeliveries } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

function viewer(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (!mayReadCaseSystemDeliveries(locals.user)) error(404, 'Not found');
	return locals.user as NonNullable<App.Locals['user']> & { unitId: string };
}

/**
 * The council's case system (issue 26): where the unit's events go, and every event sent with
 * its state; business support and managers replay one; managers set the endpoint.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = viewer(locals, url.pathname);
	const db = await database();
	return {
		endpoint: await endpointView(db, user.unitId),
		deliveries: (await unitDeliveries({ db, user })) ?? [],
		mayConfigure: mayConfigureCaseSystem(user)
	};
};

export const actions: Actions = {
	replay: async ({ locals, request, url }) => {
		const user = viewer(locals, url.pathname);
		const deliveryId = String((await request.formData()).get('deliveryId') ?? '');
		const replayed = await replayDelivery({ db: await database(), user, deliveryId });
		if (!replayed)
			return fail(400, {
				which: 'replay',
				errors: { deliveryId: 'Choose an event of your unit, with an endpoint set.' }
			});
		return { which: 'replay', message: 'The event is queued to be sent again.' };
	},
	endpoint: async ({ locals, request, url }) => {
		const user = viewer(locals, url.pathname);
		if (!mayConfigureCaseSystem(user)) error(404, 'Not found');
		const form = await request.formData();
		const problems = await setEndpoint({
			db: await database(),
			user,
			url: form.get('url'),
			secret: form.get('secret')
		});
		if (problems.length)
			return fail(400, {
				which: 'endpoint',
				errors: Object.fromEntries(problems.map((p) => [p.field, p.message])),
				values: { url: String(form.get('url') ?? '') }
			});
		return { which: 'endpoint', message: 'The case system’s endpoint is saved.' };
	}
};
