import { error, fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { storableText } from '$lib/server/db/storable';
import { kindShaper } from '$lib/server/meeting-kinds-guard';
import { meetingKindHistory, saveMeetingKind, unitMeetingKind } from '$lib/server/meeting-kinds';
import { CommandError } from '$lib/server/command-error';
import { commandFail } from '$lib/server/http/form';
import { templateFor } from '$lib/domain/templates';
import { timescales } from '$lib/domain/timescales';
import { maxSections, whySectionStays } from '$lib/domain/templates/kind-definition';
import { draftSection } from './draft';
import type { Actions, PageServerLoad } from './$types';

/**
 * One of the unit's meeting kinds (issue 25): a built-in kind to read and copy, or the unit's own
 * copy, whose words and agenda business support and managers change beside a live preview of the
 * room, the projector and the family view: sections reworded, put in another order, left out
 * (those that hold shared notes only) or added. Each save is a new version; meetings keep the one
 * they began with.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const viewer = kindShaper({ locals, url });
	const db = await database();
	const kind = await unitMeetingKind({ db, unitId: viewer.unitId, kindId: params.id });
	if (!kind) error(404, 'Not found');
	const history = await meetingKindHistory({ db, unitId: viewer.unitId, kindId: kind.id });
	return {
		kind: {
			id: kind.id,
			builtIn: kind.builtIn,
			version: kind.version,
			template: kind.template
		},
		// The base kind's sections: their structure stays, and why some must stay in every copy.
		base: templateFor(kind.baseKind).sections.map((section) => ({
			...section,
			restrictedAllowed: section.restrictedAllowed === true,
			stays: whySectionStays(section)
		})),
		maxSections,
		// The statutory timescales that make it due, as its definition names them (kept by copies).
		timescales: (kind.template.timescales ?? []).map((name) => timescales[name]),
		history: history.map((h) => ({ version: h.version, savedAt: h.createdAt.toISOString() })),
		copied: url.searchParams.get('copied') === '1'
	};
};

const wordFields = ['label', 'familyLabel', 'purpose'] as const;
const sectionFields = ['title', 'familyTitle', 'prompt'] as const;

export const actions: Actions = {
	save: async ({ locals, url, params, request }) => {
		const viewer = kindShaper({ locals, url });
		const db = await database();
		const form = await request.formData();
		const value = (name: string) => storableText(String(form.get(name) ?? ''));
		const values: Record<string, string> = {};
		for (const [name, typed] of form)
			if (typeof typed === 'string') values[name] = storableText(typed);
		const current = await unitMeetingKind({ db, unitId: viewer.unitId, kindId: params.id });
		if (!current) error(404, 'Not found');
		// The form carries the sections in their order, each with its key and words, and who speaks
		// in a section of the unit's own. A section of the base kind keeps its structure (and the
		// child's words, which the form does not edit); anything else is checked as a new section.
		const base = templateFor(current.baseKind);
		const sections: Record<string, unknown>[] = [];
		for (let i = 0; i <= maxSections && form.has(`sections[${i}].key`); i++) {
			const key = value(`sections[${i}].key`);
			const words = Object.fromEntries(sectionFields.map((f) => [f, value(`sections[${i}].${f}`)]));
			const kept = current.template.sections.find((s) => s.key === key);
			sections.push(
				base.sections.some((s) => s.key === key) && kept
					? { ...kept, ...words }
					: {
							key,
							...words,
							speakers: form.getAll(`sections[${i}].speakers`).map(String)
						}
			);
		}
		const definition = {
			...current.template,
			...Object.fromEntries(wordFields.map((f) => [f, value(f)])),
			sections
		};
		try {
			const saved = await saveMeetingKind({ db, viewer, kindId: params.id, definition });
			return { saved: `Saved as version ${saved.version}. Meetings scheduled from now use it.` };
		} catch (problem) {
			// Every field's problem beside its field, not only the first; the agenda as sent, to fix.
			const draft = sections.map(draftSection);
			if (problem instanceof CommandError && problem.details.errors)
				return fail(problem.status, {
					errors: problem.details.errors as Record<string, string>,
					values,
					draft
				});
			return commandFail(problem, (errors) => ({ errors, values, draft }));
		}
	}
};
