/**
 * The documents a meeting makes as it ends (DESIGN §6): pure generators from the frozen record,
 * the document model, HTML rendering, readability and the jargon glossary.
 */
import { childLetter } from './child-letter';
import { notesDocument } from './notes';
import type { DocumentInput } from './input';
import { lessons } from './lessons';
import { memoryBook } from './memory-book';
import { notesFamily } from './notes-family';
import type { MeetingDocument } from './model';
import type { DocumentKind } from '../domain/vocabulary';
import { parentPlan } from './parent-plan';
import { plan24h } from './plan-24h';

export * from './model';
export * from './input';
export { renderDocumentHtml } from './html';
export { documentReadability } from './check';
export { plan24h, notesDocument, parentPlan, childLetter, memoryBook, lessons, notesFamily };

const generators: Record<DocumentKind, (input: DocumentInput) => MeetingDocument> = {
	'plan-24h': plan24h,
	notes: notesDocument,
	'notes-family': notesFamily,
	'parent-plan': parentPlan,
	'child-letter': childLetter,
	'memory-book': memoryBook,
	lessons
};

/** One document of a kind from the meeting's frozen record. */
export function generateDocument(kind: DocumentKind, input: DocumentInput): MeetingDocument {
	return generators[kind](input);
}

/** Every document the meeting's template lists in its `outputs`, in that order. */
export function generateDocuments(input: DocumentInput): MeetingDocument[] {
	return input.template.outputs.map((kind) => generateDocument(kind, input));
}
