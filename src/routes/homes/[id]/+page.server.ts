import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { homeWorker } from '$lib/server/homes/guard';
import { homeWithVisits, unitHome } from '$lib/server/homes/homes';
import { unitChairs } from '$lib/server/families/queries';
import { recordVisit } from '$lib/server/homes/commands/record-visit';
import { recordFindings } from '$lib/server/homes/commands/record-findings';
import { reportOf, sendReport } from '$lib/server/homes/commands/send-report';
import { recordForOfsted } from '$lib/server/homes/commands/record-for-ofsted';
import { commandFail } from '$lib/server/http/form';
import { badInput } from '$lib/server/command-error';
import type { SessionUser } from '$lib/server/auth/session';
import { calendarDateOf, todayIn } from '$lib/domain/calendar-date';
import type { Actions, PageServerLoad } from './$types';

/**
 * One children's home (issue 25): its visits, the latest first, each with the form for its
 * findings, its report as it will be sent (made from the record), "send the report" to the
 * registered manager and "recorded for Ofsted"; and the form to record a visit. The unit's chairs,
 * business support and managers; another unit's home, or anyone else, 404.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const viewer = homeWorker({ locals, url });
	const db = await database();
	const today = todayIn();
	const found = await homeWithVisits({ db, user: viewer, id: params.id, today });
	if (!found) error(404, 'Not found');
	const { home, cadence, visits } = found;
	return {
		home: {
			id: home.id,
			name: home.name,
			ofstedUrn: home.ofstedUrn,
			managerName: home.managerName,
			managerEmail: home.managerEmail
		},
		cadence,
		visits: visits.map((visit) => ({
			id: visit.id,
			visitedOn: visit.visitedOn,
			visitorName: visit.visitorName,
			staffCount: visit.staffSpokenTo,
			staffRoles: visit.staffRoles,
			youngPeopleCount: visit.youngPeopleSpokenTo,
			findings: visit.findings,
			recommendations: visit.recommendations,
			report: reportOf(home, visit),
			reportSentOn: visit.reportSentAt ? calendarDateOf(visit.reportSentAt) : null,
			recordedForOfstedOn: visit.recordedForOfstedAt
				? calendarDateOf(visit.recordedForOfstedAt)
				: null
		})),
		officers: await unitChairs(db, viewer.unitId),
		today,
		recorded: url.searchParams.has('recorded')
	};
};

/** The home in the path: 404 unless it is the viewer's unit's (as the page itself answers). */
async function checkHome(viewer: SessionUser, homeId: string): Promise<void> {
	if (!(await unitHome(await database(), viewer, homeId))) error(404, 'Not found');
}

/** The home in the path, and a visit named (400 without one). */
async function checkVisit(viewer: SessionUser, homeId: string, visitId: string): Promise<void> {
	await checkHome(viewer, homeId);
	if (!visitId) throw badInput('visitId', 'Choose the visit.');
}

const fields = (form: FormData, names: string[]) =>
	Object.fromEntries(names.map((k) => [k, String(form.get(k) ?? '')]));

export const actions: Actions = {
	visit: async ({ locals, url, params, request }) => {
		const viewer = homeWorker({ locals, url });
		const values = fields(await request.formData(), ['visitedOn', 'visitorId', 'visitorName']);
		const input = { ...values, homeId: params.id };
		try {
			await checkHome(viewer, params.id);
			const visit = await recordVisit({ db: await database(), user: viewer, input });
			if (!visit) error(404, 'Not found');
			return { done: 'visit', visitId: visit.id };
		} catch (problem) {
			return commandFail(problem, (errors) => ({ action: 'visit', errors, values }));
		}
	},
	findings: async ({ locals, url, params, request }) => {
		const viewer = homeWorker({ locals, url });
		const form = await request.formData();
		const visitId = String(form.get('visitId') ?? '');
		const input = fields(form, [
			'staffCount',
			'staffRoles',
			'youngPeopleCount',
			'findings',
			'recommendations'
		]);
		try {
			await checkVisit(viewer, params.id, visitId);
			const done = await recordFindings({ db: await database(), user: viewer, visitId, input });
			if (!done) error(404, 'Not found');
			return { done: 'findings', visitId };
		} catch (problem) {
			return commandFail(problem, (errors) => ({
				action: 'findings',
				visitId,
				errors,
				values: input
			}));
		}
	},
	report: async ({ locals, url, params, request }) => {
		const viewer = homeWorker({ locals, url });
		const form = await request.formData();
		const visitId = String(form.get('visitId') ?? '');
		try {
			await checkVisit(viewer, params.id, visitId);
			const sent = await sendReport({ db: await database(), user: viewer, visitId });
			if (!sent) error(404, 'Not found');
			return { done: 'report', visitId };
		} catch (problem) {
			return commandFail(problem, (errors) => ({ action: 'report', visitId, errors }));
		}
	},
	ofsted: async ({ locals, url, params, request }) => {
		const viewer = homeWorker({ locals, url });
		const form = await request.formData();
		const visitId = String(form.get('visitId') ?? '');
		try {
			await checkVisit(viewer, params.id, visitId);
			const done = await recordForOfsted({ db: await database(), user: viewer, visitId });
			if (!done) error(404, 'Not found');
			return { done: 'ofsted', visitId };
		} catch (problem) {
			return commandFail(problem, (errors) => ({ action: 'ofsted', visitId, errors }));
		}
	}
};
