import { describe, expect, it } from 'vitest';
import {
	canRunMeeting,
	effectiveMeetingRole,
	mayReadReport,
	mayReadRestricted,
	mayWriteRoot,
	meetingAccess
} from './policy';

const meeting = {
	unitId: 'u1',
	chairId: 'chair',
	status: 'live' as const,
	kind: 'initial-conference' as const
};

describe('meeting access', () => {
	it('gives the unit’s designated officer (LADO) its strategy meetings, to watch and prepare, and no other', () => {
		const lado = { id: 'l', role: 'lado' as const, unitId: 'u1' };
		const strategy = { ...meeting, kind: 'lado-strategy' as const };
		const facts = { viewer: lado, meeting: strategy, participant: null };
		expect(meetingAccess(facts)).toBe('unit');
		expect(effectiveMeetingRole(facts)).toBe('observer');
		expect(meetingAccess({ ...facts, meeting })).toBe('none');
		expect(meetingAccess({ ...facts, viewer: { ...lado, unitId: 'u2' } })).toBe('none');
		// Chairing one, they run it.
		expect(canRunMeeting({ ...facts, meeting: { ...strategy, chairId: 'l' } })).toBe(true);
	});

	it('gives unit chairs and admins their unit, others only their invitations', () => {
		expect(
			meetingAccess({
				viewer: { id: 'a', role: 'admin', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe('unit');
		expect(
			meetingAccess({
				viewer: { id: 'a', role: 'admin', unitId: 'u2' },
				meeting,
				participant: null
			})
		).toBe('none');
		expect(
			meetingAccess({
				viewer: { id: 'p', role: 'parent', unitId: null },
				meeting,
				participant: null
			})
		).toBe('none');
		expect(
			meetingAccess({
				viewer: { id: 'p', role: 'parent', unitId: null },
				meeting,
				participant: { id: 'x', role: 'parent' }
			})
		).toBe('participant');
		expect(
			meetingAccess({
				viewer: { id: 'm', role: 'manager', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe('none');
	});

	it('lets only the meeting’s chair run it', () => {
		expect(
			canRunMeeting({
				viewer: { id: 'chair', role: 'chair', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe(true);
		expect(
			canRunMeeting({
				viewer: { id: 'other', role: 'chair', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe(false);
		expect(
			effectiveMeetingRole({
				viewer: { id: 'other', role: 'chair', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe('observer');
		expect(
			effectiveMeetingRole({
				viewer: { id: 'ad', role: 'admin', unitId: 'u1' },
				meeting,
				participant: null
			})
		).toBe('minute-taker');
	});
});

describe('root rights', () => {
	const write = (
		root: string,
		role: Parameters<typeof mayWriteRoot>[0]['role'],
		participantId: string | null,
		status: 'live' | 'ended' = 'live'
	) => mayWriteRoot({ root, role, participantId, status });

	it('lets a participant write their own contribution, decision and ratings only', () => {
		expect(write('contribution:p1', 'professional', 'p1')).toBe(true);
		expect(write('decision:p1', 'professional', 'p1')).toBe(true);
		expect(write('decision:p2', 'professional', 'p1')).toBe(false);
		expect(write('contribution:p2', 'parent', 'p1')).toBe(false);
	});

	it('keeps meta for the chair, and lets the chair write everything', () => {
		expect(write('meta', 'professional', 'p1')).toBe(false);
		expect(write('meta', 'chair', 'c')).toBe(true);
		expect(write('decision:p2', 'chair', 'c')).toBe(true);
	});

	it('refuses unknown roots and every write once the meeting is not live', () => {
		expect(write('secret', 'chair', 'c')).toBe(false);
		expect(write('contribution:p1', 'professional', 'p1', 'ended')).toBe(false);
		expect(write('section:parents-first', 'parent', 'p1')).toBe(false);
		expect(write('section:parents-first', 'professional', 'p2')).toBe(true);
	});

	it('lets a parent write their own view and scores, never a decision; an observer nothing', () => {
		expect(write('contribution:p1', 'parent', 'p1')).toBe(true);
		expect(write('ratings:p1', 'parent', 'p1')).toBe(true);
		expect(write('decision:p1', 'parent', 'p1')).toBe(false);
		expect(write('contribution:o1', 'observer', 'o1')).toBe(false);
		expect(write('section:plan', 'observer', 'o1')).toBe(false);
	});

	it('never lets parents or children read restricted information', () => {
		expect(mayReadRestricted('parent')).toBe(false);
		expect(mayReadRestricted('child')).toBe(false);
		expect(mayReadRestricted('professional')).toBe(true);
	});
});

describe('reading a report', () => {
	const asked = (role: 'parent' | 'child' | 'professional', sharedWithParents: boolean) =>
		mayReadReport({
			viewer: { id: 'v', role, unitId: null },
			meeting,
			participant: { id: 'p', role },
			role,
			ownFamily: true,
			sharedWithParents
		});

	it('lets professionals read it, parents once shared, and never a child’s own connection', () => {
		expect(asked('professional', false)).toBe(true);
		expect(asked('parent', false)).toBe(false);
		expect(asked('parent', true)).toBe(true);
		expect(asked('child', true)).toBe(false);
		expect(asked('child', false)).toBe(false);
	});
});
