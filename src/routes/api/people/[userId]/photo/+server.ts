import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { notFound } from '$lib/server/http/json';
import { staffPhotoFor } from '$lib/server/people/photos';
import type { RequestHandler } from './$types';

/**
 * A member of staff's photo (issue 27), or their initials when they keep none: for the person
 * themselves, the staff of their unit, and a child whose reviewing officer they are; 404 for
 * anyone else. Never cached by a shared cache; the type is the one found in the bytes.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const photo = await staffPhotoFor({ db: await database(), viewer: user, userId: params.userId });
	if (!photo) return notFound();
	return new Response(typeof photo.body === 'string' ? photo.body : Buffer.from(photo.body), {
		headers: {
			'content-type': photo.contentType,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'"
		}
	});
};
