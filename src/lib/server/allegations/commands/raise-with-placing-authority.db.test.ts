/**
 * raiseWithPlacingAuthority: a placed child not yet seen is raised with the authority that placed
 * them by one email, queued to the address the unit recorded; with no address it is refused (409:
 * never guessed), and once the child is seen there is nothing to raise (409). The email names the
 * child, never the adult nor what is alleged. Another unit's chair is answered null (a 404).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { children, outbox } from '../../db/schema';
import { CommandError } from '../../command-error';
import { outboxForViewer } from '../../mail/outbox-view';
import { raiseWithPlacingAuthority } from './raise-with-placing-authority';
import { recordPlacingAuthority } from './record-placing-authority';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeAllegationDesk(db);
	// Amy was placed here by a London borough.
	await db
		.update(children)
		.set({ placedByAuthority: 'London Borough of Lambeth' })
		.where(eq(children.id, desk.amy));
	const referred = await referAllegation({
		db,
		user: desk.chair,
		referral: desk.referral([desk.amy])
	});
	return { ...desk, id: referred!.id };
});

async function refusal(raised: Promise<unknown>) {
	const problem = await raised.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

const now = new Date('2027-01-20T12:00:00Z');
const alerts = () =>
	suite.handle.db.select().from(outbox).where(eq(outbox.purpose, 'placing-authority-alert'));

describe('raiseWithPlacingAuthority', () => {
	it('is refused with no address recorded, and asks which child (no mail either way)', async () => {
		const { db } = suite.handle;
		const { chair, amy, id } = suite.made;
		const noAddress = await refusal(
			raiseWithPlacingAuthority({ db, user: chair, id, input: { childId: amy }, now })
		);
		expect(noAddress).toMatchObject({ status: 409, field: 'childId' });
		expect(noAddress.message).toMatch(/No email address is recorded/);
		expect(
			await refusal(raiseWithPlacingAuthority({ db, user: chair, id, input: {}, now }))
		).toMatchObject({ status: 400, field: 'childId' });
		expect(await alerts()).toHaveLength(0);
	});

	it('with an address, queues one email to it naming the child, not the adult', async () => {
		const { db } = suite.handle;
		const { chair, amy, id } = suite.made;
		await recordPlacingAuthority({
			db,
			user: chair,
			id,
			input: { childId: amy, email: 'lado@lambeth.example' },
			now
		});
		expect(
			await raiseWithPlacingAuthority({ db, user: chair, id, input: { childId: amy }, now })
		).toEqual({ to: 'lado@lambeth.example', at: now.toISOString() });
		const mail = await alerts();
		expect(mail).toHaveLength(1);
		expect(mail[0].recipientEmail).toBe('lado@lambeth.example');
		expect(mail[0].subject).toContain('Amy Walker');
		expect(mail[0].textBody).toContain('Amy Walker');
		expect(mail[0].textBody).toContain('London Borough of Lambeth');
		expect(`${mail[0].subject}\n${mail[0].textBody}`).not.toMatch(
			/Quillon|Sports coach|Riverside|conduct/i
		);
		// About no meeting, to no account: the unit's outbox shows it all the same; the other
		// unit's does not.
		const ours = await outboxForViewer({ db, viewer: chair });
		expect(ours?.map((m) => m.id)).toContain(mail[0].id);
		const theirs = await outboxForViewer({ db, viewer: suite.made.otherChair });
		expect(theirs?.map((m) => m.id)).not.toContain(mail[0].id);
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const { otherChair, amy, id } = suite.made;
		const before = (await alerts()).length;
		expect(
			await raiseWithPlacingAuthority({ db, user: otherChair, id, input: { childId: amy }, now })
		).toBeNull();
		expect(await alerts()).toHaveLength(before);
	});

	it('has nothing to raise once the authority has seen the child', async () => {
		const { db } = suite.handle;
		const { chair, amy, id } = suite.made;
		await recordPlacingAuthority({
			db,
			user: chair,
			id,
			input: { childId: amy, seenOn: '2027-01-19' },
			now
		});
		const before = (await alerts()).length;
		expect(
			await refusal(
				raiseWithPlacingAuthority({ db, user: chair, id, input: { childId: amy }, now })
			)
		).toMatchObject({ status: 409, field: 'childId' });
		expect(await alerts()).toHaveLength(before);
	});
});
