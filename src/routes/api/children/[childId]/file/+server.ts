import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { childFile } from '$lib/server/case-system/child-file';
import { isPdfUnavailable } from '$lib/server/documents/pdf';
import { notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The child's file as one zip (issue 26): every final document, plan and challenge as PDFs with
 * `index.json`; the unit's chairs and business support, audited; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	let file;
	try {
		file = await childFile({ db: await database(), user, childId: params.childId });
	} catch (failure) {
		if (isPdfUnavailable(failure)) error(503, failure.message);
		throw failure;
	}
	if (!file) return notFound();
	return new Response(file.bytes.slice(), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
