/**
 * Malformed traffic closes only the socket that sent it; everyone else goes on editing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import {
	connectClient,
	rawSocket,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer,
	type TestClient
} from './collab-harness';

const MAX_FRAME = 64 * 1024;
let handle: DatabaseHandle;
let server: RunningServer;
let meetingId: string;
let chairToken: string;
let policeToken: string;
let bystander: TestClient;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const police = await makeUser(db, { role: 'professional' });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	chairToken = await signIn(db, chair.id);
	policeToken = await signIn(db, police.id);
	server = await startCollabServer(db, { maxFrameBytes: MAX_FRAME });
	bystander = connectClient({ url: server.url, meetingId, token: chairToken });
	await synced(bystander);
});

afterAll(async () => {
	bystander?.destroy();
	await server?.close();
	await handle?.close();
});

/** The bystander can still edit, and its edit reaches a fresh client. */
async function bystanderStillEdits(label: string) {
	const root = roots.section('robustness');
	typeParagraph(bystander.doc, root, label);
	const check = connectClient({ url: server.url, meetingId, token: policeToken });
	try {
		await synced(check);
		await waitFor(`edit "${label}" reaches a peer`, () => textOf(check.doc, root).includes(label));
	} finally {
		check.destroy();
	}
	expect(bystander.provider.wsconnected).toBe(true);
	expect(bystander.closes).toEqual([]);
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	write(encoder);
	return encoding.toUint8Array(encoder);
}

const cases: [string, () => Uint8Array | string, number][] = [
	['random garbage', () => new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), 4400],
	[
		'a truncated sync update',
		() => {
			const whole = frame((e) => {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint8Array(e, new Uint8Array(40).fill(7));
			});
			return whole.subarray(0, 12);
		},
		4400
	],
	[
		'an update that is not Yjs',
		() =>
			frame((e) => {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 9, 9, 9]));
			}),
		4400
	],
	[
		'a valid frame of an unknown type',
		() =>
			frame((e) => {
				encoding.writeVarUint(e, 42);
				encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3]));
			}),
		4400
	],
	['a text frame', () => 'hello', 4400],
	['an empty frame', () => new Uint8Array(0), 4400],
	[
		'malformed awareness',
		() =>
			frame((e) => {
				encoding.writeVarUint(e, 1);
				encoding.writeVarUint8Array(
					e,
					frame((a) => {
						encoding.writeVarUint(a, 1);
						encoding.writeVarUint(a, 123);
						encoding.writeVarUint(a, 1);
						encoding.writeVarString(a, '{not json');
					})
				);
			}),
		4400
	],
	['an oversized frame', () => new Uint8Array(MAX_FRAME + 1024), 1009]
];

describe('malformed traffic', () => {
	for (const [name, make, code] of cases) {
		it(`${name} closes that connection only (${code})`, async () => {
			const { ws, closed } = await rawSocket(server.url, meetingId, policeToken);
			ws.send(make());
			expect((await closed).code).toBe(code);
			await bystanderStillEdits(`after ${name}`);
		});
	}

	it('a socket reset mid-handshake leaves the server running', async () => {
		const { ws } = await rawSocket(server.url, meetingId, policeToken);
		ws.terminate();
		await bystanderStillEdits('after a reset');
	});
});
