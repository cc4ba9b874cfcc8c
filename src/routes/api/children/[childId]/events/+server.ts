import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { keepsChild } from '$lib/server/families/keeping';
import { recordChildEvent } from '$lib/server/families/commands/record-child-event';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { childEventKinds } from '$lib/domain/child-clocks';
import type { RequestHandler } from './$types';

const body = z.object({
	kind: z.enum(childEventKinds, {
		error: 'Choose strategy-discussion, came-into-care, plan-started or plan-ended.'
	}),
	date: z.string({ error: 'Enter the date, for example 2026-11-12.' }),
	iroId: z.string().optional().nullable()
});

/**
 * Records an event that starts the child's clocks: { kind, date, iroId? } → 201
 * { due: [{ kind, dueBy, projected }] } (the meetings it makes due, in order).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	// Another unit's child is answered as a missing id, before the body is read.
	if (!(await keepsChild({ db, user, childId: params.childId }))) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		const recorded = await recordChildEvent({
			db,
			user,
			childId: params.childId,
			...input.data
		});
		return json({ id: recorded.id, due: recorded.due }, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
