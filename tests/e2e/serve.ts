/**
 * The server the browser tests drive: the built app on a fresh embedded database with demo data,
 * taking the specs' requests for meetings of their own on a socket (./seed-meetings.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SECOND_UNIT } from './second-unit';
import { seedSocketPath } from './seed-socket';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'roundtable-e2e-'));
const { sharedDatabase } = await import('../../src/lib/server/db');
const { seedDemo } = await import('../../server/seed/demo');
const { main } = await import('../../server/index');
const { db } = await sharedDatabase({ offTheEventLoop: true });
await seedDemo({ db });
await addSecondUnit();
const { serveSeeding } = await import('./seed-meetings');
await serveSeeding({ db, socketPath: seedSocketPath(Number(process.env.PORT ?? 3000)) });
await main();

/**
 * Unit B (./second-unit.ts): added as an operator adds a unit, `addUnit`, its manager's set-up
 * link used as the manager would; its chair and business support are given accounts directly
 * (a manager does not make them through the API on this branch).
 */
async function addSecondUnit(): Promise<void> {
	const { addUnit } = await import('../../src/lib/server/units/add-unit');
	const { redeemAccountInvite } = await import('../../src/lib/server/auth/account-invites');
	const { hashPassword } = await import('../../src/lib/server/auth/password');
	const { createUser } = await import('../../src/lib/server/users-create');
	const added = await addUnit({
		db,
		unit: { name: SECOND_UNIT.name, admin: SECOND_UNIT.manager }
	});
	if (!added.ok) throw new Error(added.problem);
	await redeemAccountInvite({
		db,
		token: added.inviteUrl.split('/invite/')[1],
		password: SECOND_UNIT.password
	});
	const passwordHash = await hashPassword(SECOND_UNIT.password);
	for (const [role, person] of [
		['chair', SECOND_UNIT.chair],
		['admin', SECOND_UNIT.businessSupport]
	] as const)
		await createUser({ db, unitId: added.unitId, role, passwordHash, ...person });
}
