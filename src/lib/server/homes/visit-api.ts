/**
 * `POST /api/meetings` with `kind: 'reg33-visit'` (issue 25): a Regulation 33 visit is recorded as
 * a visit of its own (`reg33_visits`), not a meeting — it has no children, no family, no invitees
 * and no room, and nothing about it may reach the home before it happens. The meetings route asks
 * this first; any other kind is left to it.
 */
import { json } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import { database } from '../db';
import { commandJson, notFound } from '../http/json';
import { recordVisit } from './commands/record-visit';
import { isObject } from './homes';

/**
 * The answer to a request for a Regulation 33 visit, or null when the request is for another kind:
 * 201 `{ id, kind, homeId, visitedOn, proposed: [] }` (nobody is invited: the visit is
 * unannounced); 400 naming `homeId`, `visitedOn`, `visitorId` or `visitorName`; 404 for anyone
 * who does not work the unit's homes (`mayWorkHomes`).
 */
export async function reg33VisitAnswer(props: {
	user: SessionUser;
	request: Request;
}): Promise<Response | null> {
	const body: unknown = await props.request
		.clone()
		.json()
		.catch(() => null);
	if (!isObject(body) || body.kind !== 'reg33-visit') return null;
	try {
		const visit = await recordVisit({ db: await database(), user: props.user, input: body });
		if (!visit) return notFound();
		return json({ ...visit, kind: 'reg33-visit', proposed: [] }, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
}
