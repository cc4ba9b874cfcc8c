/**
 * End meeting runs in one transaction, and its sockets are closed at its start so the record
 * holds still while the documents are made. A writer that reconnects while the transaction is
 * still open must not write: on PostgreSQL its upgrade would read the meeting as still live (the
 * end is not committed yet) and its edits would land in the record but not in the documents.
 * Here the database holds End open (a trigger sleeps on the notes it stores) while a stock
 * y-websocket writer is closed by End, types, and reconnects: its words are never applied, and
 * the documents are made from the record as it stays.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { meetingDocuments } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { readStoredRecord } from '../../src/lib/server/records';
import { signIn, noRegister, sessionOf } from '../factories';
import { makeMeetingToEnd, withCollabServer } from '../fixtures/meeting-to-end';
import { synced, typeParagraph, waitFor } from './collab-harness';

const suite = withCollabServer();
const { pool } = suite;

/** The text of one root of the stored record (the live channel if it is loaded). */
async function recordText(meetingId: string, root: string): Promise<string> {
	const doc = await readStoredRecord({ db: suite.handle.db, meetingId });
	const text = doc.getXmlFragment(root).toString();
	doc.destroy();
	return text;
}

describe('a writer reconnecting while End meeting runs', () => {
	it('is never let write: its words are in neither the record nor the documents', async () => {
		const { db } = suite.handle;
		const {
			chair,
			others: [police],
			meetingId,
			participantId
		} = await makeMeetingToEnd(db, {
			child: 'Amy Walker',
			others: [{ name: 'Jo Reid', role: 'professional' }]
		});
		const policeId = participantId(police);
		const root = roots.contribution(policeId);

		const writer = pool.open({
			url: suite.server.url,
			meetingId,
			token: await signIn(db, police.id)
		});
		await synced(writer);
		typeParagraph(writer.doc, root, 'Two call-outs last year.');
		await waitFor('the first words stored', async () =>
			(await recordText(meetingId, root)).includes('Two call-outs last year.')
		);

		// The database holds End's transaction open once the record is read and the documents are
		// made: storing the notes waits two seconds.
		await db.execute(sql`
			create function hold_end_open() returns trigger language plpgsql as $$
			begin perform pg_sleep(2); return new; end $$`);
		await db.execute(sql`
			create trigger hold_end_open before insert on documents for each row
			when (new.kind = 'notes') execute function hold_end_open()`);
		try {
			const closedBefore = writer.connectionCloses.length;
			const ending = endMeeting({
				db,
				user: sessionOf(chair),
				meetingId,
				confirmation: noRegister
			});
			await waitFor('End to close the writer', () => writer.connectionCloses.length > closedBefore);
			// Typed while disconnected: the stock client sends it with its sync when it is back,
			// which it tries at once, while End's transaction is still open.
			typeParagraph(writer.doc, root, 'Written while the meeting was ending.');
			await ending;
			// Once it is over the writer is back, read-only, or was refused for writing.
			await waitFor(
				'the writer back after the end',
				() =>
					writer.closes.length > 0 ||
					(writer.provider.wsconnected &&
						writer.provider.synced &&
						writer.connectionCloses.length > closedBefore + 1)
			);
			await new Promise((resolve) => setTimeout(resolve, 200)); // any write-behind lands
		} finally {
			await db.execute(sql`drop trigger hold_end_open on documents`);
			await db.execute(sql`drop function hold_end_open()`);
		}

		const recorded = await recordText(meetingId, root);
		expect(recorded).toContain('Two call-outs last year.');
		expect(recorded).not.toContain('Written while the meeting was ending.');
		// The documents and the record say the same: what was written before End, and nothing after.
		const documents = await db
			.select({ kind: meetingDocuments.kind, html: meetingDocuments.html })
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		const notesHtml = documents.find((d) => d.kind === 'notes')!.html;
		expect(notesHtml).toContain('Two call-outs last year.');
		for (const d of documents)
			expect(d.html).not.toContain('Written while the meeting was ending.');
	});
});
