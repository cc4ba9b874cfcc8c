/**
 * "Tell my reviewing officer" (issue 27): a child writes to their reviewing officer from their
 * own space, the officer answers in the same place, and nobody else reads it
 * (`mayUseConversation`). Sending and reading are audited (who and which child, never the
 * words). A child's message unread for two working days: the officer's managers are told that
 * one waits, with no words and no name. Runs under plain Node (the scheduler), so imports are
 * relative.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { Database } from './db';
import { children, families, officerMessages, users } from './db/schema';
import type { SessionUser } from './auth/session';
import { audit } from './audit';
import { enqueueMail } from './mail/outbox';
import { env } from './env';
import { mayReadOfficerMessages, mayUseConversation } from '../policy';
import { calendarDateOf } from '../domain/calendar-date';
import { workingDaysBetween } from '../domain/working-days';
import { tooLong } from '../domain/text-limits';
import { callName } from '../domain/family-words';

/** Working days a child's message may wait unread before the officer's managers are told. */
export const MESSAGE_WAIT_WORKING_DAYS = 2;

export interface MessageView {
	id: string;
	childId: string;
	/** "you", or the writer's name as the reader knows them (the child by the name they like). */
	from: string;
	fromChild: boolean;
	text: string;
	sentAt: string;
	readAt: string | null;
}

export interface ConversationView {
	childId: string;
	childName: string;
	officerName: string | null;
	messages: MessageView[];
}

export type MessageResult =
	{ status: 201; id: string } | { status: 400; errors: Record<string, string> } | { status: 404 };

