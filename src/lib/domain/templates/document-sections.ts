/**
 * The agenda sections a meeting's documents read by their key, each with the documents that read
 * it. The documents name a section only through `documentSection`, so this list is the whole of
 * it; a unit's copy of a kind may leave out a section only when no document reads it
 * (./kind-definition.ts).
 */
export const sectionsDocumentsRead = {
	summary: 'the plan for the family and the child’s letter',
	'childs-views': 'the child’s letter',
	lessons: 'the lessons for practice',
	'placement-history': 'the lessons for practice',
	'childs-voice': 'the lessons for practice',
	'what-happened': 'the lessons for practice',
	'story-so-far': 'the memory book',
	'adopters-questions': 'the memory book',
	closing: 'the memory book'
} as const satisfies Record<string, string>;

export type DocumentSectionKey = keyof typeof sectionsDocumentsRead;

/** A section's key as a document reads it: the compiler refuses one this list does not have. */
export const documentSection = (key: DocumentSectionKey): string => key;

/** The documents that read the section with this key, or null when none does. */
export function documentsReading(key: string): string | null {
	return Object.hasOwn(sectionsDocumentsRead, key)
		? sectionsDocumentsRead[key as DocumentSectionKey]
		: null;
}
