/**
 * The outbox's sender: claims due messages, hands them to the SMTP server and marks each sent
 * or, after a failure, queued again with a later attempt (or failed for good). Several nodes
 * may run one each: a message is claimed under `FOR UPDATE SKIP LOCKED` and leased (its next
 * attempt pushed past the lease) before the transaction ends, so no two senders hold it.
 * Without an SMTP server (`SMTP_URL` unset) nothing is claimed and messages wait, queued.
 *
 * The highest priority goes first, then the oldest (`mailPriorities` in the schema: a
 * cancellation or a 24-hour plan before a flood of set-up links), and each claim is a small
 * batch, so mail queued during a flood waits for a batch at most, not for the flood. Asked to
 * stop, the sender finishes the message in hand and gives the rest of its batch back at once
 * (queued, due, their attempt not counted), so a restart sends them without waiting for a lease.
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { createTransport, type NodemailerError } from 'nodemailer';
import type { Database } from '../db';
import { outbox, type OutboxMessage } from '../db/schema';
import { env } from '../env';
import { verpAddress } from '../../domain/bounces';

/** How long a claimed message is kept from other senders while it is being sent. */
const LEASE_MS = 5 * 60_000;
/** After this many failed attempts a message is marked failed and no longer retried. */
export const MAX_ATTEMPTS = 8;

/** Minutes to wait before the next attempt after `attempts` failures: 1, 2, 4 … capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/**
 * Plain words for a failure, from its codes only: an error's message may carry an address
 * or a server's echo of the message, and the outbox page shows this to staff.
 */
export function describeMailError(error: unknown): string {
	const e = (error ?? {}) as NodemailerError;
	const code = e.originalCode ?? e.code;
	if (typeof e.responseCode === 'number') {
		return e.responseCode >= 500
			? `The mail server refused the message for good (SMTP ${e.responseCode}).`
			: `The mail server could not take the message for now (SMTP ${e.responseCode}); it will be tried again.`;
	}
	switch (code) {
		case 'ECONNREFUSED':
			return 'The mail server refused the connection (is it running?); it will be tried again.';
		case 'ENOTFOUND':
		case 'EDNS':
			return "The mail server's name could not be found; check SMTP_URL.";
		case 'ETIMEDOUT':
			return 'The mail server did not answer in time; it will be tried again.';
		case 'EAUTH':
			return 'The mail server did not accept the user name and password in SMTP_URL.';
		case 'ETLS':
			return 'A secure connection to the mail server could not be made.';
		case 'ECONNRESET':
		case 'ESOCKET':
		case 'ECONNECTION':
			return 'The connection to the mail server broke off; it will be tried again.';
		case 'EENVELOPE':
			return 'The message has no address the mail server accepts.';
		default:
			return `The message could not be sent (${typeof code === 'string' ? code : 'unknown error'}); it will be tried again.`;
	}
}

export interface MailSender {
	/** Sends every message due now; resolves when this round is done (or the sender stopped). */
	sendDue(): Promise<{ sent: number; retried: number; failed: number }>;
	/** Sends due messages every `intervalMs` (unref'd: never keeps the process alive). */
	start(intervalMs?: number): void;
	/**
	 * Stops: no new round, no new message; the message in hand is finished and the rest of the
	 * batch given back, queued. Waits at most `withinMs` (default 5 s) for the message in hand;
	 * past that it stays leased, still queued, and is sent after its lease (5 minutes).
	 */
	stop(props?: { withinMs?: number }): Promise<void>;
}

