import { describe, expect, it } from 'vitest';
import { canSeeChildMeeting } from './policy';

const meeting = {
	unitId: 'u1',
	chairId: 'chair',
	status: 'ended' as const,
	kind: 'core-group' as const
};

describe('canSeeChildMeeting (the risk history, the child’s page)', () => {
	it('lets an invited professional and the unit’s chair see it', () => {
		expect(
			canSeeChildMeeting({
				viewer: { id: 'p', role: 'professional', unitId: null },
				meeting,
				participant: { id: 'x', role: 'professional' },
				ownFamily: false
			})
		).toBe(true);
		expect(
			canSeeChildMeeting({
				viewer: { id: 'c2', role: 'chair', unitId: 'u1' },
				meeting,
				participant: null,
				ownFamily: false
			})
		).toBe(true);
	});
	it('lets a parent see only meetings about their own family’s children, and nobody uninvited', () => {
		const parent = { id: 'mum', role: 'parent' as const, unitId: null };
		expect(
			canSeeChildMeeting({
				viewer: parent,
				meeting,
				participant: { id: 'y', role: 'parent' },
				ownFamily: true
			})
		).toBe(true);
		expect(
			canSeeChildMeeting({
				viewer: parent,
				meeting,
				participant: { id: 'y', role: 'parent' },
				ownFamily: false
			})
		).toBe(false);
		expect(
			canSeeChildMeeting({ viewer: parent, meeting, participant: null, ownFamily: true })
		).toBe(false);
		expect(
			canSeeChildMeeting({
				viewer: { id: 'p', role: 'professional', unitId: null },
				meeting,
				participant: null,
				ownFamily: false
			})
		).toBe(false);
	});
});
