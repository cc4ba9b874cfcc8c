import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { homeWorker } from '$lib/server/homes/guard';
import { homesOfUnit } from '$lib/server/homes/homes';
import { recordHome } from '$lib/server/homes/commands/record-home';
import { commandFail } from '$lib/server/http/form';
import { todayIn } from '$lib/domain/calendar-date';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unit's children's homes (issue 25, Regulation 33 visits): each with its last visit and
 * whether this month's is due or overdue, the overdue first; and the form to record a home. The
 * unit's chairs, business support and managers (`mayWorkHomes`); anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = homeWorker({ locals, url });
	const today = todayIn();
	return {
		homes: await homesOfUnit({ db: await database(), unitId: viewer.unitId, today }),
		today
	};
};

export const actions: Actions = {
	record: async ({ locals, url, request }) => {
		const viewer = homeWorker({ locals, url });
		const form = await request.formData();
		const input = Object.fromEntries(
			['name', 'managerName', 'managerEmail', 'ofstedUrn'].map((k) => [
				k,
				String(form.get(k) ?? '')
			])
		);
		let made: { id: string } | null;
		try {
			made = await recordHome({ db: await database(), user: viewer, input });
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors, values: input }));
		}
		if (made) redirect(303, `/homes/${encodeURIComponent(made.id)}?recorded=1`);
	}
};
