import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { endMeeting } from '$lib/server/meetings/commands/end-meeting';
import { commandJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';
import { contractDocumentKind } from '$lib/domain/vocabulary';

// Lenient here: the command checks rights first (anyone else gets 404), then the reason (400).
const body = z
	.object({ confirm: z.unknown().optional(), reason: z.unknown(), nextStep: z.unknown() })
	.partial()
	.catch({});

/**
 * The chair ends a live meeting: → { documents: [{ id, kind, version, url, pdfUrl }] }. With the
 * register not taken or a conference not quorate: 409 { message, problems: [{ kind, message }] },
 * unless the body is { confirm: true, reason, nextStep? } (nextStep: "reconvene" | "ratify").
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = body.parse(await request.json().catch(() => null));
	const confirmation =
		input.confirm === true ? { reason: input.reason, nextStep: input.nextStep } : undefined;
	const db = await database();
	try {
		const { documents } = await endMeeting({ db, user, meetingId: params.id, confirmation });
		return json({
			documents: documents.map(({ id, kind, version, title, url, pdfUrl }) => ({
				id,
				kind: contractDocumentKind(kind),
				version,
				title,
				url,
				pdfUrl
			}))
		});
	} catch (problem) {
		return commandJson(problem);
	}
};
