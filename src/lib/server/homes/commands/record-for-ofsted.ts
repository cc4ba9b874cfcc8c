import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { reg33Visits } from '../../db/schema';
import { audit } from '../../audit';
import { CommandError } from '../../command-error';
import { unitVisit } from '../homes';

/**
 * Records that a visit's report was put on Ofsted's record: when, and who did it → `{ at }`, or
 * null (a 404). Only a report that was sent (409 before), and once (409 after).
 */
export async function recordForOfsted(props: {
	db: Database;
	user: SessionUser;
	visitId: string;
	now?: Date;
}): Promise<{ at: string } | null> {
	const { db, user } = props;
	const found = await unitVisit(db, user, props.visitId);
	if (!found) return null;
	if (!found.visit.reportSentAt)
		throw new CommandError(
			409,
			'Send the report to the registered manager first: Ofsted’s record holds the report sent.',
			'ofsted'
		);
	const at = props.now ?? new Date();
	const updated = await db
		.update(reg33Visits)
		.set({ recordedForOfstedAt: at, recordedForOfstedBy: user.id })
		.where(and(eq(reg33Visits.id, found.visit.id), isNull(reg33Visits.recordedForOfstedAt)))
		.returning({ id: reg33Visits.id });
	if (updated.length === 0)
		throw new CommandError(409, 'This visit is already recorded for Ofsted.', 'ofsted');
	await audit({
		db,
		userId: user.id,
		action: 'record-visit-for-ofsted',
		targetType: 'childrens-home',
		targetId: found.home.id,
		detail: { visitId: found.visit.id }
	});
	return { at: at.toISOString() };
}
