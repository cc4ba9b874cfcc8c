/**
 * The demo's plan between meetings: Chrissie's first child in need review leaves its actions
 * tracked, one done and one under way, Mum's owned by her
 * account, so the demo shows progress to the family, on My actions and in Chrissie's story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { planActions } from '../../src/lib/server/db/schema';
import { seedDemo, demoIds } from '../../server/seed/demo';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db });
});
afterAll(async () => {
	await handle?.close();
});

describe('the demo’s tracked actions', () => {
	it('are the first review’s plan with their progress', async () => {
		const rows = await handle.db
			.select()
			.from(planActions)
			.where(eq(planActions.meetingId, demoIds.cinReviewFirst));
		expect(rows.map((r) => [r.who, r.state]).sort()).toEqual([
			['Dawn (Mum)', 'in-progress'],
			['Mrs Ellen Green', 'done']
		]);
		expect(rows.find((r) => r.who === 'Dawn (Mum)')?.ownerId).toBe(
			'00000000-0000-4000-8000-000000000107'
		);
		expect(rows.every((r) => r.childId === demoIds.chrissie)).toBe(true);
	});
});
