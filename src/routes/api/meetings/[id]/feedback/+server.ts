import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { jsonObject } from '$lib/server/http/json';
import { giveFeedback } from '$lib/server/feedback/commands/give-feedback';
import type { RequestHandler } from './$types';

/**
 * Feedback after the meeting (issue 27): `{ listenedTo: 1-5, knowWhatNext: 1-5, better?,
 * officerDifference? }` → 201, once for each parent, child and professional on an ended
 * meeting's list; a second time 409; a meeting not ended yet 409; bad input 400 `{ errors }`
 * naming the field; anyone else 404. The answer is kept with no name (docs/voices.md).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = await jsonObject(request);
	const result = await giveFeedback({ db: await database(), user, meetingId: params.id, input });
	switch (result.status) {
		case 201:
			return json({ thanks: 'Thank you: your answer is kept without your name.' }, { status: 201 });
		case 400:
			return json({ errors: result.errors }, { status: 400 });
		case 409:
			return json({ message: result.message }, { status: 409 });
		default:
			error(404, 'Not found');
	}
};
