/**
 * The unit's agencies and their contacts (People and agencies, issue 12): the police, health
 * visiting, GP practices, schools, nurseries, the out-of-hours emergency duty team… A unit sees
 * its own agencies and those kept by no unit (the demo's). Who may look or write is decided by
 * `mayReadPeople` and `mayManagePeople` in the policy module.
 */
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { agencies, agencyContacts } from '../db/schema';
import { audit } from '../audit';
import { agencyKindLabel, parseAgencyKind, type AgencyKind } from '../../domain/agencies';
import { mayManagePeople, mayReadPeople, type Viewer } from '../../policy';
import type { FieldErrors } from '../forms';
import { textLimits, tooLongMessage } from '../../domain/text-limits';
import { containsPattern, pickerWords, type AgencyChoice } from '../../domain/picker-search';

export interface AgencyContactView {
	id: string;
	name: string;
	email: string | null;
	phone: string | null;
}

export interface AgencyView {
	id: string;
	name: string;
	kind: string;
	kindLabel: string;
	email: string | null;
	contacts: AgencyContactView[];
}

const optionalEmail = z
	.string()
	.trim()
	.max(textLimits.email, tooLongMessage('email', 'the email address'))
	.refine((v) => v === '' || z.email().safeParse(v).success, {
		message: 'Enter an email address like name@example.org, or leave it empty.'
	})
	.transform((v) => (v === '' ? null : v.toLowerCase()));

const name = (what: string) =>
	z
		.string({ error: `Enter the ${what}.` })
		.trim()
		.min(1, `Enter the ${what}.`)
		.max(textLimits.name, tooLongMessage('name', `the ${what}`));

/** A new agency as the API and the form send it. */
export const agencyInput = z.object({
	name: name("agency's name"),
	kind: z.string({ error: 'Choose the kind of agency.' }).transform((v, ctx) => {
		const kind = parseAgencyKind(v);
		if (!kind) {
			ctx.addIssue({
				code: 'custom',
				message: `Choose the kind of agency: ${Object.values(agencyKindLabel).join(', ')}.`
			});
			return z.NEVER;
		}
		return kind;
	}),
	email: optionalEmail.optional().transform((v) => v ?? null)
});

/** A contact at an agency. */
export const contactInput = z.object({
	name: name("contact's name"),
	email: optionalEmail.optional().transform((v) => v ?? null),
	phone: z
		.string()
		.trim()
		.max(40, 'Use at most 40 characters.')
		.refine((v) => v === '' || /^[+()0-9 -]{6,}$/.test(v), {
			message: 'Enter a phone number of digits and spaces, like 01632 960 123, or leave it empty.'
		})
		.optional()
		.transform((v) => (v ? v : null))
});

export type AgencyInput = z.infer<typeof agencyInput>;
export type ContactInput = z.infer<typeof contactInput>;

/** The first problem of each field, as messages a person can act on. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

/** Agencies the unit sees: its own and those kept by no unit. */
function seenBy(unitId: string) {
	return or(eq(agencies.unitId, unitId), isNull(agencies.unitId));
}

/** The unit's agencies with their contacts, by name; null when the viewer may not read them. */
export async function agenciesForViewer(props: {
	db: Database;
	viewer: Viewer;
}): Promise<AgencyView[] | null> {
	const { db, viewer } = props;
	if (!mayReadPeople(viewer) || !viewer.unitId) return null;
	const rows = await db
		.select()
		.from(agencies)
		.where(seenBy(viewer.unitId))
		.orderBy(asc(sql`lower(${agencies.name})`));
	const ids = rows.map((row) => row.id);
	const contacts =
		ids.length === 0
			? []
			: await db
					.select()
					.from(agencyContacts)
					.where(inArray(agencyContacts.agencyId, ids))
					.orderBy(asc(agencyContacts.name));
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		kind: row.kind,
		kindLabel: agencyKindLabel[row.kind as AgencyKind] ?? row.kind,
		email: row.email,
		contacts: contacts
			.filter((c) => c.agencyId === row.id)
			.map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone }))
	}));
}

/**
 * The agencies the viewer's unit sees whose name, kind or team mailbox holds every word of `q`
 * (the agency picker; none for an empty query), by name, at most `limit`; null when the viewer
 * may not read the unit's agencies.
 */
