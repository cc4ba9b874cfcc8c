/**
 * The children's case-system identifiers by CSV import (issue 26), through
 * `POST /api/children/case-system-ids` and the page's check: a file with problems answers 400
 * with each row's problem and what to fix, and writes nothing; the corrected file sets every
 * identifier in one go, each change audited without the identifier; two children may swap
 * theirs; another unit's children are never matched; only business support and managers may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, type User } from '../../src/lib/server/db/schema';
import { POST as postIds } from '../../src/routes/api/children/case-system-ids/+server';
import { importCaseSystemIds } from '../../src/lib/server/families/case-system-import';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User, manager: User, chair: User, otherAdmin: User;
let amy: string, ben: string, benTwin: string, otherAmy: string;

async function post(user: User, csv: string, type = 'text/csv') {
	const url = new URL('http://127.0.0.1/api/children/case-system-ids');
	try {
		const response = await postIds({
			request: new Request(url, { method: 'POST', body: csv, headers: { 'content-type': type } }),
			url,
			locals: { user: sessionOf(user), sessionId: 'test' }
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
		} as any);
		return { status: response.status, body: await response.json() };
	} catch (thrown) {
		// SvelteKit's error(404) is thrown.
		return { status: (thrown as { status: number }).status, body: null };
	}
}

async function idsOf(...ids: string[]) {
	const rows = await handle.db
		.select({ id: children.id, caseSystemId: children.caseSystemId })
		.from(children)
		.where(inArray(children.id, ids));
	return Object.fromEntries(rows.map((r) => [r.id, r.caseSystemId]));
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: other.id });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		name: 'Walker family',
		children: ['Amy Walker']
	});
	amy = walkers.children[0].id;
	const greens = await makeFamily(db, {
		unitId: unit.id,
		name: 'Green family',
		children: ['Ben Green', 'Ben Green']
	});
	[ben, benTwin] = greens.children.map((c) => c.id);
	await db.update(children).set({ dateOfBirth: '2015-03-01' }).where(eq(children.id, ben));
	await db.update(children).set({ dateOfBirth: '2017-09-12' }).where(eq(children.id, benTwin));
	// Another unit's child of the same names: never matched from this unit.
	otherAmy = (
		await makeFamily(db, { unitId: other.id, name: 'Walker family', children: ['Amy Walker'] })
	).children[0].id;
});

afterAll(async () => {
	await handle?.close();
});

const header = 'family,child,date_of_birth,case_system_id';

describe('the case-system identifiers’ import', () => {
	it('answers a file with problems row by row, with what to fix, and writes nothing', async () => {
		const answer = await post(
			admin,
			[
				header,
				'Walker family,Amy Walker,,LCS-1',
				'Green family,Ben Green,,LCS-2',
				'Green family,Ben Green,31/02/2017,LCS-3',
				'Price family,Cara Price,,LCS-4',
				'Walker family,amy  walker,,LCS-5',
				'Green family,Ben Green,12/09/2017,LCS-1'
			].join('\n')
		);
		expect(answer.status).toBe(400);
		const byRow = (row: number) =>
			(answer.body.errors as { row: number; message: string }[])
				.filter((e) => e.row === row)
				.map((e) => e.message);
		expect(byRow(2)).toEqual([]);
		expect(byRow(3).join(' ')).toMatch(/2 children called "Ben Green".*date of birth/);
		expect(byRow(4).join(' ')).toMatch(/date of birth "31\/02\/2017"/);
		expect(byRow(5).join(' ')).toMatch(/no child called "Cara Price".*Children page/);
		expect(byRow(6).join(' ')).toMatch(/on row 2 too/);
		expect(byRow(7).join(' ')).toMatch(/LCS-1 is on row 2 too/);
		expect(await idsOf(amy, ben, benTwin)).toEqual({ [amy]: null, [ben]: null, [benTwin]: null });
	});

	it('refuses what is not a CSV file, and anyone but business support and managers', async () => {
		expect((await post(admin, '{}', 'application/json')).status).toBe(415);
		expect((await post(chair, `${header}\nWalker family,Amy Walker,,LCS-1`)).status).toBe(404);
		// Another unit's business support finds no such child: the walls hold.
		const other = await post(otherAdmin, `${header}\nGreen family,Ben Green,01/03/2015,LCS-9`);
		expect(other.status).toBe(400);
		expect(await idsOf(ben)).toEqual({ [ben]: null });
	});

	it('sets every identifier of a corrected file, audited without the identifier', async () => {
		const csv = [
			header,
			'Walker family, Amy Walker ,,LCS-1',
			'Green family,Ben Green,01/03/2015,LCS-2',
			'green family,ben green,2017-09-12,LCS-3'
		].join('\r\n');
		// The page's check first: nothing written.
		const checked = await importCaseSystemIds({
			db: handle.db,
			viewer: sessionOf(manager),
			csv,
			write: false
		});
		expect(checked).toMatchObject({ ok: true, changed: 3, written: false });
		expect(await idsOf(amy)).toEqual({ [amy]: null });

		const answer = await post(admin, csv);
		expect(answer).toEqual({ status: 200, body: { changed: 3, unchanged: 0 } });
		expect(await idsOf(amy, ben, benTwin, otherAmy)).toEqual({
			[amy]: 'LCS-1',
			[ben]: 'LCS-2',
			[benTwin]: 'LCS-3',
			[otherAmy]: null
		});
		const entries = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, admin.id), eq(auditLog.targetType, 'child')));
		expect(entries.map((e) => e.targetId).sort()).toEqual([amy, ben, benTwin].sort());
		for (const entry of entries) {
			expect(entry.detail).toEqual({ fields: ['caseSystemId'], via: 'import' });
			expect(JSON.stringify(entry)).not.toContain('LCS-');
		}
	});

	it('lets two children swap identifiers, refuses one another child keeps, and changes nothing unchanged', async () => {
		const taken = await post(admin, `${header}\nWalker family,Amy Walker,,LCS-2`);
		expect(taken.status).toBe(400);
		expect(taken.body.errors[0].message).toMatch(/LCS-2 is Ben Green's \(the Green family\)/);
		const swapped = await post(
			manager,
			[
				header,
				'Walker family,Amy Walker,,LCS-1',
				'Green family,Ben Green,2015-03-01,LCS-3',
				'Green family,Ben Green,2017-09-12,LCS-2'
			].join('\n')
		);
		expect(swapped).toEqual({ status: 200, body: { changed: 2, unchanged: 1 } });
		expect(await idsOf(ben, benTwin)).toEqual({ [ben]: 'LCS-3', [benTwin]: 'LCS-2' });
	});
});
