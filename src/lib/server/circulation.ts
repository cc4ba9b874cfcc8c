/**
 * Circulation with proof (issue 13): a meeting's distribution list, each recipient sent a link
 * (behind sign-in, never the content) to the copy they are entitled to through the outbox, and
 * the record of who was sent which version, whether it left, and when they first opened it.
 */
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from './db';
import {
	agencies,
	agencyContacts,
	circulation,
	circulationHolds,
	meetingDocuments,
	meetingParticipants,
	outbox,
	users,
	type StoredDocument
} from './db/schema';
import type { SessionUser } from './auth/session';
import { audit } from './audit';
import { enqueueMail } from './mail/outbox';
import { meetingRecipients } from './mail/recipients';
import { meetingForViewer, type MeetingForViewer } from './meetings/queries';
import { mayCirculate, mayReadDocument } from '../policy';
import type { MeetingRole } from '../domain/vocabulary';
import { withArticle } from '../domain/plain-words';
import { documentKindLabel, meetingKindLabel } from '../domain/labels';
import { slug } from '../documents/model';
import type { CopyProof, DocumentKind, MailState } from '../domain/vocabulary';
import { isOnSecureDomain } from '../domain/secure-domains';
import { unitSettingsOf } from './unit-settings';
import { isPdfUnavailable, renderDocumentPdf } from './documents/pdf';
import { copyLinkTiming, copyLinkUrl, storeCopyLink } from './copy-links';
import { generateSessionToken } from './auth/session';
import type { MailAttachment } from './db/schema';
import { feedbackInvitationLine } from './feedback';
import { CommandError } from './command-error';

/** One person or address on a meeting's distribution list, with the part they read as. */
export interface DistributionEntry {
	userId: string | null;
	email: string;
	/** Agencies' addresses and the emergency duty team read as professionals. */
	role: MeetingRole;
	source: 'participant' | 'agency' | 'emergency-duty';
}

/** The family's copy of a professionals' document, where there is one. */
const familyCopyOf: Partial<Record<DocumentKind, DocumentKind>> = {
	notes: 'notes-family',
	'plan-24h': 'parent-plan'
};

const conferenceKinds = new Set(['initial-conference', 'review-conference']);

/** The out-of-hours emergency duty team, however the unit's list names its kind. */
export function isEmergencyDuty(agency: { kind: string; name: string }): boolean {
	return (
		/emergency|out-of-hours|edt/i.test(agency.kind) ||
		/emergency duty|out[- ]of[- ]hours/i.test(agency.name)
	);
}

/**
 * The meeting's distribution list: everyone on its list with an address (their account's, or
 * the one typed when they were invited), the shared address and named contacts of their
 * agencies, and for a conference the emergency duty team of the unit, if it has one. Each
 * address once, the first way it was found.
 */
export async function distributionList(props: {
	db: Database;
	found: MeetingForViewer;
}): Promise<DistributionEntry[]> {
	const { db, found } = props;
	const out: DistributionEntry[] = [];
	const seen = new Set<string>();
	const add = (entry: DistributionEntry) => {
		const key = entry.email.trim().toLowerCase();
		if (!key || seen.has(key)) return;
		seen.add(key);
		out.push(entry);
	};
	const people = await meetingRecipients({ db, meetingId: found.meeting.id });
	for (const p of people) {
		if (p.role === 'child') continue;
		add({ userId: p.userId, email: p.email, role: p.role, source: 'participant' });
	}
	// The agencies of professionals on the list (the participant's row, else their account's).
	const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
	const accountAgencies = userIds.length
		? await db.select({ agencyId: users.agencyId }).from(users).where(inArray(users.id, userIds))
		: [];
	const agencyIds = new Set<string>();
	for (const row of accountAgencies) if (row.agencyId) agencyIds.add(row.agencyId);
	const participantAgencyIds = await participantAgencies(db, found.meeting.id);
	for (const id of participantAgencyIds) agencyIds.add(id);
	const unitAgencies = await db
		.select()
		.from(agencies)
		.where(
			found.meeting.unitId
				? or(eq(agencies.unitId, found.meeting.unitId), isNull(agencies.unitId))
				: isNull(agencies.unitId)
		);
	const edt = conferenceKinds.has(found.meeting.kind)
		? unitAgencies.filter(isEmergencyDuty).map((a) => a.id)
		: [];
	const wanted = [...new Set([...agencyIds, ...edt])];
	if (!wanted.length) return out;
	const rows = await db.select().from(agencies).where(inArray(agencies.id, wanted));
	const contacts = await db
		.select()
		.from(agencyContacts)
		.where(inArray(agencyContacts.agencyId, wanted))
		.orderBy(asc(agencyContacts.name));
	for (const agency of rows) {
		const source = edt.includes(agency.id) ? 'emergency-duty' : 'agency';
		if (agency.email) add({ userId: null, email: agency.email, role: 'professional', source });
		for (const c of contacts)
			if (c.agencyId === agency.id && c.email)
				add({ userId: null, email: c.email, role: 'professional', source });
	}
	return out;
}