/** A sender for one database; `smtpUrl` and `from` default to SMTP_URL and MAIL_FROM. */
export function createMailSender(props: {
	db: Database;
	smtpUrl?: string | null;
	from?: string;
	batchSize?: number;
	now?: () => Date;
}): MailSender {
	const { db } = props;
	const smtpUrl = props.smtpUrl === undefined ? env().SMTP_URL : props.smtpUrl;
	const from = props.from ?? env().MAIL_FROM;
	const batchSize = props.batchSize ?? 20;
	const now = props.now ?? (() => new Date());
	const transport = smtpUrl ? createTransport(smtpUrl, { from }) : null;
	let timer: ReturnType<typeof setInterval> | null = null;
	let round: Promise<{ sent: number; retried: number; failed: number }> | null = null;
	let stopping = false;
	/** Claimed by this sender and not yet handed to the SMTP server. */
	let waiting: OutboxMessage[] = [];

	/** Takes up to batchSize due messages and leases them, in one short transaction. */
	async function claim(): Promise<OutboxMessage[]> {
		const at = now();
		return db.transaction(async (tx) => {
			const due = await tx
				.select()
				.from(outbox)
				.where(and(eq(outbox.state, 'queued'), lte(outbox.nextAttemptAt, at)))
				.orderBy(desc(outbox.priority), asc(outbox.createdAt))
				.limit(batchSize)
				.for('update', { skipLocked: true });
			for (const message of due) {
				await tx
					.update(outbox)
					.set({
						attempts: sql`${outbox.attempts} + 1`,
						nextAttemptAt: new Date(at.getTime() + LEASE_MS)
					})
					.where(eq(outbox.id, message.id));
			}
			return due.map((message) => ({ ...message, attempts: message.attempts + 1 }));
		});
	}

	async function deliver(message: OutboxMessage): Promise<'sent' | 'retried' | 'failed'> {
		let accepted: boolean;
		try {
			const info = await transport!.sendMail({
				// Each message its own return path (VERP), so a bounce names the message it is about.
				envelope: { from: verpAddress(from, message.id), to: message.recipientEmail },
				to: message.recipientEmail,
				subject: message.subject,
				text: message.textBody,
				html: message.htmlBody ?? undefined,
				// One Message-ID per outbox row: should a message ever go out again (a crash
				// between the server's acceptance and our note of it), mail clients see the same one.
				messageId: `<outbox-${message.id}@roundtable>`,
				attachments: message.attachments.map((file) => ({
					filename: file.filename,
					contentType: file.contentType,
					content: Buffer.from(file.contentBase64, 'base64')
				}))
			});
			// The server's answer names the recipient it accepted (delivered to their mail system)
			// or refused; neither (a relay that says nothing) leaves it sent.
			const address = message.recipientEmail.toLowerCase();
			const named = (list: unknown[] | undefined) =>
				(list ?? []).some(
					(a) =>
						String(
							typeof a === 'object' && a ? (a as { address?: string }).address : a
						).toLowerCase() === address
				);
			if (named(info.rejected))
				throw Object.assign(new Error('rejected'), {
					code: 'EENVELOPE',
					responseCode: 550,
					permanent: true
				});
			accepted = named(info.accepted);
		} catch (error) {
			const e = error as NodemailerError;
			const permanent =
				e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500);
			const giveUp = permanent || message.attempts >= MAX_ATTEMPTS;
			const at = now();
			await db
				.update(outbox)
				.set({
					state: giveUp ? 'failed' : 'queued',
					lastError: describeMailError(error),
					nextAttemptAt: new Date(at.getTime() + retryDelayMs(message.attempts)),
					// Refused for good at sending: the address bounced (a temporary error given up is failed).
					...(permanent ? { bouncedAt: at, bounceReason: describeMailError(error) } : {})
				})
				.where(eq(outbox.id, message.id));
			return giveUp ? 'failed' : 'retried';
		}
		const at = now();
		await db
			.update(outbox)
			.set({ state: 'sent', sentAt: at, deliveredAt: accepted ? at : null, lastError: null })
			.where(eq(outbox.id, message.id));
		return 'sent';
	}

	/** Gives claimed messages back: queued, due now, the attempt not counted. */
	async function release(messages: OutboxMessage[]): Promise<void> {
		if (messages.length === 0) return;
		await db
			.update(outbox)
			.set({ attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: now() })
			.where(
				and(
					inArray(
						outbox.id,
						messages.map((m) => m.id)
					),
					eq(outbox.state, 'queued')
				)
			);
	}

	async function runRound() {
		const counts = { sent: 0, retried: 0, failed: 0 };
		if (!transport) return counts;
		while (!stopping) {
			const claimed = await claim();
			waiting = [...claimed];
			while (waiting.length > 0 && !stopping) {
				const message = waiting.shift()!;
				counts[await deliver(message)]++;
			}
			if (claimed.length < batchSize) break;
		}
		await release(waiting.splice(0));
		return counts;
	}

	const sender: MailSender = {
		sendDue() {
			if (stopping) return Promise.resolve({ sent: 0, retried: 0, failed: 0 });
			// One round at a time per sender: a timer tick during a round waits for it.
			round ??= runRound().finally(() => {
				round = null;
			});
			return round;
		},
		start(intervalMs = 15_000) {
			if (timer || !transport || stopping) return;
			timer = setInterval(() => {
				sender.sendDue().catch((error: unknown) => {
					console.error(
						`The outbox could not be sent: ${(error as { code?: string }).code ?? 'database error'}`
					);
				});
			}, intervalMs);
			timer.unref();
			void sender.sendDue().catch(() => {});
		},
		async stop(props = {}) {
			stopping = true;
			if (timer) clearInterval(timer);
			timer = null;
			if (round) {
				let timeout: ReturnType<typeof setTimeout> | undefined;
				const finished = await Promise.race([
					round.then(
						() => true,
						() => true
					),
					new Promise<false>((resolve) => {
						timeout = setTimeout(() => resolve(false), props.withinMs ?? 5_000);
					})
				]);
				clearTimeout(timeout);
				// The message in hand is taking too long: give back the rest of the batch now.
				if (!finished) await release(waiting.splice(0)).catch(() => {});
			}
			transport?.close();
		}
	};
	return sender;
}
