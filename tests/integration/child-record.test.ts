/**
 * A child's record (issue 26) through the JSON API: business support sets the case-system
 * identifier, a legal status with its date, the placement and the needs; a bad field is a 400
 * naming it; an interpreter needs a language, and the invitation says one is booked only once an
 * interpreter is on the meeting's list (tests/integration/interpreter.test.ts has more); a
 * sibling in another household is linked both ways; a parent is not shown the placement; another
 * unit's child is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { outbox, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { PUT as putDetails } from '../../src/routes/api/children/[childId]/details/+server';
import { POST as postSibling } from '../../src/routes/api/children/[childId]/siblings/+server';
import { childRecordFor } from '../../src/lib/server/families/child-record';
import { queueInvitation } from '../../src/lib/server/mail/invitations';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let admin: User, otherAdmin: User, mum: User, police: User;
let amy: string, zoe: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response> | Response;

async function call(handler: Handler, user: User, method: string, childId: string, body: unknown) {
	const url = new URL('http://127.0.0.1/api/x');
	const response = await handler({
		request: new Request(url, {
			method,
			body: JSON.stringify(body),
			headers: { 'content-type': 'application/json' }
		}),
		url,
		params: { childId },
		locals: { user: sessionOf(user), sessionId: 'test' }
	});
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: other.id });
	police = await makeUser(db, { role: 'professional', unitId: unit.id });
	mum = await makeUser(db, { role: 'parent', unitId: unit.id });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		children: ['Amy Walker'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	amy = walkers.children[0].id;
	zoe = (await makeFamily(db, { unitId: unit.id, children: ['Zoe Grant'] })).children[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('the child’s record', () => {
	it('keeps the case-system id, legal status, placement and needs; a bad field is named', async () => {
		const bad = await call(putDetails, admin, 'PUT', amy, {
			legalStatus: 'care-order',
			legalStatusSince: '2026-02-30'
		});
		expect(bad.status).toBe(400);
		expect(bad.body.errors.legalStatusSince).toMatch(/date/);
		const noLanguage = await call(putDetails, admin, 'PUT', amy, { interpreterNeeded: true });
		expect(noLanguage).toMatchObject({
			status: 400,
			body: { errors: { firstLanguage: expect.stringMatching(/language/) } }
		});
		const saved = await call(putDetails, admin, 'PUT', amy, {
			caseSystemId: ' LCS-20417 ',
			legalStatus: 'interim-care-order',
			legalStatusSince: '2026-03-02',
			placementType: 'foster-care',
			carerName: 'Mrs Okafor',
			outOfArea: true,
			firstLanguage: 'Polish',
			interpreterNeeded: true,
			disability: 'Hearing loss'
		});
		expect(saved.status).toBe(200);
		await call(putDetails, admin, 'PUT', amy, {
			legalStatus: 'care-order',
			legalStatusSince: '2026-06-15'
		});
		const record = await childRecordFor({ db: handle.db, user: sessionOf(admin), childId: amy });
		expect(record).toMatchObject({
			caseSystemId: 'LCS-20417',
			legalStatus: { status: 'care-order', since: '2026-06-15' },
			legalStatusHistory: [
				{ status: 'care-order', since: '2026-06-15' },
				{ status: 'interim-care-order', since: '2026-03-02' }
			],
			placement: { type: 'foster-care', carerName: 'Mrs Okafor', outOfArea: true },
			needs: { firstLanguage: 'Polish', interpreterNeeded: true, disability: 'Hearing loss' }
		});
	});

	it('the invitation says an interpreter is booked only once one is on the list', async () => {
		const { db } = handle;
		const { meeting, participants } = await makeMeeting(db, {
			unitId: admin.unitId,
			kind: 'core-group',
			childIds: [amy],
			scheduledAt: new Date(Date.now() + 7 * 86_400_000),
			participants: [{ user: police, role: 'professional' }]
		});
		// Amy needs one, but nobody is booked: the invitation says nothing about it (evidence).
		const before = await queueInvitation({ db, participantId: participants[0].id });
		expect(before?.textBody).not.toMatch(/interpreter/i);
		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId: meeting.id,
			userId: null,
			name: 'Ewa Nowak',
			email: 'ewa.nowak@interpreters.example.test',
			role: 'interpreter',
			language: 'Polish',
			agencyId: null,
			voting: false,
			reportRequested: false
		});
		const mail = await queueInvitation({ db, participantId: participants[0].id });
		expect(mail?.textBody).toContain('An interpreter (Polish) is booked for this meeting.');
		// Nothing else of the child leaves in the email.
		expect(mail?.textBody).not.toContain('Amy');
		const [row] = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.id, mail!.id), eq(outbox.purpose, 'invitation')));
		expect(row).toBeDefined();
	});

	it('links a sibling in another household both ways; a parent sees needs, not the placement', async () => {
		const linked = await call(postSibling, admin, 'POST', amy, { siblingId: zoe });
		expect(linked.status).toBe(201);
		const zoeRecord = await childRecordFor({ db: handle.db, user: sessionOf(admin), childId: zoe });
		expect(zoeRecord?.siblings).toEqual([
			{ id: amy, name: 'Amy Walker', familyName: 'Test family' }
		]);
		expect((await call(postSibling, admin, 'POST', amy, { siblingId: amy })).status).toBe(400);
		const forMum = await childRecordFor({ db: handle.db, user: sessionOf(mum), childId: amy });
		expect(forMum).toMatchObject({ placement: null, siblings: [], caseSystemId: null });
		expect(forMum?.needs.firstLanguage).toBe('Polish');
	});

	it('another unit’s business support and a professional are answered as a missing child', async () => {
		for (const who of [otherAdmin, police]) {
			expect((await call(putDetails, who, 'PUT', amy, { caseSystemId: 'X' })).status).toBe(404);
			expect((await call(postSibling, who, 'POST', amy, { siblingId: zoe })).status).toBe(404);
		}
	});
});
