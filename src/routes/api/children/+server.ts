import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { createChild } from '$lib/server/families/commands/create-child';
import { visibleChildren } from '$lib/server/families/queries';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { mayManageFamilies } from '$lib/policy';
import type { RequestHandler } from './$types';

/** The children the caller may see, by name; ?q= keeps those whose name contains it. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await visibleChildren({ db, user, q: url.searchParams.get('q') ?? '' });
	await audit({ db, userId: user.id, action: 'list', targetType: 'child', detail: { via: 'api' } });
	return json(
		{ children: found.map(({ id, name, dateOfBirth }) => ({ id, name, dateOfBirth })) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};

const body = z.object({
	familyId: z.string({ error: 'Choose a family of your unit.' }),
	name: z.string({ error: "Enter the child's name." }),
	dateOfBirth: z.string({ error: 'Enter the date of birth, for example 2018-03-05.' }),
	preferredName: z.string().optional().nullable()
});

/** Adds a child to a family: { familyId, name, dateOfBirth, preferredName? } → 201 { id }. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayManageFamilies(user)) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		const child = await createChild({ db: await database(), user, ...input.data });
		return json({ id: child.id }, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
