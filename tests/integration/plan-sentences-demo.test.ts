/**
 * Plans in correct plain English (issue 21): the family's sentence for every action of every
 * record the demo seeds reads "who will do what, by when" — no subject said twice, no name
 * straight after "will", no broken count — and so does every sentence of each family plan.
 * (The generated year, server/seed/year.ts, keeps only its meetings' dates and documents' dates:
 * it stores no records, so it has no actions to build.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates, meetings, users } from '../../src/lib/server/db/schema';
import { seedDemo, demoUserIds } from '../../server/seed/demo';
import { readStoredRecord } from '../../src/lib/server/records/stored';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { documentInputFor } from '../../src/lib/server/documents/record-input';
import { familyAction } from '../../src/lib/documents/family-phrasing';
import { parentPlan } from '../../src/lib/documents/parent-plan';
import { blockText } from '../../src/lib/documents/check';
import { sentencesOf } from '../../src/lib/documents/readability';
import { sentenceProblems } from '../../src/lib/domain/action-words';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
const today = new Date('2026-12-02T08:00:00Z');

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
}, 120_000);
afterAll(async () => {
	await handle?.close();
});

describe('the family’s plan for every action the demo seeds', () => {
	it('reads as who will do what, by when, and every family plan sentence reads correctly', async () => {
		const { db } = handle;
		const [chair] = await db.select().from(users).where(eq(users.id, demoUserIds.chair));
		const withRecords = await db
			.selectDistinct({ meetingId: collabUpdates.meetingId })
			.from(collabUpdates);
		const rows = await db
			.select({ id: meetings.id })
			.from(meetings)
			.where(
				inArray(
					meetings.id,
					withRecords.map((r) => r.meetingId)
				)
			);
		let actions = 0;
		const problems: string[] = [];
		for (const { id } of rows) {
			const found = await meetingForViewer({ db, user: { ...chair }, meetingId: id });
			if (!found) continue;
			const main = await readStoredRecord({ db, meetingId: id });
			const input = await documentInputFor({
				db,
				found,
				main,
				restricted: null,
				chairName: chair.name
			});
			for (const action of input.record.plan.actions) {
				actions++;
				const sentence = familyAction(action, input);
				expect(sentence).toMatch(/ will [a-z]/);
				expect(sentence).toMatch(/, by [A-Z][a-z]+day \d+ [A-Z][a-z]+ \d{4}\.$/);
				for (const p of sentenceProblems(sentence)) problems.push(`${sentence} — ${p.message}`);
			}
			const plan = parentPlan(input);
			for (const line of plan.sections.flatMap((s) => s.blocks.flatMap(blockText)))
				for (const sentence of sentencesOf(line))
					for (const p of sentenceProblems(sentence)) problems.push(`${sentence} — ${p.message}`);
		}
		expect(actions).toBeGreaterThanOrEqual(7);
		expect(problems).toEqual([]);
	});
});
