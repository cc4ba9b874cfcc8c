/**
 * Ending a meeting: the chair's command freezes the live record, makes every document the
 * template lists from what the sockets wrote (restricted text only in professionals' notes,
 * marked), refuses a second end, and the socket refuses writes afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, meetingDocuments, meetings, type User } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import {
	addPlanAction,
	addPlanOutcome,
	recordDecision,
	recordOutcome,
	setPlanField
} from '../../src/lib/collab/record-shape';
import { templateFor } from '../../src/lib/domain';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { CommandError } from '../../src/lib/server/command-error';
import { documentForRole, documentsForRole } from '../../src/lib/server/documents/store';
import { renderDocumentPdf } from '../../src/lib/server/documents/pdf';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	noRegister,
	sessionOf
} from '../factories';
import { pdfText } from '../pdf-text';
import {
	startCollabServer,
	synced,
	typeParagraph,
	waitFor,
	type RunningServer,
	clientPool
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;
let meetingId: string;
let chair: User, police: User, parent: User, outsider: User;
const pid: Record<'chair' | 'police' | 'sw' | 'parent', string> = {} as never;
const tokens: Record<'chair' | 'police' | 'sw' | 'parent', string> = {} as never;
let childId: string;
const restricted = 'Intelligence 5512: a visitor to the home has a conviction for violence.';

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	police = await makeUser(db, { role: 'professional', name: 'Jo Reid' });
	const sw = await makeUser(db, { role: 'professional', name: 'Sam Okafor' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	outsider = await makeUser(db, { role: 'professional', name: 'Not Invited' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: sw, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	Object.assign(pid, {
		chair: byUser(chair.id),
		police: byUser(police.id),
		sw: byUser(sw.id),
		parent: byUser(parent.id)
	});
	Object.assign(tokens, {
		chair: await signIn(db, chair.id),
		police: await signIn(db, police.id),
		sw: await signIn(db, sw.id),
		parent: await signIn(db, parent.id)
	});
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('ending a meeting', () => {
	it('refuses anyone but the chair, and a meeting the person is not in', async () => {
		const { db } = handle;
		await expect(endMeeting({ db, user: sessionOf(police), meetingId })).rejects.toMatchObject({
			status: 403
		});
		await expect(endMeeting({ db, user: sessionOf(outsider), meetingId })).rejects.toMatchObject({
			status: 404
		});
	});

	it('makes every document the template lists from what the sockets wrote', async () => {
		const { db } = handle;
		const chairClient = open({ url: server.url, meetingId, token: tokens.chair });
		const swClient = open({ url: server.url, meetingId, token: tokens.sw });
		const policeClient = open({ url: server.url, meetingId, token: tokens.police });
		const policeRestricted = open({
			url: server.url,
			meetingId: `${meetingId}/restricted`,
			token: tokens.police
		});
		const parentClient = open({ url: server.url, meetingId, token: tokens.parent });
		await Promise.all(
			[chairClient, swClient, policeClient, policeRestricted, parentClient].map((c) => synced(c))
		);

		typeParagraph(parentClient.doc, roots.contribution(pid.parent), 'Chrissie loves drawing.');
		typeParagraph(policeClient.doc, roots.contribution(pid.police), 'Two call-outs last year.');
		typeParagraph(policeRestricted.doc, roots.restricted(pid.police), restricted);
		typeParagraph(
			swClient.doc,
			roots.section('summary'),
			'Chrissie will have a plan to keep her safe.'
		);
		expect(
			recordDecision(swClient.doc, pid.sw, {
				childId,
				recommendation: 'plan',
				reason: 'Chrissie misses school and meals every week.'
			})
		).toEqual({ ok: true });
		expect(
			recordDecision(policeClient.doc, pid.police, {
				childId,
				recommendation: 'no-plan',
				reason: 'No call-outs since March this year.'
			})
		).toEqual({ ok: true });
		recordOutcome(chairClient.doc, {
			childId,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The neglect is daily and long-standing.'
		});
		const outcome = addPlanOutcome(swClient.doc, {
			childId,
			text: 'Chrissie gets to school on time',
			concernId: null
		});
		addPlanAction(swClient.doc, {
			outcomeId: outcome,
			what: 'Walk Chrissie to school',
			who: 'Dawn Walker',
			byWhen: '2027-01-11'
		});
		addPlanAction(swClient.doc, {
			outcomeId: outcome,
			what: 'Visit every week',
			who: 'Sam Okafor',
			byWhen: '2027-01-08'
		});
		setPlanField(swClient.doc, 'reviewDate', '2027-04-05');

		// Every change has reached the server's document before the chair ends the meeting.
		const { readStoredRecord } = await import('../../src/lib/server/records');
		await waitFor('the record on the server', async () => {
			const main = await readStoredRecord({ db, meetingId });
			const r = await readStoredRecord({ db, meetingId, channel: 'restricted' });
			const done =
				main.getXmlFragment(roots.section('summary')).length > 0 &&
				(main.getMap(roots.plan).get('reviewDate') as string) === '2027-04-05' &&
				main.getMap(roots.outcome).size === 1 &&
				r.getXmlFragment(roots.restricted(pid.police)).length > 0;
			main.destroy();
			r.destroy();
			return done;
		});

		const result = await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			confirmation: noRegister
		});
		expect(result.documents.map((d) => d.kind)).toEqual(templateFor('initial-conference').outputs);
		for (const d of result.documents) {
			expect(d.version).toBe(1);
			expect(d.url).toBe(`/meetings/${meetingId}/documents/${d.id}`);
			expect(d.pdfUrl).toBe(`/meetings/${meetingId}/documents/${d.id}/pdf`);
		}
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.status).toBe('ended');
		expect(meeting.endedAt).not.toBeNull();

		const rows = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
		for (const row of rows) {
			expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
			expect(row.createdBy).toBe(chair.id);
			expect(row.generatorName).toBe('roundtable-documents');
		}
		const plan = byKind['plan-24h'].html;
		expect(plan).toContain('Walk Chrissie to school');
		expect(plan).toContain('Dawn Walker');
		expect(plan).toContain('Monday 11 January 2027');
		expect(plan).toContain('Chrissie misses school and meals every week.');
		expect(plan).toContain('No call-outs since March this year.');
		const notes = byKind['notes'].html;
		expect(notes).toContain('Restricted — not to be shared with the family.');
		expect(notes).toContain(restricted);
		expect(notes).toContain('Chrissie loves drawing.');
		expect(notes).toContain('Two call-outs last year.');
		const parentPlan = byKind['parent-plan'];
		expect(parentPlan.html).not.toContain('5512');
		expect(parentPlan.html).not.toContain('Two call-outs last year.');
		expect(parentPlan.html).toContain(
			'Dawn Walker will walk Chrissie to school, by Monday 11 January 2027.'
		);
		expect(parentPlan.html).toContain('Chrissie will have a plan to keep her safe.');

		const pdf = pdfText(await renderDocumentPdf(byKind['plan-24h'].content));
		expect(pdf).toContain('Chrissie Walker');
		expect(pdf).toContain('Walk Chrissie to school');
		expect(pdf).toContain('Visit every week');

		const [audited] = await db.select().from(auditLog).where(eq(auditLog.action, 'end'));
		expect(audited).toMatchObject({ userId: chair.id, targetId: meetingId });
	});

	it('refuses a second end with 409 and makes no new version', async () => {
		const { db } = handle;
		const second = endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister });
		await expect(second).rejects.toBeInstanceOf(CommandError);
		await expect(
			endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister })
		).rejects.toMatchObject({
			status: 409
		});
		const rows = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		expect(rows).toHaveLength(3);
	});

	it('refuses writes on the socket after the end: the writer is closed and nothing changes', async () => {
		const { db } = handle;
		const writer = open({ url: server.url, meetingId, token: tokens.sw });
		await synced(writer);
		typeParagraph(writer.doc, roots.section('summary'), 'Written after the end.');
		await waitFor('4403', () => writer.closes.length > 0);
		expect(writer.closes[0].code).toBe(4403);
		const { readStoredRecord } = await import('../../src/lib/server/records');
		const main = await readStoredRecord({ db, meetingId });
		expect(main.getXmlFragment(roots.section('summary')).toString()).not.toContain(
			'Written after the end.'
		);
		main.destroy();
	});

	it("gives the parent only the parent plan, and 404 for the professionals' documents", async () => {
		const { db } = handle;
		const forParent = await documentsForRole({ db, meetingId, role: 'parent' });
		expect(forParent.map((d) => d.kind)).toEqual(['parent-plan']);
		const forPolice = await documentsForRole({ db, meetingId, role: 'professional' });
		expect(forPolice.map((d) => d.kind)).toEqual(['plan-24h', 'notes', 'parent-plan']);
		const notes = forPolice.find((d) => d.kind === 'notes')!;
		expect(
			await documentForRole({ db, meetingId, documentId: notes.id, role: 'parent' })
		).toBeNull();
		expect(
			await documentForRole({ db, meetingId, documentId: notes.id, role: 'professional' })
		).not.toBeNull();
		expect(
			await documentForRole({
				db,
				meetingId: crypto.randomUUID(),
				documentId: notes.id,
				role: 'chair'
			})
		).toBeNull();
	});
});
