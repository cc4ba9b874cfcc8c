/**
 * The kinds of agency a unit works with (People and agencies, issue 12), and the words for
 * them. `agencies.kind` stores the value; the API and the CSV import also accept the words.
 */
export const agencyKinds = [
	'police',
	'health-visiting',
	'gp',
	'health',
	'school',
	'nursery',
	'emergency-duty-team',
	'social-care',
	'advocacy',
	'domestic-violence',
	'other'
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyKindLabel: Record<AgencyKind, string> = {
	police: 'Police',
	'health-visiting': 'Health visiting',
	gp: 'GP practice',
	health: 'Health (other)',
	school: 'School',
	nursery: 'Nursery',
	'emergency-duty-team': 'Out-of-hours emergency duty team',
	'social-care': "Children's social care",
	advocacy: 'Advocacy',
	'domestic-violence': 'Domestic abuse service',
	other: 'Other'
};

function plain(words: string): string {
	return words
		.trim()
		.toLowerCase()
		.replace(/[’']/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** A kind from its stored value or its words ("GP practice", "health visiting"), or null. */
export function parseAgencyKind(words: string): AgencyKind | null {
	const wanted = plain(words);
	if (wanted === '') return null;
	for (const kind of agencyKinds) {
		if (plain(kind) === wanted || plain(agencyKindLabel[kind]) === wanted) return kind;
	}
	const also: Record<string, AgencyKind> = {
		edt: 'emergency-duty-team',
		'emergency duty team': 'emergency-duty-team',
		'out of hours': 'emergency-duty-team',
		'social care': 'social-care',
		'childrens social care': 'social-care',
		'health visitor': 'health-visiting',
		'general practice': 'gp'
	};
	return also[wanted] ?? null;
}
