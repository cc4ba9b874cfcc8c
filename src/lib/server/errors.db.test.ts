/**
 * A failed query's error, as the real driver and drizzle make it, described for the log: no
 * parameter value and no quoted value ever reaches the description (issue 9, item 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './db';
import { users } from './db/schema';
import { describeErrorSafely, safeMessage } from './errors';
import { createTestDatabase, makeUser } from '../../../tests/factories';

const SECRET_NAME = 'Chrissie Walker-Secret';
const SECRET_EMAIL = 'dawn.secret@example.test';
const TYPED = 'Chrissie loves drawing and her mum Dawn';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

/** The error a promise rejects with. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
	try {
		await run();
	} catch (error) {
		return error;
	}
	throw new Error('expected the query to fail');
}

describe('describing an error safely', () => {
	it('leaves out the parameters of a failed insert (a NUL in typed words)', async () => {
		const { db } = handle;
		const error = await failure(() =>
			db.insert(users).values({
				name: `${SECRET_NAME}\u0000`,
				email: SECRET_EMAIL,
				role: 'parent',
				passwordHash: TYPED
			})
		);
		// The real error carries the values: this is what used to reach the log.
		expect(`${(error as Error).message}\n${(error as Error).stack}`).toContain(SECRET_EMAIL);
		const described = describeErrorSafely(error);
		expect(described).toMatch(/^DrizzleQueryError: Failed query: insert into "users"/);
		expect(described).toMatch(/caused by \w+ 22\w{3}: /); // PostgreSQL's class 22: data exception
		expect(described).toMatch(/\n {4}at /); // the stack frames are kept
		for (const secret of [SECRET_NAME, SECRET_EMAIL, TYPED, 'params'])
			expect(described).not.toContain(secret);
	});

	it('leaves out the values of a unique violation and the value PostgreSQL quotes back', async () => {
		const { db } = handle;
		await makeUser(db, { role: 'parent', email: SECRET_EMAIL });
		const duplicate = await failure(() =>
			db
				.insert(users)
				.values({ name: SECRET_NAME, email: SECRET_EMAIL, role: 'parent', passwordHash: TYPED })
		);
		const unique = describeErrorSafely(duplicate);
		expect(unique).toContain(' 23505: ');
		for (const secret of [SECRET_NAME, SECRET_EMAIL, TYPED]) expect(unique).not.toContain(secret);

		const quoted = await failure(() => db.execute(sql`select ${SECRET_NAME}::uuid`));
		expect(`${(quoted as Error).cause}`).toContain(SECRET_NAME); // 'invalid input syntax for type uuid: "…"'
		const described = describeErrorSafely(quoted);
		expect(described).toContain(' 22P02: invalid input syntax for type uuid: "…"');
		expect(described).not.toContain(SECRET_NAME);
	});

	it('keeps the names PostgreSQL quotes, and withholds every other quoted value', () => {
		expect(safeMessage('duplicate key value violates unique constraint "users_email_unique"')).toBe(
			'duplicate key value violates unique constraint "users_email_unique"'
		);
		expect(safeMessage('invalid byte sequence for encoding "UTF8": 0x00')).toBe(
			'invalid byte sequence for encoding "UTF8": 0x00'
		);
		expect(safeMessage('value "Dawn" is out of range')).toBe('value "…" is out of range');
		expect(safeMessage(`Not a calendar date: "2026-02-30" (expected YYYY-MM-DD)`)).toBe(
			'Not a calendar date: "…" (expected YYYY-MM-DD)'
		);
		expect(safeMessage('Unexpected token \'D\', "Dawn" is not valid JSON')).toBe(
			`Unexpected token '…', "…" is not valid JSON`
		);
		expect(safeMessage('Failed query: select 1\nparams: Dawn,Chrissie')).toBe(
			'Failed query: select 1'
		);
		expect(describeErrorSafely('Dawn Walker')).toBe('thrown string');
	});
});
