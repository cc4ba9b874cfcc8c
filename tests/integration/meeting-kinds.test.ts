/**
 * Meeting kinds as data (issue 25), through the route handlers on the real database: business
 * support copies the core group and renames a section; a meeting scheduled before the change
 * keeps version 1 (its projector and its documents' input say the old heading), one scheduled
 * after runs on version 2. A change of structure, a built-in kind and a body that is not a kind
 * are refused with 400 naming what to fix; a chair reads the kinds but may not change them; a
 * parent and another unit's people are answered 404 and cannot schedule with the copy (400).
 * Each copy and save is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, meetings, type User } from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { GET as listApi, POST as copyApi } from '../../src/routes/api/meeting-kinds/+server';
import { GET as readApi, PUT as saveApi } from '../../src/routes/api/meeting-kinds/[id]/+server';
import { POST as scheduleApi } from '../../src/routes/api/meetings/+server';
import { load as projectorLoad } from '../../src/routes/meetings/[id]/present/+page.server';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { documentInputFor } from '../../src/lib/server/documents/record-input';
import { allTemplates, coreGroup, type MeetingTemplate } from '../../src/lib/domain/templates';
import { createTestDatabase, makeFamily, makeUnit, makeUser } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, manager: User, parent: User, otherAdmin: User, otherChair: User;
let childId: string, otherChildId: string;

const session = (u: User): SessionUser => ({
	id: u.id,
	name: u.name,
	email: u.email,
	role: u.role,
	unitId: u.unitId,
	agencyId: u.agencyId
});

const ask = askRoute;

type KindAnswer = {
	id: string;
	label: string;
	version: number;
	sections: { id: string; title: string; restricted: boolean }[];
	baseKind: string;
	definition: MeetingTemplate;
	errors?: Record<string, string>;
};

const copy = (user: User, from: string) =>
	ask<KindAnswer>(copyApi, user, '/api/meeting-kinds', { body: { from } });
const read = (user: User, id: string) =>
	ask<KindAnswer>(readApi, user, `/api/meeting-kinds/${id}`, { params: { id } });
const save = (user: User, id: string, body: unknown) =>
	ask<KindAnswer>(saveApi, user, `/api/meeting-kinds/${id}`, {
		params: { id },
		body,
		method: 'PUT'
	});
const list = (user: User) => ask<{ kinds: KindAnswer[] }>(listApi, user, '/api/meeting-kinds');
const schedule = (user: User, kind: string, props: { childId: string; chairId: string }) =>
	ask<{ id?: string; errors?: Record<string, string> }>(scheduleApi, user, '/api/meetings', {
		body: {
			kind,
			childIds: [props.childId],
			chairId: props.chairId,
			scheduledAt: `${new Date().getFullYear() + 1}-03-04T10:00:00Z`
		}
	});

/** The agenda's headings on the meeting's projector, as its page loads them. */
async function projectorTitles(meetingId: string): Promise<string[]> {
	const url = new URL(`http://127.0.0.1:3000/meetings/${meetingId}/present`);
	const data = (await projectorLoad({
		locals: { user: session(chair), sessionId: 'test' },
		params: { id: meetingId },
		url
	} as never)) as { template: MeetingTemplate };
	return data.template.sections.map((s) => s.title);
}

