import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { endMeeting, EndMeetingError } from '$lib/server/meetings/commands/end-meeting';
import type { RequestHandler } from './$types';

/** The chair ends a live meeting: → { documents: [{ id, kind, version, url, pdfUrl }] }. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	try {
		const { documents } = await endMeeting({ db, user, meetingId: params.id });
		return json({
			documents: documents.map(({ id, kind, version, title, url, pdfUrl }) => ({
				id,
				kind,
				version,
				title,
				url,
				pdfUrl
			}))
		});
	} catch (problem) {
		if (problem instanceof EndMeetingError) error(problem.status, problem.message);
		throw problem;
	}
};
