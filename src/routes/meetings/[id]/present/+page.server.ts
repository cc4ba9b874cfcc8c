import { meetingForPage } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { quorumOf } from '$lib/server/meetings/register';
import { meetingTemplate } from '$lib/server/meeting-kinds';
import type { PageServerLoad } from './$types';

/**
 * The projector view: anyone who may see the meeting may open it, because it shows nothing
 * restricted (it never opens the restricted document). Everyone else gets a 404.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	await audit({ db, userId: user.id, action: 'read', targetType: 'meeting', targetId: params.id });
	const { meeting, children, participants } = found;
	return {
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			title: meeting.title,
			status: meeting.status,
			startedAt: meeting.startedAt ? meeting.startedAt.toISOString() : null
		},
		// The template it runs on: the version of the unit's kind it was scheduled with (issue 25).
		template: await meetingTemplate({ db, meeting }),
		children,
		// Only what the projector shows: no user ids, no report details.
		participants: participants.map((p) => ({
			id: p.id,
			name: p.name,
			role: p.role,
			agency: p.agency,
			attendance: p.attendance
		})),
		// Conferences: the quorum, shown live as the register is taken.
		quorum: await quorumOf({ db, meeting, participants })
	};
};
