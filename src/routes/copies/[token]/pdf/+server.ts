import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { copyForGrant } from '$lib/server/copy-links';
import { isPdfUnavailable, renderDocumentPdf } from '$lib/server/documents/pdf';
import { slug } from '$lib/documents/model';
import { documentKindLabel } from '$lib/domain/labels';
import type { DocumentKind } from '$lib/domain/vocabulary';
import type { RequestHandler } from './$types';

/**
 * The copy a personal link opens, as a PDF (issue 22; no account): only with the grant the
 * right one-time code gave, once, within minutes. Anything else is 404.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const doc = await copyForGrant({
		db: await database(),
		token: params.token,
		grant: url.searchParams.get('grant') ?? ''
	});
	if (!doc) error(404, 'This download has expired or was used: open the link in your email again.');
	let pdf: Buffer;
	try {
		pdf = await renderDocumentPdf(doc.content);
	} catch (failure) {
		if (isPdfUnavailable(failure)) error(503, failure.message);
		throw failure;
	}
	const label = documentKindLabel[doc.kind as DocumentKind] ?? 'document';
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${slug(label)}-version-${doc.version}.pdf"`,
			'cache-control': 'private, no-store',
			'referrer-policy': 'no-referrer'
		}
	});
};
