/**
 * "Your meetings" with a unit's year behind it: a chair sees every meeting coming up, and the
 * 30 most recent earlier ones, newest first, with a "Show older meetings" page (?page=2) for
 * the rest — not every meeting the unit ever held. A professional sees only the meetings they
 * are invited to, paged alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { load } from '../../src/routes/meetings/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let chair: User, professional: User;
const earlierIds: string[] = [];
let comingId: string;
const DAY = 86_400_000;
type Listed = {
	upcoming: { id: string }[];
	earlier: { id: string }[];
	page: number;
	hasOlder: boolean;
};
async function open(user: User, query = ''): Promise<Listed> {
	const url = new URL(`http://localhost/meetings${query}`);
	return (await load({ locals: { user: sessionOf(user) }, url } as never)) as unknown as Listed;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	professional = await makeUser(db, { role: 'professional' });
	const [child] = (await makeFamily(db, { unitId: unit.id, children: ['Amy'] })).children;
	// 35 ended meetings, one a day going back from yesterday (earlierIds newest first); the
	// professional is invited to every third.
	for (let i = 1; i <= 35; i++) {
		const made = await makeMeeting(db, {
			unitId: unit.id,
			kind: 'core-group',
			status: 'ended',
			scheduledAt: new Date(Date.now() - i * DAY),
			childIds: [child.id],
			participants: [
				{ user: chair, role: 'chair' },
				...(i % 3 === 0 ? [{ user: professional, role: 'professional' as const }] : [])
			]
		});
		earlierIds.push(made.meeting.id);
	}
	const coming = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + 3 * DAY),
		childIds: [child.id],
		participants: [{ user: chair, role: 'chair' }]
	});
	comingId = coming.meeting.id;
});

afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('Your meetings, a page of earlier meetings at a time', () => {
	it('a chair sees what is coming and the 30 most recent earlier meetings, newest first', async () => {
		const first = await open(chair);
		expect(first.upcoming.map((m) => m.id)).toEqual([comingId]);
		expect(first.earlier.map((m) => m.id)).toEqual(earlierIds.slice(0, 30));
		expect(first).toMatchObject({ page: 1, hasOlder: true });
	});

	it('"Show older meetings" (?page=2) lists the rest, and says there are no more', async () => {
		const second = await open(chair, '?page=2');
		expect(second.earlier.map((m) => m.id)).toEqual(earlierIds.slice(30));
		expect(second).toMatchObject({ page: 2, hasOlder: false });
		expect(second.upcoming.map((m) => m.id)).toEqual([comingId]);
	});

	it('a page that is not a number is the first page', async () => {
		const odd = await open(chair, '?page=abc');
		expect(odd.page).toBe(1);
		expect(odd.earlier).toHaveLength(30);
	});

	it('a professional sees only the meetings they are invited to', async () => {
		const theirs = await open(professional);
		expect(theirs.upcoming).toEqual([]);
		expect(theirs.earlier.map((m) => m.id)).toEqual(earlierIds.filter((_, i) => (i + 1) % 3 === 0));
		expect(theirs.hasOlder).toBe(false);
	});
});
