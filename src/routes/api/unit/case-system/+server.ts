import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { badRequest, notFound } from '$lib/server/http/json';
import { endpointView, setEndpoint } from '$lib/server/case-system/endpoint';
import { mayConfigureCaseSystem } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * Where the unit's events go (issue 26, docs/case-system.md): { url, secret } (secret `whsec_…`,
 * as the case system gave it) → 200 { url, secretSet, updatedAt }; 400 naming the field; managers
 * of the unit only, anyone else 404.
 */
export const PUT: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayConfigureCaseSystem(user)) return notFound();
	const raw: unknown = await request.json().catch(() => undefined);
	if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return badRequest({ body: 'Send a JSON object: { url, secret }.' });
	const body = raw as { url?: unknown; secret?: unknown };
	const db = await database();
	const unitUser = user as typeof user & { unitId: string };
	const problems = await setEndpoint({ db, user: unitUser, url: body.url, secret: body.secret });
	if (problems.length)
		return badRequest(Object.fromEntries(problems.map((p) => [p.field, p.message])));
	return json(await endpointView(db, unitUser.unitId));
};