async function participantAgencies(db: Database, meetingId: string): Promise<string[]> {
	const rows = await db
		.select({ agencyId: meetingParticipants.agencyId })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	return rows.flatMap((r) => (r.agencyId ? [r.agencyId] : []));
}

/** May this version go out? Final versions, and the 24-hour plan, which is issued at once. */
export function isCirculable(doc: Pick<StoredDocument, 'kind' | 'state'>): boolean {
	return doc.kind === 'plan-24h' || doc.state === 'final';
}

/** One copy planned for one recipient: who, at which address, which copy, how it travels. */
export interface PlannedCopy {
	name: string;
	address: string;
	agency: string | null;
	/** The copy's name: "Professionals’ notes (restricted)", "Notes for the family"… */
	copy: string;
	how: 'attached' | 'link';
}

/** Who is sent what, before anything is sent: the list a chair sees on approving the notes. */
export async function plannedCopies(props: {
	db: Database;
	found: MeetingForViewer;
	doc: Pick<StoredDocument, 'kind' | 'audience'>;
}): Promise<PlannedCopy[]> {
	const { db, found, doc } = props;
	const list = await distributionList({ db, found });
	const secureDomains = await secureDomainsOf(db, found);
	const who = await recipientDirectory(db, found);
	const familyKind = doc.audience === 'family' ? null : familyCopyOf[doc.kind];
	return list.flatMap((person) => {
		const kind = mayReadDocument({ role: person.role, audience: doc.audience })
			? doc.kind
			: familyKind && mayReadDocument({ role: person.role, audience: 'family' })
				? familyKind
				: null;
		if (!kind) return [];
		const address = person.email.toLowerCase();
		const listed = (person.userId && who.byUser.get(person.userId)) || who.byEmail.get(address);
		const agencyId = listed?.agencyId ?? who.agencyByEmail.get(address) ?? null;
		const agency = agencyId ? (who.agencyNames.get(agencyId) ?? null) : null;
		return [
			{
				name: listed?.name ?? agency ?? person.email,
				address: person.email,
				agency,
				copy: documentKindLabel[kind as DocumentKind] ?? kind,
				how: isOnSecureDomain(person.email, secureDomains) ? 'attached' : 'link'
			}
		];
	});
}

async function secureDomainsOf(db: Database, found: MeetingForViewer): Promise<string[]> {
	return found.meeting.unitId
		? ((await unitSettingsOf(db, found.meeting.unitId))?.secureDomains ?? [])
		: [];
}

/** The meeting's document version, or a 400 naming the field. */
export async function documentOf(db: Database, meetingId: string, documentId: string) {
	const [doc] = /^[0-9a-f-]{36}$/i.test(documentId)
		? await db
				.select()
				.from(meetingDocuments)
				.where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)))
		: [];
	if (!doc) throw new CommandError(400, 'Choose a document of this meeting.');
	return doc;
}

export async function circulatingMeeting(db: Database, user: SessionUser, meetingId: string) {
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found || !mayCirculate({ viewer: user, meeting: found.meeting, participant: found.me }))
		throw new CommandError(404, 'No meeting with that id that you may circulate.');
	return found;
}

type QueuedCopy = {
	userId: string | null;
	address: string;
	documentId: string;
	messageId: string;
	/** The PDF attached (a secure domain), or a personal link and a one-time code. */
	how: 'attached' | 'link';
};

/**
 * Sends a document version to everyone on the meeting's distribution list, each the copy they
 * may read: professionals this version, parents the family's copy (the latest circulable
 * version of its family counterpart), or nothing when there is none. Only the meeting's chair
 * and the unit's business support; anyone else is answered 404. Sending a held document (the
 * 24-hour plan the chair held back) releases the hold.
 */
/** Ends the chair's hold on a document (or on one address of it): it is being sent now. */
export async function releaseHolds(
	db: Database,
	meetingId: string,
	documentId: string,
	address: string | null
): Promise<void> {
	await db
		.update(circulationHolds)
		.set({ releasedAt: new Date() })
		.where(
			and(
				eq(circulationHolds.meetingId, meetingId),
				eq(circulationHolds.documentId, documentId),
				address === null
					? isNull(circulationHolds.recipientEmail)
					: eq(circulationHolds.recipientEmail, address.toLowerCase()),
				isNull(circulationHolds.releasedAt)
			)
		);
}

