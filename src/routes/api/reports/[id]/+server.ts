import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { reportForViewer } from '$lib/server/voices/reports';
import type { RequestHandler } from './$types';

/**
 * A professional's report as a download: the file as uploaded (its type found from its bytes),
 * or a report written in the app as plain text. Parents only once it was shared with them;
 * anyone else (or another family) 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const report = await reportForViewer({ db: await database(), user, reportId: params.id });
	if (!report) error(404, 'Not found');
	const headers = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };
	if (report.content)
		return new Response(new Uint8Array(report.content), {
			headers: {
				...headers,
				'content-type': report.contentType ?? 'application/octet-stream',
				'content-disposition': `attachment; filename="${report.fileName ?? 'report'}"`
			}
		});
	return new Response(`${report.title}\n\n${report.body ?? ''}\n`, {
		headers: {
			...headers,
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': 'attachment; filename="report.txt"'
		}
	});
};
