/**
 * Allegations against adults who work with children (issue 25, the LADO's cases): referring one,
 * reading it, recording its outcome. Every query is scoped to the viewer's unit; a viewer who may
 * not work the unit's allegations, or an allegation of another unit, is answered null (a 404).
 * Every read and change is audited, with ids only: never the adult's, referrer's or child's name.
 * This module reads and checks; referring one, each step of its case (the initial consideration,
 * the employer's actions, the placing authority: recorded, or raised with it by email) and
 * recording its outcome are one command a file in ./commands/, with the checks those steps share
 * in ./case-checks.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { allegationChildren, allegationEmployerActions, allegations, children } from '../db/schema';
import { audit } from '../audit';
import { mayWorkAllegations } from '../../policy';
import { calendarDateOf, compareDates, type CalendarDate } from '../../domain/calendar-date';
import { readDateTime } from '../../domain/date-time';
import {
	considerationLate,
	placedChildOverdue,
	placingAuthorityDueBy
} from '../../domain/allegations';
import { tooLong } from '../../domain/text-limits';
import {
	allegationNatures,
	allegationSectors,
	type AllegationNature,
	type AllegationSector
} from '../../domain/vocabulary';

export interface Referral {
	adult: { name: string; role: string; employer: string; sector: AllegationSector };
	childIds: string[];
	nature: AllegationNature;
	receivedAt: Date;
	referrer: { name: string; agency: string };
}

/** The first day "unfounded" is no longer an outcome: cases received from then use the four. */
export const UNFOUNDED_UNTIL: CalendarDate = '2013-04-01';

export const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

export const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

/**
 * Reads a referral's body: the referral, or what to fix in each field (`adult.name`,
 * `childIds`, `receivedAt`, …) in plain words.
 */
export function readReferral(
	input: unknown,
	now: Date = new Date()
): { ok: true; referral: Referral } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const body = isObject(input) ? input : {};
	const adult = isObject(body.adult) ? body.adult : {};
	const referrer = isObject(body.referrer) ? body.referrer : {};
	const words = (
		field: string,
		value: unknown,
		what: string,
		limit: 'name' | 'title' = 'name'
	): string => {
		const text = typeof value === 'string' ? value.trim() : '';
		if (!text) errors[field] = `Enter ${what}.`;
		else {
			const long = tooLong(text, limit, what);
			if (long) errors[field] = long;
		}
		return text;
	};
	const name = words('adult.name', adult.name, 'the name of the adult the allegation is about');
	const role = words(
		'adult.role',
		adult.role,
		'their role, for example "teaching assistant"',
		'title'
	);
	const employer = words('adult.employer', adult.employer, 'who employs them', 'title');
	if (!oneOf(allegationSectors, adult.sector))
		errors['adult.sector'] = `Choose the sector they work in: ${allegationSectors.join(', ')}.`;
	if (!oneOf(allegationNatures, body.nature))
		errors.nature = `Choose what is alleged: ${allegationNatures.join(', ')}.`;
	const childIds = Array.isArray(body.childIds)
		? body.childIds.filter((id): id is string => typeof id === 'string' && id !== '')
		: [];
	if (!Array.isArray(body.childIds) || childIds.length === 0)
		errors.childIds = 'Choose at least one child the allegation concerns.';
	else if (childIds.length !== body.childIds.length || childIds.length > 50)
		errors.childIds = 'List the children as at most 50 child ids.';
	const received = readDateTime(body.receivedAt);
	if (!received.ok) errors.receivedAt = received.problem;
	else if (received.at.getTime() > now.getTime())
		errors.receivedAt = 'Enter when the allegation was received: it cannot be in the future.';
	const referrerName = words('referrer.name', referrer.name, 'who made the referral');
	const referrerAgency = words(
		'referrer.agency',
		referrer.agency,
		'the agency they referred from, or "member of the public"'
	);
	if (Object.keys(errors).length > 0 || !received.ok) return { ok: false, errors };
	return {
		ok: true,
		referral: {
			adult: { name, role, employer, sector: adult.sector as AllegationSector },
			childIds: [...new Set(childIds)],
			nature: body.nature as AllegationNature,
			receivedAt: received.at,
			referrer: { name: referrerName, agency: referrerAgency }
		}
	};
}

