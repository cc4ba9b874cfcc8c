import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { keepsChild } from '$lib/server/families/keeping';
import { commandJson, notFound, readJson } from '$lib/server/http/json';
import { childRecordFor, updateChildDetails } from '$lib/server/families/child-record';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** Any object: `checkChildDetails` names each field's problem itself. */
const body = z.record(z.string(), z.unknown());

/**
 * Changes a child's details: { caseSystemId?, legalStatus?, legalStatusSince?, placementType?,
 * carerName?, outOfArea?, placedByAuthority?, disability?, firstLanguage?, interpreterNeeded?,
 * communicationNeeds?, ethnicity?, religion? } (only the fields sent change) → 200 the record.
 */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	// Another unit's child is answered as a missing id, before the body is read.
	if (!(await keepsChild({ db, user, childId: params.childId }))) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	try {
		await updateChildDetails({ db, user, childId: params.childId, input: input.data });
	} catch (problem) {
		return commandJson(problem);
	}
	return json(await childRecordFor({ db, user, childId: params.childId }));
};
