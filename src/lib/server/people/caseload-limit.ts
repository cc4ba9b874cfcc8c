/**
 * A chair's caseload limit (issue 14: "each chair's and reviewing officer's caseload against a
 * configurable limit, 70 by default"): business support or a manager of the unit sets it for
 * one of the unit's chairs; the people page and the oversight figures read it.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { maySetCaseloadLimit } from '../../policy';

export const caseloadLimitInput = z.object({
	userId: z.string({ error: 'Choose a chair.' }).trim().min(1, 'Choose a chair.'),
	limit: z.coerce
		.number({ error: 'Enter the number of children, for example 70.' })
		.int('Enter a whole number of children, for example 70.')
		.min(1, 'Enter a limit of at least 1 child.')
		.max(500, 'Enter a limit of 500 children or fewer.')
});

/** Sets the limit; null when the viewer may not, or the person is not a chair of their unit (404). */
export async function setCaseloadLimit(props: {
	db: Database;
	viewer: SessionUser;
	userId: string;
	limit: number;
}): Promise<{ name: string; limit: number } | null> {
	const { db, viewer, userId, limit } = props;
	if (!maySetCaseloadLimit(viewer) || !viewer.unitId) return null;
	const [changed] = await db
		.update(users)
		.set({ caseloadLimit: limit })
		.where(and(eq(users.id, userId), eq(users.unitId, viewer.unitId), eq(users.role, 'chair')))
		.returning({ name: users.name, limit: users.caseloadLimit });
	if (!changed) return null;
	await audit({
		db,
		userId: viewer.id,
		action: 'caseload-limit',
		targetType: 'user',
		targetId: userId,
		detail: { limit }
	});
	return changed;
}
