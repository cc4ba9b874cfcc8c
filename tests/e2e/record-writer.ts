/**
 * Writes into a meeting's live record from the test process, as a person's device would: a
 * stock y-websocket client on the app's own socket, signed in with the page's session cookie.
 * Resolves once a second, fresh client sees the change — so the server holds it.
 */
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addPlanAction, addPlanOutcome, setPlanField } from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';

function socketWithCookie(cookie: string): typeof WebSocket {
	return class extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, { headers: { cookie } });
		}
	} as typeof WebSocket;
}

async function connect(
	page: Page,
	meetingId: string
): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
	const cookies = await page.context().cookies();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const base = new URL(page.url());
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://${base.host}/collab`, meetingId, doc, {
		WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
		disableBc: true
	});
	await waitUntil('sync', () => provider.synced);
	return { doc, provider };
}

async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/** Adds an outcome with its actions (and a review date) to the plan, as the signed-in chair. */
export async function writePlan(props: {
	page: Page;
	meetingId: string;
	childId: string;
	outcome: string;
	actions: { what: string; who: string; byWhen: string }[];
	reviewDate?: string;
}): Promise<void> {
	const writer = await connect(props.page, props.meetingId);
	const outcomeId = addPlanOutcome(writer.doc, {
		childId: props.childId,
		text: props.outcome,
		concernId: null
	});
	for (const action of props.actions) addPlanAction(writer.doc, { ...action, outcomeId });
	if (props.reviewDate) setPlanField(writer.doc, 'reviewDate', props.reviewDate);
	const reader = await connect(props.page, props.meetingId);
	try {
		const last = props.actions.at(-1)?.what;
		await waitUntil('the plan on the server', () => {
			const actions = reader.doc.getMap(roots.plan).get('actions');
			return (
				actions instanceof Y.Array &&
				actions.toArray().some((a) => a instanceof Y.Map && a.get('what') === last)
			);
		});
	} finally {
		for (const side of [writer, reader]) {
			side.provider.destroy();
			side.doc.destroy();
		}
	}
}
