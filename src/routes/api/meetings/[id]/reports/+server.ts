import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { addReport } from '$lib/server/voices/reports';
import { reportRegisterForViewer } from '$lib/server/voices/report-register';
import { commandJson, jsonObject, text } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * A professional invited to the meeting adds their report: `multipart/form-data` with `title`
 * and `file` (PDF or Word, at most 10 MB, judged by its bytes), or JSON `{ title, body }` for a
 * report written in the app → 201 `{ id }`. 400 `{ errors: { field: message } }` for a file
 * that is not PDF or Word whatever its name; 413 past a person's 10 reports or 30 MB for the
 * meeting, or the meeting's 100 MB; 409 once the meeting is over; 404 for anyone else.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const type = request.headers.get('content-type') ?? '';
	let title: string;
	let body: string | null;
	let file: { name: string; bytes: Uint8Array } | null = null;
	if (type.startsWith('multipart/form-data')) {
		const form = await request.formData().catch(() => null);
		if (!form) return json({ errors: { file: 'The upload could not be read.' } }, { status: 400 });
		title = text(form.get('title'));
		body = text(form.get('body')) || null;
		const upload = form.get('file');
		if (upload instanceof File && upload.size > 0)
			file = { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) };
	} else {
		const input = (await jsonObject(request)) ?? {};
		title = text(input.title);
		body = text(input.body) || null;
	}
	try {
		const made = await addReport({
			db: await database(),
			user,
			meetingId: params.id,
			title,
			file,
			body
		});
		if (!made) error(404, 'Not found');
		return json(made, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};

/**
 * The meeting's one register of reports (issue 21):
 * `{ reports: [{ id, agency, from, title, state: "asked" | "received" | "shared", receivedAt,
 * sharedWithParentsAt, downloadUrl, url, parentsFirstOpenedAt? }] }`. A parent or carer is given
 * the same list filtered to what was shared with them (and not when they opened it); anyone not
 * in the meeting, another family's parent included, 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const register = await reportRegisterForViewer({
		db: await database(),
		user,
		meetingId: params.id
	});
	if (!register) error(404, 'Not found');
	return json({ reports: register.reports }, { headers: { 'cache-control': 'private, no-store' } });
};
