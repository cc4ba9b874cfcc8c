/**
 * The demo's whole path after a meeting (issue 13), on Chrissie's first child in need review:
 * the documents End meeting makes, the notes sent to the chair by business support and approved
 * (version 1 final, with the family's copy made from the open record), circulated to everyone
 * on the list with the copy each may read (the messages sent; Mum and the social worker have
 * opened theirs, the others not yet), while its actions are tracked (demo-actions.ts). Done
 * through the same steps the pages use, dated as they happened; loading again changes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { circulation, meetingDocuments, outbox, users } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { generateDocuments } from '../../src/lib/documents/index';
import { documentInputFor } from '../../src/lib/server/documents/record-input';
import { storeDocuments } from '../../src/lib/server/documents/store';
import { approveNotes, submitNotes } from '../../src/lib/server/documents/notes';
import { circulateDocument } from '../../src/lib/server/circulation';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { readStoredRecord } from '../../src/lib/server/records';
import { demoIds, demoUserIds } from './demo-ids';

const DAY = 86_400_000;

async function sessionUser(db: Database, id: string): Promise<SessionUser> {
	const [u] = await db.select().from(users).where(eq(users.id, id));
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		unitId: u.unitId,
		agencyId: u.agencyId
	};
}

export async function seedDemoNotes(props: { db: Database; today: Date }): Promise<void> {
	const { db } = props;
	const meetingId = demoIds.cinReviewFirst;
	const existing = await db
		.select({ id: meetingDocuments.id })
		.from(meetingDocuments)
		.where(eq(meetingDocuments.meetingId, meetingId))
		.limit(1);
	if (existing.length) return;
	const chair = await sessionUser(db, demoUserIds.chair);
	const admin = await sessionUser(db, demoUserIds.admin);
	const found = (await meetingForViewer({ db, user: chair, meetingId }))!;
	const endedAt = found.meeting.endedAt ?? new Date(props.today.getTime() - 56 * DAY);
	const at = (days: number, hours = 0) =>
		new Date(endedAt.getTime() + days * DAY + hours * 3600_000);

	// What End meeting made from the record.
	const [main, restricted] = await Promise.all([
		readStoredRecord({ db, meetingId, channel: 'main' }),
		readStoredRecord({ db, meetingId, channel: 'restricted' })
	]);
	try {
		const input = await documentInputFor({ db, found, main, restricted, chairName: chair.name });
		await storeDocuments({
			db,
			meetingId,
			createdBy: chair.id,
			documents: generateDocuments(input),
			now: endedAt,
			meetingDate: input.meeting.date
		});
	} finally {
		main.destroy();
		restricted.destroy();
	}

	// Business support sends the notes to the chair; the chair approves them (final, family copy).
	const [draft] = await db
		.select()
		.from(meetingDocuments)
		.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'notes')));
	await submitNotes({ db, user: admin, documentId: draft.id, now: at(6) });
	const { notes } = await approveNotes({ db, user: chair, documentId: draft.id, now: at(8) });

	// The chair circulates the final notes; every message has left, and some have been opened.
	const { recipients } = await circulateDocument({
		db,
		user: chair,
		meetingId,
		documentId: notes.id
	});
	const sentAt = at(8, 1);
	const messageIds = recipients.map((r) => r.messageId);
	if (messageIds.length)
		await db
			.update(outbox)
			.set({ state: 'sent', sentAt, createdAt: at(8), attempts: 1 })
			.where(inArray(outbox.id, messageIds));
	for (const r of recipients) {
		const opened =
			r.userId === demoUserIds.parent
				? at(9, 3)
				: r.userId === demoUserIds.socialWorker
					? at(8, 2)
					: null;
		await db
			.update(circulation)
			.set({ createdAt: at(8), firstOpenedAt: opened })
			.where(and(eq(circulation.outboxId, r.messageId), eq(circulation.meetingId, meetingId)));
	}
}
