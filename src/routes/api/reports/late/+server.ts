import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { lateReportsToChase } from '$lib/server/meetings/late-reports';
import type { RequestHandler } from './$types';

/**
 * Every report late for the unit's meetings of the last 90 days or still to come, ended or not,
 * with who to chase → { reports: [{ participantId, name, agency, email, deadline, state, askedAt,
 * remindedAt, chasedAt, meeting: { id, kind, title, status, scheduledAt } }] }. Business support
 * and chairs of the unit (`mayReadLateReports`); anyone else 404.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const reports = await lateReportsToChase({ db: await database(), viewer: user });
	if (!reports) error(404, 'Not found');
	return json({ reports });
};
