import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '$lib/server/people/import';
import { importCaseSystemIds } from '$lib/server/families/case-system-import';
import { mayImportCaseSystemIds } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

function viewer(locals: App.Locals, path: string) {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(path)}`);
	if (!mayImportCaseSystemIds(locals.user)) error(404, 'Not found');
	return locals.user;
}

/**
 * The children's case-system identifiers from a CSV file (issue 26): upload or paste it, see
 * every row with the child it finds and what changes, correct the problems, then import: all
 * rows or none.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	viewer(locals, url.pathname);
	return { maxRows: IMPORT_MAX_ROWS };
};

/** The CSV text from an uploaded file, or else the pasted text. */
async function csvFrom(form: FormData): Promise<{ csv: string } | { problem: string }> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > IMPORT_MAX_BYTES) return { problem: 'The file is too large: at most 1 MB.' };
		return { csv: await file.text() };
	}
	const pasted = form.get('csv');
	if (typeof pasted === 'string' && pasted.trim()) return { csv: pasted };
	return { problem: 'Choose a CSV file, or paste its contents.' };
}

async function check(locals: App.Locals, url: URL, request: Request, write: boolean) {
	const user = viewer(locals, url.pathname);
	const read = await csvFrom(await request.formData());
	if ('problem' in read) return fail(400, { problem: read.problem, csv: '' });
	const result = await importCaseSystemIds({
		db: await database(),
		viewer: user,
		csv: read.csv,
		write
	});
	if (!result) error(404, 'Not found');
	if (!result.ok) return fail(400, { csv: read.csv, rows: result.rows, errors: result.errors });
	return write
		? { csv: '', changed: result.changed, unchanged: result.unchanged }
		: { csv: read.csv, rows: result.rows, errors: [] };
}

export const actions: Actions = {
	preview: ({ locals, url, request }) => check(locals, url, request, false),
	import: ({ locals, url, request }) => check(locals, url, request, true)
};
