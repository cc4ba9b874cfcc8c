import { error, redirect } from '@sveltejs/kit';
import { storableText } from '$lib/server/db/storable';
import { commandFail } from '$lib/server/http/form';
import {
	childRecordFor,
	linkSibling,
	siblingChoices,
	updateChildDetails
} from '$lib/server/families/child-record';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { riskHistoryFor } from '$lib/server/risk/history';
import { childStory } from '$lib/server/child-story';
import { childAccountFor } from '$lib/server/child-accounts';
import { advocacyForChildPage } from '$lib/server/voices/advocacy';
import { childCare, childForViewer } from '$lib/server/families/queries';
import { planRegisterFor } from '$lib/server/families/plans';
import { scoreHistory } from '$lib/risk/history';
import { childEpisodes } from '$lib/server/missing/child-episodes';
import type { Actions, PageServerLoad } from './$types';

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
		care: await childCare({ db, user: locals.user, childId: params.childId }),
		plans: (await planRegisterFor({ db, user: locals.user, childId: params.childId })) ?? [],
		record: await childRecordFor({ db, user: locals.user, childId: params.childId }),
		siblingChoices: await siblingChoices({ db, user: locals.user, childId: params.childId }),
		// Their own account (issue 27), for those who may give one or a new set-up link.
		account: await childAccountFor({ db, user: locals.user, childId: params.childId }),
		// Missing-from-home episodes (issue 25): null (no section) for anyone who may not work them.
		missing: await childEpisodes({ db, user: locals.user, childId: params.childId })
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

/** The form's text fields, as the details command reads them (checkboxes unticked are false). */
const detailFields = [
	'caseSystemId',
	'legalStatus',
	'legalStatusSince',
	'placementType',
	'carerName',
	'placedByAuthority',
	'disability',
	'firstLanguage',
	'communicationNeeds',
	'ethnicity',
	'religion'
] as const;

function signedIn(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	return locals.user;
}

/** A command's refusal beside its field; 404 stays a 404. */
function refused(which: string, problem: unknown, values: Record<string, string>) {
	return commandFail(problem, (errors) => ({ which, errors, values }));
}

export const actions: Actions = {
	details: async ({ locals, params, request, url }) => {
		const user = signedIn(locals, url.pathname);
		const form = await request.formData();
		const values: Record<string, string> = {};
		for (const field of detailFields) values[field] = storableText(String(form.get(field) ?? ''));
		const input = {
			...values,
			outOfArea: form.has('outOfArea'),
			interpreterNeeded: form.has('interpreterNeeded')
		};
		try {
			await updateChildDetails({ db: await database(), user, childId: params.childId, input });
		} catch (problem) {
			return refused('details', problem, values);
		}
		return { which: 'details', message: 'The child’s details are saved.' };
	},
	sibling: async ({ locals, params, request, url }) => {
		const user = signedIn(locals, url.pathname);
		const siblingId = String((await request.formData()).get('siblingId') ?? '');
		try {
			await linkSibling({ db: await database(), user, childId: params.childId, siblingId });
		} catch (problem) {
			return refused('sibling', problem, { siblingId });
		}
		return { which: 'sibling', message: 'The brother or sister is linked.' };
	}
};
