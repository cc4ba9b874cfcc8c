/**
 * How the production entry connects the SvelteKit app to the rest of the process, without a
 * global. The app is a bundle (build/handler.js) with its own copies of our modules, apart from
 * the entry's (server/index.ts, run under tsx), so a module-level value set on one side is not
 * seen on the other. The entry opens the database and starts the collaboration server, then
 * hands both to every request it passes to the app (`attachAppLink`); the app's `handle` hook
 * connects its own copies once (`linkApp`): the same database handle, the server's `LiveRecords`
 * port (src/lib/server/records/live.ts) and its ended-sessions listener.
 *
 * Under `vite dev`, and in tests, there is one copy of each module and no link: the dev
 * plugin's collaboration server connects itself to the same record store the pages use.
 */
import type { IncomingMessage } from 'node:http';
import type { SessionsEnded } from './auth/events';
import { onSessionsEnded } from './auth/events';
import type { DatabaseHandle } from './db';
import { useSharedDatabase } from './db';
import type { LiveRecords } from './records/live';
import { connectLiveRecords } from './records/live';

/** What the app's copies of the modules are connected to. */
export interface AppLink {
	database: DatabaseHandle;
	liveRecords: LiveRecords;
	sessionsEnded(ended: SessionsEnded): void;
}

/** The request property the link rides on from the entry to the app (adapter-node's `platform.req`). */
const LINK = 'roundtableAppLink';

type LinkedRequest = IncomingMessage & { [LINK]?: AppLink };

/** Hands the link to the app with this request (the production entry, before calling the handler). */
export function attachAppLink(request: IncomingMessage, link: AppLink): void {
	(request as LinkedRequest)[LINK] = link;
}

let linked: AppLink | null = null;

/** Connects this copy of the app's modules to the link that came with a request, the first time. */
export function linkApp(platform: App.Platform | undefined): void {
	const link = (platform?.req as LinkedRequest | undefined)?.[LINK];
	if (!link || link === linked) return;
	linked = link;
	useSharedDatabase(link.database);
	connectLiveRecords(link.liveRecords);
	onSessionsEnded(link.sessionsEnded);
}
