/**
 * A real SMTP server for tests (smtp-server, on port 0 or a given port), keeping every message
 * it accepts, parsed with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtpServer {
	port: number;
	url: string;
	/** Every message accepted, in order, parsed. */
	received: ParsedMail[];
	/** The envelope recipients of each message, in the same order. */
	envelopes: string[][];
	/** The envelope sender (return path) of each message, in the same order. */
	returnPaths: string[];
	close(): Promise<void>;
}

/**
 * Starts an SMTP server on the port (0: any free port) that accepts every message; with
 * `delayMs`, a slow one that answers each message that long after it arrives; with `refuse`,
 * one that refuses those addresses for good.
 */
export async function startSmtpServer(
	props: {
		port?: number;
		into?: Pick<TestSmtpServer, 'received' | 'envelopes'>;
		delayMs?: number;
		/** Addresses refused for good at RCPT TO (550), as a receiving server refuses a wrong one. */
		refuse?: (address: string) => boolean;
	} = {}
): Promise<TestSmtpServer> {
	const received = props.into?.received ?? [];
	const envelopes = props.into?.envelopes ?? [];
	const returnPaths: string[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (props.refuse?.(address.address)) {
				const refused = Object.assign(new Error('No such mailbox here'), { responseCode: 550 });
				return callback(refused);
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream).then(
				(mail) =>
					setTimeout(() => {
						received.push(mail);
						envelopes.push(session.envelope.rcptTo.map((r) => r.address));
						const from = session.envelope.mailFrom;
						returnPaths.push(from ? from.address : '');
						callback();
					}, props.delayMs ?? 0),
				(error: Error) => callback(error)
			);
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(props.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		received,
		envelopes,
		returnPaths,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
