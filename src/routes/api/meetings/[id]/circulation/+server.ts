import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { actOnCopy, circulationForPage } from '$lib/server/circulation-flow';
import { badRequest, commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The circulation record (the chair and business support), newest first, per recipient and
 * version → { recipients: [{ id, name, address, agency, copy, version, state: "queued" | "sent" |
 * "delivered" | "bounced" | "failed" | "opened", at, bounceReason, resolution, resolutionReason,
 * needsAction }] } (issue 22's contract, with what the page needs to act on a failure), { plan:
 * { documentId, version, dueAt, complete, held: { reason, heldAt } | null } | null, holds: [{
 * id, documentId, kind, version, address, reason, heldAt }], warnings: [string] } (the 24-hour
 * clock, what is held back, e.g. no emergency duty team), and, as before, { entries: [{ userId,
 * recipient, documentId, kind, version, state, lastError, sentAt, firstOpenedAt }] }. 404 for
 * anyone else.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const page = await circulationForPage({ db: await database(), user, meetingId: params.id });
	if (!page) error(404, 'No meeting with that id whose circulation you may read.');
	const { entries, overview } = page;
	return json({
		recipients: entries.map((e) => ({
			id: e.id,
			name: e.name,
			address: e.address,
			agency: e.agency,
			copy: e.copy,
			version: e.version,
			state: e.proof,
			at: e.at,
			bounceReason: e.bounceReason,
			resolution: e.resolution,
			resolutionReason: e.resolutionReason,
			needsAction: e.needsAction
		})),
		...overview,
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

/**
 * Acting on a copy (the chair and business support; 404 otherwise): { action: "resend",
 * circulationId, email } sends a failed or bounced copy again to a corrected address; { action:
 * "dismiss", circulationId, reason } records why it need not be; { action: "release", holdId }
 * sends a held copy after all. → { queued }; a bad field is a 400 naming it.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
	const action = body?.action;
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	try {
		const db = await database();
		const act =
			action === 'resend'
				? ({ action, circulationId: text(body?.circulationId), email: body?.email } as const)
				: action === 'dismiss'
					? ({ action, circulationId: text(body?.circulationId), reason: body?.reason } as const)
					: action === 'release'
						? ({ action, holdId: text(body?.holdId) } as const)
						: null;
		if (!act) {
			// Rights first: someone who may not circulate is answered 404 whatever the body.
			if (!(await circulationForPage({ db, user, meetingId: params.id })))
				error(404, 'No meeting with that id whose circulation you may change.');
			return badRequest({ action: 'Choose "resend", "dismiss" or "release".' });
		}
		return json(await actOnCopy({ db, user, meetingId: params.id, act }));
	} catch (problem) {
		return commandJson(problem);
	}
};
