/**
 * inviteParticipant: a person with an account, in a meeting role that fits it, or someone
 * without one by name (and address); each invitation is audited and its email queued, in the
 * transaction it is given.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, meetingParticipants, outbox } from '../../db/schema';
import { CommandError } from '../../command-error';
import { inviteParticipant } from './invite-participant';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeInviteScene } from '../../../../../tests/fixtures/invite-scene';

const suite = withTestDatabase(makeInviteScene);

const base = () => ({
	db: suite.handle.db,
	actorId: suite.made.admin.id,
	meetingId: suite.made.meeting.id,
	userId: null,
	name: null,
	agencyId: null,
	voting: false,
	reportRequested: false
});

async function refusal(invite: Promise<unknown>): Promise<{ field?: string; message: string }> {
	const problem = await invite.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	const { status, field, message } = problem as CommandError;
	expect(status).toBe(400);
	return { field, message };
}

describe('inviteParticipant', () => {
	it('invites a parent of the child, audits it and queues their invitation', async () => {
		const row = await inviteParticipant({ ...base(), userId: suite.made.dawn.id, role: 'parent' });
		expect(row).toMatchObject({ name: 'Dawn Walker', role: 'parent', voting: false });
		const audits = await suite.handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'invite'), eq(auditLog.targetId, suite.made.meeting.id)));
		expect(audits.map((entry) => entry.detail)).toContainEqual({
			participantId: row.id,
			role: 'parent'
		});
		const mail = await suite.handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.userId, suite.made.dawn.id));
		expect(mail.map((message) => message.purpose)).toEqual(['invitation']);
	});

	it('says who is already invited', async () => {
		expect(
			await refusal(inviteParticipant({ ...base(), userId: suite.made.dawn.id, role: 'parent' }))
		).toEqual({ field: 'userId', message: 'Dawn Walker is already invited.' });
	});

	it('refuses a parent of another family, and answers another unit’s account as none', async () => {
		expect(
			(
				await refusal(
					inviteParticipant({ ...base(), userId: suite.made.stranger.id, role: 'parent' })
				)
			).message
		).toMatch(/not a parent or carer of a child this meeting is about/);
		expect(
			await refusal(
				inviteParticipant({ ...base(), userId: suite.made.otherChair.id, role: 'observer' })
			)
		).toEqual({ field: 'userId', message: 'Choose a person from the list.' });
	});

	it('names an interpreter without an account only with their language', async () => {
		expect(
			(await refusal(inviteParticipant({ ...base(), name: 'Ola Nowak', role: 'interpreter' })))
				.field
		).toBe('language');
		const row = await inviteParticipant({
			...base(),
			name: '  Ola Nowak ',
			role: 'interpreter',
			language: ' Polish '
		});
		expect(row).toMatchObject({ name: 'Ola Nowak', language: 'Polish', userId: null });
	});

	it('writes nothing when the transaction it was given is rolled back', async () => {
		const rolledBack = await suite.handle.db
			.transaction(async (tx) => {
				await inviteParticipant({
					...base(),
					db: tx,
					name: 'Dr Kim Lee',
					email: 'kim.lee@gp.test',
					role: 'professional'
				});
				tx.rollback();
			})
			.then(
				() => false,
				() => true
			);
		expect(rolledBack).toBe(true);
		const kept = await suite.handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.name, 'Dr Kim Lee'));
		expect(kept).toEqual([]);
		expect(
			await suite.handle.db
				.select()
				.from(outbox)
				.where(eq(outbox.recipientEmail, 'kim.lee@gp.test'))
		).toEqual([]);
	});
});
