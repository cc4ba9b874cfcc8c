import { describe, expect, it } from 'vitest';
import { documentDueBy, documentReminderDay, lateInWords, workingDaysLate } from './document-due';
import { notesDueDate } from './timescales';

describe('document due dates', () => {
	it('notes of a meeting on Friday 18 December 2026 are due Wednesday 13 January 2027', () => {
		// Christmas Day, the Boxing Day substitute (Monday 28 December) and New Year's Day skipped.
		expect(notesDueDate('2026-12-18')).toBe('2027-01-13');
		expect(documentDueBy('notes', '2026-12-18')).toBe('2027-01-13');
		expect(documentDueBy('notes-family', '2026-12-18')).toBe('2027-01-13');
	});

	it('the 24-hour plan is due one working day after, over a weekend and bank holidays', () => {
		expect(documentDueBy('plan-24h', '2026-12-18')).toBe('2026-12-21');
		expect(documentDueBy('plan-24h', '2026-12-24')).toBe('2026-12-29');
		expect(documentDueBy('parent-plan', '2026-12-18')).toBeNull();
	});

	it('counts lateness in working days and says it in plain words', () => {
		const dueBy = '2027-01-13';
		expect(workingDaysLate({ dueBy, today: '2027-01-13', final: false })).toBe(0);
		expect(lateInWords({ dueBy, today: '2027-01-13', final: false })).toBe('due today');
		expect(lateInWords({ dueBy, today: '2027-01-14', final: false })).toBe('1 working day late');
		// Thursday 14, Friday 15, (weekend), Monday 18: three working days late.
		expect(workingDaysLate({ dueBy, today: '2027-01-18', final: false })).toBe(3);
		expect(lateInWords({ dueBy, today: '2027-01-18', final: false })).toBe('3 working days late');
		expect(workingDaysLate({ dueBy, today: '2027-01-18', final: true })).toBe(0);
		expect(lateInWords({ dueBy, today: '2027-01-04', final: false })).toBe('on time');
	});

	it('reminds two working days before the due date', () => {
		expect(documentReminderDay('2027-01-13')).toBe('2027-01-11');
		expect(documentReminderDay('2026-12-29')).toBe('2026-12-23');
	});
});
