/**
 * The four steps of the notes as JSON endpoints (`POST /api/documents/{id}/submit|approve|return|correct`):
 * the body is checked with zod (400 `{ errors: { field: message } }`), a refused step answers
 * its status with `{ message, errors }` (`commandJson`: 404 not yours, 403 not your step, 409 out of turn).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { badRequest, commandJson, jsonObject } from '../http/json';
import { z } from 'zod';
import { database } from '../db';
import { requireApiUser } from '../guards';
import type { StoredDocument } from '../db/schema';
import { approveNotes, correctNotes, notesFor, returnNotes, submitNotes } from './notes';
import { linkOf } from './store';
import { circulateApprovedNotes } from '../circulation-flow';
import { textLimits, tooLongMessage } from '../../domain/text-limits';

export type NotesStep = 'submit' | 'approve' | 'return' | 'correct';

const bodies = {
	return: z.object({
		comment: z
			.string({ error: 'Say what needs to change.' })
			.trim()
			.min(1, 'Say what needs to change.')
			.max(textLimits.reason, tooLongMessage('reason', 'the comment'))
	}),
	correct: z.object({
		reason: z
			.string({ error: 'Say why the notes need correcting.' })
			.trim()
			.min(1, 'Say why the notes need correcting.')
			.max(textLimits.reason, tooLongMessage('reason', 'the reason'))
	})
};

function answer(row: StoredDocument) {
	const link = linkOf(row);
	return {
		document: {
			id: link.id,
			kind: link.kind,
			version: link.version,
			audience: link.audience,
			state: link.state,
			dueBy: link.dueBy,
			url: link.url,
			pdfUrl: link.pdfUrl
		}
	};
}

export async function notesStep(event: RequestEvent, step: NotesStep): Promise<Response> {
	const user = requireApiUser(event.locals);
	const db = await database();
	const documentId = event.params.id ?? '';
	try {
		switch (step) {
			case 'submit':
				return json(answer(await submitNotes({ db, user, documentId })));
			case 'approve': {
				// The names the chair holds back from the circulation (their addresses); the rest
				// are sent the final notes at once, each the copy they may read (issue 22).
				await notesFor({ db, user, documentId }); // not yours: 404 before any 400
				const body = (await jsonObject(event.request)) as { holdBack?: unknown } | null;
				const holdBack = body?.holdBack ?? [];
				if (!Array.isArray(holdBack) || holdBack.some((a) => typeof a !== 'string'))
					return json(
						{ errors: { holdBack: 'List the addresses to hold back, as text, or none.' } },
						{ status: 400 }
					);
				const { notes, family } = await approveNotes({ db, user, documentId });
				const circulation = await circulateApprovedNotes({
					db,
					user,
					meetingId: notes.meetingId,
					notes,
					holdBack: holdBack as string[]
				});
				return json({ ...answer(notes), familyCopy: answer(family).document, circulation });
			}
			case 'return': {
				await notesFor({ db, user, documentId }); // not yours: 404 before any 400
				const parsed = bodies.return.safeParse(await event.request.json().catch(() => null));
				if (!parsed.success) return badRequest({ comment: parsed.error.issues[0].message });
				return json(
					answer(await returnNotes({ db, user, documentId, comment: parsed.data.comment }))
				);
			}
			case 'correct': {
				await notesFor({ db, user, documentId });
				const parsed = bodies.correct.safeParse(await event.request.json().catch(() => null));
				if (!parsed.success) return badRequest({ reason: parsed.error.issues[0].message });
				return json(
					answer(await correctNotes({ db, user, documentId, reason: parsed.data.reason }))
				);
			}
		}
	} catch (problem) {
		return commandJson(problem, { field: 'body' });
	}
}
