import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { peopleViewer } from '$lib/server/people/guard';
import { agenciesForViewer } from '$lib/server/people/agencies';
import { peopleForViewer, personInput } from '$lib/server/people/people';
import { createPerson } from '$lib/server/people/commands/create-person';
import { resendSetUpLink } from '$lib/server/people/commands/resend-set-up-link';
import { setAccountDisabled } from '$lib/server/people/commands/set-account-disabled';
import { userRoleLabel } from '$lib/domain/people';
import {
	grantableRoles,
	mayManageAccounts,
	mayManagePeople,
	maySetCaseloadLimit
} from '$lib/policy';
import { caseloadLimitInput, setCaseloadLimit } from '$lib/server/people/caseload-limit';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unit's people (People and agencies, issue 12): managers, business support and chairs add a
 * person (who is sent a set-up link through the outbox), disable or enable an account, and send a
 * new link — each only for the roles the policy lets them give (`mayGrantRole`, issue 20).
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = peopleViewer({ locals, url });
	const db = await database();
	const [people, agencies] = await Promise.all([
		peopleForViewer({ db, viewer }),
		agenciesForViewer({ db, viewer })
	]);
	return {
		people: people ?? [],
		agencies: (agencies ?? []).map(({ id, name, kindLabel, email }) => ({
			id,
			name,
			kindLabel,
			email
		})),
		// Only the roles the viewer may give (issue 20: a chair makes no manager).
		roles: grantableRoles(viewer).map((role) => ({ role, label: userRoleLabel[role] })),
		mayManage: mayManageAccounts(viewer),
		mayImport: mayManagePeople(viewer),
		maySetCaseloadLimit: maySetCaseloadLimit(viewer)
	};
};

const accountForm = z.object({
	userId: z.string({ error: 'Choose a person.' }).trim().min(1, 'Choose a person.')
});

/** The account named by the form, for the three actions on one person. */
function accountIn(form: FormData) {
	return readForm(form, accountForm);
}

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: 'accounts' });
		const form = readForm(await request.formData(), personInput, [
			'name',
			'email',
			'role',
			'agencyId'
		]);
		if (!form.ok) return fail(400, { add: { errors: form.errors, values: form.values } });
		const made = await createPerson({ db: await database(), viewer, person: form.data });
		if (!made) error(404, 'Not found');
		if (!made.ok)
			return fail(400, {
				add: {
					errors: made.errors,
					values: {
						name: form.data.name,
						email: form.data.email,
						role: form.data.role,
						agencyId: form.data.agencyId ?? ''
					}
				}
			});
		return { added: { name: form.data.name, email: form.data.email, inviteUrl: made.inviteUrl } };
	},
	disable: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: 'accounts' });
		const form = accountIn(await request.formData());
		if (!form.ok) return fail(400, { problem: form.errors.userId });
		const done = await setAccountDisabled({
			db: await database(),
			viewer,
			userId: form.data.userId,
			disabled: true
		});
		if (!done) error(404, 'Not found');
		return { changed: 'The account is disabled: its sessions have ended and it cannot sign in.' };
	},
	enable: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: 'accounts' });
		const form = accountIn(await request.formData());
		if (!form.ok) return fail(400, { problem: form.errors.userId });
		const done = await setAccountDisabled({
			db: await database(),
			viewer,
			userId: form.data.userId,
			disabled: false
		});
		if (!done) error(404, 'Not found');
		return { changed: 'The account is enabled again: its owner can sign in.' };
	},
	caseloadLimit: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url });
		if (!maySetCaseloadLimit(viewer)) error(404, 'Not found');
		const form = readForm(await request.formData(), caseloadLimitInput, ['userId', 'limit']);
		if (!form.ok) return fail(400, { caseload: { errors: form.errors, values: form.values } });
		const set = await setCaseloadLimit({ db: await database(), viewer, ...form.data });
		if (!set) error(404, 'Not found');
		return { changed: `${set.name}'s caseload limit is now ${set.limit} children.` };
	},
	resend: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: 'accounts' });
		const form = accountIn(await request.formData());
		if (!form.ok) return fail(400, { problem: form.errors.userId });
		const sent = await resendSetUpLink({ db: await database(), viewer, userId: form.data.userId });
		if (!sent) error(404, 'Not found');
		if (!sent.ok) return fail(400, { problem: sent.problem });
		return { changed: 'A new set-up link is in the outbox; the older one no longer works.' };
	}
};