/** A child with their unit, account and reviewing officer. */
async function childFacts(db: Database, where: ReturnType<typeof eq>) {
	const [row] = await db
		.select({
			id: children.id,
			name: children.name,
			preferredName: children.preferredName,
			accountId: children.accountId,
			iroId: children.iroId,
			unitId: families.unitId
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(where);
	return row ?? null;
}

/** The child whose own account this is, if any. */
export async function childOfAccount(db: Database, userId: string) {
	return childFacts(db, eq(children.accountId, userId));
}

const viewerOf = (user: SessionUser) => ({ id: user.id, role: user.role, unitId: user.unitId });

/** The child a request is about: a child's own; for an officer, the child named (which must be theirs). */
async function conversationChild(db: Database, user: SessionUser, childId: unknown) {
	// A child reads only their own: naming another child is answered as missing.
	if (user.role === 'child' && childId !== undefined && childId !== null) {
		const own = await childOfAccount(db, user.id);
		return own && own.id === childId && own.unitId === user.unitId ? own : null;
	}
	const child =
		user.role === 'child'
			? await childOfAccount(db, user.id)
			: typeof childId === 'string' && /^[0-9a-f-]{36}$/i.test(childId)
				? await childFacts(db, eq(children.id, childId))
				: null;
	if (!child || child.unitId !== user.unitId) return null;
	return mayUseConversation({ viewer: viewerOf(user), child }) ? child : null;
}

/**
 * Sends a message: a child's to their reviewing officer (`{ text }`), or the officer's answer
 * (`{ text, childId }`). 404 for anyone else or another child; 400 for empty or too long words.
 */
export async function sendMessage(props: {
	db: Database;
	user: SessionUser;
	input: Record<string, unknown> | null;
	now?: Date;
}): Promise<MessageResult> {
	const { db, user } = props;
	const childId = props.input?.childId;
	// A reviewing officer who names no child is told to (the question is theirs to ask).
	if (
		user.role !== 'child' &&
		mayReadOfficerMessages({ id: user.id, role: user.role, unitId: user.unitId }) &&
		(typeof childId !== 'string' || childId === '')
	)
		return { status: 400, errors: { childId: 'Choose the child you are answering.' } };
	const child = await conversationChild(db, user, childId);
	if (!child) return { status: 404 };
	const raw = props.input?.text;
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) return { status: 400, errors: { text: 'Write your message first.' } };
	const long = tooLong(text, 'reason', 'a message');
	if (long) return { status: 400, errors: { text: long } };
	if (user.role === 'child' && !child.iroId)
		return {
			status: 400,
			errors: { text: 'You do not have a reviewing officer yet: ask your social worker.' }
		};
	const [row] = await db
		.insert(officerMessages)
		.values({
			unitId: child.unitId,
			childId: child.id,
			fromUserId: user.id,
			toOfficerId: user.role === 'child' ? child.iroId : null,
			text,
			sentAt: props.now ?? new Date()
		})
		.returning({ id: officerMessages.id });
	await audit({
		db,
		userId: user.id,
		action: 'message-sent',
		targetType: 'child',
		targetId: child.id
	});
	return { status: 201, id: row.id };
}

/**
 * The conversations the person may read: a child's own; a reviewing officer's with each child
 * they review who has written (or `childId`'s alone: 404 when not theirs); anyone else none.
 * Reading marks the other side's messages read, and is audited.
 */
export async function readConversations(props: {
	db: Database;
	user: SessionUser;
	childId?: string | null;
	now?: Date;
}): Promise<ConversationView[] | null> {
	const { db, user } = props;
	const now = props.now ?? new Date();
	let kids: NonNullable<Awaited<ReturnType<typeof childFacts>>>[];
	if (user.role === 'child' || props.childId) {
		const child = await conversationChild(db, user, props.childId);
		if (!child) return null;
		kids = [child];
	} else if (user.role === 'chair' && user.unitId) {
		kids = await db
			.select({
				id: children.id,
				name: children.name,
				preferredName: children.preferredName,
				accountId: children.accountId,
				iroId: children.iroId,
				unitId: families.unitId
			})
			.from(children)
			.innerJoin(families, eq(families.id, children.familyId))
			.where(and(eq(children.iroId, user.id), isNotNull(children.accountId)));
		kids = kids.filter((k) => k.unitId === user.unitId);
	} else return [];
	if (!kids.length) return [];
	const rows = await db
		.select({ message: officerMessages, fromName: users.name })
		.from(officerMessages)
		.innerJoin(users, eq(users.id, officerMessages.fromUserId))
		.where(
			inArray(
				officerMessages.childId,
				kids.map((k) => k.id)
			)
		)
		.orderBy(asc(officerMessages.sentAt));
	// What the other side wrote is now read.
	const unread = rows
		.filter((r) => r.message.fromUserId !== user.id && r.message.readAt === null)
		.map((r) => r.message.id);
	if (unread.length)
		await db
			.update(officerMessages)
			.set({ readAt: now })
			.where(inArray(officerMessages.id, unread));
	const officers = new Map<string, string>();
	for (const kid of kids)
		if (kid.iroId && !officers.has(kid.iroId)) {
			const [officer] = await db
				.select({ name: users.name })
				.from(users)
				.where(eq(users.id, kid.iroId));
			if (officer) officers.set(kid.iroId, officer.name);
		}
	const conversations = kids
		.map((kid) => ({
			childId: kid.id,
			childName: callName(kid),
			officerName: kid.iroId ? (officers.get(kid.iroId) ?? null) : null,
			messages: rows
				.filter((r) => r.message.childId === kid.id)
				.map(({ message, fromName }) => ({
					id: message.id,
					childId: message.childId,
					from:
						message.fromUserId === user.id
							? 'You'
							: message.fromUserId === kid.accountId
								? callName(kid)
								: fromName,
					fromChild: message.fromUserId === kid.accountId,
					text: message.text,
					sentAt: message.sentAt.toISOString(),
					readAt: (unread.includes(message.id) ? now : message.readAt)?.toISOString() ?? null
				}))
		}))
		.filter((c) => user.role === 'child' || props.childId || c.messages.length > 0);
	for (const kid of kids)
		await audit({
			db,
			userId: user.id,
			action: 'messages-read',
			targetType: 'child',
			targetId: kid.id
		});
	return conversations;
}

/**
 * Tells the managers of a reviewing officer's unit when a child's message to the officer has
 * waited unread for two working days, once a message; no words, no child's name. Returns how
 * many messages it told of.
 */
export async function queueUnreadMessageNotices(props: {
	db: Database;
	now?: Date;
}): Promise<number> {
	const { db } = props;
	const now = props.now ?? new Date();
	const today = calendarDateOf(now);
	const candidates = await db
		.select()
		.from(officerMessages)
		.where(
			and(
				isNotNull(officerMessages.toOfficerId),
				isNull(officerMessages.readAt),
				isNull(officerMessages.escalatedAt),
				lte(officerMessages.sentAt, new Date(now.getTime() - 2 * 86_400_000))
			)
		);
	let told = 0;
	for (const message of candidates) {
		if (workingDaysBetween(calendarDateOf(message.sentAt), today) < MESSAGE_WAIT_WORKING_DAYS)
			continue;
		const done = await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(officerMessages)
				.set({ escalatedAt: now })
				.where(and(eq(officerMessages.id, message.id), isNull(officerMessages.escalatedAt)))
				.returning();
			if (!claimed || !claimed.unitId || !claimed.toOfficerId) return false;
			const [officer] = await tx
				.select({ name: users.name })
				.from(users)
				.where(eq(users.id, claimed.toOfficerId));
			const managers = await tx
				.select({ id: users.id, email: users.email, name: users.name })
				.from(users)
				.where(
					and(
						eq(users.unitId, claimed.unitId),
						eq(users.role, 'manager'),
						isNull(users.disabledAt),
						ne(users.id, claimed.toOfficerId)
					)
				);
			const { ORIGIN, PORT } = env();
			const origin = (ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
			for (const manager of managers)
				await enqueueMail({
					db: tx,
					mail: {
						to: manager.email,
						userId: manager.id,
						purpose: 'message-waiting',
						subject: 'A child’s message to their reviewing officer is waiting',
						text:
							`Hello ${manager.name},\n\nA child wrote to their reviewing officer, ` +
							`${officer?.name ?? 'a reviewing officer'}, ${MESSAGE_WAIT_WORKING_DAYS} working days ago ` +
							`or more, and it has not been read yet. Please ask them to read it at ` +
							`${origin}/messages — only they and the child can.\n\nRoundtable`
					}
				});
			return true;
		});
		if (done) told++;
	}
	return told;
}
