/**
 * Structural rules every template must follow, so a template a unit adds is checked before a
 * meeting runs on it. Problems are collected (not thrown) with the field they concern.
 */
import type { Checked, Problem } from '../problems';
import { meetingKinds, meetingOutputs, meetingRoles, type MeetingRole } from '../vocabulary';
import {
	participantRootPatterns,
	rootKeyPattern,
	type MeetingTemplate,
	type TemplateSection
} from './types';

const isRole = (value: unknown): value is MeetingRole =>
	(meetingRoles as readonly unknown[]).includes(value);
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** Sections where these roles give their own contribution (each participant's `contribution:*` root). */
function contributionSections(t: MeetingTemplate, role: MeetingRole): number[] {
	return t.sections.flatMap((s, i) =>
		s.roots.includes('contribution:*') && s.speakers.includes(role) ? [i] : []
	);
}

function sectionsOwning(t: MeetingTemplate, root: TemplateSection['roots'][number]): number[] {
	return t.sections.flatMap((s, i) => (s.roots.includes(root) ? [i] : []));
}

/** True for a template held to the conference rules ("parents first, then why?"). */
export function isConferenceTemplate(t: MeetingTemplate): boolean {
	return (
		t.kind.endsWith('-conference') || t.decisions.some((d) => d.key === 'child-protection-plan')
	);
}

/**
 * Checks a template's structure: unique, well-formed section keys; known roles, roots and
 * outputs; each participant's root owned by one section; every decision taken (with reasons)
 * before the plan; and for conferences, parents heard before any professional.
 */
export function validateTemplate(t: MeetingTemplate): Checked<'template', MeetingTemplate> {
	const problems: Problem[] = [];
	const problem = (field: string, message: string) => problems.push({ field, message });

	if (!(meetingKinds as readonly string[]).includes(t.kind))
		problem('kind', `Unknown meeting kind "${t.kind}".`);
	for (const field of ['label', 'familyLabel', 'purpose'] as const) {
		if (blank(t[field])) problem(field, `Give the template a ${field}.`);
	}
	for (const field of ['childLabel', 'childPurpose'] as const) {
		if (t[field] !== undefined && blank(t[field]))
			problem(field, `Leave out the ${field}, or write it: it cannot be empty.`);
	}
	if (t.sections.length === 0) problem('sections', 'A meeting needs at least one agenda section.');

	const seenKeys = new Map<string, number>();
	t.sections.forEach((s, i) => {
		const at = `sections[${i}]`;
		if (!rootKeyPattern.test(s.key)) {
			problem(`${at}.key`, `Section key "${s.key}" must be 1–64 letters, digits, "-" or "_".`);
		} else if (seenKeys.has(s.key)) {
			problem(
				`${at}.key`,
				`Section key "${s.key}" is used twice (also by sections[${seenKeys.get(s.key)}]).`
			);
		} else {
			seenKeys.set(s.key, i);
		}
		for (const field of ['title', 'familyTitle', 'prompt'] as const) {
			if (blank(s[field])) problem(`${at}.${field}`, `Section "${s.key}" needs a ${field}.`);
		}
		if (s.childTitle !== undefined && blank(s.childTitle))
			problem(
				`${at}.childTitle`,
				`Section "${s.key}": leave out the childTitle, or write it: it cannot be empty.`
			);
		if (s.speakers.length === 0) problem(`${at}.speakers`, `Say who speaks in section "${s.key}".`);
		for (const role of s.speakers) {
			if (!isRole(role))
				problem(`${at}.speakers`, `Unknown meeting role "${role}" in section "${s.key}".`);
		}
		if (s.roots.length === 0)
			problem(`${at}.roots`, `Section "${s.key}" must own at least one root of the record.`);
		if (new Set(s.roots).size !== s.roots.length)
			problem(`${at}.roots`, `Section "${s.key}" lists a root twice.`);
		for (const root of s.roots) {
			const isParticipantPattern = (participantRootPatterns as readonly string[]).includes(root);
			if (root.startsWith('section:')) {
				if (root !== `section:${s.key}`) {
					problem(
						`${at}.roots`,
						`Section "${s.key}" may own only its own notes root "section:${s.key}", not "${root}".`
					);
				}
			} else if (root !== 'plan' && !isParticipantPattern) {
				problem(`${at}.roots`, `Unknown root "${root}" in section "${s.key}".`);
			}
		}
	});

	// Each participant's root must belong to one section, or two sections would show the same words.
	for (const pattern of participantRootPatterns) {
		const owners = sectionsOwning(t, pattern);
		const claimed = new Map<MeetingRole, number>();
		for (const i of owners) {
			for (const role of t.sections[i].speakers) {
				const other = claimed.get(role);
				if (other !== undefined) {
					problem(
						`sections[${i}].roots`,
						`The ${role}'s "${pattern}" root is owned by both "${t.sections[other].key}" and "${t.sections[i].key}": give each role's root to one section.`
					);
				} else {
					claimed.set(role, i);
				}
			}
		}
	}

	const planSections = sectionsOwning(t, 'plan');
	if (planSections.length > 1) problem('sections', 'Only one section may own the plan.');
	const decisionSections = sectionsOwning(t, 'decision:*');
	const firstPlan = planSections[0];

	const decisionKeys = new Set<string>();
	t.decisions.forEach((d, i) => {
		const at = `decisions[${i}]`;
		if (blank(d.key) || decisionKeys.has(d.key))
			problem(`${at}.key`, 'Each decision needs its own key.');
		decisionKeys.add(d.key);
		if (blank(d.question) || blank(d.familyQuestion))
			problem(
				`${at}.question`,
				`Decision "${d.key}" needs its question in professional and in plain words.`
			);
		const values = d.options.map((o) => o.value);
		if (values.length < 2 || new Set(values).size !== values.length) {
			problem(`${at}.options`, `Decision "${d.key}" needs at least two different options.`);
		}
		for (const role of d.voters) {
			if (!isRole(role))
				problem(`${at}.voters`, `Unknown meeting role "${role}" in decision "${d.key}".`);
		}
		// "Decision, then why?": voters record their view and reason in their own decision root.
		const where = decisionSections.find((s) =>
			d.voters.every((role) => t.sections[s].speakers.includes(role))
		);
		if (where === undefined) {
			problem(
				`${at}.voters`,
				`Decision "${d.key}" needs a section owning "decision:*" where ${d.voters.join(', ')} speak.`
			);
		} else if (firstPlan !== undefined && where > firstPlan) {
			problem(
				'sections',
				`The decision "${d.key}" must come before the plan: decision, then why, then the plan.`
			);
		}
	});
	if (t.decisions.length === 0 && decisionSections.length > 0) {
		problem(
			'decisions',
			'A section owns "decision:*" but the template takes no decision: say what is decided.'
		);
	}

	if (isConferenceTemplate(t)) {
		const parents = contributionSections(t, 'parent');
		const professionals = contributionSections(t, 'professional');
		if (parents.length === 0) {
			problem(
				'sections',
				'A conference needs a section where the parents speak about their child (owning "contribution:*").'
			);
		} else if (professionals.some((p) => p < parents[0])) {
			problem(
				'sections',
				"Parents first: the parents' section must come before any section where professionals give their information."
			);
		}
		if (professionals.length === 0)
			problem(
				'sections',
				'A conference needs a section where each professional gives their information.'
			);
		if (
			!t.decisions.some(
				(d) => d.key === 'child-protection-plan' && d.perChild && (d.categories?.length ?? 0) > 0
			)
		) {
			problem(
				'decisions',
				'A conference decides, for each child, plan or no plan and the category.'
			);
		}
		if (firstPlan === undefined) problem('sections', 'A conference needs a section for the plan.');
		if (decisionSections.length === 0)
			problem('sections', 'A conference needs a "decision, then why?" section.');
	}

	const outputs = new Set<string>();
	for (const output of t.outputs) {
		if (!(meetingOutputs as readonly string[]).includes(output))
			problem('outputs', `Unknown output "${output}".`);
		if (outputs.has(output)) problem('outputs', `Output "${output}" is listed twice.`);
		outputs.add(output);
	}
	if (!outputs.has('notes')) problem('outputs', 'Every meeting makes notes: add "notes".');

	t.expectedParticipants.forEach((p, i) => {
		if (!isRole(p.role))
			problem(`expectedParticipants[${i}].role`, `Unknown meeting role "${p.role}".`);
		if (blank(p.who)) problem(`expectedParticipants[${i}].who`, 'Say who is expected.');
	});
	if (!t.expectedParticipants.some((p) => p.role === 'chair' && p.required)) {
		problem('expectedParticipants', 'Every meeting needs a chair.');
	}

	return problems.length > 0 ? { ok: false, problems } : { ok: true, template: t };
}