export async function circulateDocument(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	documentId: string;
}): Promise<{ recipients: QueuedCopy[] }> {
	const { db, user, meetingId } = props;
	const found = await circulatingMeeting(db, user, meetingId);
	const doc = await documentOf(db, meetingId, props.documentId);
	if (!isCirculable(doc))
		throw new CommandError(
			409,
			'This version is not final yet: it goes out once the chair approves it.'
		);
	const recipients = await queueCopies({ db, user, found, doc });
	await releaseHolds(db, meetingId, doc.id, null);
	return { recipients };
}

/**
 * Queues each recipient's copy of a circulable version (outbox, high priority), leaving out the
 * addresses in `holdBack`; writes a circulation row per recipient and audits it.
 */
export async function queueCopies(props: {
	db: Database;
	user: SessionUser;
	found: MeetingForViewer;
	doc: StoredDocument;
	holdBack?: Set<string>;
	/** Exactly these recipients (a resend to a corrected address), instead of the list. */
	people?: DistributionEntry[];
}): Promise<QueuedCopy[]> {
	const { db, user, found, doc } = props;
	const meetingId = found.meeting.id;
	const familyKind = doc.audience === 'family' ? null : familyCopyOf[doc.kind];
	const familyCopy = familyKind ? await latestCirculable(db, meetingId, familyKind) : null;
	const list = (props.people ?? (await distributionList({ db, found }))).filter(
		(person) => !props.holdBack?.has(person.email.toLowerCase())
	);
	const what = meetingKindLabel[found.meeting.kind].toLowerCase();
	const secureDomains = await secureDomainsOf(db, found);
	// Each person's copy, and for those on a secure domain its PDF (made once per copy).
	let planned = list.flatMap((person) => {
		const copy = mayReadDocument({ role: person.role, audience: doc.audience })
			? doc
			: familyCopy && mayReadDocument({ role: person.role, audience: familyCopy.audience })
				? familyCopy
				: null;
		return copy ? [{ person, copy, secure: isOnSecureDomain(person.email, secureDomains) }] : [];
	});
	// Sending the list again (a second press, or after the plan went out at End) reaches only
	// those who have no copy of this version yet: nobody gets the same document twice. A copy
	// that failed or bounced is sent again from its own row (resend), not from here.
	if (!props.people) {
		const had = await db
			.select({ documentId: circulation.documentId, email: circulation.recipientEmail })
			.from(circulation)
			.where(
				and(
					eq(circulation.meetingId, meetingId),
					inArray(circulation.documentId, [doc.id, ...(familyCopy ? [familyCopy.id] : [])])
				)
			);
		const sent = new Set(had.map((h) => `${h.documentId} ${h.email.toLowerCase()}`));
		planned = planned.filter((p) => !sent.has(`${p.copy.id} ${p.person.email.toLowerCase()}`));
	}
	const pdfs = new Map<string, MailAttachment | null>();
	for (const { copy, secure } of planned)
		if (secure && !pdfs.has(copy.id)) pdfs.set(copy.id, await pdfAttachment(copy));
	const recipients: QueuedCopy[] = [];
	await db.transaction(async (tx) => {
		for (const { person, copy, secure } of planned) {
			const circulationId = crypto.randomUUID();
			const pdf = secure ? pdfs.get(copy.id) : null;
			const lead = `A document from ${withArticle(what)} you are part of is ready to read.`;
			let text: string;
			let token: string | null = null;
			if (pdf) {
				text =
					`${lead}\n\nIt is attached, as a PDF: it is sent to you as an address on a secure ` +
					`email domain the unit lists. Keep it as you keep other confidential records.\n\n` +
					`This email holds no details of the meeting; they are in the attachment only.`;
			} else {
				token = generateSessionToken();
				text =
					`${lead}\n\nOpen it with this personal link. It sends a one-time code to this ` +
					`address; type the code to open the document. The link works for ` +
					`${copyLinkTiming.linkDays} days and only for you:\n${copyLinkUrl(token)}\n\n` +
					`This email holds no details of the meeting.`;
			}
			// A professional on the list is asked for their feedback by a personal link (issue 27).
			text += await feedbackInvitationLine({
				db: tx,
				meetingId,
				userId: person.userId,
				email: person.email
			});
			const message = await enqueueMail({
				db: tx,
				mail: {
					to: person.email,
					userId: person.userId,
					purpose: 'circulation',
					meetingId,
					documentId: copy.id,
					subject: `A document from ${withArticle(what)} is ready for you`,
					text,
					attachments: pdf ? [pdf] : []
				}
			});
			await tx.insert(circulation).values({
				id: circulationId,
				meetingId,
				documentId: copy.id,
				userId: person.userId,
				recipientEmail: person.email,
				outboxId: message.id,
				circulatedBy: user.id
			});
			if (token) await storeCopyLink({ db: tx, circulationId, token });
			recipients.push({
				userId: person.userId,
				address: person.email,
				documentId: copy.id,
				messageId: message.id,
				how: pdf ? 'attached' : 'link'
			});
		}
	});
	await audit({
		db,
		userId: user.id,
		action: 'circulate',
		targetType: 'document',
		targetId: doc.id,
		detail: {
			meetingId,
			kind: doc.kind,
			version: doc.version,
			recipients: recipients.length,
			heldBack: props.holdBack?.size ?? 0
		}
	});
	return recipients;
}

