/**
 * Inviting a person queues their invitation (issue 11): the date in the subject, a link to the
 * meeting page behind sign-in, the calendar file attached — and no child's name, no title.
 * Delivered through a real SMTP server and read back as a mail client would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { outbox, type User } from '../../src/lib/server/db/schema';
import { resetEnvForTests } from '../../src/lib/server/env';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { createMailSender } from '../../src/lib/server/mail/sender';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';
import { startSmtpServer, type TestSmtpServer } from '../smtp';

let handle: DatabaseHandle;
let smtp: TestSmtpServer;
let admin: User;
let police: User;
let chair: User;
let meetingId: string;
const savedOrigin = process.env.ORIGIN;

beforeAll(async () => {
	process.env.ORIGIN = 'https://roundtable.example.gov.uk';
	resetEnvForTests();
	handle = await createTestDatabase();
	smtp = await startSmtpServer();
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Alan Admin' });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Chair' });
	police = await makeUser(db, {
		role: 'professional',
		name: 'PC Jo Reid',
		email: 'jo.reid@police.example.test'
	});
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		name: 'Walker family',
		children: ['Chrissie', 'Leo']
	});
	const meeting = await createMeeting({
		db,
		scheduler: sessionOf(admin),
		kind: 'core-group',
		title: 'Core group for Chrissie and Leo Walker',
		scheduledAt: new Date('2026-12-03T10:00:00Z'),
		childIds: walkers.children.map((c) => c.id),
		chairId: chair.id
	});
	meetingId = meeting.id;
});

afterAll(async () => {
	await smtp?.close();
	await handle?.close();
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
	resetEnvForTests();
});

describe('inviting a person', () => {
	it('sends the chair an invitation when business support scheduled the meeting for them', async () => {
		const queued = await handle.db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.userId, chair.id)));
		expect(queued).toHaveLength(1);
		expect(queued[0]).toMatchObject({ purpose: 'invitation', recipientEmail: chair.email });
		expect(queued[0].attachments[0].filename).toBe('meeting.ics');
	});

	it('queues their invitation with the date, a link behind sign-in and the calendar file, naming no child', async () => {
		const { db } = handle;
		const participant = await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId,
			userId: police.id,
			name: null,
			role: 'professional',
			agencyId: null,
			voting: true,
			reportRequested: false
		});
		const queued = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.userId, police.id)));
		expect(queued).toHaveLength(1);
		const [mail] = queued;
		expect(mail).toMatchObject({
			recipientEmail: 'jo.reid@police.example.test',
			userId: police.id,
			purpose: 'invitation',
			state: 'queued'
		});
		expect(mail.subject).toBe('You are invited to a meeting on Thursday 3 December at 10:00');
		expect(mail.textBody).toContain(
			'You are invited to a core group meeting on Thursday 3 December 2026 at 10:00 (UK time).'
		);
		expect(mail.textBody).toContain(`https://roundtable.example.gov.uk/meetings/${meetingId}`);
		expect(participant.meetingId).toBe(meetingId);

		const ics = Buffer.from(mail.attachments[0].contentBase64, 'base64').toString('utf8');
		expect(mail.attachments[0]).toMatchObject({
			filename: 'meeting.ics',
			contentType: 'text/calendar; charset=utf-8; method=REQUEST'
		});
		for (const text of [mail.subject, mail.textBody, ics]) {
			for (const name of ['Chrissie', 'Leo', 'Walker', 'Core group for'])
				expect(text).not.toContain(name);
		}
		const calendar = new ICAL.Component(ICAL.parse(ics));
		for (const zone of calendar.getAllSubcomponents('vtimezone'))
			ICAL.TimezoneService.register(new ICAL.Timezone(zone));
		const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
		expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(event.uid).toBe(`meeting-${meetingId}@roundtable`);
		expect(event.sequence).toBe(0);
		expect(event.summary).toBe('Core group meeting');
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T10:00:00.000Z');
	});

	it('delivers it with the calendar file as a mail client sees it', async () => {
		const sender = createMailSender({
			db: handle.db,
			smtpUrl: smtp.url,
			from: 'Roundtable <roundtable@unit.test>'
		});
		expect((await sender.sendDue()).sent).toBe(2); // the chair's and the officer's
		await sender.stop();
		const index = smtp.envelopes.findIndex((to) => to[0] === 'jo.reid@police.example.test');
		expect(index).toBeGreaterThanOrEqual(0);
		const mail = smtp.received[index];
		expect(mail.subject).toBe('You are invited to a meeting on Thursday 3 December at 10:00');
		expect(mail.attachments[0].contentType).toBe('text/calendar');
		expect(mail.attachments[0].content.toString('utf8')).toContain(
			`UID:meeting-${meetingId}@roundtable`
		);
	});

	it('queues nothing for someone named without an account (no address)', async () => {
		const { db } = handle;
		const before = (await db.select().from(outbox)).length;
		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId,
			userId: null,
			name: 'Dr Ravi Patel',
			role: 'professional',
			agencyId: null,
			voting: false,
			reportRequested: true
		});
		expect((await db.select().from(outbox)).length).toBe(before);
	});
});
