/**
 * The events Roundtable sends the council's case system (issue 26, docs/case-system.md), and
 * the checks on a unit's endpoint. Plain TypeScript: the server queues and signs them.
 */
import type { Problem } from './problems';

/** The events a case system is sent, stored as these values. */
export const caseSystemEventTypes = [
	'document.final',
	'plan.started',
	'plan.ended',
	'challenge.changed',
	'allegation.outcome'
] as const;
export type CaseSystemEventType = (typeof caseSystemEventTypes)[number];

/** Where a delivery stands: waiting to be sent (or tried again), taken (2xx), given up. */
export const deliveryStates = ['queued', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const deliveryStateLabel: Record<DeliveryState, string> = {
	queued: 'Waiting to be sent',
	delivered: 'Delivered',
	failed: 'Not delivered (gave up)'
};

/** After this many failed attempts a delivery is given up (about two days of backoff). */
export const MAX_DELIVERY_ATTEMPTS = 14;

/** Wait before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most 6 hours. */
export function deliveryRetryDelayMs(attempts: number): number {
	return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/** A Standard Webhooks secret: `whsec_` and base64 of 24 to 64 bytes. */
const SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

/**
 * Checks a unit's endpoint: an https URL (http only to this machine, for trying it out) and a
 * `whsec_…` secret. Returns the problems, each with its field.
 */
export function endpointProblems(input: { url: unknown; secret: unknown }): Problem[] {
	const problems: Problem[] = [];
	const url = typeof input.url === 'string' ? input.url.trim() : '';
	const parsed = url && URL.canParse(url) ? new URL(url) : null;
	const local = parsed && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
	if (!parsed || url.length > 2000)
		problems.push({
			field: 'url',
			message: 'Enter the case system’s webhook address, e.g. https://cases.example.gov.uk/hooks.'
		});
	else if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
		problems.push({ field: 'url', message: 'The address must start with https://.' });
	else if (parsed.username || parsed.password)
		problems.push({
			field: 'url',
			message: 'Leave the user name and password out of the address.'
		});
	const secret = typeof input.secret === 'string' ? input.secret.trim() : '';
	if (!SECRET.test(secret))
		problems.push({
			field: 'secret',
			message: 'Enter the signing secret the case system gave you: it starts whsec_.'
		});
	return problems;
}
