import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { reg33Visits, users } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { storableText } from '../../db/storable';
import { mayWorkHomes } from '../../../policy';
import { calendarDateOf, isCalendarDate, typedDateProblem } from '../../../domain/calendar-date';
import { readDateTime } from '../../../domain/date-time';
import { visitDateProblem } from '../../../domain/reg33';
import { tooLong } from '../../../domain/text-limits';
import { isObject, unitHome, words } from '../homes';

/** The day of the visit: `visitedOn` (YYYY-MM-DD), or the London day of `scheduledAt`. */
function visitDay(body: Record<string, unknown>): string {
	const asked = words(body.visitedOn);
	if (asked) {
		const problem = typedDateProblem(asked);
		if (problem || !isCalendarDate(asked))
			throw badInput('visitedOn', problem ?? 'Enter the day of the visit, like 2026-12-02.');
		return asked;
	}
	const at = words(body.scheduledAt);
	if (!at) throw badInput('visitedOn', 'Enter the day of the visit, like 2026-12-02.');
	const read = readDateTime(at);
	if (!read.ok) throw badInput('visitedOn', read.problem);
	return calendarDateOf(read.at);
}

/**
 * Records a Regulation 33 visit to one of the unit's homes (issue 25; `POST /api/meetings` with
 * `kind: 'reg33-visit'`): `{ homeId, visitedOn | scheduledAt, visitorId | visitorName }` →
 * `{ id, homeId, visitedOn }`, or null (a 404) for a viewer who may not work the unit's homes.
 * The visitor is one of the unit's reviewing officers (`visitorId`, a chair) or an independent
 * person named (`visitorName`). Recorded once it has happened: a date after today is a 400, so
 * the date is never held (or sent anywhere) before the visit. No mail goes to the home.
 */
export async function recordVisit(props: {
	db: Database;
	user: SessionUser;
	input: unknown;
	now?: Date;
}): Promise<{ id: string; homeId: string; visitedOn: string } | null> {
	const { db, user } = props;
	if (!mayWorkHomes(user) || !user.unitId) return null;
	const body = isObject(props.input) ? props.input : {};
	const homeId = words(body.homeId);
	if (!homeId) throw badInput('homeId', 'Choose the children’s home visited (homeId).');
	const home = await unitHome(db, user, homeId);
	if (!home) throw badInput('homeId', 'Choose one of your unit’s children’s homes.');
	const now = props.now ?? new Date();
	const visitedOn = visitDay(body);
	const early = visitDateProblem(visitedOn, calendarDateOf(now));
	if (early) throw badInput('visitedOn', early);
	const visitorId = words(body.visitorId);
	let visitorName = words(body.visitorName);
	if (visitorId) {
		const [officer] = await db
			.select({ name: users.name })
			.from(users)
			.where(and(eq(users.id, visitorId), eq(users.unitId, user.unitId), eq(users.role, 'chair')));
		if (!officer)
			throw badInput('visitorId', 'Choose a reviewing officer of your unit, or name the visitor.');
		visitorName = officer.name;
	} else if (!visitorName) {
		throw badInput(
			'visitorName',
			'Say who visited: one of your reviewing officers, or the independent person’s name.'
		);
	}
	const longName = tooLong(visitorName, 'name', 'the visitor’s name');
	if (longName) throw badInput('visitorName', longName);
	const [visit] = await db
		.insert(reg33Visits)
		.values({
			homeId: home.id,
			visitedOn,
			visitorUserId: visitorId || null,
			visitorName: storableText(visitorName),
			createdBy: user.id,
			createdAt: now
		})
		.returning({ id: reg33Visits.id });
	await audit({
		db,
		userId: user.id,
		action: 'record-visit',
		targetType: 'childrens-home',
		targetId: home.id,
		detail: { visitId: visit.id }
	});
	return { id: visit.id, homeId: home.id, visitedOn };
}
