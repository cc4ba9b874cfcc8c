/**
 * A child's record beyond their name (issue 26): legal status and placement while in care, the
 * needs that change how a meeting is run, siblings in other households, and the child's
 * identifier in the council's case system. Read by anyone who may see the child (a parent is
 * not shown where or with whom a child in care is placed); changed by the unit's chairs and
 * business support (`mayManageFamilies`), audited.
 */
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { childLegalStatuses, children, families, siblingLinks } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import {
	checkChildDetails,
	interpreterProblem,
	type ChildDetails
} from '../../domain/child-record';
import { keepsChild } from './keeping';
import { CommandError } from '../command-error';
import { childForViewer, isId } from './queries';

/** What the child's page shows of the record; null when the viewer may not see the child. */
export async function childRecordFor(props: { db: Database; user: SessionUser; childId: string }) {
	const seen = await childForViewer(props);
	if (!seen) return null;
	const { db } = props;
	const child = seen.child;
	const statuses = await db
		.select({ status: childLegalStatuses.status, since: childLegalStatuses.since })
		.from(childLegalStatuses)
		.where(eq(childLegalStatuses.childId, child.id))
		.orderBy(desc(childLegalStatuses.since), desc(childLegalStatuses.recordedAt));
	const siblings = await siblingsOf(db, child.id, seen.family.unitId);
	const family = props.user.role === 'parent';
	return {
		caseSystemId: family ? null : child.caseSystemId,
		legalStatus: statuses[0] ?? null,
		legalStatusHistory: statuses,
		// Where a child in care lives is the unit's to share, not the page's.
		placement: family
			? null
			: {
					type: child.placementType,
					carerName: child.carerName,
					outOfArea: child.outOfArea,
					placedByAuthority: child.placedByAuthority
				},
		needs: {
			disability: child.disability,
			firstLanguage: child.firstLanguage,
			interpreterNeeded: child.interpreterNeeded,
			communicationNeeds: child.communicationNeeds,
			ethnicity: family ? null : child.ethnicity,
			religion: family ? null : child.religion
		},
		siblings: family ? [] : siblings,
		inCare: child.inCareSince !== null,
		manage: seen.manage
	};
}

async function siblingsOf(db: Database, childId: string, unitId: string | null) {
	if (!unitId) return [];
	return db
		.select({ id: children.id, name: children.name, familyName: families.name })
		.from(siblingLinks)
		.innerJoin(children, eq(children.id, siblingLinks.siblingId))
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(eq(siblingLinks.childId, childId), eq(families.unitId, unitId)))
		.orderBy(asc(children.name));
}

/** Changes the fields sent of a child's details (see `checkChildDetails`); 400 names the field. */
export async function updateChildDetails(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	input: Record<string, unknown>;
}): Promise<void> {
	const { db, user } = props;
	if (!(await keepsChild({ db, user, childId: props.childId })))
		throw new CommandError(404, 'Not found', 'id');
	const checked = checkChildDetails(props.input);
	if (!checked.ok) {
		const [first] = checked.problems;
		throw new CommandError(400, first.message, first.field);
	}
	const { legalStatus, ...columns } = checked.details;
	const [child] = await db.select().from(children).where(eq(children.id, props.childId));
	const problem = interpreterProblem({
		interpreterNeeded: columns.interpreterNeeded ?? child.interpreterNeeded,
		firstLanguage: columns.firstLanguage !== undefined ? columns.firstLanguage : child.firstLanguage
	});
	if (problem) throw new CommandError(400, problem.message, problem.field);
	await db.transaction(async (tx) => {
		if (Object.keys(columns).length)
			await tx
				.update(children)
				.set(columns satisfies Partial<Omit<ChildDetails, 'legalStatus'>>)
				.where(eq(children.id, props.childId));
		if (legalStatus)
			await tx.insert(childLegalStatuses).values({
				childId: props.childId,
				status: legalStatus.status,
				since: legalStatus.since,
				recordedBy: user.id
			});
	});
	await audit({
		db,
		userId: user.id,
		action: 'update',
		targetType: 'child',
		targetId: props.childId,
		// Which fields changed, never what they say.
		detail: { fields: Object.keys(checked.details) }
	});
}

/** Links two of the unit's children as brothers or sisters (both ways); linking again changes nothing. */
export async function linkSibling(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	siblingId: string;
}): Promise<void> {
	const { db, user, childId, siblingId } = props;
	if (!(await keepsChild({ db, user, childId }))) throw new CommandError(404, 'Not found', 'id');
	if (
		!isId(siblingId ?? '') ||
		siblingId === childId ||
		!(await keepsChild({ db, user, childId: siblingId }))
	)
		throw new CommandError(400, 'Choose another child of your unit.', 'siblingId');
	await db
		.insert(siblingLinks)
		.values([
			{ childId, siblingId, linkedBy: user.id },
			{ childId: siblingId, siblingId: childId, linkedBy: user.id }
		])
		.onConflictDoNothing();
	await audit({
		db,
		userId: user.id,
		action: 'link-sibling',
		targetType: 'child',
		targetId: childId,
		detail: { siblingId }
	});
}

/** The unit's children in other families, for the sibling form (keepers only; else none). */
export async function siblingChoices(props: { db: Database; user: SessionUser; childId: string }) {
	const { db, user, childId } = props;
	if (!(await keepsChild({ db, user, childId }))) return [];
	const [own] = await db
		.select({ familyId: children.familyId })
		.from(children)
		.where(eq(children.id, childId));
	const rows = await db
		.select({ id: children.id, name: children.name, familyName: families.name })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(eq(families.unitId, user.unitId!), ne(children.familyId, own.familyId)))
		.orderBy(asc(families.name), asc(children.name));
	return rows;
}
