import { describe, expect, it } from 'vitest';
import { parseUserRole } from './people';
import { parseAgencyKind } from './agencies';

describe('the words the API and the CSV import accept', () => {
	it('roles: the stored names and the unit’s words, nothing else', () => {
		expect(parseUserRole('admin')).toBe('admin');
		expect(parseUserRole(' Business Support ')).toBe('admin');
		expect(parseUserRole('IRO')).toBe('chair');
		expect(parseUserRole('Independent reviewing officer')).toBe('chair');
		expect(parseUserRole('carer')).toBe('parent');
		expect(parseUserRole('wizard')).toBeNull();
		expect(parseUserRole('')).toBeNull();
	});

	it('agency kinds: the stored values, their labels and a few common names', () => {
		expect(parseAgencyKind('police')).toBe('police');
		expect(parseAgencyKind('GP practice')).toBe('gp');
		expect(parseAgencyKind('health visiting')).toBe('health-visiting');
		expect(parseAgencyKind('Out-of-hours emergency duty team')).toBe('emergency-duty-team');
		expect(parseAgencyKind('EDT')).toBe('emergency-duty-team');
		expect(parseAgencyKind("Children's social care")).toBe('social-care');
		expect(parseAgencyKind('bakery')).toBeNull();
		expect(parseAgencyKind('')).toBeNull();
	});
});