/** The copy as a PDF attachment with a plain file name (no child's name), or null if it cannot be made now. */
async function pdfAttachment(copy: StoredDocument): Promise<MailAttachment | null> {
	try {
		const pdf = await renderDocumentPdf(copy.content);
		const label = documentKindLabel[copy.kind as DocumentKind] ?? 'document';
		return {
			filename: `${slug(label)}-version-${copy.version}.pdf`,
			contentType: 'application/pdf',
			contentBase64: Buffer.from(pdf).toString('base64')
		};
	} catch (failure) {
		if (isPdfUnavailable(failure)) return null; // sent as a personal link instead
		throw failure;
	}
}

async function latestCirculable(
	db: Database,
	meetingId: string,
	kind: DocumentKind
): Promise<StoredDocument | null> {
	const rows = await db
		.select()
		.from(meetingDocuments)
		.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, kind)))
		.orderBy(desc(meetingDocuments.version));
	return rows.find(isCirculable) ?? null;
}

/** One line of the circulation record: who was sent which version, and what became of it. */
export interface CirculationEntry {
	/** The circulation row, for acting on a failure or bounce (resend, dismiss). */
	id: string;
	userId: string | null;
	/** Shown only to those who may circulate: an agency address has no account to name it. */
	recipient: string;
	documentId: string;
	kind: string;
	version: number;
	state: MailState;
	/** Plain words about the last failed attempt, while it is being tried again or given up. */
	lastError: string | null;
	sentAt: string | null;
	firstOpenedAt: string | null;
	/** Who it went to: their name on the list or their account's, else the agency's (issue 22). */
	name: string;
	address: string;
	/** The agency they were sent it for, if any. */
	agency: string | null;
	/** The copy's name: "Professionals’ notes (restricted)", "Notes for the family"… */
	copy: string;
	/** What became of it (`copyProofs` in domain/vocabulary.ts). */
	proof: CopyProof;
	/** When it reached that state (queued: when it was queued). */
	at: string;
	/** Why it bounced, in plain words with the status code. */
	bounceReason: string | null;
	/** Someone acted on a failure or bounce: resent to a corrected address, or dismissed. */
	resolution: 'resent' | 'dismissed' | null;
	resolutionReason: string | null;
	/** Failed or bounced, and nobody has acted yet: shown until someone does. */
	needsAction: boolean;
}

/** The proof of one copy from its outbox row and circulation row. */
function proofOf(
	row: { firstOpenedAt: Date | null; createdAt: Date },
	mail: {
		state: string | null;
		sentAt: Date | null;
		deliveredAt: Date | null;
		bouncedAt: Date | null;
	}
): { proof: CirculationEntry['proof']; at: Date } {
	if (mail.bouncedAt) return { proof: 'bounced', at: mail.bouncedAt };
	if (row.firstOpenedAt) return { proof: 'opened', at: row.firstOpenedAt };
	if (mail.state === 'sent' && mail.deliveredAt)
		return { proof: 'delivered', at: mail.deliveredAt };
	if (mail.state === 'sent') return { proof: 'sent', at: mail.sentAt ?? row.createdAt };
	if (mail.state === 'failed') return { proof: 'failed', at: row.createdAt };
	return { proof: 'queued', at: row.createdAt };
}

