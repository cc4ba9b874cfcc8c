/**
 * The unit's words for the roles of the people it keeps (People and agencies, issue 12). The
 * API and the CSV import name them as `userRoles` does (chair, admin, manager, professional,
 * parent); the pages say them in words, and the import also accepts the words.
 */
import { userRoles, type UserRole } from './vocabulary';

export const userRoleLabel: Record<UserRole, string> = {
	chair: 'Chair or independent reviewing officer',
	admin: 'Business support',
	manager: 'Manager',
	professional: 'Professional (an agency)',
	parent: 'Parent or carer',
	child: 'Child or young person (their own space)',
	lado: 'Designated officer (LADO)'
};

/** A role inside a sentence: "You may give the roles professional and parent." */
export const userRoleInSentence: Record<UserRole, string> = {
	chair: 'chair',
	admin: 'business support',
	manager: 'manager',
	professional: 'professional',
	parent: 'parent',
	child: 'child',
	lado: 'designated officer'
};

const roleWords: Record<string, UserRole> = {
	chair: 'chair',
	iro: 'chair',
	'independent reviewing officer': 'chair',
	'chair or independent reviewing officer': 'chair',
	admin: 'admin',
	'business support': 'admin',
	manager: 'manager',
	professional: 'professional',
	'professional an agency': 'professional',
	parent: 'parent',
	carer: 'parent',
	'parent or carer': 'parent',
	lado: 'lado',
	'designated officer': 'lado',
	'designated officer lado': 'lado',
	'local authority designated officer': 'lado'
};

/** A role from its stored value or its words ("business support", "IRO"), or null. */
export function parseUserRole(words: string): UserRole | null {
	const wanted = words
		.trim()
		.toLowerCase()
		.replace(/[^a-z]+/g, ' ')
		.trim();
	const role = roleWords[wanted];
	return role && userRoles.includes(role) ? role : null;
}

/** The roles that carry a caseload (chairs and independent reviewing officers). */
export function hasCaseload(role: UserRole): boolean {
	return role === 'chair';
}

/**
 * A username a child signs in with instead of an email address (issue 27): 3 to 60 letters,
 * digits, dots, dashes, underscores or an "@", starting with a letter or digit.
 */
export function isUsername(value: string): boolean {
	return /^[a-z0-9][a-z0-9._@-]{2,59}$/i.test(value);
}
