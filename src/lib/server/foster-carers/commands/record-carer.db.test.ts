/**
 * recordCarer: the unit's business support records a carer with the children placed (the unit's
 * own, each with their social worker), audited without names; a child of another unit, a date
 * in the future or a bad address is bad input; someone who may not work carers gets null.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, fosterCarers, fosterPlacements } from '../../db/schema';
import { CommandError } from '../../command-error';
import { recordCarer } from './record-carer';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk, TODAY } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);
const body = (over: Record<string, unknown> = {}) => ({
	names: 'Pat Jones',
	approvedOn: '2025-06-01',
	supervisingSocialWorkerName: 'Dee Walsh',
	supervisingSocialWorkerEmail: 'Dee.Walsh@Fostering.example',
	...over
});

describe('recordCarer', () => {
	it('records the carer and the children placed, in order, audited without names', async () => {
		const { db } = suite.handle;
		const { chair, sam, kayleigh } = suite.made;
		const recorded = await recordCarer({
			db,
			user: chair,
			today: TODAY,
			input: body({
				lastFaceToFaceOn: '2025-06-01',
				children: [
					{ childId: sam, socialWorkerName: 'Tom Hale', socialWorkerEmail: 'tom@sw.example' },
					{ childId: kayleigh, socialWorkerName: 'Priya Shah', socialWorkerEmail: 'p@sw.example' }
				]
			})
		});
		const [row] = await db.select().from(fosterCarers).where(eq(fosterCarers.id, recorded!.id));
		expect(row).toMatchObject({
			names: 'Pat Jones',
			supervisingSocialWorkerEmail: 'dee.walsh@fostering.example',
			lastReviewOn: null,
			lastFaceToFaceOn: '2025-06-01'
		});
		const placed = await db
			.select()
			.from(fosterPlacements)
			.where(eq(fosterPlacements.carerId, row.id));
		expect(placed.sort((a, b) => a.position - b.position).map((p) => p.childId)).toEqual([
			sam,
			kayleigh
		]);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
		expect(entry).toMatchObject({ action: 'record foster carer', detail: { children: 2 } });
		expect(JSON.stringify(entry)).not.toContain('Pat');
	});

	it('refuses a child of another unit, a future approval and a bad address', async () => {
		const { db } = suite.handle;
		const { chair, sol } = suite.made;
		const field = (input: unknown) =>
			recordCarer({ db, user: chair, today: TODAY, input }).catch((e: unknown) => e);
		const away = body({
			children: [{ childId: sol, socialWorkerName: 'A', socialWorkerEmail: 'a@sw.example' }]
		});
		expect(await field(away)).toMatchObject({ status: 400, field: 'children' });
		expect(await field(body({ approvedOn: '2027-01-01' }))).toMatchObject({ field: 'approvedOn' });
		expect(await field(body({ supervisingSocialWorkerEmail: 'dee' }))).toBeInstanceOf(CommandError);
		expect(await field(body({ lastReviewOn: '2024-01-01' }))).toMatchObject({
			field: 'lastReviewOn'
		});
	});

	it('is null for a parent or a professional', async () => {
		const { db } = suite.handle;
		const { parent, professional } = suite.made;
		for (const user of [parent, professional])
			expect(await recordCarer({ db, user, today: TODAY, input: body() })).toBeNull();
	});
});
