/**
 * What the invite commands ask of a meeting: its unit, whether an account is the family or the
 * own account of one of its children, and which agencies it may name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db';
import { CommandError } from '../command-error';
import {
	accountOfMeetingChild,
	checkAgencyForMeeting,
	familyOfMeetingChild,
	ofAnotherUnit,
	unitOfMeeting
} from './invitees';
import { createTestDatabase } from '../../../../tests/factories';
import { makeInviteScene, type InviteScene } from '../../../../tests/fixtures/invite-scene';

let handle: DatabaseHandle;
let scene: InviteScene;

beforeAll(async () => {
	handle = await createTestDatabase();
	scene = await makeInviteScene(handle.db);
});

afterAll(async () => {
	await handle?.close();
});

describe('invitees', () => {
	it('knows the meeting’s unit, and none for a meeting that does not exist', async () => {
		expect(await unitOfMeeting(handle.db, scene.meeting.id)).toBe(scene.unit.id);
		expect(await unitOfMeeting(handle.db, crypto.randomUUID())).toBeNull();
		expect(ofAnotherUnit(scene.otherChair, scene.unit.id)).toBe(true);
		expect(ofAnotherUnit(scene.chair, scene.unit.id)).toBe(false);
		expect(ofAnotherUnit({ unitId: null }, scene.unit.id)).toBe(false);
	});

	it('tells the family and the child’s own account from anyone else', async () => {
		const meetingId = scene.meeting.id;
		const { db } = handle;
		expect(await familyOfMeetingChild(db, { meetingId, userId: scene.dawn.id })).toBe(true);
		expect(await familyOfMeetingChild(db, { meetingId, userId: scene.stranger.id })).toBe(false);
		expect(await accountOfMeetingChild(db, { meetingId, userId: scene.tylerAccount.id })).toBe(
			true
		);
		expect(await accountOfMeetingChild(db, { meetingId, userId: scene.dawn.id })).toBe(false);
	});

	it('takes an agency the unit sees, and refuses another unit’s as one that does not exist', async () => {
		const meetingId = scene.meeting.id;
		const { db } = handle;
		expect(await checkAgencyForMeeting(db, meetingId, scene.agencies.school.id)).toBe(
			scene.agencies.school.id
		);
		expect(await checkAgencyForMeeting(db, meetingId, null)).toBeNull();
		for (const agencyId of [scene.agencies.theirs.id, 'not-an-id']) {
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
