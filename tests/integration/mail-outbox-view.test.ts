/**
 * Who reads the outbox (issue 11): business support and chairs of the unit see their unit's
 * messages with state, error in plain words and attachment links; anyone else gets nothing
 * (the routes answer 404), and another unit's staff do not see this unit's messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { User } from '../../src/lib/server/db/schema';
import { enqueueMail } from '../../src/lib/server/mail/outbox';
import { createMailSender } from '../../src/lib/server/mail/sender';
import { outboxAttachmentForViewer, outboxForViewer } from '../../src/lib/server/mail/outbox-view';
import { createTestDatabase, makeMeeting, makeUnit, makeUser } from '../factories';

let handle: DatabaseHandle;
let admin: User;
let chair: User;
let police: User;
let parent: User;
let manager: User;
let otherAdmin: User;
let messageId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	police = await makeUser(db, { role: 'professional' });
	parent = await makeUser(db, { role: 'parent' });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: other.id });
	const { meeting } = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	const message = await enqueueMail({
		db,
		mail: {
			to: police.email,
			userId: police.id,
			purpose: 'invitation',
			meetingId: meeting.id,
			subject: 'You are invited to a meeting',
			text: 'Hello',
			attachments: [
				{
					filename: 'meeting.ics',
					contentType: 'text/calendar; charset=utf-8; method=REQUEST',
					contentBase64: Buffer.from('BEGIN:VCALENDAR').toString('base64')
				}
			]
		}
	});
	messageId = message.id;
	// The mail server is down: the message stays queued, its error in plain words.
	const sender = createMailSender({ db, smtpUrl: 'smtp://127.0.0.1:1' });
	await sender.sendDue();
	await sender.stop();
});

afterAll(async () => {
	await handle?.close();
});

describe('the outbox', () => {
	it('shows business support and chairs of the unit each message with its state, error and attachment links', async () => {
		for (const viewer of [admin, chair]) {
			const messages = await outboxForViewer({ db: handle.db, viewer });
			expect(messages).toEqual([
				expect.objectContaining({
					id: messageId,
					to: police.email,
					purpose: 'invitation',
					state: 'queued',
					attempts: 1,
					error: 'The mail server refused the connection (is it running?); it will be tried again.',
					sentAt: null,
					attachments: [
						{
							filename: 'meeting.ics',
							contentType: 'text/calendar; charset=utf-8; method=REQUEST',
							url: `/outbox/${messageId}/attachments/0`
						}
					]
				})
			]);
		}
		const file = await outboxAttachmentForViewer({
			db: handle.db,
			viewer: admin,
			messageId,
			index: 0
		});
		expect(file?.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
		expect(file?.bytes.toString()).toBe('BEGIN:VCALENDAR');
		expect(
			await outboxAttachmentForViewer({ db: handle.db, viewer: admin, messageId, index: 1 })
		).toBeNull();
	});

	it('is nothing to a professional, a parent, a manager, or another unit', async () => {
		for (const viewer of [police, parent, manager]) {
			expect(await outboxForViewer({ db: handle.db, viewer })).toBeNull();
			expect(
				await outboxAttachmentForViewer({ db: handle.db, viewer, messageId, index: 0 })
			).toBeNull();
		}
		expect(await outboxForViewer({ db: handle.db, viewer: otherAdmin })).toEqual([]);
		expect(
			await outboxAttachmentForViewer({ db: handle.db, viewer: otherAdmin, messageId, index: 0 })
		).toBeNull();
	});
});
