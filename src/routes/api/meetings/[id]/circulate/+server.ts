import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { circulateDocument } from '$lib/server/circulation';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

// Lenient here: the command checks rights first (anyone else gets 404), then the document (400, 409).
const body = z.object({ documentId: z.string().optional() }).catch({});

/**
 * The chair or business support sends a document version to the meeting's distribution list,
 * each the copy they may read: the PDF attached to an address on the unit's secure domains, a
 * personal link with a one-time code to any other (issue 22, docs/mail.md): { documentId } →
 * { recipients: [{ userId, documentId, messageId, how: "attached" | "link" }] }.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	try {
		const sent = await circulateDocument({
			db: await database(),
			user,
			meetingId: params.id,
			documentId: input.documentId ?? ''
		});
		return json(sent);
	} catch (problem) {
		return commandJson(problem, { field: 'documentId' });
	}
};
