/**
 * Adding a unit (issue 20, "Units are a real boundary"): an operator's command, run at the
 * console with `npm run unit:add` (server/units/cli.ts), never from a page. It makes the unit
 * and its first administrator, a manager account of that unit with no password yet, and
 * returns the administrator's single-use set-up link (the same machinery as People and
 * agencies: ../auth/account-invites.ts) for the operator to pass on. Everything else in the new
 * unit is made from there by its own people; nothing of another unit is visible to it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { units, users } from '../db/schema';
import { audit } from '../audit';
import { isUniqueViolation } from '../people/people';
import { accountInviteLink, createUserInvite, NO_PASSWORD_YET } from '../auth/account-invites';
import { normaliseEmail } from '../users';

/** What the command is given, checked. */
export const addUnitInput = z.object({
	name: z
		.string({ error: 'Give the name of the unit.' })
		.trim()
		.min(1, 'Give the name of the unit.')
		.max(120, 'The name of the unit is too long: use at most 120 characters.'),
	admin: z.object({
		name: z
			.string({ error: "Give the administrator's full name." })
			.trim()
			.min(1, "Give the administrator's full name.")
			.max(200, "The administrator's name is too long: use at most 200 characters."),
		email: z
			.string({ error: "Give the administrator's email address." })
			.trim()
			.max(254, "The administrator's email address is too long: use at most 254 characters.")
			.pipe(
				z.email(
					"The administrator's email address is not right: write it like name@example.gov.uk."
				)
			)
			.transform(normaliseEmail)
	})
});
export type AddUnitInput = z.input<typeof addUnitInput>;

export type AddUnitResult =
	| {
			ok: true;
			unitId: string;
			adminId: string;
			/** The administrator's set-up link: it works once, until `expiresAt`. */
			inviteUrl: string;
			expiresAt: Date;
	  }
	| { ok: false; problem: string };

/**
 * Adds a unit and its first administrator in one transaction, audited; returns the set-up link,
 * or one line saying what to change (bad input, a unit of that name).
 */
export async function addUnit(props: {
	db: Database;
	unit: AddUnitInput;
	/**
	 * Give a unit that already exists (one set up at /setup, whose first account is business
	 * support) a manager: only a manager makes managers, so its first one comes from the console.
	 */
	existing?: boolean;
	now?: Date;
}): Promise<AddUnitResult> {
	const checked = addUnitInput.safeParse(props.unit);
	if (!checked.success) return { ok: false, problem: checked.error.issues[0].message };
	const { name, admin } = checked.data;
	const { db } = props;
	// An address is unique within a unit (issue 20): a new unit has no accounts yet, so its
	// administrator's address may be one another unit also knows; the two accounts stay apart.
	try {
		return await db.transaction(async (tx) => {
			const [sameName] = await tx
				.select({ id: units.id })
				.from(units)
				.where(sql`lower(${units.name}) = lower(${name})`);
			if (props.existing && !sameName)
				return {
					ok: false as const,
					problem: `There is no unit named "${name}": check the name, or leave out --existing to add it.`
				};
			if (sameName && !props.existing)
				return {
					ok: false as const,
					problem: `There is already a unit named "${name}": choose another name, or add --existing to give it a manager.`
				};
			if (sameName) {
				const [taken] = await tx
					.select({ id: users.id })
					.from(users)
					.where(and(eq(users.unitId, sameName.id), eq(users.email, admin.email)));
				if (taken)
					return {
						ok: false as const,
						problem: `The unit "${name}" already has an account with the address ${admin.email}: give the manager another address.`
					};
			}
			const [unit] = sameName
				? [sameName]
				: await tx.insert(units).values({ name }).returning({ id: units.id });
			const [account] = await tx
				.insert(users)
				.values({
					unitId: unit.id,
					name: admin.name,
					email: admin.email,
					role: 'manager',
					passwordHash: NO_PASSWORD_YET
				})
				.returning({ id: users.id });
			const invite = await createUserInvite({
				db: tx,
				userId: account.id,
				email: admin.email,
				now: props.now
			});
			// Done at the console: no one signed in did it, and there is no request address.
			if (!sameName)
				await audit({
					db: tx,
					userId: null,
					address: null,
					action: 'unit-added',
					targetType: 'unit',
					targetId: unit.id,
					detail: { adminId: account.id, via: 'unit:add' }
				});
			await audit({
				db: tx,
				userId: null,
				address: null,
				action: 'account-added',
				targetType: 'user',
				targetId: account.id,
				detail: { role: 'manager', unitId: unit.id, via: 'unit:add' }
			});
			return {
				ok: true as const,
				unitId: unit.id,
				adminId: account.id,
				inviteUrl: accountInviteLink(invite.token),
				expiresAt: invite.expiresAt
			};
		});
	} catch (problem) {
		// Another unit of the same name was added between the check and the insert.
		if (isUniqueViolation(problem))
			return {
				ok: false,
				problem: `There is already a unit named "${name}": choose another name.`
			};
		throw problem;
	}
}
