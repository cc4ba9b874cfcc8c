import { describe, expect, it } from 'vitest';
import { isOnSecureDomain, parseDomain } from './secure-domains';

describe('secure domains', () => {
	it('tidies a typed domain and refuses what is not one', () => {
		expect(parseDomain(' NHS.net ')).toBe('nhs.net');
		expect(parseDomain('@police.uk')).toBe('police.uk');
		expect(parseDomain('gov.uk.')).toBe('gov.uk');
		for (const bad of ['', 'nhs', 'nhs..net', '-a.uk', 'a b.uk', 'x@nhs.net', 'mail.123'])
			expect(parseDomain(bad)).toBeNull();
	});

	it('matches the exact domain and its subdomains, not look-alikes', () => {
		const domains = ['nhs.net', 'police.uk'];
		expect(isOnSecureDomain('gp.practice@nhs.net', domains)).toBe(true);
		expect(isOnSecureDomain('pc.jones@Leeds.Police.UK', domains)).toBe(true);
		expect(isOnSecureDomain('someone@notnhs.net', domains)).toBe(false);
		expect(isOnSecureDomain('someone@nhs.net.example.com', domains)).toBe(false);
		expect(isOnSecureDomain('teacher@school.example.org', domains)).toBe(false);
		expect(isOnSecureDomain('teacher@school.example.org', [])).toBe(false);
	});
});
