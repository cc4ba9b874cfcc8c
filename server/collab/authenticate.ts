/**
 * Upgrade authentication: the same session cookie and the same permission functions as the
 * pages decide who may open `/collab/{meetingId}` and `/collab/{meetingId}/restricted`.
 * Refusals are plain HTTP answers, sent before any Yjs message is exchanged.
 */
import type { IncomingMessage } from 'node:http';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	meetingChildren,
	meetingParticipants,
	meetings,
	sessions,
	users,
	type Meeting
} from '../../src/lib/server/db/schema';
import {
	SESSION_RENEW_WITHIN_MS,
	SESSION_TOUCH_EVERY_MS,
	sessionIdFromToken,
	sessionTokenFromCookieHeader,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session';
import { templateFor } from '../../src/lib/domain';
import {
	connectionMayWrite,
	effectiveMeetingRole,
	mayReadRestricted,
	meetingAccess
} from '../../src/lib/policy';
import type { MeetingRole, MeetingStatus } from '../../src/lib/domain/vocabulary';
import { collabPath } from '../../src/lib/collab/protocol';
import { notesSuffix, restrictedSuffix, type Channel } from '../../src/lib/server/records';
import { notesUpgrade } from './notes-rights';
import { auditSoon } from '../../src/lib/server/audit';
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

/** Everything an upgrade is decided on, read in one query (see `upgradeFacts`). */
interface UpgradeFacts {
	session: { id: string; expiresAt: Date; lastUsedAt: Date };
	user: Pick<SessionUser, 'id' | 'name' | 'role' | 'unitId'>;
	meeting: Pick<Meeting, 'id' | 'unitId' | 'chairId' | 'kind' | 'status'> | null;
	me: { id: string; name: string; role: MeetingRole } | null;
	childIds: string[];
}

/**
 * The session and its person, the meeting, their participant row in it and the meeting's
 * children, in one round trip to the database (an upgrade used to cost six or seven queries,
 * which at nine o'clock kept the event loop busy for seconds; issue 24). Null when the session
 * is unknown or its account disabled.
 */
async function upgradeFacts(props: {
	db: Database;
	sessionId: string;
	meetingId: string;
}): Promise<UpgradeFacts | null> {
	const { db, sessionId, meetingId } = props;
	const rows = await db
		.select({
			sessionId: sessions.id,
			expiresAt: sessions.expiresAt,
			lastUsedAt: sessions.lastUsedAt,
			userId: users.id,
			userName: users.name,
			userRole: users.role,
			userUnitId: users.unitId,
			meetingId: meetings.id,
			meetingUnitId: meetings.unitId,
			chairId: meetings.chairId,
			kind: meetings.kind,
			status: meetings.status,
			participantId: meetingParticipants.id,
			participantName: meetingParticipants.name,
			participantRole: meetingParticipants.role,
			childIds: sql<
				string | null
			>`(select string_agg(${meetingChildren.childId}, ',') from ${meetingChildren} where ${meetingChildren.meetingId} = ${meetings.id})`
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.leftJoin(meetings, eq(meetings.id, meetingId))
		.leftJoin(
			meetingParticipants,
			and(eq(meetingParticipants.meetingId, meetings.id), eq(meetingParticipants.userId, users.id))
		)
		// A disabled account's sessions were ended when it was disabled; this refuses any left.
		.where(and(eq(sessions.id, sessionId), isNull(users.disabledAt)))
		.orderBy(asc(meetingParticipants.name));
	const row = rows[0];
	if (!row) return null;
	return {
		session: { id: row.sessionId, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt },
		user: { id: row.userId, name: row.userName, role: row.userRole, unitId: row.userUnitId },
		meeting:
			row.meetingId && row.kind && row.status
				? {
						id: row.meetingId,
						unitId: row.meetingUnitId,
						chairId: row.chairId,
						kind: row.kind,
						status: row.status
					}
				: null,
		me:
			row.participantId && row.participantName && row.participantRole
				? { id: row.participantId, name: row.participantName, role: row.participantRole }
				: null,
		childIds: row.childIds ? row.childIds.split(',') : []
	};
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
	const ended = {
		ok: false,
		status: 401,
		message: 'Your session has ended. Sign in again.'
	} as const;
	if (!/^[a-z2-7]{32}$/.test(token)) return ended;
	const facts = await upgradeFacts({ db, sessionId: sessionIdFromToken(token), meetingId });
	if (!facts) return ended;
	const now = Date.now();
	if (
		now >= facts.session.expiresAt.getTime() ||
		facts.session.expiresAt.getTime() - now < SESSION_RENEW_WITHIN_MS ||
		now - facts.session.lastUsedAt.getTime() >= SESSION_TOUCH_EVERY_MS
	) {
		// Seldom: the session ends, is renewed or is touched. The session module writes it.
		const { user } = await validateSessionToken({ db, token });
		if (!user) return ended;
	}
	const { user, meeting, me } = facts;
	const policyFacts = meeting
		? { viewer: { id: user.id, role: user.role, unitId: user.unitId }, meeting, participant: me }
		: null;
	const role = policyFacts ? effectiveMeetingRole(policyFacts) : null;
	// Same answer for "no such meeting" and "not yours": existence is not disclosed.
	if (!meeting || !policyFacts || meetingAccess(policyFacts) === 'none' || role === null)
		return { ok: false, status: 403, message: 'You are not part of this meeting.' };
	if (channel === 'restricted' && !mayReadRestricted(role)) {
		return { ok: false, status: 403, message: 'Restricted information is not shared with you.' };
	}
	// The notes: who reads and who writes depends on their state (./notes-rights.ts).
	const notes = channel === 'notes' ? await notesUpgrade({ db, role, meetingId }) : null;
	if (notes && !notes.ok) return notes;
	const status = meeting.status;
	// Every open of the live record is audited, each channel (docs/security.md, "Audit"): queued
	// and written with the next tick of the write-behind queue, many opens in one statement.
	auditSoon({
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
			childIds: facts.childIds,
			decisionOptions: templateFor(meeting.kind).decisions[0]?.options.map((o) => o.value) ?? [],
			userId: user.id,
			sessionId: facts.session.id,
			name: me?.name ?? user.name,
			role,
			participantId: me?.id ?? null,
			status,
			mayWrite: notes
				? notes.mayWrite
				: connectionMayWrite({ role, participantId: me?.id ?? null, status })
		}
	};
}
