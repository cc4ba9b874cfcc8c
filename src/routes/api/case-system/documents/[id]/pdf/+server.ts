import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { documentPdfForLink } from '$lib/server/case-system/documents';
import { isPdfUnavailable, renderDocumentPdf } from '$lib/server/documents/pdf';
import type { RequestHandler } from './$types';

/**
 * A final document's PDF for the council's case system (issue 26): no account, only the
 * hour-long signed link sent in the event (`?expires=…&signature=…`); anything else is 404.
 * Each download is audited.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const doc = await documentPdfForLink({
		db: await database(),
		documentId: params.id,
		expires: url.searchParams.get('expires'),
		signature: url.searchParams.get('signature')
	});
	if (!doc)
		error(404, 'This link has expired or is not right: ask for the event to be sent again.');
	let pdf: Buffer;
	try {
		pdf = await renderDocumentPdf(doc.content);
	} catch (failure) {
		if (isPdfUnavailable(failure)) error(503, failure.message);
		throw failure;
	}
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${doc.fileName}-v${doc.version}.pdf"`,
			'cache-control': 'private, no-store',
			'referrer-policy': 'no-referrer'
		}
	});
};
