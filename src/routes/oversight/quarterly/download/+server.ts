import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { unitName } from '$lib/server/unit-settings';
import { quarterlyPdf, quarterlyReport, tableCsv } from '$lib/server/oversight/quarterly';
import type { RequestHandler } from './$types';

/**
 * The quarterly report's files: `?quarter=2026-Q3&format=pdf`, or `&format=csv&table={name}`
 * (the page /oversight/quarterly sends its `format` links here). Managers and chairs of the
 * unit; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const db = await database();
	const quarter = url.searchParams.get('quarter') ?? '';
	const report = await quarterlyReport({ db, user: locals.user, quarter });
	if (!report) error(404, 'Not found');
	const format = url.searchParams.get('format');
	const headers = { 'cache-control': 'private, no-store' };
	if (format === 'csv') {
		const table = url.searchParams.get('table') ?? '';
		const csv = tableCsv(report, table);
		if (csv === null) error(404, 'No table of that name.');
		return new Response(csv, {
			headers: {
				...headers,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="quarterly-${quarter}-${table}.csv"`
			}
		});
	}
	if (format !== 'pdf') error(404, 'Ask for format=pdf or format=csv.');
	const name = locals.user.unitId ? await unitName(db, locals.user.unitId) : null;
	const pdf = await quarterlyPdf(report, name ?? 'The unit');
	return new Response(new Uint8Array(pdf), {
		headers: {
			...headers,
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="quarterly-report-${quarter}.pdf"`
		}
	});
};
