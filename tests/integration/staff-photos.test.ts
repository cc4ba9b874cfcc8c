/**
 * Staff photos (issue 27: a child sees their reviewing officer's name and photo), on the real
 * database through the page's actions and the API: a chair uploads a photo, checked by its
 * bytes (a text file named .png is refused, 400, and so is one over 2 MB, 413); their colleague
 * and the child whose reviewing officer they are see it; a parent, another child and another
 * unit's chair get 404; without a photo the answer is the person's initials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { initialsImage } from '../../src/lib/server/people/photos';
import * as photoPage from '../../src/routes/account/photo/+page.server';
import * as photoApi from '../../src/routes/api/people/[userId]/photo/+server';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

/** A 1×1 PNG. */
const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

let handle: DatabaseHandle;
const people = {} as Record<
	'officer' | 'colleague' | 'parent' | 'child' | 'otherChild' | 'otherUnitChair',
	User
>;
async function upload(user: User, file: File) {
	const form = new FormData();
	form.set('photo', file);
	const url = new URL('https://roundtable.example.gov.uk/account/photo?/upload');
	const event = {
		locals: { user: sessionOf(user), sessionId: null },
		url,
		request: new Request(url, { method: 'POST', body: form })
	} as unknown as RequestEvent;
	try {
		const failed = (await photoPage.actions.upload(event as never)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		return { status: failed.status, errors: failed.data.errors };
	} catch (answer) {
		if (isRedirect(answer)) return { status: answer.status, location: answer.location };
		if (isHttpError(answer)) return { status: answer.status };
		throw answer;
	}
}

async function photoOf(asker: User, owner: User) {
	const url = new URL(`https://roundtable.example.gov.uk/api/people/${owner.id}/photo`);
	const event = {
		locals: { user: sessionOf(asker), sessionId: null },
		params: { userId: owner.id },
		url,
		request: new Request(url)
	} as unknown as RequestEvent;
	try {
		const response = await photoApi.GET(event as never);
		return {
			status: response.status,
			type: response.headers.get('content-type'),
			bytes: Buffer.from(await response.arrayBuffer())
		};
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, type: null, bytes: Buffer.alloc(0) };
		throw problem;
	}
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Northfield');
	people.officer = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	people.colleague = await makeUser(db, { role: 'admin', unitId: unit.id });
	people.parent = await makeUser(db, { role: 'parent' });
	people.child = await makeUser(db, { role: 'child', unitId: unit.id });
	people.otherChild = await makeUser(db, { role: 'child', unitId: unit.id });
	people.otherUnitChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	const family = await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler Hughes', 'Kai Hughes'],
		parents: [{ userId: people.parent.id, relationship: 'Foster carer' }]
	});
	const [tyler, kai] = family.children;
	await db
		.update(children)
		.set({ iroId: people.officer.id, accountId: people.child.id })
		.where(eq(children.id, tyler.id));
	await db.update(children).set({ accountId: people.otherChild.id }).where(eq(children.id, kai.id));
});

afterAll(async () => {
	useSharedDatabase(null);
	await handle.close();
});

describe("a reviewing officer's photo", () => {
	it('is their initials until they keep one', async () => {
		const seen = await photoOf(people.child, people.officer);
		expect(seen.status).toBe(200);
		expect(seen.type).toBe('image/svg+xml');
		expect(seen.bytes.toString('utf8')).toBe(initialsImage('Priya Shah'));
		expect(seen.bytes.toString('utf8')).toContain('>PS<');
	});

	it('is checked by its bytes: not a photo is a 400, too large a 413, and nothing is kept', async () => {
		const text = await upload(
			people.officer,
			new File(['not a picture'], 'me.png', { type: 'image/png' })
		);
		expect(text.status).toBe(400);
		expect(text.errors?.photo).toMatch(/not a photo/);
		const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
		const tooBig = await upload(people.officer, new File([big], 'me.png', { type: 'image/png' }));
		expect(tooBig.status).toBe(413);
		expect((await photoOf(people.colleague, people.officer)).type).toBe('image/svg+xml');
	});

	it('is kept, seen by a colleague and by the child whose reviewing officer they are', async () => {
		// Named .jpg and typed as one: the bytes say PNG, and PNG is what is kept and served.
		const saved = await upload(people.officer, new File([png], 'me.jpg', { type: 'image/jpeg' }));
		expect(saved).toMatchObject({ status: 303, location: '/account/photo?saved=photo' });
		for (const asker of [people.officer, people.colleague, people.child]) {
			const seen = await photoOf(asker, people.officer);
			expect(seen.status).toBe(200);
			expect(seen.type).toBe('image/png');
			expect(seen.bytes.equals(png)).toBe(true);
		}
		const audited = await handle.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.userId, people.officer.id));
		expect(audited.map((row) => row.action)).toContain('photo-set');
	});

	it('is 404 for a parent, another child, another unit, and for a child or parent keeping one', async () => {
		for (const asker of [people.parent, people.otherChild, people.otherUnitChair])
			expect((await photoOf(asker, people.officer)).status).toBe(404);
		expect((await photoOf(people.officer, people.parent)).status).toBe(404);
		const byChild = await upload(people.child, new File([png], 'me.png'));
		expect(byChild.status).toBe(404);
	});
});
