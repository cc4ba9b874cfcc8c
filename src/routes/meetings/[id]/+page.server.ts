import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { meetingForViewer, startMeeting } from '$lib/server/meetings/queries';
import { canRunMeeting } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const found = await meetingForViewer({ db, user: locals.user, meetingId: params.id });
	if (!found) error(404, 'Not found');
	await audit({ db, userId: locals.user.id, action: 'read', targetType: 'meeting', targetId: params.id });
	const { meeting, children, participants, me, role } = found;
	return {
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			title: meeting.title,
			status: meeting.status,
			scheduledAt: meeting.scheduledAt.toISOString()
		},
		children,
		participants,
		me: me ? { id: me.id } : null,
		role,
		canRun: canRunMeeting({ viewer: locals.user, meeting, participant: me })
	};
};

export const actions: Actions = {
	start: async ({ locals, params }) => {
		if (!locals.user) redirect(303, '/login');
		const db = await database();
		const found = await meetingForViewer({ db, user: locals.user, meetingId: params.id });
		if (!found) error(404, 'Not found');
		if (!canRunMeeting({ viewer: locals.user, meeting: found.meeting, participant: found.me })) {
			return fail(403, { message: 'Only the chair of this meeting can start it.' });
		}
		if (!(await startMeeting({ db, meetingId: params.id }))) {
			return fail(409, { message: 'This meeting has already started or ended.' });
		}
		await audit({ db, userId: locals.user.id, action: 'start', targetType: 'meeting', targetId: params.id });
		return { message: 'The meeting has started.' };
	}
};
