import { error, json } from '@sveltejs/kit';
import { timingSafeEqual } from 'node:crypto';
import { database } from '$lib/server/db';
import { env } from '$lib/server/env';
import { recordBounce } from '$lib/server/circulation-flow';
import type { RequestHandler } from './$types';

/** The largest bounce read: a report with the returned headers is a few kilobytes. */
const MAX_BYTES = 1024 * 1024;

function authorised(header: string | null): boolean {
	const token = env().MAIL_BOUNCE_TOKEN;
	if (!token || !header?.startsWith('Bearer ')) return false;
	const given = Buffer.from(header.slice('Bearer '.length).trim());
	const wanted = Buffer.from(token);
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * The bounce intake (issue 22, docs/mail.md "Bounces"): the unit's mail relay forwards each
 * delivery status notification (RFC 3464, the raw message as the body) sent to a message's VERP
 * return path, with `Authorization: Bearer $MAIL_BOUNCE_TOKEN`. → 200 { matched, bounced };
 * without the token (or with the intake off) 404; an empty or oversized body 400.
 */
export const POST: RequestHandler = async ({ request }) => {
	if (!authorised(request.headers.get('authorization'))) error(404, 'Not found');
	const raw = await request.text();
	if (!raw.trim())
		return json(
			{ errors: { body: 'Send the bounce as the raw message (RFC 3464).' } },
			{ status: 400 }
		);
	if (raw.length > MAX_BYTES)
		return json(
			{ errors: { body: 'The bounce is too large: send at most 1 MB.' } },
			{ status: 400 }
		);
	return json(await recordBounce({ db: await database(), raw }));
};
