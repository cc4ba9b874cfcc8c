/**
 * Records a foster carer (issue 25): their names, when they were approved, their supervising
 * social worker (name and email), the dates of their last review and last face-to-face review
 * when they have had them, and the children placed with them — each one of the unit's children,
 * with the child's social worker (name and email), of whom the child's report is asked.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { children, families, fosterCarers, fosterPlacements } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { mayWorkFosterCarers } from '../../../policy';
import { compareDates, type CalendarDate } from '../../../domain/calendar-date';
import { calendarDate, emailAddress, fieldsOf, words } from '../carers';

export interface PlacementInput {
	childId: string;
	socialWorkerName: string;
	socialWorkerEmail: string;
}

export interface CarerInput {
	names: string;
	approvedOn: CalendarDate;
	supervisingSocialWorkerName: string;
	supervisingSocialWorkerEmail: string;
	lastReviewOn: CalendarDate | null;
	lastFaceToFaceOn: CalendarDate | null;
	placements: PlacementInput[];
}

/** A date that may be left out, not before approval and not after today. */
function pastDateOrNone(
	value: unknown,
	field: string,
	what: string,
	approvedOn: CalendarDate,
	today: CalendarDate
): CalendarDate | null {
	if (value === undefined || value === null || value === '') return null;
	const date = calendarDate(value, field, what);
	if (compareDates(date, approvedOn) < 0)
		throw badInput(field, `${what}: it cannot be before the carer was approved.`);
	if (compareDates(date, today) > 0) throw badInput(field, `${what}: it cannot be in the future.`);
	return date;
}

/** Reads a new carer's body against `today`, or throws bad input naming the first field to fix. */
export function readCarer(input: unknown, today: CalendarDate): CarerInput {
	const body = fieldsOf(input);
	const names = words(body.names, 'names', 'the carer’s name or the couple’s names', 'name');
	const approvedOn = calendarDate(body.approvedOn, 'approvedOn', 'When the carer was approved');
	if (compareDates(approvedOn, today) > 0)
		throw badInput('approvedOn', 'When the carer was approved: it cannot be in the future.');
	const placed = body.children ?? [];
	if (!Array.isArray(placed) || placed.length > 20)
		throw badInput('children', 'List the children placed (at most 20), or none.');
	const placements = placed.map((entry: unknown, i: number): PlacementInput => {
		const child = fieldsOf(entry);
		if (typeof child.childId !== 'string' || !child.childId)
			throw badInput(`children`, `Choose child ${i + 1} from your unit’s children.`);
		return {
			childId: child.childId,
			socialWorkerName: words(
				child.socialWorkerName,
				'children',
				`the name of child ${i + 1}’s social worker`,
				'name'
			),
			socialWorkerEmail: emailAddress(
				child.socialWorkerEmail,
				'children',
				`child ${i + 1}’s social worker’s`
			)
		};
	});
	if (new Set(placements.map((p) => p.childId)).size !== placements.length)
		throw badInput('children', 'A child is listed twice: list each child placed once.');
	return {
		names,
		approvedOn,
		supervisingSocialWorkerName: words(
			body.supervisingSocialWorkerName,
			'supervisingSocialWorkerName',
			'the supervising social worker’s name',
			'name'
		),
		supervisingSocialWorkerEmail: emailAddress(
			body.supervisingSocialWorkerEmail,
			'supervisingSocialWorkerEmail',
			'the supervising social worker’s'
		),
		lastReviewOn: pastDateOrNone(
			body.lastReviewOn,
			'lastReviewOn',
			'The last review',
			approvedOn,
			today
		),
		lastFaceToFaceOn: pastDateOrNone(
			body.lastFaceToFaceOn,
			'lastFaceToFaceOn',
			'The last face-to-face review',
			approvedOn,
			today
		),
		placements
	};
}

/** 201's `{ id }`, or null when the viewer may not work the unit's foster carers (404). */
export async function recordCarer(props: {
	db: Database;
	user: SessionUser;
	input: unknown;
	today: CalendarDate;
}): Promise<{ id: string } | null> {
	const { db, user } = props;
	if (!mayWorkFosterCarers(user) || !user.unitId) return null;
	const unitId = user.unitId;
	const carer = readCarer(props.input, props.today);
	const ids = carer.placements.map((p) => p.childId);
	if (ids.length) {
		const known = await db
			.select({ id: children.id })
			.from(children)
			.innerJoin(families, eq(families.id, children.familyId))
			.where(and(inArray(children.id, ids), eq(families.unitId, unitId)));
		if (known.length !== ids.length)
			throw badInput('children', 'One of the children chosen is not known to your unit.');
	}
	return db.transaction(async (tx) => {
		const { placements, ...facts } = carer;
		const [row] = await tx
			.insert(fosterCarers)
			.values({ ...facts, unitId, createdBy: user.id })
			.returning({ id: fosterCarers.id });
		if (placements.length)
			await tx
				.insert(fosterPlacements)
				.values(placements.map((p, position) => ({ ...p, carerId: row.id, position })));
		await audit({
			db: tx,
			userId: user.id,
			action: 'record foster carer',
			targetType: 'foster-carer',
			targetId: row.id,
			detail: { children: placements.length }
		});
		return { id: row.id };
	});
}
