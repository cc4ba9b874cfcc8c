/**
 * Presence: awareness states pass through the server, which writes the person's name, meeting
 * role and caret colour from what it knows, whatever the client claimed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What everyone else sees of a connected person. No email, no ids beyond the participant's. */
export interface PresenceUser {
	name: string;
	role: string;
	color: string;
	participantId: string | null;
}

// Dark enough for white caret labels (WCAG AA against #fff).
const palette = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7e22ce',
	'#b45309',
	'#0e7490',
	'#be185d',
	'#4d7c0f'
];

/** A stable caret colour per user. */
export function colorFor(userId: string): string {
	let hash = 0;
	for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
	return palette[hash % palette.length];
}

/**
 * Rewrites an awareness update from one connection: its `user` field becomes the server's,
 * and entries for client ids the connection may not speak for are dropped.
 * Returns the rewritten update and the client ids it speaks for; throws on a malformed one.
 */
export function rewriteAwareness(props: {
	update: Uint8Array;
	user: PresenceUser;
	maySpeakFor(clientId: number): boolean;
}): { update: Uint8Array; clientIds: number[] } {
	const decoder = decoding.createDecoder(props.update);
	const encoder = encoding.createEncoder();
	const count = decoding.readVarUint(decoder);
	const entries: { clientId: number; clock: number; state: string }[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
		if (!props.maySpeakFor(clientId)) continue;
		let state: unknown = null;
		if (parsed !== null) {
			if (typeof parsed !== 'object' || Array.isArray(parsed))
				throw new Error('awareness state is not an object');
			state = { ...(parsed as Record<string, unknown>), user: props.user };
		}
		entries.push({ clientId, clock, state: JSON.stringify(state) });
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness update');
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientId);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, entry.state);
	}
	return { update: encoding.toUint8Array(encoder), clientIds: entries.map((e) => e.clientId) };
}
