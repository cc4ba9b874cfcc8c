import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import {
	agenciesForViewer,
	agencyInput,
	contactInput,
	createAgency,
	fieldErrorsOf
} from '$lib/server/people/agencies';
import { mayManagePeople } from '$lib/policy';
import type { RequestHandler } from './$types';

/** The unit's business support, chairs and managers: → { agencies: [{ id, name, kind, kindLabel, email, contacts }] }. */
export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const agencies = await agenciesForViewer({ db: await database(), viewer: user });
	if (!agencies) error(404, 'Not found');
	return json({ agencies });
};

/**
 * Business support and chairs: { name, kind, email?, contacts?: [{ name, email?, phone? }] }
 * → 201 { id }; bad input 400 { errors: { field: message } } (a contact's: `contacts.N.field`).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	if (!mayManagePeople(user)) error(404, 'Not found');
	const body: unknown = await request.json().catch(() => undefined);
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return json({ errors: { form: 'Send the agency as a JSON object.' } }, { status: 400 });
	const parsed = agencyInput.safeParse(body);
	const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
	const rawContacts = (body as { contacts?: unknown }).contacts ?? [];
	const contacts = [];
	if (!Array.isArray(rawContacts)) errors.contacts = 'Send the contacts as a list.';
	else
		for (const [index, raw] of rawContacts.entries()) {
			const contact = contactInput.safeParse(raw ?? {});
			if (contact.success) contacts.push(contact.data);
			else
				for (const [field, message] of Object.entries(fieldErrorsOf(contact.error)))
					errors[`contacts.${index}.${field}`] ??= message;
		}
	if (!parsed.success || Object.keys(errors).length > 0) return json({ errors }, { status: 400 });
	const made = await createAgency({
		db: await database(),
		viewer: user,
		agency: parsed.data,
		contacts
	});
	if (!made) error(404, 'Not found');
	if (!made.ok) return json({ errors: made.errors }, { status: 400 });
	return json({ id: made.id }, { status: 201 });
};
