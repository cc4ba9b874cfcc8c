import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { unitChairs } from '$lib/server/families/queries';
import { meetingKinds } from '$lib/domain/vocabulary';
import {
	fieldProblem,
	formInstant,
	readForm,
	typedDateField,
	typedTimeField
} from '$lib/server/forms';
import { storableText } from '$lib/server/db/storable';
import { kindHasFamilyView, canScheduleMeetings } from '$lib/policy';
import { createMeeting } from '$lib/server/meetings/commands/create-meeting';
import { refuseFosterReviewWithoutCarer } from '$lib/server/foster-carers/commands/schedule-review';
import { chosenMeetingKind, unitMeetingKinds } from '$lib/server/meeting-kinds';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';
import { searchChildren } from '$lib/server/families/child-search';
import { todayIn } from '$lib/domain/calendar-date';
import type { Actions, PageServerLoad } from './$types';
import { commandFail } from '$lib/server/http/form';

const newMeetingForm = z.object({
	kind: z.string({ error: 'Choose the kind of meeting.' }).min(1, 'Choose the kind of meeting.'),
	title: z.string().trim().max(textLimits.title, tooLongMessage('title', 'the title')).optional(),
	// A date that does not exist or a year out of range is refused with why, never moved.
	date: typedDateField(),
	time: typedTimeField(),
	chairId: z.string().min(1, 'Choose who chairs the meeting.'),
	reason: z
		.string()
		.trim()
		.max(textLimits.reason, tooLongMessage('reason', 'the reason'))
		.optional()
});

async function scheduler(locals: App.Locals) {
	if (!locals.user) redirect(303, '/login?next=/meetings/new');
	if (!canScheduleMeetings(locals.user) || !locals.user.unitId)
		error(403, 'Only chairs and admins schedule meetings.');
	return { user: locals.user, unitId: locals.user.unitId };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const { unitId } = await scheduler(locals);
	const db = await database();
	const chairs = await unitChairs(db, unitId);
	const askedKind = url.searchParams.get('kind');
	return {
		// The built-in kinds, then the unit's own copies at their latest versions (issue 25).
		// A Regulation 33 visit is recorded on its home's page, not scheduled (docs/reg33-visits.md);
		// an allegation's or an episode's meeting is scheduled from its case (issue 25).
		kinds: (await unitMeetingKinds({ db, unitId }))
			.filter((k) => k.baseKind !== 'reg33-visit' && kindHasFamilyView(k.baseKind))
			.map((k) => ({
				id: k.id,
				kind: k.baseKind,
				label: k.template.label
			})),
		chairs,
		today: todayIn(),
		// A link from a family's page ("schedule the initial conference") chooses the kind and child.
		preset: {
			kind: meetingKinds.find((k) => k === askedKind) ?? null,
			// Only the unit's own children, each with their clocks (the picker searches for more).
			children: await searchChildren({ db, unitId, ids: url.searchParams.getAll('childId') })
		}
	};
};

async function chosenChildren(user: { unitId: string | null }, ids: string[]) {
	if (!user.unitId) return [];
	return searchChildren({ db: await database(), unitId: user.unitId, ids });
}

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { user, unitId } = await scheduler(locals);
		const data = await request.formData();
		const invite = data.getAll('invite').filter((v): v is string => typeof v === 'string');
		const childIds = data
			.getAll('childIds')
			.filter((v): v is string => typeof v === 'string')
			.map(storableText);
		const form = readForm(data, newMeetingForm, [
			'kind',
			'title',
			'date',
			'time',
			'chairId',
			'reason'
		]);
		// Kept for the form when the command refuses (a late date without its reason).
		const values: Record<string, string> = form.ok
			? { ...form.data, title: form.data.title ?? '', reason: form.data.reason ?? '' }
			: form.values;
		// The children chosen, to show them again with the form when it is refused.
		const chosen = () => chosenChildren(user, childIds);
		if (!form.ok) return fail(400, { errors: form.errors, values, chosen: await chosen() });
		const { kind, title, date, time, chairId, reason } = form.data;
		const when = formInstant(date, time);
		if (!when.ok)
			return fail(400, {
				errors: fieldProblem('date', when.problem),
				values,
				chosen: await chosen()
			});
		const scheduledAt = when.at;
		let meetingId: string;
		try {
			const db = await database();
			const chosenKind = await chosenMeetingKind({ db, unitId, kindId: kind });
			refuseFosterReviewWithoutCarer(chosenKind.kind);
			const meeting = await createMeeting({
				db,
				scheduler: user,
				kind: chosenKind.kind,
				kindVersionId: chosenKind.kindVersionId,
				title: title || chosenKind.label,
				scheduledAt,
				childIds,
				chairId,
				reason,
				invite
			});
			meetingId = meeting.id;
		} catch (problem) {
			const shown = await chosen();
			return commandFail(problem, (errors) => ({ errors, values, chosen: shown }));
		}
		redirect(303, `/meetings/${meetingId}`);
	}
};