/** The headings the meeting's documents are made with (their generators' input). */
async function documentTitles(meetingId: string): Promise<string[]> {
	const found = await meetingForViewer({ db: handle.db, user: session(chair), meetingId });
	const input = await documentInputFor({
		db: handle.db,
		found: found!,
		main: new Y.Doc(),
		restricted: null,
		chairName: chair.name
	});
	return input.template.sections.map((s) => s.title);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: otherUnit.id });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	childId = (await makeFamily(db, { unitId: unit.id, children: ['Mia'] })).children[0].id;
	otherChildId = (await makeFamily(db, { unitId: otherUnit.id, children: ['Sam'] })).children[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('a copy of the core group, renamed, and the meetings on each version', () => {
	let kindId: string;
	let before: string;
	let after: string;
	const renamed = 'How things have been at home';

	it('business support copies the core group: version 1, the core group’s agenda, labelled a copy', async () => {
		const copied = await copy(admin, 'core-group');
		expect(copied.status).toBe(201);
		kindId = copied.body.id;
		expect(kindId).toMatch(/^core-group-copy-[0-9a-f]{8}$/);
		expect(copied.body).toMatchObject({
			label: 'Core group meeting (copy)',
			version: 1,
			baseKind: 'core-group'
		});
		expect(copied.body.sections.map((s) => s.title)).toEqual(
			coreGroup.sections.map((s) => s.title)
		);
	});

	it('a meeting scheduled with it now runs on version 1', async () => {
		const scheduled = await schedule(admin, kindId, { childId, chairId: chair.id });
		expect(scheduled.status).toBe(201);
		before = scheduled.body.id!;
		const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, before));
		// The rules key on the base kind; the title is the copy's name.
		expect(row.kind).toBe('core-group');
		expect(row.title).toBe('Core group meeting (copy)');
		expect(row.kindVersionId).not.toBeNull();
	});

	it('business support renames a section: saved as version 2', async () => {
		const current = await read(admin, kindId);
		expect(current.status).toBe(200);
		const definition = structuredClone(current.body.definition) as unknown as {
			sections: { title: string }[];
		};
		definition.sections[1].title = renamed;
		const saved = await save(admin, kindId, { ...definition, label: 'Core group (our words)' });
		expect(saved.status).toBe(200);
		expect(saved.body.version).toBe(2);
		expect(saved.body.sections[1]).toEqual({
			id: coreGroup.sections[1].key,
			title: renamed,
			restricted: false
		});
	});

	it('a meeting scheduled after runs on version 2; the earlier one keeps version 1', async () => {
		const scheduled = await schedule(admin, kindId, { childId, chairId: chair.id });
		expect(scheduled.status).toBe(201);
		after = scheduled.body.id!;
		expect((await projectorTitles(after))[1]).toBe(renamed);
		expect((await documentTitles(after))[1]).toBe(renamed);
		expect((await projectorTitles(before))[1]).toBe(coreGroup.sections[1].title);
		expect((await documentTitles(before))[1]).toBe(coreGroup.sections[1].title);
		const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, after));
		expect(row.title).toBe('Core group (our words)');
	});

	it('the list gives the built-in kinds, then the copy at version 2, with what may be restricted', async () => {
		const { status, body } = await list(chair);
		expect(status).toBe(200);
		const ids = body.kinds.map((k) => k.id);
		expect(ids.slice(0, allTemplates.length)).toEqual(allTemplates.map((t) => t.kind));
		expect(ids.at(-1)).toBe(kindId);
		const ours = body.kinds.at(-1)!;
		expect(ours).toMatchObject({ label: 'Core group (our words)', version: 2 });
		expect(ours.sections.find((s) => s.id === 'actions')?.restricted).toBe(true);
		const conference = body.kinds.find((k) => k.id === 'initial-conference')!;
		expect(conference.version).toBe(1);
		expect(Object.keys(conference).sort()).toEqual(['id', 'label', 'sections', 'version']);
	});

	it('a change of structure, a built-in kind, a body that is not a kind: 400 naming what to fix', async () => {
		const definition = structuredClone((await read(admin, kindId)).body.definition) as unknown as {
			sections: { roots: string[]; title: string }[];
		};
		definition.sections[1].roots = ['section:family-update'];
		definition.sections[2].title = '';
		const changed = await save(manager, kindId, definition);
		expect(changed.status).toBe(400);
		expect(Object.keys(changed.body.errors ?? {})).toEqual([
			'sections[1].roots',
			'sections[2].title'
		]);
		const builtIn = await save(admin, 'core-group', definition);
		expect(builtIn.status).toBe(400);
		expect(builtIn.body.errors?.kind).toMatch(/copy it/);
		const notAKind = await save(admin, kindId, ['core group']);
		expect(notAKind).toMatchObject({
			status: 400,
			body: { errors: { definition: 'Send the kind as a JSON object.' } }
		});
		const unknown = await copy(admin, 'no-such-kind');
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors?.from).toBeTruthy();
		expect((await read(admin, kindId)).body.version).toBe(2);
	});

	it('a chair reads the kinds but does not change them; a parent sees none', async () => {
		expect((await read(chair, kindId)).status).toBe(200);
		expect((await save(chair, kindId, {})).status).toBe(404);
		expect((await copy(chair, 'core-group')).status).toBe(404);
		expect((await list(parent)).status).toBe(404);
		expect((await read(parent, kindId)).status).toBe(404);
	});

	it('another unit neither sees nor uses the copy', async () => {
		expect((await read(otherAdmin, kindId)).status).toBe(404);
		expect((await save(otherAdmin, kindId, {})).status).toBe(404);
		expect((await copy(otherAdmin, kindId)).status).toBe(400);
		const theirs = await list(otherAdmin);
		expect(theirs.body.kinds.map((k) => k.id)).not.toContain(kindId);
		expect(theirs.body.kinds).toHaveLength(allTemplates.length);
		const scheduled = await schedule(otherAdmin, kindId, {
			childId: otherChildId,
			chairId: otherChair.id
		});
		expect(scheduled.status).toBe(400);
		expect(scheduled.body.errors?.kind).toBeTruthy();
	});

	it('each copy and save is in the audit log, with the kind and version and no words', async () => {
		const entries = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, admin.id), eq(auditLog.targetType, 'unit')));
		const kinds = entries.filter((e) => e.action.startsWith('meeting-kind-'));
		expect(kinds.map((e) => [e.action, (e.detail as { version: number }).version])).toEqual([
			['meeting-kind-copied', 1],
			['meeting-kind-saved', 2]
		]);
		expect(JSON.stringify(kinds)).not.toContain(renamed);
	});
});
