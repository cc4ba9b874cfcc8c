/**
 * Challenges through the API handlers as SvelteKit calls them: a chair raises one (201), bad
 * input is a 400 naming the field, parents and strangers get 404; it moves informal → formal →
 * escalated → resolved with an outcome, each step dated; its author is reminded once a stage
 * has waited 10 working days (counted across Christmas), through the outbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, outbox, challenges, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { POST as raiseApi } from '../../src/routes/api/challenges/+server';
import { POST as stageApi } from '../../src/routes/api/challenges/[id]/stage/+server';
import { GET as listApi } from '../../src/routes/api/children/[childId]/challenges/+server';
import { queueChallengeReminders } from '../../src/lib/server/oversight/challenges';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let chair: User, professional: User, parent: User, stranger: User, manager: User;
let childId: string, meetingId: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	professional = await makeUser(db, { role: 'professional' });
	parent = await makeUser(db, { role: 'parent' });
	stranger = await makeUser(db, { role: 'professional' });
	const family = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = family.children[0].id;
	const { meeting } = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		status: 'ended',
		participants: [
			{ user: chair, role: 'chair' },
			{ user: professional, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = meeting.id;
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

type Handler = (event: never) => Promise<Response>;
async function call(
	handler: Handler,
	user: User,
	props: { params?: Record<string, string>; body?: unknown }
): Promise<{ status: number; body: Record<string, unknown> }> {
	const event = {
		locals: { user: sessionOf(user), sessionId: 'test' },
		params: props.params ?? {},
		url: new URL('http://127.0.0.1:3000/api'),
		request: new Request('http://127.0.0.1:3000/api', {
			method: props.body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: props.body === undefined ? undefined : JSON.stringify(props.body)
		})
	} as never;
	try {
		const response = await handler(event);
		return { status: response.status, body: await response.json() };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status, body: {} };
	}
}

const good = () => ({
	childId,
	meetingId,
	about: 'Police did not share the callout log before the conference',
	toAgency: 'Police',
	toPerson: 'DS Patel',
	why: 'The conference decided without knowing of two callouts'
});

describe('challenges', () => {
	let id: string;
	it('a chair raises one: 201 with its id, audited', async () => {
		const raised = await call(raiseApi as Handler, chair, { body: good() });
		expect(raised.status).toBe(201);
		id = String(raised.body.id);
		const [audited] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'challenge-raised'), eq(auditLog.userId, chair.id)));
		expect(audited).toMatchObject({ targetType: 'child', targetId: childId, meetingId });
	});

	it('bad input is a 400 naming the fields; a parent, a professional or a stranger raising one is a 404', async () => {
		const bad = await call(raiseApi as Handler, chair, {
			body: { ...good(), toAgency: ' ', why: undefined }
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.errors as object).sort()).toEqual(['toAgency', 'why']);
		for (const who of [parent, professional, stranger]) {
			expect((await call(raiseApi as Handler, who, { body: good() })).status).toBe(404);
		}
		const unknownChild = await call(raiseApi as Handler, chair, {
			body: { ...good(), childId: crypto.randomUUID() }
		});
		expect(unknownChild.status).toBe(404);
	});

	it('moves to a formal dispute, is escalated, then resolved with its outcome; the history keeps every step', async () => {
		const formal = await call(stageApi as Handler, chair, {
			params: { id },
			body: { stage: 'formal', note: 'Wrote to the DI' }
		});
		expect(formal).toEqual({ status: 200, body: { id, stage: 'formal' } });
		const backwards = await call(stageApi as Handler, chair, {
			params: { id },
			body: { stage: 'informal', note: 'x' }
		});
		expect(backwards.status).toBe(400);
		expect(
			(
				await call(stageApi as Handler, chair, {
					params: { id },
					body: { stage: 'escalated', note: 'Escalated to the service manager' }
				})
			).status
		).toBe(200);
		const noOutcome = await call(stageApi as Handler, chair, {
			params: { id },
			body: { stage: 'resolved', note: 'Agreed' }
		});
		expect(noOutcome.body.errors).toHaveProperty('outcome');
		expect(
			(
				await call(stageApi as Handler, parent, {
					params: { id },
					body: { stage: 'resolved', note: 'x', outcome: 'y' }
				})
			).status
		).toBe(404);
		expect(
			(
				await call(stageApi as Handler, chair, {
					params: { id },
					body: { stage: 'resolved', note: 'Agreed', outcome: 'Log now shared within 24 hours' }
				})
			).status
		).toBe(200);

		const listed = await call(listApi as Handler, professional, { params: { childId } });
		expect(listed.status).toBe(200);
		const [one] = listed.body.challenges as {
			id: string;
			stage: string;
			outcome: string;
			history: { stage: string; at: string; note: string }[];
		}[];
		expect(one).toMatchObject({ id, stage: 'resolved', outcome: 'Log now shared within 24 hours' });
		expect(one.history.map((h) => [h.stage, h.note])).toEqual([
			['informal', good().why],
			['formal', 'Wrote to the DI'],
			['escalated', 'Escalated to the service manager'],
			['resolved', 'Agreed']
		]);
		expect((await call(listApi as Handler, manager, { params: { childId } })).status).toBe(200);
	});

	it('parents and professionals without the child get 404 for the list', async () => {
		expect((await call(listApi as Handler, parent, { params: { childId } })).status).toBe(404);
		expect((await call(listApi as Handler, stranger, { params: { childId } })).status).toBe(404);
	});

	it('reminds the author once when a stage has waited 10 working days (Christmas not counted)', async () => {
		const raised = await call(raiseApi as Handler, chair, { body: good() });
		const waiting = String(raised.body.id);
		// Raised Friday 18 December 2026: 10 working days later is Wednesday 6 January 2027 (25, 28 December and 1 January are bank holidays).
		await handle.db
			.update(challenges)
			.set({ stageAt: new Date('2026-12-18T10:00:00Z') })
			.where(eq(challenges.id, waiting));
		const count = async () =>
			(
				await handle.db
					.select()
					.from(outbox)
					.where(and(eq(outbox.purpose, 'challenge-reminder'), eq(outbox.userId, chair.id)))
			).length;
		expect(
			await queueChallengeReminders({ db: handle.db, now: new Date('2027-01-05T12:00:00Z') })
		).toBe(0);
		expect(
			await queueChallengeReminders({ db: handle.db, now: new Date('2027-01-06T12:00:00Z') })
		).toBe(1);
		expect(
			await queueChallengeReminders({ db: handle.db, now: new Date('2027-01-07T12:00:00Z') })
		).toBe(0);
		expect(await count()).toBe(1);
		const [mail] = await handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.purpose, 'challenge-reminder'));
		expect(mail.textBody).toContain(`/children/${childId}`);
		expect(mail.textBody).not.toContain('Chrissie');
	});
});
