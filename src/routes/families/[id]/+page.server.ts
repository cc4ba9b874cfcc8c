import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { readForm } from '$lib/server/forms';
import { typedDateProblem, todayIn } from '$lib/domain/calendar-date';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';
import { childEventKinds, childEventLabel } from '$lib/domain/child-clocks';
import { mayManageFamilies } from '$lib/policy';
import {
	familyForViewer,
	parentAccounts,
	unitChairs,
	unitFamilies
} from '$lib/server/families/queries';
import { addFamilyMember } from '$lib/server/families/commands/add-family-member';
import { createChild } from '$lib/server/families/commands/create-child';
import { moveChild } from '$lib/server/families/commands/move-child';
import { recordChildEvent } from '$lib/server/families/commands/record-child-event';
import type { Actions, PageServerLoad } from './$types';
import { commandFail } from '$lib/server/http/form';

function keeper(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (!mayManageFamilies(locals.user)) error(404, 'Not found');
	return locals.user as App.Locals['user'] & { unitId: string };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = keeper(locals, url.pathname);
	const db = await database();
	const found = await familyForViewer({ db, user, familyId: params.id });
	if (!found) error(404, 'Not found');
	await audit({
		db,
		userId: user.id,
		action: 'read-family',
		targetType: 'child',
		detail: { familyId: found.family.id }
	});
	const [parents, chairs, families] = await Promise.all([
		parentAccounts(db, user.unitId),
		unitChairs(db, user.unitId),
		unitFamilies(db, user)
	]);
	return {
		...found,
		today: todayIn(),
		parents,
		chairs,
		otherFamilies: families.filter((f) => f.id !== found.family.id),
		eventKinds: childEventKinds.map((kind) => ({ kind, label: childEventLabel[kind] }))
	};
};

const date = (what: string) =>
	z.string().superRefine((value, ctx) => {
		const problem = typedDateProblem(value);
		if (problem)
			ctx.addIssue({
				code: 'custom',
				message:
					problem === 'Enter the date, for example 18/12/2026.'
						? `Enter ${what}, for example 18/12/2026.`
						: problem
			});
	});

const memberForm = z.object({
	userId: z.string().min(1, "Choose the parent's or carer's account."),
	relationship: z
		.string()
		.trim()
		.min(1, 'Enter how they are related, e.g. Mum.')
		.max(textLimits.shortText, tooLongMessage('shortText', 'how they are related')),
	parentalResponsibility: z.enum(['yes', 'no'], {
		error: 'Say whether they hold parental responsibility.'
	})
});
const childForm = z.object({
	name: z
		.string()
		.trim()
		.min(1, "Enter the child's name.")
		.max(textLimits.name, tooLongMessage('name', 'the name')),
	preferredName: z
		.string()
		.trim()
		.max(textLimits.shortText, tooLongMessage('shortText', 'the preferred name'))
		.optional(),
	dateOfBirth: date('the date of birth')
});
const eventForm = z.object({
	childId: z.string().min(1, 'Choose the child.'),
	kind: z.enum(childEventKinds, { error: 'Choose what happened.' }),
	date: date('the date it happened'),
	iroId: z.string().optional()
});
const moveForm = z.object({
	childId: z.string().min(1, 'Choose the child.'),
	familyId: z.string().min(1, 'Choose the family the child moves to.')
});

/** A command's refusal beside its field, under the form's name; 404 stays a 404. */
function refused(which: string, problem: unknown, values: Record<string, string>) {
	return commandFail(problem, (errors) => ({ which, errors, values }));
}

export const actions: Actions = {
	addMember: async ({ locals, params, request, url }) => {
		const user = keeper(locals, url.pathname);
		const form = readForm(await request.formData(), memberForm, [
			'userId',
			'relationship',
			'parentalResponsibility'
		]);
		if (!form.ok)
			return fail(400, { which: 'addMember', errors: form.errors, values: form.values });
		try {
			await addFamilyMember({
				db: await database(),
				user,
				familyId: params.id,
				userId: form.data.userId,
				relationship: form.data.relationship,
				parentalResponsibility: form.data.parentalResponsibility === 'yes'
			});
		} catch (problem) {
			return refused('addMember', problem, form.data);
		}
		return { which: 'addMember', message: 'The parent or carer is added to the family.' };
	},
	addChild: async ({ locals, params, request, url }) => {
		const user = keeper(locals, url.pathname);
		const form = readForm(await request.formData(), childForm, [
			'name',
			'preferredName',
			'dateOfBirth'
		]);
		if (!form.ok) return fail(400, { which: 'addChild', errors: form.errors, values: form.values });
		try {
			await createChild({ db: await database(), user, familyId: params.id, ...form.data });
		} catch (problem) {
			return refused('addChild', problem, {
				...form.data,
				preferredName: form.data.preferredName ?? ''
			});
		}
		return { which: 'addChild', message: `${form.data.name} is added to the family.` };
	},
	recordEvent: async ({ locals, request, url }) => {
		const user = keeper(locals, url.pathname);
		const form = readForm(await request.formData(), eventForm, [
			'childId',
			'kind',
			'date',
			'iroId'
		]);
		if (!form.ok)
			return fail(400, { which: 'recordEvent', errors: form.errors, values: form.values });
		try {
			const recorded = await recordChildEvent({ db: await database(), user, ...form.data });
			return { which: 'recordEvent', childId: form.data.childId, due: recorded.due };
		} catch (problem) {
			return refused('recordEvent', problem, { ...form.data, iroId: form.data.iroId ?? '' });
		}
	},
	moveChild: async ({ locals, request, url }) => {
		const user = keeper(locals, url.pathname);
		const form = readForm(await request.formData(), moveForm, ['childId', 'familyId']);
		if (!form.ok)
			return fail(400, { which: 'moveChild', errors: form.errors, values: form.values });
		try {
			await moveChild({ db: await database(), user, ...form.data });
		} catch (problem) {
			return refused('moveChild', problem, form.data);
		}
		return { which: 'moveChild', message: 'The child has moved to the other family.' };
	}
};
