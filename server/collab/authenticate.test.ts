import { describe, expect, it } from 'vitest';
import { meetingIdFromUrl, originAllowed, parseCollabPath } from './authenticate';

describe('meetingIdFromUrl', () => {
	it('reads the meeting id from /collab/{id}', () => {
		const id = '0b7c5e1e-8f2a-4c55-9d7e-3f0c2a1b4d5e';
		expect(meetingIdFromUrl(`/collab/${id}`)).toBe(id);
		expect(meetingIdFromUrl(`/collab/${id}?x=1`)).toBe(id);
		expect(meetingIdFromUrl('/collab/../etc')).toBeNull();
		expect(meetingIdFromUrl('/other/abc')).toBeNull();
		expect(meetingIdFromUrl(undefined)).toBeNull();
	});
});

describe('originAllowed', () => {
	it('accepts no Origin (not a browser), our host, or the configured origin only', () => {
		expect(originAllowed({ origin: undefined, host: 'a.test' })).toBe(true);
		expect(originAllowed({ origin: 'https://a.test', host: 'a.test' })).toBe(true);
		expect(originAllowed({ origin: 'https://evil.test', host: 'a.test' })).toBe(false);
		expect(
			originAllowed({
				origin: 'https://rt.gov.uk',
				host: 'internal:3000',
				publicOrigin: 'https://rt.gov.uk'
			})
		).toBe(true);
		expect(
			originAllowed({
				origin: 'http://internal:3000',
				host: 'internal:3000',
				publicOrigin: 'https://rt.gov.uk'
			})
		).toBe(false);
	});
});

describe('parseCollabPath', () => {
	it('tells the main channel from the restricted one', () => {
		const id = '0b7c5e1e-8f2a-4c55-9d7e-3f0c2a1b4d5e';
		expect(parseCollabPath(`/collab/${id}`)).toEqual({ meetingId: id, channel: 'main' });
		expect(parseCollabPath(`/collab/${id}/restricted?x=1`)).toEqual({
			meetingId: id,
			channel: 'restricted'
		});
		expect(parseCollabPath(`/collab/${id}/other`)).toBeNull();
		expect(parseCollabPath(`/collab/restricted`)).toBeNull();
	});
});
