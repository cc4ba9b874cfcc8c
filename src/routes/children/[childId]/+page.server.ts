import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { riskHistoryFor } from '$lib/server/risk/history';
import { childStory } from '$lib/server/child-story';
import { advocacyForChildPage } from '$lib/server/voices/advocacy';
import { childCare, childForViewer } from '$lib/server/families/queries';
import { scoreHistory } from '$lib/risk/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	// A child with no meeting the viewer may see yet (a new child) still has a page for those
	// who may see the child (canSeeChild): no scores, no meetings.
	const found =
		(await riskHistoryFor({ db, user: locals.user, childId: params.childId })) ??
		(await withoutMeetings({ db, user: locals.user, childId: params.childId }));
	if (!found) error(404, 'Not found');
	await audit({
		db,
		userId: locals.user.id,
		action: 'read',
		targetType: 'child',
		targetId: params.childId
	});
	const story = await childStory({ db, user: locals.user, childId: params.childId, ...found });
	return {
		history: found.history,
		meetings: found.meetings,
		plain: locals.user.role === 'parent',
		advocacy: await advocacyForChildPage({
			db,
			childId: params.childId,
			meetingIds: found.meetings.map((m) => m.id)
		}),
		story,
		care: await childCare({ db, user: locals.user, childId: params.childId })
	};
};

async function withoutMeetings(props: Parameters<typeof childForViewer>[0]) {
	const seen = await childForViewer(props);
	if (!seen) return null;
	return {
		history: scoreHistory({ childId: seen.child.id, childName: seen.child.name, meetings: [] }),
		meetings: []
	};
}
