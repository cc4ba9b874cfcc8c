/**
 * Feedback after every meeting (issue 27), through the route handlers on the real database:
 * each parent, child and professional on an ended meeting's list answers once (201, then 409);
 * anyone else 404; bad input 400 naming the field; a professional answers through the personal
 * link the circulation email carries; the figures add the answers up, with names removed from
 * the words, and nothing stored ties an answer to a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingFeedback, meetings, outbox, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import * as feedbackApi from '../../src/routes/api/meetings/[id]/feedback/+server';
import { feedbackByLink } from '../../src/lib/server/feedback';
import { giveFeedbackByLink } from '../../src/lib/server/feedback/commands/give-feedback-by-link';
import { circulateDocument } from '../../src/lib/server/circulation';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import { oversightForViewer } from '../../src/lib/server/oversight/view';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
const people = {} as Record<
	'chair' | 'police' | 'gp' | 'parent' | 'otherParent' | 'manager' | 'otherChair',
	User
>;
let meetingId: string;
let unitId: string;

async function post(user: User, body: unknown, id = meetingId) {
	const url = new URL(`https://roundtable.example.gov.uk/api/meetings/${id}/feedback`);
	const e = {
		locals: { user: sessionOf(user), sessionId: null },
		params: { id },
		url,
		request: new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		})
	} as unknown as RequestEvent;
	try {
		const response = await feedbackApi.POST(e as never);
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

const today = calendarDateOf(new Date());

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	people.chair = await makeUser(db, { role: 'chair', unitId, name: 'Priya Shah' });
	people.otherChair = await makeUser(db, { role: 'chair', unitId, name: 'Omar Ali' });
	people.manager = await makeUser(db, { role: 'manager', unitId });
	people.police = await makeUser(db, { role: 'professional', name: 'Jo Reid' });
	people.gp = await makeUser(db, { role: 'professional' });
	people.parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	people.otherParent = await makeUser(db, { role: 'parent' });
	const family = await makeFamily(db, {
		unitId,
		children: ['Chrissie Walker'],
		parents: [{ userId: people.parent.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId,
		status: 'live',
		childIds: [family.children[0].id],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.police, role: 'professional' },
			{ user: people.parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
});

afterAll(async () => {
	await handle?.close();
});

describe('POST /api/meetings/{id}/feedback', () => {
	it('is closed until the meeting has ended (409), and to anyone not on the list (404)', async () => {
		expect((await post(people.parent, { listenedTo: 4, knowWhatNext: 4 })).status).toBe(409);
		expect((await post(people.otherParent, { listenedTo: 4, knowWhatNext: 4 })).status).toBe(404);
	});

	it('takes each parent’s and professional’s answer once, after End', async () => {
		await endMeeting({
			db: handle.db,
			user: sessionOf(people.chair),
			meetingId,
			confirmation: noRegister
		});
		const bad = await post(people.parent, { listenedTo: 0, knowWhatNext: 'soon' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.errors as object).sort()).toEqual(['knowWhatNext', 'listenedTo']);
		const first = await post(people.parent, {
			listenedTo: 4,
			knowWhatNext: 5,
			better: 'Jo Reid spoke about Chrissie before I could; Dawn Walker wanted more time.'
		});
		expect(first.status).toBe(201);
		expect((await post(people.parent, { listenedTo: 1, knowWhatNext: 1 })).status).toBe(409);
	});

	it('is 404 for the chair, a parent of another family, a professional not invited', async () => {
		for (const who of [people.chair, people.otherParent, people.gp])
			expect((await post(who, { listenedTo: 3, knowWhatNext: 3 })).status).toBe(404);
	});

	it('keeps the words with the names taken out, and no person with the answer', async () => {
		const rows = await handle.db.select().from(meetingFeedback);
		expect(rows).toHaveLength(1);
		expect(rows[0].better).toBe(
			'[name] spoke about [name] before I could; [name] wanted more time.'
		);
		expect(Object.keys(rows[0])).not.toContain('participantId');
		expect(JSON.stringify(rows[0])).not.toContain(people.parent.id);
	});
});

describe('a professional’s personal link in the circulation email', () => {
	it('asks the police officer by a link that answers once, and the figures count both answers the same day', async () => {
		const { db } = handle;
		const [doc] = await db.query.meetingDocuments.findMany({
			where: (d, { and, eq: is }) => and(is(d.meetingId, meetingId), is(d.kind, 'plan-24h'))
		});
		await circulateDocument({ db, user: sessionOf(people.chair), meetingId, documentId: doc.id });
		const mails = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		const toPolice = mails.find(
			(m) => m.recipientEmail === people.police.email && m.purpose === 'circulation'
		);
		// Feedback links go to professionals; the family is asked in their view of the meeting.
		for (const mail of mails.filter((m) => m.recipientEmail === people.parent.email))
			expect(mail.textBody).not.toMatch(/\/feedback\//);
		const token = toPolice?.textBody.match(/\/feedback\/([a-z2-7]+)/)?.[1];
		expect(token).toBeTruthy();
		const page = await feedbackByLink({ db, token: token! });
		expect(page).toMatchObject({
			answered: false,
			questions: { listenedTo: 'Were you listened to?' }
		});
		expect((await giveFeedbackByLink({ db, token: token!, input: { listenedTo: 2 } })).status).toBe(
			400
		);
		expect(
			(await giveFeedbackByLink({ db, token: token!, input: { listenedTo: 2, knowWhatNext: 3 } }))
				.status
		).toBe(201);
		expect(
			(await giveFeedbackByLink({ db, token: token!, input: { listenedTo: 2, knowWhatNext: 3 } }))
				.status
		).toBe(409);
		expect((await giveFeedbackByLink({ db, token: 'a'.repeat(32), input: {} })).status).toBe(404);

		const figures = await oversightFigures({ db, unitId, from: today, to: today });
		expect(figures.feedback).toMatchObject({
			responses: 2,
			byRole: { parent: 1, child: 0, professional: 1 },
			listenedTo: 3,
			knowWhatNext: 4
		});
		expect(figures.feedback.byKind).toEqual([
			{ kind: 'initial-conference', responses: 2, listenedTo: 3, knowWhatNext: 4 }
		]);
		expect(figures.feedback.byMonth).toHaveLength(1);
		expect(figures.feedback.comments.map((c) => c.better)).toEqual([
			'[name] spoke about [name] before I could; [name] wanted more time.'
		]);
		// A manager sees the chair's name; another chair sees "Another chair".
		const manager = await oversightForViewer({
			db,
			user: sessionOf(people.manager),
			from: today,
			to: today
		});
		expect(manager?.feedback.byChair.map((c) => c.name)).toEqual(['Priya Shah']);
		const other = await oversightForViewer({
			db,
			user: sessionOf(people.otherChair),
			from: today,
			to: today
		});
		expect(other?.feedback.byChair.map((c) => c.name)).toEqual(['Another chair']);
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.status).toBe('ended');
	});
});
