/**
 * Reading a bounce back (issue 22): each message leaves with its own return path (VERP), so a
 * delivery status notification (RFC 3464) sent back to it names the message it is about, and
 * its `Action:` and `Status:` fields say whether the address was refused for good.
 */

/** The return path of one outbox message: `roundtable+bounce-{id}@example.org` from the From. */
export function verpAddress(from: string, messageId: string): string {
	const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
	const at = address.lastIndexOf('@');
	const local = at > 0 ? address.slice(0, at) : 'roundtable';
	const domain = at > 0 ? address.slice(at + 1) : 'localhost';
	return `${local}+bounce-${messageId}@${domain}`;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface ReadBounce {
	/** The outbox message it is about. */
	messageId: string;
	/** `failed`: refused for good; `delayed`, `delivered`, `relayed`, `expanded`: not a bounce. */
	action: string;
	/** The enhanced status code, e.g. 5.1.1, if given. */
	status: string | null;
}

/**
 * The message a bounce is about and what it says, or null when it names none of ours. The
 * message is found by its VERP return path (`+bounce-{id}@`, in the headers the relay adds or
 * the report's own), else by our Message-ID (`<outbox-{id}@roundtable>`) quoted in the returned
 * headers. The first recipient block's Action and Status are read (one recipient a message).
 */
export function readBounce(raw: string): ReadBounce | null {
	const text = raw.slice(0, 512 * 1024);
	const byVerp = new RegExp(`\\+bounce-(${uuid})@`, 'i').exec(text);
	const byMessageId = new RegExp(`<outbox-(${uuid})@roundtable>`, 'i').exec(text);
	const messageId = (byVerp ?? byMessageId)?.[1]?.toLowerCase();
	if (!messageId) return null;
	const action = /^Action:\s*([a-z]+)/im.exec(text)?.[1]?.toLowerCase();
	const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(text)?.[1] ?? null;
	// A report without an Action is a plain bounce (many relays): a 5.x.x status, or none, fails.
	const inferred = action ?? (status && !status.startsWith('5') ? 'delayed' : 'failed');
	return { messageId, action: inferred, status };
}

/** Plain words for a bounce, with its status code (never the report's own text). */
export function bounceInWords(status: string | null): string {
	const known: Record<string, string> = {
		'5.1.1': 'the address does not exist',
		'5.1.2': 'the address’s domain does not exist',
		'5.2.1': 'the mailbox is closed',
		'5.2.2': 'the mailbox is full',
		'5.7.1': 'the receiving server refused it'
	};
	const why = status ? (known[status] ?? 'the receiving server refused it for good') : null;
	return why
		? `Bounced: ${why} (${status}).`
		: 'Bounced: the receiving server refused it for good.';
}
