/**
 * Upgrade authentication: the same session cookie and the same permission functions as the
 * pages decide who may open `/collab/{meetingId}` and `/collab/{meetingId}/restricted`.
 * Refusals are plain HTTP answers, sent before any Yjs message is exchanged.
 */
import type { IncomingMessage } from 'node:http';
import type { Database } from '../../src/lib/server/db';
import {
	sessionTokenFromCookieHeader,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { templateFor } from '../../src/lib/domain';
import { connectionMayWrite, mayReadRestricted } from '../../src/lib/policy';
import type { MeetingRole, MeetingStatus } from '../../src/lib/domain/vocabulary';
import { collabPath } from '../../src/lib/collab/protocol';
import { notesSuffix, restrictedSuffix, type Channel } from '../../src/lib/server/records';
import { notesUpgrade } from './notes-rights';
import { audit } from '../../src/lib/server/audit';
import { addressOfRequest } from '../../src/lib/server/client-address';

/** Who is on the other end of a socket, and what the server knows of their part. */
export interface ConnectionIdentity {
	meetingId: string;
	/** Which of the meeting's two channels this socket carries. */
	channel: Channel;
	/** The children the meeting is about (decisions must name one of them). */
	childIds: string[];
	/** The option values of the meeting's decision (its template's), for the decision check. */
	decisionOptions: string[];
	userId: string;
	/** The session the upgrade was authenticated with: when it ends, the socket is closed (4401). */
	sessionId: string;
	name: string;
	role: MeetingRole;
	/** Their participant row in this meeting (null for a unit admin or chair not on the list). */
	participantId: string | null;
	status: MeetingStatus;
	/** False for connections that may only read (observers, someone not invited before the meeting, or a meeting that is over). */
	mayWrite: boolean;
}

export type UpgradeDecision =
	| { ok: true; identity: ConnectionIdentity }
	| { ok: false; status: 400 | 401 | 403 | 404; message: string };

const UUID = /^[0-9a-f-]{36}$/i;

/** `/collab/{meetingId}` → main, `/collab/{meetingId}/restricted` → restricted; null otherwise. */
export function parseCollabPath(
	url: string | undefined
): { meetingId: string; channel: Channel } | null {
	if (!url) return null;
	const pathname = url.split('?')[0];
	const prefix = `${collabPath}/`;
	if (!pathname.startsWith(prefix)) return null;
	let rest = pathname.slice(prefix.length);
	let channel: Channel = 'main';
	if (rest.endsWith(restrictedSuffix)) {
		channel = 'restricted';
		rest = rest.slice(0, -restrictedSuffix.length);
	} else if (rest.endsWith(notesSuffix)) {
		channel = 'notes';
		rest = rest.slice(0, -notesSuffix.length);
	}
	return UUID.test(rest) ? { meetingId: rest, channel } : null;
}

/** The meeting id in `/collab/{meetingId}` (or `…/restricted`), or null when the path is not ours. */
export function meetingIdFromUrl(url: string | undefined): string | null {
	return parseCollabPath(url)?.meetingId ?? null;
}

/**
 * A browser always sends Origin on a WebSocket; it must be ours (env ORIGIN, or the host the
 * request came to) so another site cannot ride the cookie. Non-browser clients send none.
 */
export function originAllowed(props: {
	origin: string | undefined;
	host: string | undefined;
	publicOrigin?: string;
}): boolean {
	const { origin, host, publicOrigin } = props;
	if (origin === undefined) return true;
	if (publicOrigin) return origin === new URL(publicOrigin).origin;
	if (!host) return false;
	return origin === `http://${host}` || origin === `https://${host}`;
}

/** Decides one upgrade request. */
export async function authenticateUpgrade(props: {
	db: Database;
	request: IncomingMessage;
	publicOrigin?: string;
}): Promise<UpgradeDecision> {
	const { db, request } = props;
	const path = parseCollabPath(request.url);
	if (!path) return { ok: false, status: 404, message: 'No such meeting record.' };
	const { meetingId, channel } = path;
	const origin = request.headers.origin;
	if (!originAllowed({ origin, host: request.headers.host, publicOrigin: props.publicOrigin })) {
		return { ok: false, status: 403, message: 'This page may not open the meeting record.' };
	}
	const token = sessionTokenFromCookieHeader(request.headers.cookie);
	if (!token) return { ok: false, status: 401, message: 'Sign in to join the meeting record.' };
	const { session, user } = await validateSessionToken({ db, token });
	if (!user) return { ok: false, status: 401, message: 'Your session has ended. Sign in again.' };
	const view = await meetingForViewer({ db, user, meetingId });
	// Same answer for "no such meeting" and "not yours": existence is not disclosed.
	if (!view) return { ok: false, status: 403, message: 'You are not part of this meeting.' };
	if (channel === 'restricted' && !mayReadRestricted(view.role)) {
		return { ok: false, status: 403, message: 'Restricted information is not shared with you.' };
	}
	// The notes: who reads and who writes depends on their state (./notes-rights.ts).
	const notes = channel === 'notes' ? await notesUpgrade({ db, role: view.role, meetingId }) : null;
	if (notes && !notes.ok) return notes;
	const status = view.meeting.status;
	// Every open of the live record is audited, each channel (docs/security.md, "Audit").
	await audit({
		db,
		userId: user.id,
		action: 'open-record',
		targetType: 'record',
		targetId: meetingId,
		meetingId,
		address: addressOfRequest(request),
		detail: { channel }
	});
	return {
		ok: true,
		identity: {
			meetingId,
			channel,
			childIds: view.children.map((child) => child.id),
			decisionOptions:
				templateFor(view.meeting.kind).decisions[0]?.options.map((o) => o.value) ?? [],
			userId: user.id,
			sessionId: session.id,
			name: view.me?.name ?? user.name,
			role: view.role,
			participantId: view.me?.id ?? null,
			status,
			mayWrite: notes
				? notes.mayWrite
				: connectionMayWrite({ role: view.role, participantId: view.me?.id ?? null, status })
		}
	};
}
