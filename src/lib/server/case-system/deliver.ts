/**
 * Sends queued case-system events (issue 26) as Standard Webhooks: `POST {url}` with the
 * `webhook-id` (the same on every attempt), `webhook-timestamp` and `webhook-signature` headers
 * (the `standardwebhooks` package, under the unit's `whsec_…` secret), the body
 * `{ type, timestamp, data }` and, for a document, a fresh hour-long link to its PDF. A 2xx is
 * delivered; anything else (another status, a redirect, no answer in 10 s) is tried again after
 * 1, 2, 4 … minutes (at most 6 hours), and given up after MAX_DELIVERY_ATTEMPTS. Claimed under
 * `FOR UPDATE SKIP LOCKED` and leased, like the outbox's sender, so several nodes can run one.
 * Runs under plain Node (server/index.ts), so imports are relative.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../db';
import { caseSystemDeliveries, type CaseSystemDelivery } from '../db/schema';
import { MAX_DELIVERY_ATTEMPTS, deliveryRetryDelayMs } from '../../domain/case-system';
import { endpointOf } from './endpoint';
import { pdfLink } from './pdf-link';

const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

export interface CaseSystemDeliverer {
	/** Sends every delivery due now; resolves when this round is done. */
	deliverDue(): Promise<{ delivered: number; retried: number; failed: number }>;
	/** Sends due deliveries every `intervalMs` (unref'd). */
	start(intervalMs?: number): void;
	/** Stops; waits for the round in hand. */
	stop(): Promise<void>;
}

/** A deliverer for one database; `now` and `fetch` are the tests' to drive. */
export function createCaseSystemDeliverer(props: {
	db: Database;
	now?: () => Date;
	fetch?: typeof fetch;
	origin?: string;
	batchSize?: number;
}): CaseSystemDeliverer {
	const { db } = props;
	const now = props.now ?? (() => new Date());
	const send = props.fetch ?? fetch;
	const batchSize = props.batchSize ?? 20;
	let timer: ReturnType<typeof setInterval> | null = null;
	let round: Promise<{ delivered: number; retried: number; failed: number }> | null = null;

	async function claim(): Promise<CaseSystemDelivery[]> {
		const at = now();
		return db.transaction(async (tx) => {
			const due = await tx
				.select()
				.from(caseSystemDeliveries)
				.where(
					and(eq(caseSystemDeliveries.state, 'queued'), lte(caseSystemDeliveries.nextAttemptAt, at))
				)
				.orderBy(asc(caseSystemDeliveries.createdAt))
				.limit(batchSize)
				.for('update', { skipLocked: true });
			for (const d of due)
				await tx
					.update(caseSystemDeliveries)
					.set({
						attempts: sql`${caseSystemDeliveries.attempts} + 1`,
						nextAttemptAt: new Date(at.getTime() + LEASE_MS)
					})
					.where(eq(caseSystemDeliveries.id, d.id));
			return due.map((d) => ({ ...d, attempts: d.attempts + 1 }));
		});
	}

	async function deliver(d: CaseSystemDelivery): Promise<'delivered' | 'retried' | 'failed'> {
		const at = now();
		const endpoint = await endpointOf(db, d.unitId);
		let status: number | null = null;
		let problem: string;
		if (!endpoint) {
			problem = 'The unit has no case-system endpoint now.';
		} else {
			const payload = d.payload as { data?: Record<string, unknown> };
			const body = JSON.stringify(
				d.documentId
					? {
							...payload,
							data: {
								...payload.data,
								pdfUrl: pdfLink({
									secret: endpoint.secret,
									documentId: d.documentId,
									now: at,
									origin: props.origin
								})
							}
						}
					: payload
			);
			try {
				const signature = new Webhook(endpoint.secret).sign(d.id, at, body);
				const response = await send(endpoint.url, {
					method: 'POST',
					redirect: 'manual',
					signal: AbortSignal.timeout(TIMEOUT_MS),
					headers: {
						'content-type': 'application/json',
						'webhook-id': d.id,
						'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
						'webhook-signature': signature
					},
					body
				});
				status = response.status;
				await response.body?.cancel().catch(() => {});
				if (status >= 200 && status < 300) {
					await db
						.update(caseSystemDeliveries)
						.set({ state: 'delivered', deliveredAt: at, lastStatus: status, lastError: null })
						.where(eq(caseSystemDeliveries.id, d.id));
					return 'delivered';
				}
				problem = `The case system answered ${status}.`;
			} catch {
				problem = 'The case system could not be reached.';
			}
		}
		const giveUp = d.attempts >= MAX_DELIVERY_ATTEMPTS;
		await db
			.update(caseSystemDeliveries)
			.set({
				state: giveUp ? 'failed' : 'queued',
				lastStatus: status,
				lastError: giveUp ? `${problem} Given up.` : `${problem} It will be tried again.`,
				nextAttemptAt: new Date(at.getTime() + deliveryRetryDelayMs(d.attempts))
			})
			.where(eq(caseSystemDeliveries.id, d.id));
		return giveUp ? 'failed' : 'retried';
	}

	async function oneRound() {
		const counts = { delivered: 0, retried: 0, failed: 0 };
		for (;;) {
			const batch = await claim();
			if (batch.length === 0) break;
			for (const d of batch) counts[await deliver(d)]++;
			if (batch.length < batchSize) break;
		}
		return counts;
	}

	return {
		deliverDue() {
			round ??= oneRound().finally(() => {
				round = null;
			});
			return round;
		},
		start(intervalMs = 15_000) {
			if (timer) return;
			timer = setInterval(() => {
				this.deliverDue().catch(() => {});
			}, intervalMs);
			timer.unref();
		},
		async stop() {
			if (timer) clearInterval(timer);
			timer = null;
			await round?.catch(() => {});
		}
	};
}
