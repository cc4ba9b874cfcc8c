import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import * as Y from 'yjs';
import { compactChannel, readStoredRecord, UpdateLog } from '../../src/lib/server/records';
import {
	fragmentParagraphs,
	readRecord,
	setPlanField,
	updateConcern
} from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import { seedDemo, demoIds } from '../../server/seed/demo';
import {
	collabSnapshots,
	collabUpdates,
	meetingParticipants
} from '../../src/lib/server/db/schema';
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
	const rows = await handle.db
		.select()
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
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
		const restricted = await readStoredRecord({
			db: handle.db,
			meetingId: demoIds.miaConference,
			channel: 'restricted'
		});
		const record = readRecord(main, Object.values(p));
		expect(record.meta.currentSection).toBe('plan');
		expect(record.outcomes[demoIds.mia]).toMatchObject({
			outcome: 'plan',
			category: 'emotional-abuse'
		});
		const views = Object.values(record.decisions).map((d) => d[demoIds.mia].recommendation);
		expect(views.sort()).toEqual(['no-plan', 'plan', 'plan']);
		expect(record.plan.actions.length).toBeGreaterThanOrEqual(5);
		expect(record.plan.actions.every((a) => a.who && a.byWhen)).toBe(true);
		expect(
			fragmentParagraphs(main.getXmlFragment(roots.contribution(p['Jordan Price'])))[0]
		).toMatch(/dancing/);
		expect(
			fragmentParagraphs(restricted.getXmlFragment(roots.restricted(p['PC Jo Reid'])))[0]
		).toMatch(/Intelligence/);
		expect(JSON.stringify(main.toJSON())).not.toMatch(/Intelligence/);
		main.destroy();
		restricted.destroy();
	});
});

// Runs last in this file: it changes the stored records the tests above read.
describe('loading the demo again', () => {
	/** Makes a change to a stored record and stores it as the server does (log, then compaction on unload). */
	async function editStored(meetingId: string, change: (doc: Y.Doc) => void) {
		const doc = await readStoredRecord({ db: handle.db, meetingId });
		const before = Y.encodeStateVector(doc);
		change(doc);
		const log = new UpdateLog(handle.db, meetingId, { rowsSinceSnapshot: 1 });
		log.append(Y.encodeStateAsUpdate(doc, before));
		await log.close(); // writes the update, then folds the log into the snapshot
		doc.destroy();
	}

	async function snapshot(meetingId: string) {
		const doc = await readStoredRecord({ db: handle.db, meetingId });
		const record = readRecord(doc, Object.values(await people(meetingId)));
		doc.destroy();
		return record;
	}

	it('never touches a record that exists, compacted or edited since', async () => {
		// An ended review, compacted (its log folded into the snapshot) and not edited.
		await compactChannel({ db: handle.db, meetingId: demoIds.cinReviewSecond });
		// The live conference: the plan edited in the meeting, then compacted.
		await editStored(demoIds.miaConference, (doc) => {
			setPlanField(doc, 'contingency', 'Changed in the meeting.');
			updateConcern(doc, 'demo-mia-mondays', { title: 'Mia misses school on Mondays and Fridays' });
		});
		await compactChannel({
			db: handle.db,
			meetingId: demoIds.miaConference,
			channel: 'restricted'
		});
		const logRows = await handle.db
			.select({ id: collabUpdates.id })
			.from(collabUpdates)
			.where(eq(collabUpdates.meetingId, demoIds.miaConference));
		expect(logRows).toEqual([]); // the record now lives in its snapshots only
		expect(
			await handle.db
				.select({ m: collabSnapshots.meetingId })
				.from(collabSnapshots)
				.where(eq(collabSnapshots.meetingId, demoIds.cinReviewSecond))
		).toHaveLength(1);
		const reviewBefore = await snapshot(demoIds.cinReviewSecond);
		const miaBefore = await snapshot(demoIds.miaConference);
		expect(reviewBefore.concerns).toHaveLength(4);
		expect(miaBefore.plan.contingency).toBe('Changed in the meeting.');

		await seedDemo({ db: handle.db });

		const review = await snapshot(demoIds.cinReviewSecond);
		const mia = await snapshot(demoIds.miaConference);
		expect(review.concerns).toHaveLength(4);
		expect(review).toEqual(reviewBefore);
		expect(mia.concerns).toHaveLength(2);
		expect(mia.concerns.find((c) => c.id === 'demo-mia-mondays')?.title).toBe(
			'Mia misses school on Mondays and Fridays'
		);
		expect(mia.plan.contingency).toBe('Changed in the meeting.');
		expect(mia).toEqual(miaBefore);
		const restricted = await readStoredRecord({
			db: handle.db,
			meetingId: demoIds.miaConference,
			channel: 'restricted'
		});
		const p = await people(demoIds.miaConference);
		expect(
			fragmentParagraphs(restricted.getXmlFragment(roots.restricted(p['PC Jo Reid'])))
		).toHaveLength(1);
		restricted.destroy();
	});
});
