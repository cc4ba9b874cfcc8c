import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { dueDocuments } from '$lib/server/documents/due';
import { mayReadDueDocuments } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Business support's queue in working order (outstanding first, most overdue at the top, then due
 * soonest; the done ones last): → { documents: [{ id, meetingId, kind, version, state, dueBy,
 * workingDaysLate, lateness, unsent, problems, done }] } — `unsent`: copies held back or
 * queued; `problems`: copies failed or bounced with nobody acting yet (issue 22).
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	if (!mayReadDueDocuments(user) || !user.unitId) error(404, 'Not found');
	const db = await database();
	const documents = await dueDocuments({ db, unitId: user.unitId, today: todayIn() });
	return json({
		documents: documents.map(
			({
				id,
				meetingId,
				kind,
				version,
				state,
				dueBy,
				workingDaysLate,
				lateness,
				unsent,
				problems,
				done
			}) => ({
				id,
				meetingId,
				kind,
				version,
				state,
				dueBy,
				workingDaysLate,
				lateness,
				unsent,
				problems,
				done
			})
		)
	});
};
