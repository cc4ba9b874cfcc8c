import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { meetingForViewer } from '$lib/server/meetings/queries';
import { inviteParticipant } from '$lib/server/meetings/commands/invite-participant';
import { MeetingInputError } from '$lib/server/meetings/commands/create-meeting';
import { badRequest, notFound, readJson } from '$lib/server/families/api';
import { canPrepareMeeting } from '$lib/policy';
import { meetingRoles } from '$lib/domain/vocabulary';
import type { RequestHandler } from './$types';

const body = z.object({
	userId: z.string({ error: 'Choose a person with an account.' }),
	role: z.enum(meetingRoles, { error: 'Choose their part in the meeting.' }),
	voting: z.boolean().optional(),
	reportRequested: z.boolean().optional()
});

/**
 * Invites someone with an account to a meeting: { userId, role, voting?, reportRequested? } →
 * 201 { id } (their participant id); the invitation and its calendar file go through the
 * outbox. The chair, the minute-taker and the unit's chairs and business support; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found || !canPrepareMeeting({ viewer: user, meeting: found.meeting, participant: found.me }))
		return notFound();
	if (found.meeting.status === 'ended' || found.meeting.status === 'cancelled')
		return badRequest({
			form: `This meeting is ${found.meeting.status}: nobody more can be invited.`
		});
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		const invited = await inviteParticipant({
			db,
			actorId: user.id,
			meetingId: params.id,
			userId: input.data.userId,
			name: null,
			role: input.data.role,
			agencyId: null,
			voting: input.data.voting ?? input.data.role === 'professional',
			reportRequested: input.data.reportRequested ?? false
		});
		return json({ id: invited.id }, { status: 201 });
	} catch (problem) {
		if (problem instanceof MeetingInputError)
			return badRequest({ [problem.field]: problem.message });
		throw problem;
	}
};
