import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { IMPORT_MAX_BYTES } from '$lib/server/people/import';
import { importCaseSystemIds } from '$lib/server/families/case-system-import';
import { mayImportCaseSystemIds } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The unit's business support and managers (issue 26): a `text/csv` body with the header
 * `family,child,date_of_birth,case_system_id` sets each child's case-system identifier → 200
 * { changed, unchanged }, or 400 { errors: [{ row, message }] } with nothing written.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayImportCaseSystemIds(user)) error(404, 'Not found');
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'text/csv')
		return json({ errors: [{ row: 0, message: 'Send the file as text/csv.' }] }, { status: 415 });
	const bytes = await request.arrayBuffer();
	if (bytes.byteLength > IMPORT_MAX_BYTES)
		return json(
			{ errors: [{ row: 0, message: 'The file is too large: send at most 1 MB.' }] },
			{ status: 413 }
		);
	const csv = new TextDecoder().decode(bytes);
	const result = await importCaseSystemIds({
		db: await database(),
		viewer: user,
		csv,
		write: true
	});
	if (!result) error(404, 'Not found');
	if (!result.ok) return json({ errors: result.errors }, { status: 400 });
	return json({ changed: result.changed, unchanged: result.unchanged });
};
