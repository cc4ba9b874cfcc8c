import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { meetingForViewer } from '$lib/server/meetings/queries';
import { quorumOf } from '$lib/server/meetings/register';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found) error(404, 'No meeting with that id that you are invited to.');
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'meeting',
		targetId: params.id,
		detail: { via: 'api' }
	});
	const { meeting, children, participants } = found;
	// Conferences only: whether the register says the meeting can decide.
	const quorum = await quorumOf({ db, meeting, participants });
	return json({
		id: meeting.id,
		kind: meeting.kind,
		title: meeting.title,
		status: meeting.status,
		scheduledAt: meeting.scheduledAt.toISOString(),
		startedAt: meeting.startedAt?.toISOString() ?? null,
		endedAt: meeting.endedAt?.toISOString() ?? null,
		children,
		participants: participants.map((p) => ({
			id: p.id,
			userId: p.userId,
			name: p.name,
			role: p.role,
			agency: p.agency,
			attendance: p.attendance,
			arrivedLate: p.arrivedLate
		})),
		...(quorum
			? {
					quorum: {
						quorate: quorum.quorate,
						agenciesPresent: quorum.agenciesPresent,
						rule: quorum.rule,
						lacking: quorum.lacking
					}
				}
			: {})
	});
};
