/**
 * inviteMailbox: an agency's team mailbox on a meeting's list (issue 22), only an agency the
 * meeting's unit sees and only one with an address, once.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { CommandError } from '../../command-error';
import { inviteMailbox } from './invite-mailbox';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeInviteScene } from '../../../../../tests/fixtures/invite-scene';

const suite = withTestDatabase(makeInviteScene);

const invite = (agencyId: string) =>
	inviteMailbox({
		db: suite.handle.db,
		actorId: suite.made.admin.id,
		meetingId: suite.made.meeting.id,
		agencyId
	});

async function refusal(invited: Promise<unknown>): Promise<string> {
	const problem = await invited.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	expect(problem).toMatchObject({ status: 400, field: 'agencyId' });
	return (problem as CommandError).message;
}

describe('inviteMailbox', () => {
	it('puts the school office on the list as a professional who never votes, and writes to it', async () => {
		const row = await invite(suite.made.agencies.school.id);
		expect(row).toMatchObject({
			name: 'Hillside School',
			email: 'office@school.test',
			role: 'professional',
			mailbox: true,
			voting: false,
			reportRequested: false,
			userId: null
		});
		const mail = await suite.handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipientEmail, 'office@school.test'));
		expect(mail.map((message) => message.purpose)).toEqual(['invitation']);
	});

	it('puts a mailbox on the list once', async () => {
		expect(await refusal(invite(suite.made.agencies.school.id))).toBe(
			'Hillside School’s mailbox is already on the list.'
		);
	});

	it('asks for a team address first', async () => {
		expect(await refusal(invite(suite.made.agencies.practice.id))).toMatch(
			/Riverside GP practice has no team address/
		);
	});

	it('answers another unit’s agency as it answers one that does not exist', async () => {
		const theirs = await refusal(invite(suite.made.agencies.theirs.id));
		expect(theirs).toBe('Choose an agency from the unit’s list.');
		expect(await refusal(invite('not-an-id'))).toBe(theirs);
		expect(await refusal(invite(crypto.randomUUID()))).toBe(theirs);
	});
});
