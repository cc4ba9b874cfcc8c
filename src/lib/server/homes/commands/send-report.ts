import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { reg33Visits, type ChildrensHome, type Reg33Visit } from '../../db/schema';
import { audit } from '../../audit';
import { CommandError } from '../../command-error';
import { enqueueMail } from '../../mail/outbox';
import { visitReport } from '../../../domain/reg33';
import { unitVisit } from '../homes';

/** The report of a visit whose findings are recorded, from the record alone; null before then. */
export function reportOf(home: ChildrensHome, visit: Reg33Visit) {
	if (visit.findings === null || visit.staffSpokenTo === null || visit.youngPeopleSpokenTo === null)
		return null;
	return visitReport({
		homeName: home.name,
		ofstedUrn: home.ofstedUrn,
		managerName: home.managerName,
		visitedOn: visit.visitedOn,
		visitorName: visit.visitorName,
		spokenTo: {
			staffCount: visit.staffSpokenTo,
			staffRoles: visit.staffRoles ?? '',
			youngPeopleCount: visit.youngPeopleSpokenTo
		},
		findings: visit.findings,
		recommendations: visit.recommendations ?? ''
	});
}

/**
 * Sends a visit's report to the home's registered manager, through the outbox: the text is made
 * from the record (`visitReport`), every statement recorded, nothing default → `{ to, at }`, or
 * null (a 404). 409 before the findings are recorded, and once sent (it is sent once).
 */
export async function sendReport(props: {
	db: Database;
	user: SessionUser;
	visitId: string;
	now?: Date;
}): Promise<{ to: string; at: string } | null> {
	const { db, user } = props;
	const found = await unitVisit(db, user, props.visitId);
	if (!found) return null;
	const { home, visit } = found;
	const report = reportOf(home, visit);
	if (!report)
		throw new CommandError(
			409,
			'Record the visit’s findings before sending its report.',
			'findings'
		);
	if (visit.reportSentAt)
		throw new CommandError(409, 'The report of this visit has already been sent.', 'report');
	const at = props.now ?? new Date();
	await db.transaction(async (tx) => {
		const message = await enqueueMail({
			db: tx,
			mail: {
				to: home.managerEmail,
				userId: null,
				// About no meeting, to no account of the unit: the unit's outbox shows it by this.
				unitId: home.unitId,
				purpose: 'reg33-report',
				subject: report.subject,
				text: report.text
			}
		});
		const updated = await tx
			.update(reg33Visits)
			.set({ reportSentAt: at, reportSentBy: user.id, reportOutboxId: message.id })
			.where(and(eq(reg33Visits.id, visit.id), isNull(reg33Visits.reportSentAt)))
			.returning({ id: reg33Visits.id });
		if (updated.length === 0)
			throw new CommandError(409, 'The report of this visit has already been sent.', 'report');
		await audit({
			db: tx,
			userId: user.id,
			action: 'send-visit-report',
			targetType: 'childrens-home',
			targetId: home.id,
			detail: { visitId: visit.id }
		});
	});
	return { to: home.managerEmail, at: at.toISOString() };
}
