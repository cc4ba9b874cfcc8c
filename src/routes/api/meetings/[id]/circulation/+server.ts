import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { circulationRecord } from '$lib/server/circulation';
import type { RequestHandler } from './$types';

/**
 * The circulation record (the chair and business support): per recipient and version, whether
 * it was sent or failed and when it was first opened → { entries: [{ userId, documentId,
 * version, state, sentAt, firstOpenedAt }] }. 404 for anyone else.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const entries = await circulationRecord({ db: await database(), user, meetingId: params.id });
	if (!entries) error(404, 'No meeting with that id whose circulation you may read.');
	return json({
		entries: entries.map((e) => ({
			userId: e.userId,
			recipient: e.recipient,
			documentId: e.documentId,
			kind: e.kind,
			version: e.version,
			state: e.state,
			lastError: e.lastError,
			sentAt: e.sentAt,
			firstOpenedAt: e.firstOpenedAt
		}))
	});
};