/** The meeting's circulation record, newest first; 404 (null) for anyone who may not circulate. */
export async function circulationRecord(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<CirculationEntry[] | null> {
	const { db, user, meetingId } = props;
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found || !mayCirculate({ viewer: user, meeting: found.meeting, participant: found.me }))
		return null;
	const rows = await db
		.select({
			row: circulation,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			state: outbox.state,
			lastError: outbox.lastError,
			sentAt: outbox.sentAt,
			deliveredAt: outbox.deliveredAt,
			bouncedAt: outbox.bouncedAt,
			bounceReason: outbox.bounceReason,
			name: users.name,
			accountAgencyId: users.agencyId
		})
		.from(circulation)
		.innerJoin(meetingDocuments, eq(meetingDocuments.id, circulation.documentId))
		.leftJoin(outbox, eq(outbox.id, circulation.outboxId))
		.leftJoin(users, eq(users.id, circulation.userId))
		.where(eq(circulation.meetingId, meetingId))
		.orderBy(desc(circulation.createdAt));
	const who = await recipientDirectory(db, found);
	return rows.map((r) => {
		const { row, kind, version, state, lastError, sentAt, name, accountAgencyId } = r;
		const address = row.recipientEmail.toLowerCase();
		const listed = (row.userId && who.byUser.get(row.userId)) || who.byEmail.get(address);
		const agencyId = listed?.agencyId ?? accountAgencyId ?? who.agencyByEmail.get(address) ?? null;
		const agency = agencyId ? (who.agencyNames.get(agencyId) ?? null) : null;
		const { proof, at } = proofOf(row, r);
		return {
			id: row.id,
			userId: row.userId,
			recipient: name ?? row.recipientEmail,
			documentId: row.documentId,
			kind,
			version,
			state: state ?? 'queued',
			lastError: state === 'sent' ? null : (lastError ?? null),
			sentAt: sentAt?.toISOString() ?? null,
			firstOpenedAt: row.firstOpenedAt?.toISOString() ?? null,
			name: listed?.name ?? name ?? agency ?? row.recipientEmail,
			address: row.recipientEmail,
			agency,
			copy: documentKindLabel[kind as DocumentKind] ?? kind,
			proof,
			at: at.toISOString(),
			bounceReason: r.bounceReason,
			resolution: row.resolution,
			resolutionReason: row.resolutionReason,
			needsAction: (proof === 'failed' || proof === 'bounced') && !row.resolution
		};
	});
}

/** Names for the addresses a meeting's copies went to: its list, and the agencies' addresses. */
async function recipientDirectory(db: Database, found: MeetingForViewer) {
	const listed = await db
		.select({
			userId: meetingParticipants.userId,
			name: meetingParticipants.name,
			email: meetingParticipants.email,
			agencyId: meetingParticipants.agencyId
		})
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, found.meeting.id));
	const byUser = new Map<string, (typeof listed)[number]>();
	const byEmail = new Map<string, (typeof listed)[number]>();
	for (const p of listed) {
		if (p.userId) byUser.set(p.userId, p);
		if (p.email) byEmail.set(p.email.toLowerCase(), p);
	}
	const seen = await db
		.select({ id: agencies.id, name: agencies.name, email: agencies.email })
		.from(agencies)
		.where(
			found.meeting.unitId
				? or(eq(agencies.unitId, found.meeting.unitId), isNull(agencies.unitId))
				: isNull(agencies.unitId)
		);
	const agencyNames = new Map(seen.map((a) => [a.id, a.name]));
	const agencyByEmail = new Map<string, string>();
	for (const a of seen) if (a.email) agencyByEmail.set(a.email.toLowerCase(), a.id);
	const ids = seen.map((a) => a.id);
	const contacts = ids.length
		? await db
				.select({ agencyId: agencyContacts.agencyId, email: agencyContacts.email })
				.from(agencyContacts)
				.where(inArray(agencyContacts.agencyId, ids))
		: [];
	for (const c of contacts)
		if (c.email && !agencyByEmail.has(c.email.toLowerCase()))
			agencyByEmail.set(c.email.toLowerCase(), c.agencyId);
	return { byUser, byEmail, agencyNames, agencyByEmail };
}

/**
 * Notes that this person opened this document version (its page or PDF): the first time only,
 * on every circulation row that sent it to them; later opens change nothing.
 */
export async function recordFirstOpen(props: {
	db: Database;
	userId: string;
	documentId: string;
	now?: Date;
}): Promise<void> {
	await props.db
		.update(circulation)
		.set({ firstOpenedAt: props.now ?? new Date() })
		.where(
			and(
				eq(circulation.documentId, props.documentId),
				eq(circulation.userId, props.userId),
				isNull(circulation.firstOpenedAt)
			)
		);
}
