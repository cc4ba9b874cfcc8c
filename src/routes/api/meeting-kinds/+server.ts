import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { notFound } from '$lib/server/http/json';
import { meetingKindSummary, unitMeetingKinds } from '$lib/server/meeting-kinds';
import { mayReadMeetingKinds } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The unit's meeting kinds (issue 25) → { kinds: [{ id, label, version, sections: [{ id, title,
 * restricted }] }] }: the built-in kinds, then the unit's own copies, each at its latest version;
 * `restricted` says a passage in the section may be kept from the family. The unit's chairs,
 * business support and managers; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	if (!mayReadMeetingKinds(user) || !user.unitId) return notFound();
	const kinds = await unitMeetingKinds({ db: await database(), unitId: user.unitId });
	return json({ kinds: kinds.map(meetingKindSummary) });
};
