import { meetingForPage } from '$lib/server/guards';
import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { recordFirstOpen } from '$lib/server/circulation';
import { documentForRole } from '$lib/server/documents/store';
import { isPdfUnavailable, renderDocumentPdf } from '$lib/server/documents/pdf';
import type { RequestHandler } from './$types';

/**
 * The document as a PDF download named for the child, the meeting and the date. It is made in
 * a worker thread with a time limit; past it (or with too many waiting) the answer is 503.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	const row = await documentForRole({
		db,
		meetingId: params.id,
		documentId: params.docId,
		role: found.role
	});
	if (!row) error(404, 'Not found');
	// Circulation with proof: the first time this person opens this version is noted, once.
	await recordFirstOpen({ db, userId: user.id, documentId: row.id });
	let pdf: Buffer;
	try {
		pdf = await renderDocumentPdf(row.content);
	} catch (failure) {
		if (isPdfUnavailable(failure)) error(503, failure.message);
		throw failure;
	}
	await audit({
		db,
		userId: user.id,
		action: 'download',
		targetType: 'document',
		targetId: row.id,
		detail: { meetingId: params.id, kind: row.kind, version: row.version, format: 'pdf' }
	});
	const fileName = `${row.fileName}-v${row.version}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};
