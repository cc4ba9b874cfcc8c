/**
 * What the invite commands ask of a meeting: its unit, whether an account is the family or the
 * own account of one of its children, and which agencies it may name.
 */
import { describe, expect, it } from 'vitest';
import { CommandError } from '../command-error';
import {
	accountOfMeetingChild,
	checkAgencyForMeeting,
	familyOfMeetingChild,
	ofAnotherUnit,
	unitOfMeeting
} from './invitees';
import { withTestDatabase } from '../../../../tests/fixtures/database';
import { makeInviteScene } from '../../../../tests/fixtures/invite-scene';

const suite = withTestDatabase(makeInviteScene);

describe('invitees', () => {
	it('knows the meeting’s unit, and none for a meeting that does not exist', async () => {
		expect(await unitOfMeeting(suite.handle.db, suite.made.meeting.id)).toBe(suite.made.unit.id);
		expect(await unitOfMeeting(suite.handle.db, crypto.randomUUID())).toBeNull();
		expect(ofAnotherUnit(suite.made.otherChair, suite.made.unit.id)).toBe(true);
		expect(ofAnotherUnit(suite.made.chair, suite.made.unit.id)).toBe(false);
		expect(ofAnotherUnit({ unitId: null }, suite.made.unit.id)).toBe(false);
	});

	it('tells the family and the child’s own account from anyone else', async () => {
		const meetingId = suite.made.meeting.id;
		const { db } = suite.handle;
		expect(await familyOfMeetingChild(db, { meetingId, userId: suite.made.dawn.id })).toBe(true);
		expect(await familyOfMeetingChild(db, { meetingId, userId: suite.made.stranger.id })).toBe(
			false
		);
		expect(await accountOfMeetingChild(db, { meetingId, userId: suite.made.tylerAccount.id })).toBe(
			true
		);
		expect(await accountOfMeetingChild(db, { meetingId, userId: suite.made.dawn.id })).toBe(false);
	});

	it('takes an agency the unit sees, and refuses another unit’s as one that does not exist', async () => {
		const meetingId = suite.made.meeting.id;
		const { db } = suite.handle;
		expect(await checkAgencyForMeeting(db, meetingId, suite.made.agencies.school.id)).toBe(
			suite.made.agencies.school.id
		);
		expect(await checkAgencyForMeeting(db, meetingId, null)).toBeNull();
		for (const agencyId of [suite.made.agencies.theirs.id, 'not-an-id']) {
			const problem = await checkAgencyForMeeting(db, meetingId, agencyId).catch(
				(error: unknown) => error
			);
			expect(problem).toBeInstanceOf(CommandError);
			expect(problem).toMatchObject({
				status: 400,
				field: 'agencyId',
				message: 'Choose an agency from the unit’s list.'
			});
		}
	});
});
