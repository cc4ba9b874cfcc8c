import { describe, expect, it } from 'vitest';
import {
	accountRoleForInvitee,
	canSeeChildMeeting,
	connectionMayWrite,
	mayReadDocument,
	mayReadNotes,
	mayReadReport,
	mayReadRestricted,
	meetingRoleFit,
	readsAsFamily
} from './policy';

/** Issue 26: the interpreter is a participant who reads what the family reads and writes nothing. */
describe('the interpreter', () => {
	const viewer = { id: 'u-int', role: 'professional' as const, unitId: null };
	const meeting = {
		unitId: 'unit',
		chairId: 'u-chair',
		status: 'live' as const,
		kind: 'core-group' as const
	};
	const participant = { id: 'p-int', role: 'interpreter' as const };

	it('reads as the family does: family documents only, never restricted information or the professionals’ notes', () => {
		expect(readsAsFamily('interpreter')).toBe(true);
		expect(readsAsFamily('professional')).toBe(false);
		expect(mayReadRestricted('interpreter')).toBe(false);
		expect(mayReadDocument({ role: 'interpreter', audience: 'family' })).toBe(true);
		expect(mayReadDocument({ role: 'interpreter', audience: 'professionals' })).toBe(false);
		expect(mayReadNotes('interpreter')).toBe(false);
	});

	it('reads a report only once it was shared with the parents', () => {
		const ask = (sharedWithParents: boolean) =>
			mayReadReport({
				viewer,
				meeting,
				participant,
				role: 'interpreter',
				ownFamily: false,
				sharedWithParents
			});
		expect(ask(true)).toBe(true);
		expect(ask(false)).toBe(false);
	});

	it('writes nothing, before or during the meeting', () => {
		for (const status of ['scheduled', 'live'] as const)
			expect(connectionMayWrite({ role: 'interpreter', participantId: 'p-int', status })).toBe(
				false
			);
	});

	it('sees the meeting, not the child’s history or page', () => {
		expect(canSeeChildMeeting({ viewer, meeting, participant, ownFamily: false })).toBe(false);
		expect(
			canSeeChildMeeting({
				viewer,
				meeting,
				participant: { id: 'p', role: 'professional' },
				ownFamily: false
			})
		).toBe(true);
	});

	it('is invited by name and email (a professional’s set-up link), or from a professional’s account', () => {
		expect(accountRoleForInvitee('interpreter')).toBe('professional');
		expect(
			meetingRoleFit({
				accountRole: 'professional',
				meetingRole: 'interpreter',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('fits');
		expect(
			meetingRoleFit({
				accountRole: 'parent',
				meetingRole: 'interpreter',
				familyOfMeetingChild: true,
				accountOfMeetingChild: false
			})
		).toBe('not-for-this-account');
	});
});
