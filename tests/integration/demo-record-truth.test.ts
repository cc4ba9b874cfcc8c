/**
 * The demo's record tells the truth (issue 21). Plans in correct plain English: the family's sentence for every action of every
 * record the demo seeds reads "who will do what, by when" — no subject said twice, no name
 * straight after "will", no broken count — and so does every sentence of each family plan.
 * (The generated year, server/seed/year.ts, keeps only its meetings' dates and documents' dates:
 * it stores no records, so it has no actions to build.) And the demo conference's reports are
 * one register: what the pages list is what was received and shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates, meetings, users } from '../../src/lib/server/db/schema';
import { seedDemo, demoIds, demoUserIds } from '../../server/seed/demo';
import {
	meetingReportRegister,
	reportRegisterForViewer
} from '../../src/lib/server/voices/report-register';
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

describe('the demo conference’s reports, in one register', () => {
	it('has the reports the register says were received and shared, and the one not shared', async () => {
		const entries = await meetingReportRegister({ db: handle.db, meetingId: demoIds.icpc });
		expect(entries.map((e) => [e.title, e.state, e.inApp])).toEqual([
			['Social work report', 'shared', true],
			['Health visitor’s report', 'shared', true],
			['Police report', 'received', true],
			[expect.stringMatching(/^Report from /), 'asked', false],
			[expect.stringMatching(/^Report from /), 'shared', false]
		]);
		// Mum reads the two shared with her in the app (and the school's paper one is listed).
		const [dawn] = await handle.db.select().from(users).where(eq(users.id, demoUserIds.parent));
		const mine = await reportRegisterForViewer({
			db: handle.db,
			user: { ...dawn },
			meetingId: demoIds.icpc
		});
		expect(mine!.reports.map((r) => [r.title, r.downloadUrl !== null])).toEqual([
			['Social work report', true],
			['Health visitor’s report', true],
			[expect.stringMatching(/^Report from /), false]
		]);
	});
});
