/**
 * A section of the agenda as the shaping form holds it and sends it: its key and words, and who
 * speaks (the form edits them for the unit's own sections only).
 */
import type { TemplateSection } from '$lib/domain/templates';

export type DraftSection = Pick<TemplateSection, 'key' | 'title' | 'familyTitle' | 'prompt'> & {
	speakers: string[];
};

/** A section as the form sent it, for the page to show again beside its problems. */
export function draftSection(sent: Record<string, unknown>): DraftSection {
	const text = (field: string) => (typeof sent[field] === 'string' ? (sent[field] as string) : '');
	return {
		key: text('key'),
		title: text('title'),
		familyTitle: text('familyTitle'),
		prompt: text('prompt'),
		speakers: Array.isArray(sent.speakers) ? sent.speakers.map(String) : []
	};
}
