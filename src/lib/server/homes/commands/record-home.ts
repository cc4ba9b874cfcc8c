import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { childrensHomes } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { storableText } from '../../db/storable';
import { normaliseEmail } from '../../users';
import { mayWorkHomes } from '../../../policy';
import { calendarDateOf } from '../../../domain/calendar-date';
import { ofstedUrn } from '../../../domain/reg33';
import { tooLong } from '../../../domain/text-limits';
import { isObject, words } from '../homes';

const anEmail = z.email();

/**
 * Records one of the unit's children's homes: `{ name, managerName, managerEmail, ofstedUrn }` →
 * `{ id }`, or null (a 404) for a viewer who may not work the unit's homes. 400 naming the field
 * to fix: each is needed; the URN is "SC" and six digits, and one home per URN in a unit. Visits
 * are due monthly from the month it is recorded.
 */
export async function recordHome(props: {
	db: Database;
	user: SessionUser;
	input: unknown;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user } = props;
	if (!mayWorkHomes(user) || !user.unitId) return null;
	const body = isObject(props.input) ? props.input : {};
	const name = words(body.name);
	if (!name) throw badInput('name', 'Enter the home’s name.');
	const longName = tooLong(name, 'name', 'the home’s name');
	if (longName) throw badInput('name', longName);
	const managerName = words(body.managerName);
	if (!managerName) throw badInput('managerName', 'Enter the registered manager’s name.');
	const longManager = tooLong(managerName, 'name', 'the registered manager’s name');
	if (longManager) throw badInput('managerName', longManager);
	const managerEmail = words(body.managerEmail);
	if (!managerEmail || managerEmail.length > 254 || !anEmail.safeParse(managerEmail).success)
		throw badInput(
			'managerEmail',
			'Enter the registered manager’s email address, like name@example.org: the visit reports go there.'
		);
	const urn = ofstedUrn(words(body.ofstedUrn));
	if (!urn)
		throw badInput(
			'ofstedUrn',
			'Enter the home’s Ofsted URN: SC and six digits, for example SC041522.'
		);
	const [taken] = await db
		.select({ id: childrensHomes.id })
		.from(childrensHomes)
		.where(and(eq(childrensHomes.unitId, user.unitId), eq(childrensHomes.ofstedUrn, urn)));
	if (taken) throw badInput('ofstedUrn', `A home with the URN ${urn} is already recorded.`);
	const now = props.now ?? new Date();
	const [home] = await db
		.insert(childrensHomes)
		.values({
			unitId: user.unitId,
			name: storableText(name),
			managerName: storableText(managerName),
			managerEmail: normaliseEmail(managerEmail),
			ofstedUrn: urn,
			recordedOn: calendarDateOf(now),
			createdBy: user.id,
			createdAt: now
		})
		.returning({ id: childrensHomes.id });
	await audit({
		db,
		userId: user.id,
		action: 'record-home',
		targetType: 'childrens-home',
		targetId: home.id
	});
	return { id: home.id };
}
