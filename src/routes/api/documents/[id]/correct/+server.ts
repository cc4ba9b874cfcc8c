import { notesStep } from '$lib/server/documents/notes-api';
import type { RequestHandler } from './$types';

/** POST /api/documents/{id}/correct (docs/documents.md, "The notes"). */
export const POST: RequestHandler = (event) => notesStep(event, 'correct');
