import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { outboxAttachmentForViewer } from '$lib/server/mail/outbox-view';
import type { RequestHandler } from './$types';

/** One attachment of an outbox message, as it was sent (the same rights as the outbox page). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const index = /^\d{1,3}$/.test(params.index) ? Number(params.index) : -1;
	const file =
		index < 0
			? null
			: await outboxAttachmentForViewer({
					db: await database(),
					viewer: locals.user,
					messageId: params.id,
					index
				});
	if (!file) error(404, 'Not found');
	const safeName = file.filename.replace(/[^\w.-]+/g, '-');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${safeName}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
