/**
 * The demo's filled-in conference (Mia's) ends with complete documents, and its parent plan
 * reads at a reading age of about 11 or below with no unexplained acronym.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { users } from '../../src/lib/server/db/schema';
import { seedDemo, demoIds, demoUserIds } from '../../server/seed/demo';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { documentForRole } from '../../src/lib/server/documents/store';
import { documentReadability } from '../../src/lib/documents/check';
import type { MeetingDocument } from '../../src/lib/documents/model';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db });
});
afterAll(async () => {
	await handle?.close();
});

describe("ending the demo's filled-in conference", () => {
	it('makes the 24-hour plan, the draft notes and a parent plan a family can read', async () => {
		const { db } = handle;
		const [chair] = await db.select().from(users).where(eq(users.id, demoUserIds.chair));
		const user: SessionUser = {
			id: chair.id,
			name: chair.name,
			email: chair.email,
			role: chair.role,
			unitId: chair.unitId,
			agencyId: chair.agencyId
		};
		const { documents } = await endMeeting({ db, user, meetingId: demoIds.miaConference });
		expect(documents.map((d) => d.kind).sort()).toEqual(['notes', 'parent-plan', 'plan-24h']);

		const plan = await documentForRole({
			db,
			meetingId: demoIds.miaConference,
			documentId: documents.find((d) => d.kind === 'plan-24h')!.id,
			role: 'chair'
		});
		expect(plan?.html).toContain('Mia Price');
		expect(plan?.html).toContain('Take Mia to school every Monday');
		expect(plan?.html).toContain('No one was hurt and Jordan is working with us'); // the dissent, with its reason
		expect(plan?.html).not.toContain('Intelligence');
		// The demo's register is taken and the conference quorate: the documents say only that.
		expect(plan?.html).not.toMatch(/data-label="Attendance">not recorded/);
		expect(plan?.html).not.toContain('The register was not taken');
		expect(plan?.html).toContain('Quorate: agencies present');
		expect(plan?.html).toContain('The chair&#39;s reason');
		expect(plan?.html).not.toMatch(/unanimous/);

		const notes = await documentForRole({
			db,
			meetingId: demoIds.miaConference,
			documentId: documents.find((d) => d.kind === 'notes')!.id,
			role: 'chair'
		});
		expect(notes?.html).toContain('Intelligence from another force'); // marked restricted in the professionals' notes
		expect(notes?.html).toMatch(/Restricted/);

		const parentPlan = await documentForRole({
			db,
			meetingId: demoIds.miaConference,
			documentId: documents.find((d) => d.kind === 'parent-plan')!.id,
			role: 'parent'
		});
		expect(parentPlan).not.toBeNull();
		expect(parentPlan!.html).not.toContain('Intelligence');
		const check = documentReadability(parentPlan!.content as MeetingDocument);
		expect(check.overall.readingAge).toBeLessThanOrEqual(11);
		expect(check.acronyms).toEqual([]);
		expect(check.jargonLeft).toEqual([]);
		expect(parentPlan!.html).not.toMatch(/\b(ICPC|PLO|CP|LAC|CIN)\b/);
	});
});
