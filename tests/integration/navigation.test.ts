/**
 * The main navigation asks the policy (issue 23, "rights once"): for every kind of account —
 * the unit's chair, business support and manager, a professional, a parent, and staff of no
 * unit — a link is offered exactly when its page opens for them, and never to a page that
 * answers 404. The layout's load and each page's load run on the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { User } from '../../src/lib/server/db/schema';
import type { Navigation } from '../../src/lib/policy';
import { useSharedDatabase } from '../../src/lib/server/db';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { load as actionsLoad } from '../../src/routes/actions/+page.server';
import { load as childrenLoad } from '../../src/routes/children/+page.server';
import { load as documentsDueLoad } from '../../src/routes/documents/due/+page.server';
import { load as outboxLoad } from '../../src/routes/outbox/+page.server';
import { load as auditLoad } from '../../src/routes/audit/+page.server';
import { load as oversightLoad } from '../../src/routes/oversight/+page.server';
import { load as peopleLoad } from '../../src/routes/unit/people/+page.server';
import { load as ownSpaceLoad } from '../../src/routes/me/+page.server';
import { load as messagesLoad } from '../../src/routes/messages/+page.server';
import { load as caseSystemLoad } from '../../src/routes/unit/case-system/+page.server';
import { load as meetingKindsLoad } from '../../src/routes/unit/meeting-kinds/+page.server';
import { load as photoLoad } from '../../src/routes/account/photo/+page.server';
import { load as allegationsLoad } from '../../src/routes/allegations/+page.server';
import { load as missingLoad } from '../../src/routes/missing/+page.server';
import { load as homesLoad } from '../../src/routes/homes/+page.server';
import { load as exploitationLoad } from '../../src/routes/exploitation/+page.server';
import { load as fosterCarersLoad } from '../../src/routes/foster-carers/+page.server';
import { createTestDatabase, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
const accounts: Record<string, User> = {};

const pages: Record<keyof Navigation, { path: string; load: (event: never) => unknown }> = {
	actions: { path: '/actions', load: actionsLoad as never },
	children: { path: '/children', load: childrenLoad as never },
	documentsDue: { path: '/documents/due', load: documentsDueLoad as never },
	outbox: { path: '/outbox', load: outboxLoad as never },
	audit: { path: '/audit', load: auditLoad as never },
	oversight: { path: '/oversight', load: oversightLoad as never },
	people: { path: '/unit/people', load: peopleLoad as never },
	ownSpace: { path: '/me', load: ownSpaceLoad as never },
	messages: { path: '/messages', load: messagesLoad as never },
	caseSystem: { path: '/unit/case-system', load: caseSystemLoad as never },
	meetingKinds: { path: '/unit/meeting-kinds', load: meetingKindsLoad as never },
	photo: { path: '/account/photo', load: photoLoad as never },
	allegations: { path: '/allegations', load: allegationsLoad as never },
	missing: { path: '/missing', load: missingLoad as never },
	homes: { path: '/homes', load: homesLoad as never },
	exploitation: { path: '/exploitation', load: exploitationLoad as never },
	fosterCarers: { path: '/foster-carers', load: fosterCarersLoad as never }
};

function eventFor(user: User, path: string): RequestEvent {
	const url = new URL(`http://127.0.0.1:3000${path}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params: {},
		url,
		request: new Request(url),
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		depends: () => {},
		parent: async () => ({}),
		untrack: <T>(fn: () => T) => fn()
	} as unknown as RequestEvent;
}

/** Does the page open for this person (anything but a 404 or a redirect away)? */
async function opens(user: User, link: keyof Navigation): Promise<boolean> {
	try {
		await pages[link].load(eventFor(user, pages[link].path) as never);
		return true;
	} catch (problem) {
		if (isHttpError(problem) && problem.status === 404) return false;
		if (isRedirect(problem)) return false;
		throw problem;
	}
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	accounts.chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	accounts.businessSupport = await makeUser(db, { role: 'admin', unitId: unit.id });
	accounts.manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	accounts.professional = await makeUser(db, { role: 'professional' });
	accounts.parent = await makeUser(db, { role: 'parent' });
	accounts.chairOfNoUnit = await makeUser(db, { role: 'chair' });
	accounts.managerOfNoUnit = await makeUser(db, { role: 'manager' });
});

afterAll(async () => {
	await handle?.close();
});

describe('the main navigation', () => {
	const names = [
		'chair',
		'businessSupport',
		'manager',
		'professional',
		'parent',
		'chairOfNoUnit',
		'managerOfNoUnit'
	];
	it.each(names)('offers the %s exactly the pages that open for them', async (name) => {
		const user = accounts[name];
		const layout = (await layoutLoad(eventFor(user, '/meetings') as never)) as {
			nav: Navigation | null;
		};
		expect(layout.nav).not.toBeNull();
		const offered: string[] = [];
		const open: string[] = [];
		for (const link of Object.keys(pages) as (keyof Navigation)[]) {
			if (layout.nav?.[link]) offered.push(link);
			if (await opens(user, link)) open.push(link);
		}
		expect(offered).toEqual(open);
	});

	it('offers business support its queues and a parent none of the unit pages', async () => {
		const nav = async (user: User) =>
			((await layoutLoad(eventFor(user, '/meetings') as never)) as { nav: Navigation }).nav;
		expect(await nav(accounts.businessSupport)).toMatchObject({
			documentsDue: true,
			outbox: true,
			children: true,
			people: true,
			audit: false
		});
		expect(Object.values(await nav(accounts.parent)).some(Boolean)).toBe(false);
		expect((await nav(accounts.chairOfNoUnit)).outbox).toBe(false);
	});
});
