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
	.object({
		confirm: z.unknown().optional(),
		reason: z.unknown(),
		nextStep: z.unknown(),
		holdPlan: z.unknown()
	})
	.partial()
	.catch({});

/**
 * The chair ends a live meeting: → { documents: [{ id, kind, version, url, pdfUrl }], plan: {
 * queued, held, warnings } } — a conference's 24-hour plan is queued at once to everyone on its
 * list and the emergency duty team (`queued` copies), unless the body has `holdPlan: "reason"`
 * (then `held` is the reason and nothing is queued); `warnings` says e.g. that the unit has no
 * emergency duty team to send it to (docs/mail.md). With the
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
		const { documents, plan } = await endMeeting({
			db,
			user,
			meetingId: params.id,
			confirmation,
			holdPlan: input.holdPlan
		});
		return json({
			plan,
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
