/**
 * The notes after the meeting (issue 13): business support finalises the draft notes over
 * `/collab/{meetingId}/notes` with stock y-websocket clients on the real collaboration server;
 * draft → with the chair → final, each step out of turn a 409; final closes every write (4403);
 * a correction is version 2 and version 1 reads the same, byte for byte; the family's copy holds
 * none of a restricted passage's words; a parent cannot open the professionals' copy by id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	collabUpdates,
	meetingDocuments,
	type User
} from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import {
	approveNotes,
	correctNotes,
	notesWarnings,
	returnNotes,
	submitNotes
} from '../../src/lib/server/documents/notes';
import { documentForRole } from '../../src/lib/server/documents/store';
import { notesParagraphs } from '../../src/lib/documents/notes-fragment';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { notesDueDate } from '../../src/lib/domain/timescales';
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
import {
	clientPool,
	startCollabServer,
	synced,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;
let meetingId: string;
let chair: User, admin: User, police: User, parent: User;
const tokens: Record<'chair' | 'admin' | 'police' | 'parent', string> = {} as never;
const restrictedPassage =
	'Intelligence 5512 says a lodger called Brannigan has a conviction for arson in Swindon.';
const restrictedWords = ['5512', 'Brannigan', 'arson', 'Swindon', 'lodger'];
const adminLine = 'Business support added: the core group meets on Tuesdays.';
let notesId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Ben Admin' });
	police = await makeUser(db, { role: 'professional', name: 'Jo Reid' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [children[0].id],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	const policeId = made.participants.find((p) => p.userId === police.id)!.id;
	const parentId = made.participants.find((p) => p.userId === parent.id)!.id;
	for (const [who, user] of Object.entries({ chair, admin, police, parent }))
		tokens[who as keyof typeof tokens] = await signIn(db, user.id);
	server = await startCollabServer(db);
	// A collaboration server connects itself to the record store's port when it starts, so a
	// state change reconnects the meeting's sockets here as in production.
	// The meeting: an open contribution and a restricted passage, then the chair ends it.
	const policeMain = open({ url: server.url, meetingId, token: tokens.police });
	const policeRestricted = open({
		url: server.url,
		meetingId: `${meetingId}/restricted`,
		token: tokens.police
	});
	const parentMain = open({ url: server.url, meetingId, token: tokens.parent });
	await Promise.all([policeMain, policeRestricted, parentMain].map((c) => synced(c)));
	typeParagraph(parentMain.doc, roots.contribution(parentId), 'Chrissie loves drawing horses.');
	typeParagraph(policeRestricted.doc, roots.restricted(policeId), restrictedPassage);
	typeParagraph(policeMain.doc, roots.contribution(policeId), 'Two call-outs last year.');
	// Stored once each channel's rows hold the words typed (the write-behind queue may put
	// several people's updates in one row, so the rows are not counted).
	await waitFor('the record stored', async () => {
		const rows = await db
			.select({ document: collabUpdates.document, update: collabUpdates.update })
			.from(collabUpdates)
			.where(eq(collabUpdates.meetingId, meetingId));
		const stored = (document: string) =>
			Buffer.concat(rows.filter((r) => r.document === document).map((r) => r.update)).toString();
		return (
			stored('main').includes('Chrissie loves drawing horses.') &&
			stored('main').includes('Two call-outs last year.') &&
			stored('restricted').includes(restrictedPassage)
		);
	});
	await new Promise((r) => setTimeout(r, 150));
	for (const c of [policeMain, policeRestricted, parentMain]) c.destroy();
	const { documents } = await endMeeting({
		db,
		user: sessionOf(chair),
		meetingId,
		confirmation: noRegister
	});
	notesId = documents.find((d) => d.kind === 'notes')!.id;
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

const notesRoom = () => `${meetingId}/notes`;
const fragmentText = (doc: import('yjs').Doc) =>
	notesParagraphs(doc.getXmlFragment('notes')).join('\n');

describe('the notes after the meeting', () => {
	it('starts as a draft due 15 working days after the meeting', async () => {
		const [row] = await handle.db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.id, notesId));
		expect(row.state).toBe('draft');
		expect(row.dueBy).toBe(notesDueDate(calendarDateOf(new Date())));
	});

	it('business support writes over /notes, seeded once from the draft; the chair sees it; a parent is refused', async () => {
		const adminClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.admin });
		const chairClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.chair });
		await Promise.all([synced(adminClient), synced(chairClient)]);
		// Seeded from the draft notes, once: one heading "About these notes", not two.
		await waitFor('the seed', () => fragmentText(adminClient.doc).includes('About these notes'));
		expect(fragmentText(adminClient.doc).match(/About these notes/g)).toHaveLength(1);
		expect(fragmentText(adminClient.doc)).toContain('Chrissie loves drawing horses.');
		typeParagraph(adminClient.doc, 'notes', adminLine);
		await waitFor('the chair sees the edit', () =>
			fragmentText(chairClient.doc).includes(adminLine)
		);
		expect(adminClient.closes).toEqual([]);
		expect(
			await upgradeStatus(server.url, notesRoom(), { cookie: `${SESSION_COOKIE}=${tokens.parent}` })
		).toBe(403);
		// A professional reads but may not write: the socket is closed with 4403.
		const policeClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.police });
		await synced(policeClient);
		expect(fragmentText(policeClient.doc)).toContain(adminLine);
		typeParagraph(policeClient.doc, 'notes', 'The police add a line.');
		await waitFor('the police socket closed', () => policeClient.closes.length > 0);
		expect(policeClient.closes[0].code).toBe(4403);
	});

	it('warns business support where the professionals’ notes quote the restricted passage', async () => {
		const adminClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.admin });
		await synced(adminClient);
		const paragraphs = notesParagraphs(adminClient.doc.getXmlFragment('notes'));
		const warnings = await notesWarnings({ db: handle.db, meetingId, paragraphs });
		expect(warnings.length).toBeGreaterThan(0);
		expect(warnings[0].author).toBe('Jo Reid');
		expect(paragraphs[warnings[0].paragraph]).toContain('Brannigan');
	});

	it('answers a step out of turn with 409, and a step that is not theirs with 403 or 404', async () => {
		const { db } = handle;
		const chairUser = sessionOf(chair);
		await expect(approveNotes({ db, user: chairUser, documentId: notesId })).rejects.toMatchObject({
			status: 409
		});
		await expect(
			returnNotes({ db, user: chairUser, documentId: notesId, comment: 'More detail.' })
		).rejects.toMatchObject({ status: 409 });
		await expect(
			correctNotes({ db, user: chairUser, documentId: notesId, reason: 'Typo.' })
		).rejects.toMatchObject({ status: 409 });
		await expect(
			submitNotes({ db, user: sessionOf(police), documentId: notesId })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			submitNotes({ db, user: sessionOf(parent), documentId: notesId })
		).rejects.toMatchObject({ status: 404 });
		const sent = await submitNotes({ db, user: sessionOf(admin), documentId: notesId });
		expect(sent.state).toBe('with-chair');
		await expect(
			submitNotes({ db, user: sessionOf(admin), documentId: notesId })
		).rejects.toMatchObject({ status: 409, message: expect.stringContaining('with the chair') });
		const back = await returnNotes({
			db,
			user: chairUser,
			documentId: notesId,
			comment: 'Add the date of the core group.'
		});
		expect(back).toMatchObject({
			state: 'draft',
			returnedComment: 'Add the date of the core group.'
		});
		await submitNotes({ db, user: sessionOf(admin), documentId: notesId });
		const audited = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.targetType, 'document'), eq(auditLog.targetId, notesId)));
		expect(audited.map((a) => a.action)).toEqual(
			expect.arrayContaining(['submit-notes', 'return-notes'])
		);
	});

	it('approve → final: the notes hold the edit, every write is refused with 4403, and the family copy has no restricted word', async () => {
		const { db } = handle;
		const chairClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.chair });
		await synced(chairClient);
		const { notes, family } = await approveNotes({
			db,
			user: sessionOf(chair),
			documentId: notesId
		});
		expect(notes.state).toBe('final');
		expect(notes.html).toContain(adminLine);
		expect(notes.title).toMatch(/^Notes: /);
		expect(family).toMatchObject({
			kind: 'notes-family',
			version: 1,
			audience: 'family',
			state: 'final'
		});
		const familyText = JSON.stringify(family.content) + family.html;
		expect(familyText).toContain('Chrissie loves drawing horses.');
		for (const word of restrictedWords) expect(familyText).not.toContain(word);
		// The professionals' copy keeps it, marked by the warning.
		expect(notes.html).toContain('Brannigan');
		// The chair's socket reconnects read-only: an edit now is refused with 4403.
		await waitFor('the reconnect', () => chairClient.connectionCloses.includes(4000));
		await synced(chairClient);
		await waitFor('connected again', () => chairClient.provider.wsconnected);
		typeParagraph(chairClient.doc, 'notes', 'A late change after approval.');
		await waitFor('the chair socket closed', () => chairClient.closes.length > 0);
		expect(chairClient.closes[0].code).toBe(4403);
		// And a fresh business support socket too.
		const adminClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.admin });
		await synced(adminClient);
		typeParagraph(adminClient.doc, 'notes', 'Business support after approval.');
		await waitFor('the admin socket closed', () => adminClient.closes.length > 0);
		expect(adminClient.closes[0].code).toBe(4403);
	});

	it('a parent cannot open the professionals’ copy by id, only the family’s copy', async () => {
		const { db } = handle;
		expect(
			await documentForRole({ db, meetingId, documentId: notesId, role: 'parent' })
		).toBeNull();
		const [familyRow] = await db
			.select()
			.from(meetingDocuments)
			.where(
				and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'notes-family'))
			);
		expect(
			(await documentForRole({ db, meetingId, documentId: familyRow.id, role: 'parent' }))?.id
		).toBe(familyRow.id);
	});

	it('a correction makes version 2; version 1 still reads the same, byte for byte', async () => {
		const { db } = handle;
		const [before] = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.id, notesId));
		await expect(
			correctNotes({ db, user: sessionOf(admin), documentId: notesId, reason: '' })
		).rejects.toMatchObject({ status: 400 });
		const v2 = await correctNotes({
			db,
			user: sessionOf(admin),
			documentId: notesId,
			reason: 'The core group date was wrong.'
		});
		expect(v2).toMatchObject({
			version: 2,
			state: 'draft',
			correctionReason: 'The core group date was wrong.'
		});
		// Business support writes again (version 2 is a draft) …
		const adminClient = open({ url: server.url, meetingId: notesRoom(), token: tokens.admin });
		await synced(adminClient);
		typeParagraph(adminClient.doc, 'notes', 'Corrected: the core group meets on Wednesdays.');
		await new Promise((r) => setTimeout(r, 300));
		expect(adminClient.closes).toEqual([]);
		// … and version 1 is untouched; acting on it now is out of turn.
		await submitNotes({ db, user: sessionOf(admin), documentId: v2.id });
		await approveNotes({ db, user: sessionOf(chair), documentId: v2.id });
		const [after] = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.id, notesId));
		expect(after.html).toBe(before.html);
		expect(JSON.stringify(after.content)).toBe(JSON.stringify(before.content));
		expect(after.contentHash).toBe(before.contentHash);
		expect(after.state).toBe('final');
		// The database itself refuses to change a final version.
		await expect(
			db
				.update(meetingDocuments)
				.set({ html: '<p>rewritten</p>' })
				.where(eq(meetingDocuments.id, notesId))
		).rejects.toThrow();
		await expect(
			correctNotes({ db, user: sessionOf(admin), documentId: notesId, reason: 'Again.' })
		).rejects.toMatchObject({ status: 409 });
		const [v2row] = await db.select().from(meetingDocuments).where(eq(meetingDocuments.id, v2.id));
		expect(v2row.html).toContain('Wednesdays');
		expect(before.html).not.toContain('Wednesdays');
	});
});
