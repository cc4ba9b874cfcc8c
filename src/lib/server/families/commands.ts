/**
 * Keeping a unit's families (issue 12): families, children, parents and carers with their
 * relationship and parental responsibility, the events that start a child's clocks, a child
 * coming into care with their IRO, a child moving between families. Chairs and business
 * support of the unit only (`mayManageFamilies`); anyone else is told nothing (404).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { childEvents, children, families, familyMembers, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { storableText } from '../db/storable';
import { mayManageFamilies } from '../../policy';
import { typedDateProblem, todayIn, compareDates } from '../../domain/calendar-date';
import { tooLong, type TextLimit } from '../../domain/text-limits';
import { dueFromEvent, type ChildEventKind, type DueMeeting } from '../../domain/child-clocks';
import { isId, unitParentAccount } from './queries';
import { endPlan, plansRunningOn, startPlan } from '../plan-events';
import { queuePlanChanges } from '../case-system/queue';
import { CommandError, badInput } from '../command-error';

const notFound = () => new CommandError(404, 'Not found', 'id');

function keeper(user: SessionUser): SessionUser & { unitId: string } {
	if (!mayManageFamilies(user)) throw notFound();
	return user as SessionUser & { unitId: string };
}

function text(field: string, value: string, what: string, limit: TextLimit = 'name'): string {
	const clean = storableText(value ?? '').trim();
	if (!clean) throw badInput(field, `Enter ${what}.`);
	const long = tooLong(clean, limit, `the ${field === 'name' ? 'name' : field}`);
	if (long) throw badInput(field, long);
	return clean;
}

function pastDate(field: string, value: string, what: string): string {
	const problem = typedDateProblem(value ?? '');
	if (problem) throw badInput(field, problem);
	if (compareDates(value, todayIn()) > 0) throw badInput(field, `${what} cannot be after today.`);
	return value;
}

async function unitFamily(db: Database, user: SessionUser & { unitId: string }, familyId: string) {
	if (!isId(familyId)) return null;
	const [family] = await db
		.select()
		.from(families)
		.where(and(eq(families.id, familyId), eq(families.unitId, user.unitId)));
	return family ?? null;
}

async function unitChild(db: Database, user: SessionUser & { unitId: string }, childId: string) {
	if (!isId(childId)) return null;
	const [row] = await db
		.select({ child: children })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(eq(children.id, childId), eq(families.unitId, user.unitId)));
	return row?.child ?? null;
}

export async function createFamily(props: { db: Database; user: SessionUser; name: string }) {
	const user = keeper(props.user);
	const name = text('name', props.name, 'the name the unit uses for the family, e.g. Smith family');
	const [family] = await props.db
		.insert(families)
		.values({ unitId: user.unitId, name })
		.returning({ id: families.id });
	await audit({
		db: props.db,
		userId: user.id,
		action: 'create-family',
		targetType: 'child',
		detail: { familyId: family.id }
	});
	return family;
}

/** Adds a parent or carer (an account with a parent's role) to a family, or updates their relationship. */
export async function addFamilyMember(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
	userId: string;
	relationship: string;
	parentalResponsibility: boolean;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw notFound();
	// Only a parent the unit made or already has in one of its families (issue 20): another
	// unit's parent is answered as any id not on the list.
	const [member] = isId(props.userId ?? '')
		? await db
				.select()
				.from(users)
				.where(and(eq(users.id, props.userId), unitParentAccount(user.unitId)))
		: [];
	if (!member)
		throw badInput(
			'userId',
			"Choose a parent's or carer's account from the list (someone new is added on People first)."
		);
	const relationship = text(
		'relationship',
		props.relationship,
		'how they are related, e.g. Mum',
		'shortText'
	);
	const values = {
		familyId: family.id,
		userId: member.id,
		relationship,
		parentalResponsibility: props.parentalResponsibility === true
	};
	await db
		.insert(familyMembers)
		.values(values)
		.onConflictDoUpdate({
			target: [familyMembers.familyId, familyMembers.userId],
			set: { relationship, parentalResponsibility: values.parentalResponsibility }
		});
	await audit({
		db,
		userId: user.id,
		action: 'add-family-member',
		targetType: 'child',
		detail: { familyId: family.id, memberId: member.id, pr: values.parentalResponsibility }
	});
	return { familyId: family.id, userId: member.id };
}

