import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { advocacyRecordable, recordAdvocacy } from '$lib/server/voices/advocacy';
import { commandJson, jsonObject, text } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The invitation step's advocacy: `{ childId (null for the parents), offered, accepted,
 * advocateName? }` → 201 `{ id }` (recording again replaces it). The chair or business
 * support; 400 `{ errors }`; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = await jsonObject(request);
	const problems: Record<string, string> = {};
	if (!input || typeof input.offered !== 'boolean')
		problems.offered = 'Say whether an advocate was offered (true or false).';
	if (input && input.accepted !== undefined && typeof input.accepted !== 'boolean')
		problems.accepted = 'Say whether the advocate was accepted (true or false).';
	if (input && input.childId !== null && typeof input.childId !== 'string')
		problems.childId = 'Name the child (their id), or null for the parents.';
	try {
		const db = await database();
		if (Object.keys(problems).length > 0) {
			// Rights first: anyone who may not record it learns nothing from the check.
			if (!(await advocacyRecordable({ db, user, meetingId: params.id }))) error(404, 'Not found');
			return json({ errors: problems }, { status: 400 });
		}
		const recorded = await recordAdvocacy({
			db,
			user,
			meetingId: params.id,
			childId: (input!.childId as string | null) ?? null,
			offered: input!.offered as boolean,
			accepted: input!.accepted === true,
			advocateName: text(input!.advocateName) || null
		});
		if (!recorded) error(404, 'Not found');
		return json(recorded, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
