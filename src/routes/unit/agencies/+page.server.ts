import { error, fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { storableText } from '$lib/server/db/storable';
import { peopleViewer } from '$lib/server/people/guard';
import {
	addAgencyContact,
	agenciesForViewer,
	agencyInput,
	contactInput,
	createAgency,
	fieldErrorsOf
} from '$lib/server/people/agencies';
import { importAgencies } from '$lib/server/people/import';
import { agencyKindLabel, agencyKinds } from '$lib/domain/agencies';
import { mayManagePeople } from '$lib/policy';
import type { FieldErrors } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The unit's agencies and their contacts (People and agencies, issue 12): business support and
 * chairs add an agency with a first contact, add contacts, or import a list (CSV
 * `name,kind,email`); managers read.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = peopleViewer({ locals, url });
	const agencies = await agenciesForViewer({ db: await database(), viewer });
	return {
		agencies: agencies ?? [],
		kinds: agencyKinds.map((kind) => ({ value: kind, label: agencyKindLabel[kind] })),
		mayManage: mayManagePeople(viewer)
	};
};

/** The form's text fields, made storable. */
function fieldsOf(form: FormData): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = storableText(value);
	return raw;
}

/** A contact from fields named with a prefix (`contactName`…), its errors under those names; none if all empty. */
function contactFrom(
	raw: Record<string, string>,
	prefix: string,
	errors: FieldErrors,
	required: boolean
) {
	const fields = {
		name: raw[`${prefix}Name`] ?? '',
		email: raw[`${prefix}Email`] ?? '',
		phone: raw[`${prefix}Phone`] ?? ''
	};
	if (!required && !fields.name.trim() && !fields.email.trim() && !fields.phone.trim()) return null;
	const parsed = contactInput.safeParse(fields);
	if (parsed.success) return parsed.data;
	for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error)))
		errors[`${prefix}${field[0].toUpperCase()}${field.slice(1)}`] ??= message;
	return null;
}

export const actions: Actions = {
	add: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: true });
		const raw = fieldsOf(await request.formData());
		const parsed = agencyInput.safeParse({
			name: raw.name ?? '',
			kind: raw.kind ?? '',
			email: raw.email ?? ''
		});
		const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
		const contact = contactFrom(raw, 'contact', errors, false);
		if (!parsed.success || Object.keys(errors).length > 0)
			return fail(400, { add: { errors, values: raw } });
		const made = await createAgency({
			db: await database(),
			viewer,
			agency: parsed.data,
			contacts: contact ? [contact] : []
		});
		if (!made) error(404, 'Not found');
		if (!made.ok) return fail(400, { add: { errors: made.errors, values: raw } });
		return { changed: `${parsed.data.name} has been added to the unit's agencies.` };
	},
	contact: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: true });
		const raw = fieldsOf(await request.formData());
		const errors: FieldErrors = {};
		if (!raw.contactAgencyId) errors.contactAgencyId = 'Choose the agency.';
		const contact = contactFrom(raw, 'newContact', errors, true);
		if (!contact || Object.keys(errors).length > 0)
			return fail(400, { contact: { errors, values: raw } });
		const added = await addAgencyContact({
			db: await database(),
			viewer,
			agencyId: raw.contactAgencyId,
			contact
		});
		if (!added)
			return fail(400, {
				contact: { errors: { contactAgencyId: 'Choose one of the unit’s agencies.' }, values: raw }
			});
		return { changed: `${contact.name} has been added as a contact.` };
	},
	import: async ({ locals, url, request }) => {
		const viewer = peopleViewer({ locals, url, write: true });
		const raw = fieldsOf(await request.formData());
		const csv = raw.csv ?? '';
		if (!csv.trim())
			return fail(400, {
				import: {
					errors: [
						{ row: 0, message: 'Paste the agencies, one a line, under the header name,kind,email.' }
					],
					csv
				}
			});
		const done = await importAgencies({ db: await database(), viewer, csv });
		if (!done) error(404, 'Not found');
		if (!done.ok) return fail(400, { import: { errors: done.errors, csv } });
		return {
			changed: `${done.created} ${done.created === 1 ? 'agency has' : 'agencies have'} been added.`
		};
	}
};
