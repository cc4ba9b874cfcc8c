import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { outboxForViewer } from '$lib/server/mail/outbox-view';
import type { RequestHandler } from './$types';

/** Business support and chairs: → { messages: [{ id, to, subject, purpose, meetingId, state, attempts, error, createdAt, sentAt, attachments }] }. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const messages = await outboxForViewer({ db: await database(), viewer: user });
	if (!messages) error(404, 'Not found');
	return json({ messages });
};
