/**
 * Personal links to circulated copies (issue 22): a copy sent to an address off the unit's
 * secure domains is not attached; the message carries `ORIGIN/copies/{token}` instead. There
 * the recipient asks for a one-time code, which is sent to the same address; typed in time, it
 * opens the copy (a PDF) once. Only SHA-256 hashes of the token, the code and the download grant
 * are kept (`copy_links`). Opening is audited and noted on the circulation row.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from './db';
import { circulation, copyLinks, meetingDocuments } from './db/schema';
import { audit } from './audit';
import { env } from './env';
import { enqueueMail } from './mail/outbox';
import { generateSessionToken, sessionIdFromToken } from './auth/session';

/** How long things last: the link, its code, the download the code opens; and tries per code. */
export const copyLinkTiming = {
	linkDays: 14,
	codeMinutes: 15,
	grantMinutes: 5,
	codeAttempts: 5
} as const;

const minutes = (n: number) => n * 60_000;

/** The address of a personal link. */
export function copyLinkUrl(token: string): string {
	const { ORIGIN, PORT } = env();
	return `${(ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '')}/copies/${encodeURIComponent(token)}`;
}

/** Keeps the personal link (its token's hash) for one circulation row; lasts `linkDays`. */
export async function storeCopyLink(props: {
	db: Database;
	circulationId: string;
	token: string;
	now?: Date;
}): Promise<void> {
	const expiresAt = new Date(
		(props.now ?? new Date()).getTime() + copyLinkTiming.linkDays * 86_400_000
	);
	await props.db
		.insert(copyLinks)
		.values({ id: sessionIdFromToken(props.token), circulationId: props.circulationId, expiresAt });
}

export type CopyLinkProblem = 'unknown' | 'expired';

async function linkOf(db: Database, token: string) {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	const [row] = await db
		.select({
			link: copyLinks,
			to: circulation.recipientEmail,
			meetingId: circulation.meetingId,
			documentId: circulation.documentId,
			circulationId: circulation.id
		})
		.from(copyLinks)
		.innerJoin(circulation, eq(circulation.id, copyLinks.circulationId))
		.where(eq(copyLinks.id, sessionIdFromToken(token)));
	return row ?? null;
}

/** What the page may say about a link: that it works (and where the code goes, half hidden), or why not. */
export async function lookUpCopyLink(props: {
	db: Database;
	token: string;
	now?: Date;
}): Promise<{ ok: true; maskedAddress: string } | { ok: false; problem: CopyLinkProblem }> {
	const found = await linkOf(props.db, props.token);
	if (!found) return { ok: false, problem: 'unknown' };
	if (found.link.expiresAt <= (props.now ?? new Date())) return { ok: false, problem: 'expired' };
	return { ok: true, maskedAddress: maskAddress(found.to) };
}

/** "e.green@hilltop.example.org" → "e•••@hilltop.example.org": enough to know which inbox. */
export function maskAddress(address: string): string {
	const at = address.lastIndexOf('@');
	return at <= 0 ? '•••' : `${address[0]}•••${address.slice(at)}`;
}

/** Sends a new one-time code to the link's address (it replaces any earlier one). */
export async function sendCopyCode(props: {
	db: Database;
	token: string;
	now?: Date;
}): Promise<{ ok: true } | { ok: false; problem: CopyLinkProblem }> {
	const { db } = props;
	const now = props.now ?? new Date();
	const found = await linkOf(db, props.token);
	if (!found) return { ok: false, problem: 'unknown' };
	if (found.link.expiresAt <= now) return { ok: false, problem: 'expired' };
	const code = randomCode();
	await db.transaction(async (tx) => {
		await tx
			.update(copyLinks)
			.set({
				codeHash: sessionIdFromToken(code),
				codeExpiresAt: new Date(now.getTime() + minutes(copyLinkTiming.codeMinutes)),
				codeAttempts: 0
			})
			.where(eq(copyLinks.id, found.link.id));
		await enqueueMail({
			db: tx,
			mail: {
				to: found.to,
				purpose: 'circulation',
				meetingId: found.meetingId,
				subject: 'Your code to open a document',
				text:
					`Your code is ${code}.\n\n` +
					`Type it on the page you opened from your email. It works once, for ${copyLinkTiming.codeMinutes} minutes.\n\n` +
					`If you did not ask for a code, you can ignore this email.`
			}
		});
	});
	return { ok: true };
}

