/**
 * The demo's one challenge: the chair's informal challenge to the school about Mia (a report
 * that did not come), so the child's page and the rights matrix have one to show. Idempotent.
 */
import type { Database } from '../../src/lib/server/db';
import { challenges, challengeSteps } from '../../src/lib/server/db/schema';
import { demoIds, id } from './demo-ids';

export const demoChallengeId = id(501);

export async function seedDemoChallenges(props: { db: Database; today: Date }): Promise<void> {
	const raisedAt = new Date(props.today.getTime() - 6 * 86_400_000);
	const why =
		'No report from school for two meetings running, so the conference did not hear how Mia is at school.';
	const [made] = await props.db
		.insert(challenges)
		.values({
			id: demoChallengeId,
			unitId: demoIds.unit,
			childId: demoIds.mia,
			authorId: id(101),
			about: 'No school report for the conference',
			toAgency: 'Oakfield Primary School',
			toPerson: 'The designated safeguarding lead',
			why,
			stage: 'informal',
			raisedAt,
			stageAt: raisedAt
		})
		.onConflictDoNothing()
		.returning({ id: challenges.id });
	if (!made) return;
	await props.db.insert(challengeSteps).values({
		challengeId: made.id,
		stage: 'informal',
		at: raisedAt,
		byUserId: id(101),
		note: why
	});
}
