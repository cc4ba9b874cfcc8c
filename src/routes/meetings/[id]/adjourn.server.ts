/**
 * The meeting page's `adjourn` action (AdjournMeeting.svelte): the same command as
 * POST /api/meetings/{id}/adjourn, so the same rights (the chair of a live meeting; anyone else
 * 404) and refusals (a reason, a time not yet passed). Problems come back under `adjourn`.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { readForm, typedDateField, typedTimeField } from '$lib/server/forms';
import { adjournMeeting } from '$lib/server/meetings/commands/adjourn-meeting';
import { commandFail } from '$lib/server/http/form';
import { formatMeetingTime } from '$lib/meetings/uk-time';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';

const adjournForm = z.object({
	date: typedDateField(),
	time: typedTimeField(),
	reason: z
		.string()
		.trim()
		.min(1, 'Say why the meeting is adjourned: everyone invited is told, and the reason is kept.')
		.max(textLimits.reason, tooLongMessage('reason', 'the reason'))
});

export const adjournActions = {
	adjourn: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		if (!locals.user) redirect(303, '/login');
		const form = readForm(await request.formData(), adjournForm, ['date', 'time', 'reason']);
		if (!form.ok) return fail(400, { adjourn: { errors: form.errors, values: form.values } });
		const { date, time, reason } = form.data;
		try {
			const moved = await adjournMeeting({
				db: await database(),
				user: locals.user,
				meetingId: params.id,
				// Read by the command with the same strict reader as the API's scheduledAt.
				scheduledAt: `${date}T${time}`,
				reason
			});
			return {
				message: `The meeting is adjourned. It continues on ${formatMeetingTime(moved.scheduledAt.toISOString())}; everyone invited is sent the new date with the calendar file.`
			};
		} catch (problem) {
			return commandFail(
				problem,
				(errors) => ({ adjourn: { errors, values: { date, time, reason } } }),
				{ rename: { scheduledAt: 'date' } }
			);
		}
	}
};
