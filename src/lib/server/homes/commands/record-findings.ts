import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { reg33Visits } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { storableText } from '../../db/storable';
import { tooLong } from '../../../domain/text-limits';
import { isObject, unitVisit, words } from '../homes';

/** A count of people spoken to: a whole number from 0 to 200, as typed or sent. */
function headCount(value: unknown, field: string, who: string): number {
	const text = typeof value === 'number' ? String(value) : words(value);
	const n = Number(text);
	if (!text || !Number.isInteger(n) || n < 0 || n > 200)
		throw badInput(field, `Enter how many ${who} were spoken to: a whole number, 0 if none.`);
	return n;
}

/**
 * Records what a visit found: `{ staffCount, staffRoles, youngPeopleCount, findings,
 * recommendations }` → `{ id }`, or null (a 404) when the visit is not one of the viewer's unit's.
 * Who was spoken to is counted (staff with their roles; young people by number, never named);
 * findings are needed, recommendations may be none. They may be corrected until the report is
 * sent; after that the report is evidence and they are not changed (409).
 */
export async function recordFindings(props: {
	db: Database;
	user: SessionUser;
	visitId: string;
	input: unknown;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user } = props;
	const found = await unitVisit(db, user, props.visitId);
	if (!found) return null;
	const body = isObject(props.input) ? props.input : {};
	const staffCount = headCount(body.staffCount, 'staffCount', 'members of staff');
	const staffRoles = words(body.staffRoles);
	if (staffCount > 0 && !staffRoles)
		throw badInput(
			'staffRoles',
			'Say the roles of the staff spoken to, for example "deputy manager".'
		);
	const longRoles = tooLong(staffRoles, 'reason', 'the staff’s roles');
	if (longRoles) throw badInput('staffRoles', longRoles);
	const youngPeopleCount = headCount(body.youngPeopleCount, 'youngPeopleCount', 'young people');
	const findings = words(body.findings);
	if (!findings) throw badInput('findings', 'Write what the visit found.');
	const longFindings = tooLong(findings, 'answer', 'the findings');
	if (longFindings) throw badInput('findings', longFindings);
	const recommendations = words(body.recommendations);
	const longRecommendations = tooLong(recommendations, 'answer', 'the recommendations');
	if (longRecommendations) throw badInput('recommendations', longRecommendations);
	const updated = await db
		.update(reg33Visits)
		.set({
			staffSpokenTo: staffCount,
			staffRoles: storableText(staffRoles),
			youngPeopleSpokenTo: youngPeopleCount,
			findings: storableText(findings),
			recommendations: storableText(recommendations),
			findingsRecordedAt: props.now ?? new Date(),
			findingsRecordedBy: user.id
		})
		.where(and(eq(reg33Visits.id, found.visit.id), isNull(reg33Visits.reportSentAt)))
		.returning({ id: reg33Visits.id });
	if (updated.length === 0)
		throw new CommandError(
			409,
			'The report of this visit has been sent: its findings are kept as they were sent.',
			'findings'
		);
	await audit({
		db,
		userId: user.id,
		action: 'record-visit-findings',
		targetType: 'childrens-home',
		targetId: found.home.id,
		detail: { visitId: found.visit.id }
	});
	return { id: found.visit.id };
}
