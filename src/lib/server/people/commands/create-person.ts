import type { Database } from '../../db';
import { mayGrantRole, mayManageAccounts, type Viewer } from '../../../policy';
import type { FieldErrors } from '../../forms';
import { isUniqueViolation, personProblems, roleNotYours, type PersonInput } from '../people';
import { insertPerson } from './insert-person';

export type PersonResult =
	{ ok: true; id: string; inviteUrl: string } | { ok: false; errors: FieldErrors };

/**
 * Adds a person to the viewer's unit with no password and queues their set-up link; returns
 * the link too. Null when the viewer may not. Bad input: field errors.
 */
export async function createPerson(props: {
	db: Database;
	viewer: Viewer;
	person: PersonInput;
}): Promise<PersonResult | null> {
	const { db, viewer, person } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const unitId = viewer.unitId;
	const errors = await personProblems({ db, unitId, person });
	if (!mayGrantRole({ viewer, role: person.role })) {
		const roleError = { role: roleNotYours(viewer) };
		return { ok: false, errors: { ...errors, ...roleError } };
	}
	if (errors) return { ok: false, errors };
	try {
		return await db.transaction(async (tx) => {
			const made = await insertPerson({ db: tx, viewer, unitId, person });
			return { ok: true as const, ...made };
		});
	} catch (problem) {
		// Someone made an account with this address between the check and the insert.
		if (isUniqueViolation(problem))
			return {
				ok: false,
				errors: { email: 'There is already an account with this email address.' }
			};
		throw problem;
	}
}
