import { describe, expect, it } from 'vitest';
import { bounceInWords, readBounce, verpAddress } from './bounces';

const id = '0b6f5c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';

describe('bounces', () => {
	it('gives each message its own return path from the From', () => {
		expect(verpAddress('Roundtable <roundtable@unit.example.gov.uk>', id)).toBe(
			`roundtable+bounce-${id}@unit.example.gov.uk`
		);
		expect(verpAddress('mail@x.org', id)).toBe(`mail+bounce-${id}@x.org`);
	});

	it('reads an RFC 3464 report: the message by its return path, the action and status', () => {
		const raw = [
			`To: roundtable+bounce-${id}@unit.example.gov.uk`,
			'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
			'',
			'--b',
			'Content-Type: message/delivery-status',
			'',
			'Reporting-MTA: dns; mx.example.org',
			'',
			'Final-Recipient: rfc822; e.green@hilltop.example.org',
			'Action: failed',
			'Status: 5.1.1',
			'--b--'
		].join('\r\n');
		expect(readBounce(raw)).toEqual({ messageId: id, action: 'failed', status: '5.1.1' });
		expect(bounceInWords('5.1.1')).toBe('Bounced: the address does not exist (5.1.1).');
	});

	it('finds the message by its Message-ID; a delay is not a bounce; a stranger is nobody', () => {
		const delayed = `Action: delayed\nStatus: 4.4.7\n\nMessage-ID: <outbox-${id.toUpperCase()}@roundtable>`;
		expect(readBounce(delayed)).toEqual({ messageId: id, action: 'delayed', status: '4.4.7' });
		expect(readBounce('Action: failed\nStatus: 5.1.1\nMessage-ID: <abc@elsewhere>')).toBeNull();
		expect(readBounce(`Message-ID: <outbox-${id}@roundtable>`)?.action).toBe('failed');
	});
});
