import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { keepsFamily } from '$lib/server/families/keeping';
import { addFamilyMember } from '$lib/server/families/commands/add-family-member';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

const body = z.object({
	userId: z.string({ error: "Choose a parent's or carer's account." }),
	relationship: z.string({ error: 'Enter how they are related, e.g. Mum.' }),
	parentalResponsibility: z.boolean({
		error: 'Say whether they hold parental responsibility (true or false).'
	})
});

/** Adds a parent or carer to a family: { userId, relationship, parentalResponsibility } → 201 { familyId, userId }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	// Another unit's family is answered as a missing id, before the body is read.
	if (!(await keepsFamily({ db, user, familyId: params.id }))) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		const member = await addFamilyMember({
			db,
			user,
			familyId: params.id,
			...input.data
		});
		return json(member, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
