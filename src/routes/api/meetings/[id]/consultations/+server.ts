import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { saveConsultation } from '$lib/server/voices/consultations';
import { commandJson, jsonObject, text } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * A child's consultation form, written down on their behalf: `{ childId, helpedBy, worries,
 * goingWell, wishes }` → 201 `{ id }` (saving again replaces the child's form for this
 * meeting). By their social worker or another professional, their advocate, the chair, or a
 * parent (their own child); 400 `{ errors }`; 409 once the meeting is over; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = (await jsonObject(request)) ?? {};
	try {
		const saved = await saveConsultation({
			db: await database(),
			user,
			meetingId: params.id,
			childId: text(input.childId),
			helpedBy: text(input.helpedBy),
			worries: text(input.worries),
			goingWell: text(input.goingWell),
			wishes: text(input.wishes)
		});
		if (!saved) error(404, 'Not found');
		return json(saved, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
