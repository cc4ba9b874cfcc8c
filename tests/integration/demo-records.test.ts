import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { readStoredRecord } from '../../server/collab/stored';
import { fragmentParagraphs, readRecord } from '../../src/lib/collab/record';
import { roots } from '../../src/lib/collab/roots';
import { seedDemo, demoIds } from '../../server/seed/demo';
import { meetingParticipants } from '../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db });
	await seedDemo({ db: handle.db }); // twice: records are written once
});
afterAll(async () => {
	await handle?.close();
});

async function people(meetingId: string) {
	const rows = await handle.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
	return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

describe('the demo records', () => {
	it("hold Chrissie's history: the same concerns scored at two child in need reviews", async () => {
		const first = await readStoredRecord({ db: handle.db, meetingId: demoIds.cinReviewFirst });
		const second = await readStoredRecord({ db: handle.db, meetingId: demoIds.cinReviewSecond });
		const p = await people(demoIds.cinReviewSecond);
		const a = readRecord(first, Object.values(await people(demoIds.cinReviewFirst)));
		const b = readRecord(second, Object.values(p));
		expect(a.concerns.map((c) => c.id)).toEqual(b.concerns.map((c) => c.id));
		expect(b.concerns).toHaveLength(4);
		expect(b.ratings[p['Dawn Walker']]['demo-late-school']).toBe(6);
		expect(b.ratings[p['Sam Okafor']]['demo-late-school']).toBe(2);
		expect(b.decisions[p['Mrs Ellen Green']][demoIds.chrissie].recommendation).toBe('continue');
		first.destroy();
		second.destroy();
	});

	it("fill Mia's live conference up to the plan, with one dissent and restricted information kept apart", async () => {
		const p = await people(demoIds.miaConference);
		const main = await readStoredRecord({ db: handle.db, meetingId: demoIds.miaConference });
		const restricted = await readStoredRecord({ db: handle.db, meetingId: demoIds.miaConference, document: 'restricted' });
		const record = readRecord(main, Object.values(p));
		expect(record.meta.currentSection).toBe('plan');
		expect(record.outcomes[demoIds.mia]).toMatchObject({ outcome: 'plan', category: 'emotional-abuse' });
		const views = Object.values(record.decisions).map((d) => d[demoIds.mia].recommendation);
		expect(views.sort()).toEqual(['no-plan', 'plan', 'plan']);
		expect(record.plan.actions.length).toBeGreaterThanOrEqual(5);
		expect(record.plan.actions.every((a) => a.who && a.byWhen)).toBe(true);
		expect(fragmentParagraphs(main.getXmlFragment(roots.contribution(p['Jordan Price'])))[0]).toMatch(/dancing/);
		expect(fragmentParagraphs(restricted.getXmlFragment(roots.restricted(p['PC Jo Reid'])))[0]).toMatch(/Intelligence/);
		expect(JSON.stringify(main.toJSON())).not.toMatch(/Intelligence/);
		main.destroy();
		restricted.destroy();
	});
});
