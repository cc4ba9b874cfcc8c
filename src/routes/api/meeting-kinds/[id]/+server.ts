import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { commandJson, notFound } from '$lib/server/http/json';
import { meetingKindSummary, saveMeetingKind, unitMeetingKind } from '$lib/server/meeting-kinds';
import { mayReadMeetingKinds } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * One of the unit's kinds at its latest version → { id, label, version, sections, baseKind,
 * definition }: `definition` is the whole template (docs/meeting-kinds.md), to change and send
 * back with PUT. The unit's chairs, business support and managers; anyone else, or a kind the
 * unit does not have, 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	if (!mayReadMeetingKinds(user) || !user.unitId) return notFound();
	const kind = await unitMeetingKind({
		db: await database(),
		unitId: user.unitId,
		kindId: params.id
	});
	if (!kind) return notFound();
	return json({ ...meetingKindSummary(kind), baseKind: kind.baseKind, definition: kind.template });
};

/**
 * Saves one of the unit's own kinds as its next version: the definition (a template, as GET
 * gives it) → 200 with the new version. The words may change, the sections' order, the sections
 * of shared notes left out and sections of the unit's own added; what the checks key on stays
 * (docs/meeting-kinds.md); 400 with every field to fix, or for a built-in kind (copy it first). Business support and managers of the
 * unit; anyone else, or a kind the unit does not have, 404.
 */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const definition: unknown = await request.json().catch(() => undefined);
	try {
		const saved = await saveMeetingKind({
			db: await database(),
			viewer: user,
			kindId: params.id,
			definition
		});
		return json({
			...meetingKindSummary(saved),
			baseKind: saved.baseKind,
			definition: saved.template
		});
	} catch (problem) {
		return commandJson(problem);
	}
};