export async function createChild(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
	name: string;
	dateOfBirth: string;
	preferredName?: string | null;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw badInput('familyId', 'Choose a family of your unit.');
	const name = text('name', props.name, "the child's name");
	const dateOfBirth = pastDate('dateOfBirth', props.dateOfBirth, 'A date of birth');
	const preferred = storableText(props.preferredName ?? '').trim() || null;
	const longPreferred = tooLong(preferred ?? '', 'shortText', 'the preferred name');
	if (longPreferred) throw badInput('preferredName', longPreferred);
	const [child] = await db
		.insert(children)
		.values({ familyId: family.id, name, dateOfBirth, preferredName: preferred })
		.returning({ id: children.id });
	await audit({
		db,
		userId: user.id,
		action: 'create',
		targetType: 'child',
		targetId: child.id,
		detail: { familyId: family.id }
	});
	return child;
}

/**
 * Is this one of the user's unit's families (and may they manage it)? The API asks before
 * reading a body, so another unit's family is answered 404, as a missing id, not 400 (issue 20).
 */
export async function keepsFamily(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
}): Promise<boolean> {
	if (!mayManageFamilies(props.user)) return false;
	return (await unitFamily(props.db, keeper(props.user), props.familyId)) !== null;
}

/** Is this a child of one of the user's unit's families (and may they manage it)? As `keepsFamily`. */
export async function keepsChild(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<boolean> {
	if (!mayManageFamilies(props.user)) return false;
	return (await unitChild(props.db, keeper(props.user), props.childId)) !== null;
}

/** Moves a child to another family of the unit (the child's record and meetings go with them). */
export async function moveChild(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	familyId: string;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const child = await unitChild(db, user, props.childId);
	if (!child) throw notFound();
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw badInput('familyId', 'Choose a family of your unit.');
	await db.update(children).set({ familyId: family.id }).where(eq(children.id, child.id));
	await audit({
		db,
		userId: user.id,
		action: 'move-family',
		targetType: 'child',
		targetId: child.id,
		detail: { from: child.familyId, to: family.id }
	});
	return { id: child.id, familyId: family.id };
}

/**
 * Records an event that starts a child's clocks and answers the meetings it makes due. A child
 * coming into care is in care from that day, with their independent reviewing officer (a chair
 * of the unit) when one is named.
 */
export async function recordChildEvent(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	kind: ChildEventKind;
	date: string;
	iroId?: string | null;
}): Promise<{ id: string; due: DueMeeting[] }> {
	const { db } = props;
	const user = keeper(props.user);
	const child = await unitChild(db, user, props.childId);
	if (!child) throw notFound();
	// A date ahead is allowed: a discussion booked for tomorrow may be recorded today.
	const problem = typedDateProblem(props.date ?? '');
	if (problem) throw badInput('date', problem);
	const date = props.date;
	let iroId: string | null = null;
	if (props.kind === 'came-into-care' && props.iroId) {
		const [iro] = isId(props.iroId)
			? await db
					.select({ id: users.id })
					.from(users)
					.where(
						and(eq(users.id, props.iroId), eq(users.unitId, user.unitId), eq(users.role, 'chair'))
					)
			: [];
		if (!iro) throw badInput('iroId', 'Choose an independent reviewing officer from your unit.');
		iroId = iro.id;
	}
	// A plan's start and end are the plan register's (issue 26): one record of when it ran.
	if (props.kind === 'plan-started' || props.kind === 'plan-ended') {
		const running = (await plansRunningOn(db, [child.id], date)).get(child.id);
		let planId: string;
		if (props.kind === 'plan-started') {
			if (running)
				throw new CommandError(
					400,
					'This child is already subject to a child protection plan on that date; end it first.',
					'kind'
				);
			planId = await startPlan({
				db,
				childId: child.id,
				day: date,
				category: null,
				meetingId: null,
				by: user.id
			});
		} else {
			if (!running)
				throw new CommandError(
					400,
					'This child is not subject to a child protection plan on that date.',
					'kind'
				);
			planId = running;
			await endPlan({
				db,
				planId,
				day: date,
				reason: 'Recorded by the unit.',
				meetingId: null,
				by: user.id
			});
		}
		await audit({
			db,
			userId: user.id,
			action: 'record-event',
			targetType: 'child',
			targetId: child.id,
			detail: { kind: props.kind, planId }
		});
		await queuePlanChanges({ db, changes: [{ kind: props.kind, planId }] });
		return { id: planId, due: dueFromEvent({ kind: props.kind, date }) };
	}
	const id = await db.transaction(async (tx) => {
		const [event] = await tx
			.insert(childEvents)
			.values({ childId: child.id, kind: props.kind, date, recordedBy: user.id })
			.returning({ id: childEvents.id });
		if (props.kind === 'came-into-care')
			await tx
				.update(children)
				.set({ inCareSince: date, ...(iroId ? { iroId } : {}) })
				.where(eq(children.id, child.id));
		return event.id;
	});
	await audit({
		db,
		userId: user.id,
		action: 'record-event',
		targetType: 'child',
		targetId: child.id,
		detail: { kind: props.kind }
	});
	return { id, due: dueFromEvent({ kind: props.kind, date }) };
}
