/**
 * Adding a unit (issue 20): `addUnit` on the real database makes the unit and a manager of it
 * with no password, audited, in one transaction; the printed set-up link is the administrator's
 * way in (it signs them in as that unit's manager, and works once); a name already taken, or
 * bad input, is refused with one line and writes nothing. `npm run unit:add` itself is
 * run as a process: wrong arguments exit 2 with one line, and a good run on a fresh data folder
 * prints a link that works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, units, users } from '../../src/lib/server/db/schema';
import { resetEnvForTests } from '../../src/lib/server/env';
import { addUnit } from '../../src/lib/server/units/add-unit';
import {
	lookUpAccountInvite,
	NO_PASSWORD_YET,
	redeemAccountInvite
} from '../../src/lib/server/auth/account-invites';
import { peopleForViewer } from '../../src/lib/server/people/people';
import { createTestDatabase, makeUnit, makeUser } from '../factories';

const run = promisify(execFile);
let handle: DatabaseHandle;
const savedOrigin = process.env.ORIGIN;

beforeAll(async () => {
	process.env.ORIGIN = 'https://roundtable.example.gov.uk';
	resetEnvForTests();
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle.close();
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
	resetEnvForTests();
});

const count = async (table: typeof units | typeof users | typeof auditLog) =>
	(await handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const tokenOf = (url: string) => url.split('/invite/')[1];

describe('addUnit', () => {
	it('adds the unit and its administrator, a manager of it with no password yet, and audits both', async () => {
		const { db } = handle;
		const added = await addUnit({
			db,
			unit: {
				name: ' Northfield Safeguarding Unit ',
				admin: { name: 'Alex Morgan', email: 'Alex.Morgan@Northfield.gov.uk' }
			}
		});
		if (!added.ok) throw new Error(added.problem);
		expect(added.inviteUrl).toMatch(
			/^https:\/\/roundtable\.example\.gov\.uk\/invite\/[a-z2-7]{32}$/
		);
		const [unit] = await db.select().from(units).where(eq(units.id, added.unitId));
		expect(unit.name).toBe('Northfield Safeguarding Unit');
		const [admin] = await db.select().from(users).where(eq(users.id, added.adminId));
		expect(admin).toMatchObject({
			unitId: added.unitId,
			role: 'manager',
			email: 'alex.morgan@northfield.gov.uk',
			passwordHash: NO_PASSWORD_YET,
			disabledAt: null
		});
		const entries = await db
			.select()
			.from(auditLog)
			.where(sql`${auditLog.action} in ('unit-added', 'account-added')`);
		expect(entries.map((e) => [e.action, e.targetType, e.targetId, e.userId])).toEqual(
			expect.arrayContaining([
				['unit-added', 'unit', added.unitId, null],
				['account-added', 'user', added.adminId, null]
			])
		);
		expect(JSON.stringify(entries)).not.toContain('Alex'); // no names in the audit log

		// The link is the administrator's way in: it names them, and using it signs them in as the unit's manager.
		const token = tokenOf(added.inviteUrl);
		expect(await lookUpAccountInvite({ db, token })).toMatchObject({
			ok: true,
			name: 'Alex Morgan',
			email: 'alex.morgan@northfield.gov.uk'
		});
		const redeemed = await redeemAccountInvite({
			db,
			token,
			password: 'a long and unusual pass phrase 42'
		});
		expect(redeemed.userId).toBe(added.adminId);
		await expect(
			redeemAccountInvite({ db, token, password: 'another long pass phrase 43' })
		).rejects.toThrow(/used already/);
		// As the new unit's manager they read its people: themselves, and nobody of another unit.
		const otherUnit = await makeUnit(db, 'Another unit');
		await makeUser(db, { role: 'admin', unitId: otherUnit.id });
		const seen = await peopleForViewer({
			db,
			viewer: { id: admin.id, role: admin.role, unitId: admin.unitId }
		});
		expect(seen?.map((p) => p.id)).toEqual([added.adminId]);
	});

	it('gives a unit set up at /setup its first manager with --existing (only a manager makes managers)', async () => {
		const { db } = handle;
		const fromSetup = await makeUnit(db, 'Set up at the first visit');
		const businessSupport = await makeUser(db, { role: 'admin', unitId: fromSetup.id });
		const added = await addUnit({
			db,
			unit: {
				name: 'set up at the first visit',
				admin: { name: 'Morgan Lee', email: 'morgan.lee@setup.test' }
			},
			existing: true
		});
		expect(added.ok, JSON.stringify(added)).toBe(true);
		const { adminId } = added as { adminId: string; unitId: string };
		expect((added as { unitId: string }).unitId).toBe(fromSetup.id);
		const [manager] = await db.select().from(users).where(eq(users.id, adminId));
		expect(manager).toMatchObject({ role: 'manager', unitId: fromSetup.id });
		// The same address twice in that unit, or a unit that does not exist, is refused.
		const again = await addUnit({
			db,
			unit: {
				name: 'Set up at the first visit',
				admin: { name: 'M', email: 'MORGAN.LEE@setup.test' }
			},
			existing: true
		});
		expect(again).toEqual({
			ok: false,
			problem:
				'The unit "Set up at the first visit" already has an account with the address morgan.lee@setup.test: give the manager another address.'
		});
		expect(
			await addUnit({
				db,
				unit: { name: 'Nowhere', admin: { name: 'M', email: 'm@nowhere.test' } },
				existing: true
			})
		).toEqual({
			ok: false,
			problem:
				'There is no unit named "Nowhere": check the name, or leave out --existing to add it.'
		});
		expect(businessSupport.unitId).toBe(fromSetup.id);
	});

	it('refuses a unit name already taken, and bad input, writing nothing', async () => {
		const { db } = handle;
		const existing = await makeUser(db, { role: 'professional', email: 'taken@example.test' });
		const before = await Promise.all([count(units), count(users), count(auditLog)]);
		const refused = async (unit: Parameters<typeof addUnit>[0]['unit']) => {
			const result = await addUnit({ db, unit });
			expect(result.ok).toBe(false);
			const { problem } = result as { problem: string };
			expect(problem).not.toContain('\n');
			return problem;
		};
		expect(
			await refused({
				name: 'northfield safeguarding unit',
				admin: { name: 'Sam', email: 'sam@southfield.test' }
			})
		).toMatch(
			/already a unit named "northfield safeguarding unit": choose another name, or add --existing/
		);
		expect(await refused({ name: '', admin: { name: 'Sam', email: 'sam@x.test' } })).toBe(
			'Give the name of the unit.'
		);
		expect(await refused({ name: 'S', admin: { name: ' ', email: 'sam@x.test' } })).toBe(
			"Give the administrator's full name."
		);
		expect(await refused({ name: 'S', admin: { name: 'Sam', email: 'sam' } })).toMatch(
			/email address is not right/
		);
		expect(
			await refused({ name: 'x'.repeat(121), admin: { name: 'Sam', email: 'a@b.test' } })
		).toMatch(/at most 120/);
		expect(await Promise.all([count(units), count(users), count(auditLog)])).toEqual(before);
		const [still] = await db.select().from(users).where(eq(users.id, existing.id));
		expect(still.unitId).toBeNull();
	});
});

// The command runs on a PGlite folder of its own whatever TEST_DATABASE_URL says, so it runs
// where the suite runs on PGlite (a plain `npm test`, and CI's PGlite pass): on the PostgreSQL
// pass it would only run again, the same, five processes long.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('npm run unit:add', () => {
	const cli = path.resolve('server/units/cli.ts');
	const dataDir = mkdtempSync(path.join(tmpdir(), 'roundtable-unit-add-'));
	const runCli = async (args: string[]) => {
		try {
			const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], {
				env: {
					...process.env,
					DATA_DIR: dataDir,
					DATABASE_URL: '',
					ORIGIN: 'https://rt.example.org'
				}
			});
			return { code: 0, stdout, stderr };
		} catch (error) {
			const failed = error as { code: number; stdout: string; stderr: string };
			return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
		}
	};
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	it('prints its usage, and answers wrong arguments with one line and exit code 2', async () => {
		const help = await runCli(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('npm run unit:add -- --name');
		for (const args of [
			['--name', 'North', '--admin', 'nobody'],
			['--name', 'North', '--admin', 'Jo <not-an-address>']
		]) {
			const wrong = await runCli(args);
			expect(wrong.code, args.join(' ')).toBe(2);
			expect(wrong.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
			expect(wrong.stdout).toBe('');
		}
	}, 60_000);

	it('adds the unit on the configured database and prints a working set-up link; an address another unit knows makes an account of the new unit', async () => {
		const args = ['--name', 'Eastfield Unit', '--admin', 'Jo Bloggs <jo.bloggs@eastfield.test>'];
		const added = await runCli(args);
		expect(added.code, added.stderr).toBe(0);
		const link = /https:\/\/rt\.example\.org\/invite\/([a-z2-7]{32})/.exec(added.stdout);
		expect(link, added.stdout).not.toBeNull();
		const again = await runCli([
			'--name',
			'Westfield Unit',
			'--admin',
			'Jo B <JO.BLOGGS@eastfield.test>'
		]);
		// Addresses are unique within a unit (issue 20): the second unit's manager is an account of its own.
		expect(again.code, again.stderr).toBe(0);
		const db = await openDatabase({
			dataDir: path.join(dataDir, 'pglite'),
			migrationsDir: 'drizzle'
		});
		try {
			const lookup = await lookUpAccountInvite({ db: db.db, token: link![1] });
			expect(lookup, JSON.stringify(lookup)).toMatchObject({
				ok: true,
				name: 'Jo Bloggs'
			});
			const made = await db.db.select({ name: units.name }).from(units);
			expect(made.map((u) => u.name).sort()).toEqual(['Eastfield Unit', 'Westfield Unit']);
			const managers = await db.db
				.select({ unitId: users.unitId })
				.from(users)
				.where(eq(users.email, 'jo.bloggs@eastfield.test'));
			expect(new Set(managers.map((m) => m.unitId)).size).toBe(2);
		} finally {
			await db.close();
		}
	}, 120_000);
});
