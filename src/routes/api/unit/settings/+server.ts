import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { badRequest, notFound } from '$lib/server/http/json';
import {
	checkUnitSettings,
	saveUnitSettings,
	unitSettingsForViewer
} from '$lib/server/unit-settings';
import { mayManageUnitSettings } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The unit's settings → { secureDomains: string[], reportDueWorkingDays: number } (issue 22):
 * business support and managers of the unit; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const settings = await unitSettingsForViewer({ db: await database(), viewer: user });
	return settings ? json(settings) : notFound();
};

/**
 * Replaces the unit's settings: { secureDomains: string[], reportDueWorkingDays: number } → 200
 * with the stored settings; 400 naming the field for a bad domain or number; 404 for anyone who
 * may not.
 */
export const PUT: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayManageUnitSettings(user)) return notFound();
	const raw: unknown = await request.json().catch(() => undefined);
	if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return badRequest({ body: 'Send a JSON object.' });
	const checked = checkUnitSettings(raw);
	if (!checked.ok) return badRequest(checked.errors);
	const saved = await saveUnitSettings({
		db: await database(),
		viewer: user,
		settings: checked.settings
	});
	return saved ? json(saved) : notFound();
};
