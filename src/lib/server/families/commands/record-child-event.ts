import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { childEvents, children, users } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { typedDateProblem } from '../../../domain/calendar-date';
import { dueFromEvent, type ChildEventKind, type DueMeeting } from '../../../domain/child-clocks';
import { isId } from '../queries';
import { endPlan, plansRunningOn, startPlan } from '../../plan-events';
import { queuePlanChanges } from '../../case-system/queue';
import { CommandError, badInput } from '../../command-error';
import { familyNotFound, keeper, unitChild } from '../keeping';

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
	if (!child) throw familyNotFound();
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
