import { describe, expect, it } from 'vitest';
import { meetingRoleFit, meetingRolesForAccount } from './policy';
import { meetingRoles, userRoles } from './domain/vocabulary';

describe('which meeting roles fit an account', () => {
	it('invites a parent’s account only as a parent, and only of the meeting’s own children', () => {
		expect(meetingRolesForAccount('parent')).toEqual(['parent']);
		expect(
			meetingRoleFit({
				accountRole: 'parent',
				meetingRole: 'parent',
				familyOfMeetingChild: true,
				accountOfMeetingChild: false
			})
		).toBe('fits');
		expect(
			meetingRoleFit({
				accountRole: 'parent',
				meetingRole: 'parent',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('not-their-child');
		for (const role of meetingRoles.filter((r) => r !== 'parent')) {
			// Not even "observer": every other role but "child" reads restricted information.
			expect(
				meetingRoleFit({
					accountRole: 'parent',
					meetingRole: role,
					familyOfMeetingChild: true,
					accountOfMeetingChild: false
				})
			).toBe('not-for-this-account');
		}
	});

	it('gives no account a role that reads or writes more than the account is for', () => {
		expect(
			meetingRoleFit({
				accountRole: 'professional',
				meetingRole: 'professional',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('fits');
		expect(
			meetingRoleFit({
				accountRole: 'professional',
				meetingRole: 'chair',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('not-for-this-account');
		expect(
			meetingRoleFit({
				accountRole: 'professional',
				meetingRole: 'parent',
				familyOfMeetingChild: true,
				accountOfMeetingChild: false
			})
		).toBe('not-for-this-account');
		expect(
			meetingRoleFit({
				accountRole: 'admin',
				meetingRole: 'minute-taker',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('fits');
		expect(
			meetingRoleFit({
				accountRole: 'manager',
				meetingRole: 'chair',
				familyOfMeetingChild: false,
				accountOfMeetingChild: false
			})
		).toBe('not-for-this-account');
		for (const account of userRoles) {
			// Only a child's own account is ever the child in a meeting (issue 27), and only that.
			if (account !== 'child') expect(meetingRolesForAccount(account)).not.toContain('child');
			else expect(meetingRolesForAccount(account)).toEqual(['child']);
			// Only a parent's account is ever a parent in a meeting.
			if (account !== 'parent') expect(meetingRolesForAccount(account)).not.toContain('parent');
		}
	});

	it('offers the usual role first (the invite form’s default): never "professional" for a parent', () => {
		expect(meetingRolesForAccount('parent')[0]).toBe('parent');
		expect(meetingRolesForAccount('professional')[0]).toBe('professional');
		expect(meetingRolesForAccount('admin')[0]).toBe('minute-taker');
	});
});
