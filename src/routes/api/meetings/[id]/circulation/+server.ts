import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { circulationRecord } from '$lib/server/circulation';
import type { RequestHandler } from './$types';

/**
 * The circulation record (the chair and business support), newest first, per recipient and
 * version → { recipients: [{ name, address, agency, copy, version, state: "queued" | "sent" |
 * "delivered" | "bounced" | "failed" | "opened", at }] } (issue 22's contract), and, as before,
 * { entries: [{ userId, recipient, documentId, kind, version, state, lastError, sentAt,
 * firstOpenedAt }] } (the meeting page's). 404 for anyone else.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const entries = await circulationRecord({ db: await database(), user, meetingId: params.id });
	if (!entries) error(404, 'No meeting with that id whose circulation you may read.');
	return json({
		recipients: entries.map((e) => ({
			name: e.name,
			address: e.address,
			agency: e.agency,
			copy: e.copy,
			version: e.version,
			state: e.proof,
			at: e.at
		})),
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
