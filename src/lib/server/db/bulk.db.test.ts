/**
 * Many rows in one statement (./bulk.ts), on the real database: what is read back is what
 * drizzle's own insert would have written — dates, JSON, nulls, `$defaultFn` ids and column
 * defaults — and rows that disagree on their columns are refused before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from './index';
import { agencies, outbox, units } from './schema';
import { insertRows } from './bulk';
import { createTestDatabase } from '../../../../tests/factories';

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await createTestDatabase();
});

afterAll(async () => {
	await handle?.close();
});

describe('insertRows', () => {
	it('writes every row as drizzle would, in one statement', async () => {
		const { db } = handle;
		const at = new Date('2027-01-14T10:00:00.123Z');
		await insertRows(db, outbox, [
			{
				recipientEmail: 'a@example.test',
				purpose: 'account-invite',
				priority: 0,
				subject: 'First "quoted" \\ line',
				textBody: 'Hello\nthere ✓',
				attachments: [{ filename: 'a.ics', contentType: 'text/calendar', contentBase64: 'QQ==' }],
				htmlBody: null,
				nextAttemptAt: at
			},
			{
				recipientEmail: 'b@example.test',
				purpose: 'cancellation',
				priority: 2,
				subject: 'Second',
				textBody: '',
				attachments: [],
				htmlBody: '<p>x</p>',
				nextAttemptAt: at
			}
		]);
		const rows = await db.select().from(outbox).orderBy(asc(outbox.recipientEmail));
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			recipientEmail: 'a@example.test',
			purpose: 'account-invite',
			priority: 0,
			subject: 'First "quoted" \\ line',
			textBody: 'Hello\nthere ✓',
			attachments: [{ filename: 'a.ics', contentType: 'text/calendar', contentBase64: 'QQ==' }],
			htmlBody: null,
			state: 'queued',
			attempts: 0
		});
		expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
		expect(rows[0].nextAttemptAt.toISOString()).toBe(at.toISOString());
		expect(rows[0].createdAt).toBeInstanceOf(Date);
		expect(rows[1]).toMatchObject({ priority: 2, htmlBody: '<p>x</p>', attachments: [] });
		expect(rows[1].id).not.toBe(rows[0].id);
	});

	it('refuses rows that give different columns, writing none', async () => {
		const { db } = handle;
		const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
		await expect(
			insertRows(db, units, [{ name: 'One' }, { name: 'Two', unknown: 1 } as never])
		).rejects.toThrow(/same columns \(unknown\)/);
		await expect(
			insertRows(db, agencies, [
				{ name: 'Police', kind: 'police', email: 'a@example.test' },
				{ name: 'School', kind: 'school' }
			])
		).rejects.toThrow(/same columns \(email\)/);
		await insertRows(db, units, [{ name: 'Three' }]);
		const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
		expect(after.n).toBe(before.n + 1);
		const [three] = await db.select().from(units).where(eq(units.name, 'Three'));
		expect(three.id).toMatch(/^[0-9a-f-]{36}$/);
	});
});
