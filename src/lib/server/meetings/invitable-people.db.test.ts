/**
 * invitablePeople: the invite picker offers the unit's own staff, the family of the meeting's
 * children and those children's own accounts, with the meeting roles that fit each; never
 * another family or another unit's staff.
 */
import { describe, expect, it } from 'vitest';
import { invitablePeople } from './invitable-people';
import { withTestDatabase } from '../../../../tests/fixtures/database';
import { makeInviteScene } from '../../../../tests/fixtures/invite-scene';

const suite = withTestDatabase(makeInviteScene);

const offered = (q?: string, limit?: number) =>
	invitablePeople({ db: suite.handle.db, meetingId: suite.made.meeting.id, q, limit });

describe('invitablePeople', () => {
	it('offers the unit’s staff, the child’s family and the child’s own account, by name', async () => {
		const people = await offered();
		expect(people.map((person) => person.name)).toEqual([
			'Ann Admin',
			'Dawn Walker',
			'Sam Chair',
			'Tyler Walker'
		]);
		expect(people.find((person) => person.name === 'Dawn Walker')?.roles).toEqual(['parent']);
		expect(people.find((person) => person.name === 'Tyler Walker')?.roles).toEqual(['child']);
	});

	it('finds by every word typed, none for nothing typed, at most the limit', async () => {
		expect((await offered('walker dawn')).map((person) => person.name)).toEqual(['Dawn Walker']);
		expect(await offered('   ')).toEqual([]);
		expect(await offered('Rowan')).toEqual([]);
		expect(await offered('Pat')).toEqual([]);
		expect(await offered(undefined, 2)).toHaveLength(2);
	});
});
