/**
 * The short-lived link a case system fetches a document's PDF with (issue 26): the document's
 * id, when the link stops working and an HMAC-SHA256 of both under the unit's signing secret.
 * No account: the signature is the right, for an hour.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '../env';

/** How long a link works. */
export const PDF_LINK_MS = 60 * 60_000;

function signature(secret: string, documentId: string, expires: number): string {
	return createHmac('sha256', secret).update(`${documentId}.${expires}`).digest('base64url');
}

/** The public origin links are made with: ORIGIN, or this server on localhost. */
export function publicOrigin(): string {
	const { ORIGIN, PORT } = env();
	return (ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
}

/** A link to the document's PDF that works until `now` + an hour. */
export function pdfLink(props: {
	secret: string;
	documentId: string;
	now: Date;
	origin?: string;
}): string {
	const expires = Math.floor((props.now.getTime() + PDF_LINK_MS) / 1000);
	const sig = signature(props.secret, props.documentId, expires);
	const origin = props.origin ?? publicOrigin();
	return `${origin}/api/case-system/documents/${encodeURIComponent(props.documentId)}/pdf?expires=${expires}&signature=${sig}`;
}

/** Whether a link's expiry and signature are good for this document at `now`. */
export function pdfLinkValid(props: {
	secret: string;
	documentId: string;
	expires: string | null;
	signature: string | null;
	now: Date;
}): boolean {
	const expires = Number(props.expires);
	if (!Number.isInteger(expires) || expires * 1000 < props.now.getTime() || !props.signature)
		return false;
	const expected = Buffer.from(signature(props.secret, props.documentId, expires));
	const given = Buffer.from(props.signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