export async function searchAgencies(props: {
	db: Database;
	viewer: Viewer;
	q: string;
	limit?: number;
}): Promise<AgencyChoice[] | null> {
	const { db, viewer } = props;
	if (!mayReadPeople(viewer) || !viewer.unitId) return null;
	const words = pickerWords(props.q);
	if (words.length === 0) return [];
	const matches = words.map((word) => {
		const pattern = containsPattern(word);
		// The kind is matched by its words ("GP practice"), not its code.
		const kinds = Object.entries(agencyKindLabel)
			.filter(([kind, label]) => `${kind} ${label}`.toLowerCase().includes(word.toLowerCase()))
			.map(([kind]) => kind);
		return or(
			ilike(agencies.name, pattern),
			ilike(agencies.email, pattern),
			kinds.length ? inArray(agencies.kind, kinds) : undefined
		);
	});
	const rows = await db
		.select({ id: agencies.id, name: agencies.name, kind: agencies.kind, email: agencies.email })
		.from(agencies)
		.where(and(seenBy(viewer.unitId), ...matches))
		.orderBy(asc(sql`lower(${agencies.name})`), asc(agencies.id))
		.limit(Math.min(props.limit ?? 20, 50));
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		kindLabel: agencyKindLabel[row.kind as AgencyKind] ?? row.kind,
		email: row.email
	}));
}

/** The agencies the unit sees, by lower-case name (for the people import). */
export async function agenciesByName(props: {
	db: Database;
	unitId: string;
}): Promise<Map<string, string>> {
	const rows = await props.db
		.select({ id: agencies.id, name: agencies.name })
		.from(agencies)
		.where(seenBy(props.unitId));
	return new Map(rows.map((row) => [row.name.trim().toLowerCase(), row.id]));
}

/** True when the agency is one the unit sees. */
export async function agencySeenByUnit(props: {
	db: Database;
	unitId: string;
	agencyId: string;
}): Promise<boolean> {
	const [row] = await props.db
		.select({ id: agencies.id, unitId: agencies.unitId })
		.from(agencies)
		.where(eq(agencies.id, props.agencyId));
	return !!row && (row.unitId === null || row.unitId === props.unitId);
}

export type AgencyResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/** Adds an agency (and its first contacts) to the viewer's unit; null when they may not. */
export async function createAgency(props: {
	db: Database;
	viewer: Viewer;
	agency: AgencyInput;
	contacts?: ContactInput[];
}): Promise<AgencyResult | null> {
	const { db, viewer, agency } = props;
	if (!mayManagePeople(viewer) || !viewer.unitId) return null;
	const unitId = viewer.unitId;
	const known = await agenciesByName({ db, unitId });
	if (known.has(agency.name.toLowerCase()))
		return {
			ok: false,
			errors: { name: 'There is already an agency with this name on the list.' }
		};
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(agencies)
			.values({ name: agency.name, kind: agency.kind, email: agency.email, unitId })
			.returning({ id: agencies.id });
		for (const contact of props.contacts ?? [])
			await tx.insert(agencyContacts).values({ agencyId: row.id, ...contact });
		await audit({
			db: tx,
			userId: viewer.id,
			action: 'agency-added',
			targetType: 'agency',
			targetId: row.id
		});
		return row.id;
	});
	return { ok: true, id };
}

/** Adds a contact to one of the unit's agencies; null when the viewer may not (or no such agency). */
export async function addAgencyContact(props: {
	db: Database;
	viewer: Viewer;
	agencyId: string;
	contact: ContactInput;
}): Promise<{ id: string } | null> {
	const { db, viewer } = props;
	if (!mayManagePeople(viewer) || !viewer.unitId) return null;
	if (!(await agencySeenByUnit({ db, unitId: viewer.unitId, agencyId: props.agencyId })))
		return null;
	const [row] = await db
		.insert(agencyContacts)
		.values({ agencyId: props.agencyId, ...props.contact })
		.returning({ id: agencyContacts.id });
	await audit({
		db,
		userId: viewer.id,
		action: 'agency-contact-added',
		targetType: 'agency',
		targetId: props.agencyId
	});
	return row;
}
