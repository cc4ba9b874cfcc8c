import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { readReferral } from '$lib/server/allegations/allegations';
import { referAllegation } from '$lib/server/allegations/commands/refer-allegation';
import { badRequest, commandJson, jsonObject, notFound } from '$lib/server/http/json';
import { mayWorkAllegations } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * Refers an allegation against an adult who works with children (issue 25):
 * `{ adult: { name, role, employer, sector }, childIds, nature, receivedAt, referrer: { name,
 * agency } }` → 201 `{ id, considerationDueBy }` (one working day after the day received). The
 * unit's chairs, business support and managers; 400 `{ errors }` naming each field to fix
 * (`adult.name`, `referrer.agency`, …); anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayWorkAllegations(user)) return notFound();
	const body = await jsonObject(request);
	if (!body) return badRequest({ body: 'Send a JSON object.' });
	const read = readReferral(body);
	if (!read.ok) return badRequest(read.errors);
	try {
		const referred = await referAllegation({ db: await database(), user, referral: read.referral });
		if (!referred) return notFound();
		return json(referred, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
