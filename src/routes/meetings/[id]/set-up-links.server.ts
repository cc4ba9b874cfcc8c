/**
 * The meeting page's `resendSetUpLink` action (SetUpLinks.svelte): someone invited without an
 * account whose link expired (or never came) is sent the invitation again with a new single-use
 * link (src/lib/server/auth/account-invites.ts). Those who prepare the meeting only.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { meetingForViewer, personAwaitingAccount } from '$lib/server/meetings/queries';
import { queueInvitation } from '$lib/server/mail/invitations';
import { canPrepareMeeting } from '$lib/policy';

export const setUpLinkActions = {
	resendSetUpLink: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		if (!locals.user) redirect(303, '/login');
		const db = await database();
		const found = await meetingForViewer({ db, user: locals.user, meetingId: params.id });
		if (!found) error(404, 'Not found');
		if (!canPrepareMeeting({ viewer: locals.user, meeting: found.meeting, participant: found.me }))
			error(403, 'Only the chair or an admin prepares this meeting.');
		const participantId = String((await request.formData()).get('participantId') ?? '');
		const person = await personAwaitingAccount({ db, meetingId: params.id, participantId });
		if (!person)
			return fail(400, {
				setUpLink: { error: 'That person has an account already, or no email address.' }
			});
		if (!(await queueInvitation({ db, participantId: person.id })))
			return fail(409, {
				setUpLink: {
					error: 'This meeting has ended or been cancelled, so no one is invited to it.'
				}
			});
		return { message: `A new link to set up an account is on its way to ${person.name}.` };
	}
};
