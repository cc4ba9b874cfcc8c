import { describe, expect, it } from 'vitest';
import {
	generateSessionToken,
	sessionIdFromToken,
	sessionTokenFromCookieHeader,
	SESSION_COOKIE
} from './session';

describe('session tokens', () => {
	it('are 160 random bits in lower-case base32', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(generateSessionToken()).not.toBe(token);
	});

	it('are stored only as their SHA-256', () => {
		const token = generateSessionToken();
		const id = sessionIdFromToken(token);
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toContain(token);
		expect(sessionIdFromToken(token)).toBe(id);
		// A known vector: SHA-256("abc")
		expect(sessionIdFromToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('are read from a Cookie header among other cookies', () => {
		expect(sessionTokenFromCookieHeader(`a=1; ${SESSION_COOKIE}=abc234; b=2`)).toBe('abc234');
		expect(sessionTokenFromCookieHeader('a=1')).toBeNull();
		expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
	});

	it('are not read from a malformed cookie value (no exception: the upgrade answers 401)', () => {
		expect(sessionTokenFromCookieHeader(`${SESSION_COOKIE}=%%%`)).toBeNull();
		expect(sessionTokenFromCookieHeader(`a=1; ${SESSION_COOKIE}=%E0%A4%A`)).toBeNull();
	});
});
