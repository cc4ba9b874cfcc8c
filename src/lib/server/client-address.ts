import type { IncomingMessage } from 'node:http';
import { env } from './env';

/**
 * The client's address for a raw Node request (the socket upgrade), read as adapter-node reads
 * it for pages: ADDRESS_HEADER behind a proxy (X-Forwarded-For counted XFF_DEPTH from the
 * right), else the connection's own address. So the audit log names the same address for a
 * person's page views and their socket.
 */
export function addressOfRequest(request: IncomingMessage): string | null {
	const { ADDRESS_HEADER, XFF_DEPTH } = env();
	const header = ADDRESS_HEADER?.toLowerCase();
	if (header) {
		const raw = request.headers[header];
		const value = (Array.isArray(raw) ? raw.join(',') : raw) ?? '';
		if (header !== 'x-forwarded-for') return value.trim() || null;
		const addresses = value
			.split(',')
			.map((a) => a.trim())
			.filter(Boolean);
		return addresses[addresses.length - XFF_DEPTH] ?? null;
	}
	return request.socket?.remoteAddress ?? null;
}
