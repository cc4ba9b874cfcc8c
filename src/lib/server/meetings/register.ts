/**
 * The register and quorum of one meeting as stored: the template's rule with the unit's own
 * minimum, and the verdicts the domain gives on the participants' rows (src/lib/domain/register.ts).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { units, type Meeting } from '../db/schema';
import {
	checkQuorum,
	endProblems,
	quorumRuleFor,
	templateFor,
	type EndProblem,
	type QuorumRule,
	type QuorumVerdict,
	type RegisterPerson
} from '../../domain';
import type { ParticipantView } from './queries';

/** The quorum rule of a meeting: its template's, with the unit's minimum; null when its kind has none. */
export async function quorumRuleOf(props: {
	db: Database;
	meeting: Pick<Meeting, 'kind' | 'unitId'>;
}): Promise<QuorumRule | null> {
	const templateRule = templateFor(props.meeting.kind).quorum;
	if (!templateRule) return null;
	if (!props.meeting.unitId) return templateRule;
	const [unit] = await props.db
		.select({ minimum: units.conferenceQuorumAgencies })
		.from(units)
		.where(eq(units.id, props.meeting.unitId));
	return quorumRuleFor(templateRule, unit?.minimum ?? null);
}

/** The participants as the register reads them. */
export function registerPeople(participants: readonly ParticipantView[]): RegisterPerson[] {
	return participants.map((p) => ({
		id: p.id,
		name: p.name,
		role: p.role,
		agency: p.agency,
		agencyKind: p.agencyKind,
		attendance: p.attendance
	}));
}

/** The quorum verdict of a meeting now (null for a kind with no quorum). */
export async function quorumOf(props: {
	db: Database;
	meeting: Pick<Meeting, 'kind' | 'unitId'>;
	participants: readonly ParticipantView[];
}): Promise<QuorumVerdict | null> {
	const rule = await quorumRuleOf(props);
	return rule ? checkQuorum(rule, registerPeople(props.participants)) : null;
}

/** What End meeting would warn of now. */
export async function endProblemsOf(props: {
	db: Database;
	meeting: Pick<Meeting, 'kind' | 'unitId'>;
	participants: readonly ParticipantView[];
}): Promise<EndProblem[]> {
	const rule = await quorumRuleOf(props);
	return endProblems({ rule, people: registerPeople(props.participants) });
}
