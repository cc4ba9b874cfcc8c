import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { fieldErrorsOf } from '$lib/server/people/agencies';
import { peopleForViewer, personInput } from '$lib/server/people/people';
import { createPerson } from '$lib/server/people/commands/create-person';
import { mayManageAccounts } from '$lib/policy';
import type { RequestHandler } from './$types';

/** The unit's business support, chairs and managers: → { people: [{ id, name, email, role, agencyId, disabled }] }. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const people = await peopleForViewer({ db: await database(), viewer: user });
	if (!people) error(404, 'Not found');
	return json({
		people: people.map(({ id, name, email, role, agencyId, disabled }) => ({
			id,
			name,
			email,
			role,
			agencyId,
			disabled
		}))
	});
};

/**
 * Managers, business support and chairs: { name, email, role (one of `userRoles`), agencyId? }
 * → 201 { id, inviteUrl } (the single-use set-up link, also sent through the outbox: it claims
 * only places on this unit's meetings); bad input 400 { errors: { field: message } }, and a role
 * the viewer may not give (`mayGrantRole`: only a manager makes managers and business support, a
 * chair only professionals and parents) 400 { errors: { role } }.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayManageAccounts(user)) error(404, 'Not found');
	const body: unknown = await request.json().catch(() => undefined);
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return json({ errors: { form: 'Send the person as a JSON object.' } }, { status: 400 });
	const parsed = personInput.safeParse(body);
	if (!parsed.success) return json({ errors: fieldErrorsOf(parsed.error) }, { status: 400 });
	const made = await createPerson({ db: await database(), viewer: user, person: parsed.data });
	if (!made) error(404, 'Not found');
	if (!made.ok) return json({ errors: made.errors }, { status: 400 });
	return json({ id: made.id, inviteUrl: made.inviteUrl }, { status: 201 });
};
