/**
 * The demo shows the whole path after a meeting without anyone clicking (issue 13): Chrissie's
 * first child in need review has its documents, its notes final as version 1 with the family's
 * copy, a circulation record of who was sent which copy (sent, some opened), and its actions
 * tracked in different states. Loading the demo again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	circulation,
	meetingDocuments,
	outbox,
	planActions,
	users
} from '../../src/lib/server/db/schema';
import { circulationRecord } from '../../src/lib/server/circulation';
import { documentsForRole } from '../../src/lib/server/documents/store';
import { seedDemo, demoIds, demoUserIds } from '../../server/seed/demo';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
const today = new Date('2026-12-02T08:00:00Z');
const meetingId = demoIds.cinReviewFirst;

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
});
afterAll(async () => {
	await handle?.close();
});

async function chair(): Promise<SessionUser> {
	const [u] = await handle.db.select().from(users).where(eq(users.id, demoUserIds.chair));
	return { ...u };
}

describe('the demo’s notes after the first review', () => {
	it('are final as version 1 with the family’s copy, approved by the chair after business support sent them', async () => {
		const rows = await handle.db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		expect(rows.map((r) => `${r.kind} ${r.version} ${r.state}`).sort()).toEqual([
			'notes 1 final',
			'notes-family 1 final',
			'parent-plan 1 final',
			'plan-24h 1 final'
		]);
		const notes = rows.find((r) => r.kind === 'notes')!;
		expect(notes.submittedBy).toBe(demoUserIds.admin);
		expect(notes.approvedBy).toBe(demoUserIds.chair);
		expect(notes.title).toMatch(/^Notes: /);
		expect(notes.approvedAt!.getTime()).toBeLessThan(today.getTime() - 40 * 86_400_000);
		expect(notes.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const family = rows.find((r) => r.kind === 'notes-family')!;
		expect(family.audience).toBe('family');
		expect(family.html).toContain('Chrissie');
		const steps = await handle.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.targetType, 'document'), eq(auditLog.targetId, notes.id)));
		expect(steps.map((s) => s.action).sort()).toEqual([
			'approve-notes',
			'circulate',
			'submit-notes'
		]);
		// The parent reads the family's copy and the plan, never the professionals' notes.
		const forParent = await documentsForRole({ db: handle.db, meetingId, role: 'parent' });
		expect(forParent.map((d) => d.kind).sort()).toEqual(['notes-family', 'parent-plan']);
	});

	it('were circulated with a record of who got which copy: all sent, Mum and the social worker opened theirs', async () => {
		const entries = (await circulationRecord({ db: handle.db, user: await chair(), meetingId }))!;
		expect(entries.length).toBeGreaterThanOrEqual(4);
		expect(entries.every((e) => e.state === 'sent' && e.sentAt && e.version === 1)).toBe(true);
		const of = (userId: string) => entries.find((e) => e.userId === userId)!;
		expect(of(demoUserIds.parent)).toMatchObject({ kind: 'notes-family' });
		expect(of(demoUserIds.parent).firstOpenedAt).not.toBeNull();
		expect(of(demoUserIds.socialWorker)).toMatchObject({ kind: 'notes' });
		expect(of(demoUserIds.socialWorker).firstOpenedAt).not.toBeNull();
		expect(of(demoUserIds.healthVisitor)).toMatchObject({
			kind: 'notes',
			firstOpenedAt: null
		});
		const messages = await handle.db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'circulation')));
		expect(messages).toHaveLength(entries.length);
		expect(messages.every((m) => m.state === 'sent')).toBe(true);
		expect(messages.map((m) => m.textBody).join(' ')).not.toMatch(/Chrissie|Walker/);
	});

	it('sit beside the review’s actions, tracked in different states', async () => {
		const actions = await handle.db
			.select()
			.from(planActions)
			.where(eq(planActions.meetingId, meetingId));
		expect(new Set(actions.map((a) => a.state))).toEqual(new Set(['done', 'in-progress']));
	});

	it('are not made, sent or opened again when the demo is loaded again', async () => {
		const count = async () => ({
			documents: (
				await handle.db
					.select({ id: meetingDocuments.id })
					.from(meetingDocuments)
					.where(eq(meetingDocuments.meetingId, meetingId))
			).length,
			circulation: (
				await handle.db
					.select({ id: circulation.id })
					.from(circulation)
					.where(eq(circulation.meetingId, meetingId))
			).length
		});
		const before = await count();
		await seedDemo({ db: handle.db, today: new Date('2026-12-03T08:00:00Z') });
		expect(await count()).toEqual(before);
	});
});
