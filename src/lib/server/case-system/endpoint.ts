/**
 * A unit's case-system endpoint (issue 26): set by its managers (`PUT /api/unit/case-system`),
 * read back without its secret. Runs in SvelteKit and under plain Node, so imports are relative.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { caseSystemEndpoints } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { endpointProblems } from '../../domain/case-system';
import type { Problem } from '../../domain/problems';

/** The endpoint a unit's events go to, or null (then nothing is queued or sent). */
export async function endpointOf(db: Database, unitId: string | null) {
	if (!unitId) return null;
	const [row] = await db
		.select()
		.from(caseSystemEndpoints)
		.where(eq(caseSystemEndpoints.unitId, unitId));
	return row ?? null;
}

/** What a manager is shown of the endpoint: the address and when it was set, never the secret. */
export async function endpointView(db: Database, unitId: string) {
	const row = await endpointOf(db, unitId);
	return row ? { url: row.url, secretSet: true, updatedAt: row.updatedAt.toISOString() } : null;
}

/** Sets (or replaces) the unit's endpoint; the problems with what was sent, or none. */
export async function setEndpoint(props: {
	db: Database;
	user: SessionUser & { unitId: string };
	url: unknown;
	secret: unknown;
}): Promise<Problem[]> {
	const problems = endpointProblems(props);
	if (problems.length) return problems;
	const values = {
		unitId: props.user.unitId,
		url: String(props.url).trim(),
		secret: String(props.secret).trim(),
		updatedBy: props.user.id,
		updatedAt: new Date()
	};
	await props.db
		.insert(caseSystemEndpoints)
		.values(values)
		.onConflictDoUpdate({ target: caseSystemEndpoints.unitId, set: values });
	await audit({
		db: props.db,
		userId: props.user.id,
		action: 'set-case-system',
		targetType: 'unit',
		targetId: props.user.unitId,
		// The address's host only: the secret never goes in the log.
		detail: { host: new URL(values.url).host }
	});
	return [];
}
