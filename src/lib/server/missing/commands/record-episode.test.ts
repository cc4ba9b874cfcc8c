import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { readEpisode } from './record-episode';

const now = new Date('2026-12-07T12:00:00Z');
const good = {
	wentMissingAt: '2026-12-07T09:30:00Z',
	reportedBy: 'Foster carer',
	agreedHours: 24,
	escalateTo: 'conference'
};

/** The field a body is refused on, or null when it is read. */
function refusedOn(body: unknown): string | null {
	try {
		readEpisode(body, now);
		return null;
	} catch (problem) {
		if (!(problem instanceof CommandError)) throw problem;
		expect(problem.status).toBe(400);
		return problem.field ?? 'none';
	}
}

describe('reading a new missing-from-home episode', () => {
	it('reads the time, who reported it, the agreed hours and what to escalate to', () => {
		expect(readEpisode({ ...good, reportedBy: '  Foster carer ' }, now)).toEqual({
			wentMissingAt: new Date('2026-12-07T09:30:00Z'),
			reportedBy: 'Foster carer',
			agreedHours: 24,
			escalateTo: 'conference'
		});
	});

	it('names the field to fix', () => {
		expect(refusedOn({})).toBe('wentMissingAt');
		expect(refusedOn(null)).toBe('wentMissingAt');
		expect(refusedOn({ ...good, wentMissingAt: '2026-12-08T09:30:00Z' })).toBe('wentMissingAt');
		expect(refusedOn({ ...good, wentMissingAt: '2026-02-30T09:30:00Z' })).toBe('wentMissingAt');
		expect(refusedOn({ ...good, reportedBy: '  ' })).toBe('reportedBy');
		expect(refusedOn({ ...good, reportedBy: 'x'.repeat(201) })).toBe('reportedBy');
		expect(refusedOn({ ...good, agreedHours: 0 })).toBe('agreedHours');
		expect(refusedOn({ ...good, agreedHours: 1.5 })).toBe('agreedHours');
		expect(refusedOn({ ...good, agreedHours: '24' })).toBe('agreedHours');
		expect(refusedOn({ ...good, agreedHours: 721 })).toBe('agreedHours');
		expect(refusedOn({ ...good, escalateTo: 'police' })).toBe('escalateTo');
		expect(refusedOn({ ...good, escalateTo: undefined })).toBe('escalateTo');
		expect(refusedOn(good)).toBeNull();
	});
});
