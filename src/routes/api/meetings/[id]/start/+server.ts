import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { meetingForViewer, startMeeting } from '$lib/server/meetings/queries';
import { announceMeetingChanged } from '$lib/server/records';
import { canRunMeeting } from '$lib/policy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found) error(404, 'No meeting with that id that you are invited to.');
	const facts = { viewer: user, meeting: found.meeting, participant: found.me };
	if (!canRunMeeting(facts)) error(403, 'Only the chair of this meeting can start it.');
	if (found.meeting.status !== 'scheduled') {
		error(409, `This meeting is ${found.meeting.status}, so it cannot be started.`);
	}
	const started = await startMeeting({ db, meetingId: params.id });
	if (!started) error(409, 'This meeting was started or changed by someone else a moment ago.');
	await audit({ db, userId: user.id, action: 'start', targetType: 'meeting', targetId: params.id });
	announceMeetingChanged(params.id);
	return json({ id: started.id, status: started.status, startedAt: started.startedAt?.toISOString() ?? null });
};