/** An allegation of the viewer's unit, or null (not theirs to see, or no such case). */
export async function unitAllegation(db: Database, user: SessionUser, id: string) {
	if (!mayWorkAllegations(user) || !user.unitId) return null;
	const [row] = await db
		.select()
		.from(allegations)
		.where(and(eq(allegations.id, id), eq(allegations.unitId, user.unitId)));
	return row && mayWorkAllegations(user, row.unitId) ? row : null;
}

/** The case as those who work it read it, or null (a 404). The read is audited. */
export async function readAllegation(props: {
	db: Database;
	user: SessionUser;
	id: string;
	now?: Date;
}) {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const concerned = await db
		.select({
			id: children.id,
			name: children.name,
			inCare: allegationChildren.inCare,
			placedByOtherAuthority: allegationChildren.placedByOtherAuthority,
			disabled: allegationChildren.disabled,
			placingAuthority: children.placedByAuthority,
			seenOn: allegationChildren.seenByPlacingAuthorityOn,
			email: allegationChildren.placingAuthorityEmail,
			raisedAt: allegationChildren.raisedWithPlacingAuthorityAt
		})
		.from(allegationChildren)
		.innerJoin(children, eq(children.id, allegationChildren.childId))
		.where(eq(allegationChildren.allegationId, id))
		.orderBy(children.name);
	const actions = await db
		.select({
			id: allegationEmployerActions.id,
			action: allegationEmployerActions.action,
			on: allegationEmployerActions.on,
			note: allegationEmployerActions.note
		})
		.from(allegationEmployerActions)
		.where(eq(allegationEmployerActions.allegationId, id))
		.orderBy(allegationEmployerActions.on, allegationEmployerActions.recordedAt);
	const today = calendarDateOf(props.now ?? new Date());
	const receivedOn = calendarDateOf(row.receivedAt);
	await audit({ db, userId: user.id, action: 'read', targetType: 'allegation', targetId: id });
	return {
		id: row.id,
		adult: {
			name: row.adultName,
			role: row.adultRole,
			employer: row.adultEmployer,
			sector: row.adultSector
		},
		children: concerned.map((child) => ({
			id: child.id,
			name: child.name,
			inCare: child.inCare,
			placedByOtherAuthority: child.placedByOtherAuthority,
			disabled: child.disabled,
			// The placed-elsewhere clock, only for a child another authority placed here.
			...(child.placedByOtherAuthority
				? {
						placingAuthority: {
							name: child.placingAuthority,
							email: child.email,
							seenOn: child.seenOn,
							dueBy: placingAuthorityDueBy(receivedOn),
							overdue: placedChildOverdue(
								{ seenOn: child.seenOn, dueBy: placingAuthorityDueBy(receivedOn) },
								today
							),
							raisedAt: child.raisedAt?.toISOString() ?? null
						}
					}
				: {})
		})),
		nature: row.nature,
		receivedAt: row.receivedAt.toISOString(),
		referrer: { name: row.referrerName, agency: row.referrerAgency },
		considerationDueBy: row.considerationDueBy,
		/** The consideration is not made and the day it was due by has passed. */
		considerationOverdue:
			row.consideredAt === null && compareDates(today, row.considerationDueBy) > 0,
		consideration:
			row.consideredAt === null
				? null
				: {
						at: row.consideredAt.toISOString(),
						thresholdMet: row.thresholdMet,
						reasons: row.thresholdReasons,
						late: considerationLate(row.considerationDueBy, calendarDateOf(row.consideredAt))
					},
		employerActions: actions,
		outcome:
			row.outcome === null || row.outcomeAt === null
				? null
				: { outcome: row.outcome, reason: row.outcomeReason, at: row.outcomeAt.toISOString() }
	};
}
