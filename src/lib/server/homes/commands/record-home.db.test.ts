/**
 * recordHome: the unit records a children's home with its registered manager and Ofsted URN;
 * a bad URN, a missing field or a URN already recorded is a 400 naming the field; someone who
 * does not work the unit's homes is answered null (a 404).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CommandError } from '../../command-error';
import { childrensHomes } from '../../db/schema';
import { recordHome } from './record-home';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeHomesDesk } from '../../../../../tests/fixtures/homes-desk';

const suite = withTestDatabase(makeHomesDesk);

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('recordHome', () => {
	it('records the home in the unit, from the month it is recorded', async () => {
		const { db } = suite.handle;
		const { admin, unit, home } = suite.made;
		const now = new Date('2026-11-20T10:00:00Z');
		const made = await recordHome({ db, user: admin, input: home(' sc 041522 '), now });
		const [row] = await db.select().from(childrensHomes).where(eq(childrensHomes.id, made!.id));
		expect(row).toMatchObject({
			unitId: unit.id,
			name: 'Inglefield',
			ofstedUrn: 'SC041522',
			managerEmail: 'pat.jones@inglefield.example',
			recordedOn: '2026-11-20'
		});
	});

	it('names the field to fix', async () => {
		const { db } = suite.handle;
		const { admin, home } = suite.made;
		const bad = async (input: object) =>
			(await refusal(recordHome({ db, user: admin, input }))).field;
		expect(await bad(home('SC12345'))).toBe('ofstedUrn');
		expect(await bad(home('SC041522'))).toBe('ofstedUrn'); // already recorded
		expect(await bad({ ...home('SC000001'), name: ' ' })).toBe('name');
		expect(await bad({ ...home('SC000001'), managerEmail: 'not an address' })).toBe('managerEmail');
		expect(await bad({ ...home('SC000001'), managerName: '' })).toBe('managerName');
	});

	it('is null for a professional and lets another unit keep its own homes', async () => {
		const { db } = suite.handle;
		const { professional, otherChair, home } = suite.made;
		expect(await recordHome({ db, user: professional, input: home('SC000002') })).toBeNull();
		// The same URN in another unit is that unit's own record.
		expect(await recordHome({ db, user: otherChair, input: home() })).toMatchObject({
			id: expect.any(String)
		});
	});
});
