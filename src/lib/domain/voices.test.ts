import { describe, expect, it } from 'vitest';
import { advocacyForChild, advocacyForParents, ageBandOf, consultationBand } from './voices';

describe('the consultation form for a child’s age on the meeting’s date', () => {
	it('under 8, 8 to 12, 13 and over', () => {
		expect(ageBandOf(7)).toBe('under-8');
		expect(ageBandOf(8)).toBe('8-12');
		expect(ageBandOf(12)).toBe('8-12');
		expect(ageBandOf(13)).toBe('13-plus');
	});

	it('a birthday on the meeting’s day counts', () => {
		expect(consultationBand('2018-03-05', '2026-03-04')).toBe('under-8');
		expect(consultationBand('2018-03-05', '2026-03-05')).toBe('8-12');
		expect(consultationBand('2013-03-05', '2026-03-05')).toBe('13-plus');
	});
});

describe('who is offered an advocate', () => {
	it('each child over 5 at an initial or review conference', () => {
		const at = (kind: 'initial-conference' | 'review-conference' | 'core-group', dob: string) =>
			advocacyForChild({ kind, dateOfBirth: dob, meetingDate: '2026-03-05' });
		expect(at('initial-conference', '2020-03-05')).toBe(true); // 6 today
		expect(at('initial-conference', '2021-03-05')).toBe(false); // 5 today
		expect(at('review-conference', '2018-01-01')).toBe(true);
		expect(at('core-group', '2018-01-01')).toBe(false);
		expect(advocacyForParents('initial-conference')).toBe(true);
		expect(advocacyForParents('core-group')).toBe(false);
	});
});
