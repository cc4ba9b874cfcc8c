/**
 * The meeting page's `reschedule` and `cancel` actions (MeetingDateChange.svelte): the same
 * commands as POST /api/meetings/{id}/reschedule and /cancel, so the same rights (the chair or
 * the unit's business support; anyone else 404), the same refusals (a reason, a time not yet
 * passed) and the same emails. Each problem is returned beside its field under `dateChange`.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { readForm, typedDateField, typedTimeField } from '$lib/server/forms';
import {
	cancelMeeting,
	rescheduleMeeting
} from '$lib/server/meetings/commands/change-meeting-date';
import { formatMeetingTime } from '$lib/meetings/uk-time';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';
import { commandFail } from '$lib/server/http/form';

const reason = z.string().max(textLimits.reason, tooLongMessage('reason', 'the reason'));

const rescheduleForm = z.object({
	// A date that does not exist or a year out of range is refused with why, never moved.
	date: typedDateField(),
	time: typedTimeField(),
	reason
});

const cancelForm = z.object({ reason });

type Which = 'reschedule' | 'cancel';

function refused(
	which: Which,
	status: number,
	errors: Record<string, string>,
	values: Record<string, string>
) {
	return fail(status, { dateChange: { form: which, errors, values } });
}

/** A command's refusal beside its field (the date for a time in the past); 404 as the API answers it. */
function refusal(which: Which, problem: unknown, values: Record<string, string>) {
	return commandFail(problem, (errors) => ({ dateChange: { form: which, errors, values } }), {
		rename: { scheduledAt: 'date' }
	});
}

export const dateChangeActions = {
	reschedule: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		if (!locals.user) redirect(303, '/login');
		const form = readForm(await request.formData(), rescheduleForm, ['date', 'time', 'reason']);
		if (!form.ok) return refused('reschedule', 400, form.errors, form.values);
		const { date, time } = form.data;
		const values = { date, time, reason: form.data.reason };
		try {
			const moved = await rescheduleMeeting({
				db: await database(),
				user: locals.user,
				meetingId: params.id,
				// Read by the command with the same strict reader as the API's scheduledAt.
				scheduledAt: `${date}T${time}`,
				reason: form.data.reason
			});
			return {
				message: `The meeting has moved to ${formatMeetingTime(moved.scheduledAt.toISOString())}. Everyone invited is sent an update with the calendar file.`
			};
		} catch (problem) {
			return refusal('reschedule', problem, values);
		}
	},
	cancel: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		if (!locals.user) redirect(303, '/login');
		const form = readForm(await request.formData(), cancelForm, ['reason']);
		if (!form.ok) return refused('cancel', 400, form.errors, form.values);
		try {
			await cancelMeeting({
				db: await database(),
				user: locals.user,
				meetingId: params.id,
				reason: form.data.reason
			});
			return {
				message:
					'The meeting is cancelled. Everyone invited is sent a cancellation that takes it out of their calendar.'
			};
		} catch (problem) {
			return refusal('cancel', problem, { reason: form.data.reason });
		}
	}
};
