/**
 * What the unit keeps about a child beyond their name (issue 26): a child in care's legal status
 * and placement, the needs that change how a meeting is run (disability, first language and an
 * interpreter, communication), ethnicity and religion for the figures, and the child's identifier
 * in the council's case system. `checkChildDetails` checks what a form or the API sends.
 */
import { typedDateProblem, type CalendarDate } from './calendar-date';
import type { Checked, Problem } from './problems';
import { tooLong, type TextLimit } from './text-limits';

/** A child in care's legal status, stored as these values. */
export const legalStatuses = [
	'section-20',
	'interim-care-order',
	'care-order',
	'placement-order'
] as const;
export type LegalStatus = (typeof legalStatuses)[number];

export const legalStatusLabel: Record<LegalStatus, string> = {
	'section-20': 'Accommodated under section 20 (with the parents’ agreement)',
	'interim-care-order': 'Interim care order',
	'care-order': 'Care order',
	'placement-order': 'Placement order (for adoption)'
};

/** Where a child in care lives, stored as these values. */
export const placementTypes = [
	'foster-care',
	'family-and-friends',
	'residential',
	'placed-with-parents',
	'adoptive',
	'supported-living',
	'other'
] as const;
export type PlacementType = (typeof placementTypes)[number];

export const placementTypeLabel: Record<PlacementType, string> = {
	'foster-care': 'Foster care',
	'family-and-friends': 'Family and friends carers',
	residential: 'Children’s home',
	'placed-with-parents': 'Placed with parents',
	adoptive: 'With prospective adopters',
	'supported-living': 'Supported living',
	other: 'Other'
};

/**
 * The review cycle being in care implies, in words: the first review within 20 working days of
 * coming into care, the second within three months of it, then at most every six months (the
 * dates are the child's clocks, src/lib/domain/child-clocks.ts).
 */
export const careReviewCycle =
	'First review within 20 working days of coming into care, the second within three months, then at least every six months.';

/** The child's details as kept (every field optional; a blank text is none). */
export interface ChildDetails {
	caseSystemId: string | null;
	legalStatus: { status: LegalStatus; since: CalendarDate } | null;
	placementType: PlacementType | null;
	carerName: string | null;
	outOfArea: boolean;
	placedByAuthority: string | null;
	disability: string | null;
	firstLanguage: string | null;
	interpreterNeeded: boolean;
	communicationNeeds: string | null;
	ethnicity: string | null;
	religion: string | null;
}

const textFields: Record<
	Exclude<keyof ChildDetails, 'legalStatus' | 'placementType' | 'outOfArea' | 'interpreterNeeded'>,
	[TextLimit, string]
> = {
	caseSystemId: ['shortText', 'the case-system identifier'],
	carerName: ['name', "the carer's name"],
	placedByAuthority: ['name', 'the authority that placed the child'],
	disability: ['reason', 'the disability'],
	firstLanguage: ['shortText', 'the first language'],
	communicationNeeds: ['reason', 'the communication needs'],
	ethnicity: ['shortText', 'the ethnicity'],
	religion: ['shortText', 'the religion']
};

const clean = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const yes = (value: unknown) => value === true || value === 'on' || value === 'true';

/**
 * Checks a child's details as sent: only the fields present change (`undefined` leaves a field
 * as it is). Returns the changes, or every problem with the field it is about.
 */
export function checkChildDetails(
	input: Record<string, unknown>
): Checked<'details', Partial<ChildDetails>> {
	const problems: Problem[] = [];
	const details: Partial<ChildDetails> = {};
	for (const [field, [limit, what]] of Object.entries(textFields) as [
		keyof typeof textFields,
		[TextLimit, string]
	][]) {
		if (input[field] === undefined) continue;
		if (input[field] !== null && typeof input[field] !== 'string') {
			problems.push({ field, message: `Send ${what} as text.` });
			continue;
		}
		const value = clean(input[field]);
		const long = tooLong(value, limit, what);
		if (long) problems.push({ field, message: long });
		else details[field] = value || null;
	}
	for (const field of ['outOfArea', 'interpreterNeeded'] as const)
		if (input[field] !== undefined) details[field] = yes(input[field]);
	if (input.placementType !== undefined) {
		const value = clean(input.placementType);
		if (value === '') details.placementType = null;
		else if ((placementTypes as readonly string[]).includes(value))
			details.placementType = value as PlacementType;
		else
			problems.push({
				field: 'placementType',
				message: `Choose the placement: ${placementTypes.join(', ')}.`
			});
	}
	const status = input.legalStatus;
	const since = input.legalStatusSince;
	if (status !== undefined && clean(status) !== '') {
		if (!(legalStatuses as readonly string[]).includes(clean(status)))
			problems.push({
				field: 'legalStatus',
				message: `Choose the legal status: ${legalStatuses.join(', ')}.`
			});
		const dateProblem = typedDateProblem(clean(since));
		if (dateProblem)
			problems.push({
				field: 'legalStatusSince',
				message: `The legal status’s date: ${dateProblem}`
			});
		else if ((legalStatuses as readonly string[]).includes(clean(status)))
			details.legalStatus = { status: clean(status) as LegalStatus, since: clean(since) };
	}
	return problems.length ? { ok: false, problems } : { ok: true, details };
}

/** An interpreter needs a language to be booked in (checked against what is kept and sent). */
export function interpreterProblem(merged: {
	interpreterNeeded: boolean;
	firstLanguage: string | null;
}): Problem | null {
	return merged.interpreterNeeded && !merged.firstLanguage
		? {
				field: 'firstLanguage',
				message: 'Name the first language, so the interpreter booked speaks it.'
			}
		: null;
}
