import { error, fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { peopleViewer } from '$lib/server/people/guard';
import {
	IMPORT_MAX_BYTES,
	IMPORT_MAX_ROWS,
	importPeople,
	previewPeopleImport
} from '$lib/server/people/import';
import type { Actions, PageServerLoad } from './$types';

/**
 * Importing the unit's people from a CSV file (People and agencies, issue 12): upload or paste
 * it, see every row with its problems, correct them, and only then import: all rows or none.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	peopleViewer({ locals, url, write: true });
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

export const actions: Actions = {
	preview: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: true });
		const read = await csvFrom(await request.formData());
		if ('problem' in read) return fail(400, { problem: read.problem, csv: '' });
		const preview = await previewPeopleImport({
			db: await database(),
			unitId: viewer.unitId,
			viewer,
			csv: read.csv
		});
		return { csv: read.csv, rows: preview.rows, errors: preview.errors };
	},
	import: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: true });
		const read = await csvFrom(await request.formData());
		if ('problem' in read) return fail(400, { problem: read.problem, csv: '' });
		const db = await database();
		const done = await importPeople({ db, viewer, csv: read.csv });
		if (!done) error(404, 'Not found');
		if (!done.ok) {
			const preview = await previewPeopleImport({
				db,
				unitId: viewer.unitId,
				viewer,
				csv: read.csv
			});
			return fail(400, { csv: read.csv, rows: preview.rows, errors: done.errors });
		}
		return { created: done.created };
	}
};
