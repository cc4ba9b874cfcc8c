/**
 * Who makes, disables and enables which accounts (issue 20, items 2 and 3): the rank of each
 * role, the roles each may give, and that only the unit that made an account acts on it; and who
 * gives a child their own account or a new set-up link for it (issue 27, `mayMakeChildAccount`).
 */
import { describe, expect, it } from 'vitest';
import {
	grantableRoles,
	mayDisableAccount,
	mayGrantRole,
	mayMakeChildAccount,
	type Viewer
} from './policy';
import { userRoles, type UserRole } from './domain/vocabulary';

const inUnit = (role: UserRole, id: string = role): Viewer => ({ id, role, unitId: 'u1' });

describe('mayGrantRole and grantableRoles', () => {
	it('only a manager makes managers and business support', () => {
		expect(grantableRoles(inUnit('manager')).sort()).toEqual(
			['admin', 'chair', 'lado', 'manager', 'parent', 'professional'].sort()
		);
		for (const role of ['manager', 'admin'] as const) {
			expect(mayGrantRole({ viewer: inUnit('admin'), role })).toBe(false);
			expect(mayGrantRole({ viewer: inUnit('chair'), role })).toBe(false);
		}
	});

	it('business support makes chairs, the designated officer, professionals and parents; a chair nothing above a professional', () => {
		expect(grantableRoles(inUnit('admin'))).toEqual(['chair', 'professional', 'parent', 'lado']);
		expect(grantableRoles(inUnit('chair'))).toEqual(['professional', 'parent']);
	});

	it('professionals, parents and anyone without a unit make nobody', () => {
		expect(grantableRoles(inUnit('professional'))).toEqual([]);
		expect(grantableRoles(inUnit('parent'))).toEqual([]);
		expect(grantableRoles({ id: 'm', role: 'manager', unitId: null })).toEqual([]);
		expect(grantableRoles({ id: 'a', role: 'admin', unitId: null })).toEqual([]);
	});
});

describe('mayDisableAccount', () => {
	const account = (role: UserRole, unitId: string | null = 'u1', id = `x-${role}`) => ({
		id,
		role,
		unitId
	});

	it('business support may not disable the manager, nor other business support; the manager may', () => {
		expect(mayDisableAccount({ viewer: inUnit('admin'), account: account('manager') })).toBe(false);
		expect(mayDisableAccount({ viewer: inUnit('admin'), account: account('admin') })).toBe(false);
		expect(mayDisableAccount({ viewer: inUnit('admin'), account: account('chair') })).toBe(true);
		expect(mayDisableAccount({ viewer: inUnit('manager'), account: account('admin') })).toBe(true);
		expect(mayDisableAccount({ viewer: inUnit('manager'), account: account('manager') })).toBe(
			true
		);
	});

	it('a chair disables professionals and parents, not chairs or anyone above', () => {
		for (const role of ['chair', 'admin', 'manager'] as const)
			expect(mayDisableAccount({ viewer: inUnit('chair'), account: account(role) })).toBe(false);
		for (const role of ['professional', 'parent'] as const)
			expect(mayDisableAccount({ viewer: inUnit('chair'), account: account(role) })).toBe(true);
	});

	it('only the unit that made the account: not another unit’s, not an account of no unit', () => {
		expect(mayDisableAccount({ viewer: inUnit('admin'), account: account('parent', 'u2') })).toBe(
			false
		);
		expect(
			mayDisableAccount({ viewer: inUnit('manager'), account: account('professional', null) })
		).toBe(false);
	});

	it('never one’s own account', () => {
		expect(
			mayDisableAccount({
				viewer: inUnit('manager', 'me'),
				account: account('manager', 'u1', 'me')
			})
		).toBe(false);
	});
});

describe('mayMakeChildAccount: a child’s account and each new set-up link for it (issue 27)', () => {
	const child = { unitId: 'u1', iroId: 'officer' };
	it('the unit’s chairs and business support, and nobody else of the unit', () => {
		const may = userRoles.filter((role) => mayMakeChildAccount({ viewer: inUnit(role), child }));
		expect(may.sort()).toEqual(['admin', 'chair']);
	});

	it('the child’s reviewing officer, but not for another unit’s child', () => {
		expect(mayMakeChildAccount({ viewer: inUnit('chair', 'officer'), child })).toBe(true);
		const elsewhere = { unitId: 'u2', iroId: 'officer' };
		for (const role of userRoles)
			expect(mayMakeChildAccount({ viewer: inUnit(role, 'officer'), child: elsewhere })).toBe(
				false
			);
		expect(mayMakeChildAccount({ viewer: { id: 'a', role: 'admin', unitId: null }, child })).toBe(
			false
		);
	});
});