/** Six digits, evenly spread. */
function randomCode(): string {
	const bytes = new Uint32Array(1);
	for (;;) {
		crypto.getRandomValues(bytes);
		if (bytes[0] < 4_294_000_000) return String(bytes[0] % 1_000_000).padStart(6, '0');
	}
}

export type CodeProblem = CopyLinkProblem | 'no-code' | 'wrong' | 'code-expired' | 'too-many';

/**
 * Checks a typed code. Right and in time: the code is used up, the first opening noted on the
 * link and the circulation row, the opening audited, and a grant returned that downloads the
 * copy once within minutes. Wrong: counted; after too many the code stops working.
 */
export async function redeemCopyCode(props: {
	db: Database;
	token: string;
	code: string;
	now?: Date;
}): Promise<{ ok: true; grant: string } | { ok: false; problem: CodeProblem }> {
	const { db } = props;
	const now = props.now ?? new Date();
	const found = await linkOf(db, props.token);
	if (!found) return { ok: false, problem: 'unknown' };
	const { link } = found;
	if (link.expiresAt <= now) return { ok: false, problem: 'expired' };
	if (!link.codeHash || !link.codeExpiresAt) return { ok: false, problem: 'no-code' };
	if (link.codeAttempts >= copyLinkTiming.codeAttempts) return { ok: false, problem: 'too-many' };
	if (link.codeExpiresAt <= now) return { ok: false, problem: 'code-expired' };
	const typed = props.code.replace(/\s+/g, '');
	if (sessionIdFromToken(typed) !== link.codeHash) {
		await db
			.update(copyLinks)
			.set({ codeAttempts: link.codeAttempts + 1 })
			.where(eq(copyLinks.id, link.id));
		return {
			ok: false,
			problem: link.codeAttempts + 1 >= copyLinkTiming.codeAttempts ? 'too-many' : 'wrong'
		};
	}
	const grant = generateSessionToken();
	await db.transaction(async (tx) => {
		await tx
			.update(copyLinks)
			.set({
				codeHash: null,
				codeExpiresAt: null,
				grantHash: sessionIdFromToken(grant),
				grantExpiresAt: new Date(now.getTime() + minutes(copyLinkTiming.grantMinutes)),
				firstOpenedAt: link.firstOpenedAt ?? now
			})
			.where(eq(copyLinks.id, link.id));
		await tx
			.update(circulation)
			.set({ firstOpenedAt: now })
			.where(and(eq(circulation.id, found.circulationId), isNull(circulation.firstOpenedAt)));
		await audit({
			db: tx,
			userId: null,
			action: 'copy-opened',
			targetType: 'document',
			targetId: found.documentId,
			detail: {
				meetingId: found.meetingId,
				circulationId: found.circulationId,
				by: 'link-and-code'
			}
		});
	});
	return { ok: true, grant };
}

/** The copy a grant opens (once, within minutes), or null. */
export async function copyForGrant(props: {
	db: Database;
	token: string;
	grant: string;
	now?: Date;
}): Promise<typeof meetingDocuments.$inferSelect | null> {
	const { db } = props;
	const now = props.now ?? new Date();
	const found = await linkOf(db, props.token);
	if (!found || found.link.expiresAt <= now) return null;
	const { link } = found;
	if (!link.grantHash || !link.grantExpiresAt || link.grantExpiresAt <= now) return null;
	if (!/^[a-z2-7]{20,64}$/.test(props.grant) || sessionIdFromToken(props.grant) !== link.grantHash)
		return null;
	await db
		.update(copyLinks)
		.set({ grantHash: null, grantExpiresAt: null })
		.where(eq(copyLinks.id, link.id));
	const [doc] = await db
		.select()
		.from(meetingDocuments)
		.where(eq(meetingDocuments.id, found.documentId));
	return doc ?? null;
}
