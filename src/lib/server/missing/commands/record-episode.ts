/**
 * Records a missing-from-home episode for a child (issue 25): when they went missing, who
 * reported it, the time agreed before escalating (hours) and what to escalate to.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { children, families, missingEpisodes } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { mayWorkMissingEpisodes } from '../../../policy';
import { AGREED_HOURS_MAX, AGREED_HOURS_MIN } from '../../../domain/missing';
import { missingEscalations, type MissingEscalation } from '../../../domain/vocabulary';
import { missingEscalationLabel } from '../../../domain/labels';
import { episodeJson, fieldsOf, pastInstant, words } from '../episodes';

export interface EpisodeInput {
	wentMissingAt: Date;
	reportedBy: string;
	agreedHours: number;
	escalateTo: MissingEscalation;
}

/** The agreed time in hours, or bad input naming `field`. */
export function agreedHours(value: unknown, field = 'agreedHours'): number {
	if (
		typeof value !== 'number' ||
		!Number.isInteger(value) ||
		value < AGREED_HOURS_MIN ||
		value > AGREED_HOURS_MAX
	)
		throw badInput(
			field,
			`Enter the time agreed before escalating as whole hours, from ${AGREED_HOURS_MIN} to ${AGREED_HOURS_MAX}.`
		);
	return value;
}

/** What to escalate to, or bad input naming `field`. */
export function escalation(value: unknown, field: string): MissingEscalation {
	if (typeof value !== 'string' || !(missingEscalations as readonly string[]).includes(value))
		throw badInput(
			field,
			`Choose what to escalate to: ${missingEscalations
				.map((to) => `${to} (${missingEscalationLabel[to].toLowerCase()})`)
				.join(' or ')}.`
		);
	return value as MissingEscalation;
}

/** Reads a new episode's body, or throws bad input naming the first field to fix. */
export function readEpisode(input: unknown, now: Date): EpisodeInput {
	const body = fieldsOf(input);
	return {
		wentMissingAt: pastInstant(
			body.wentMissingAt,
			'wentMissingAt',
			'When the young person went missing',
			now
		),
		reportedBy: words(body.reportedBy, 'reportedBy', 'who reported them missing', 'name'),
		agreedHours: agreedHours(body.agreedHours),
		escalateTo: escalation(body.escalateTo, 'escalateTo')
	};
}

/** 201's episode with its clocks, or null when the viewer may not work the child's episodes. */
export async function recordEpisode(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	input: unknown;
	now?: Date;
}) {
	const { db, user, childId } = props;
	const now = props.now ?? new Date();
	const [child] = await db
		.select({ unitId: families.unitId, iroId: children.iroId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, childId));
	if (!child || !mayWorkMissingEpisodes(user, child)) return null;
	const episode = readEpisode(props.input, now);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(missingEpisodes)
			.values({ childId, ...episode, createdBy: user.id })
			.returning();
		await audit({
			db: tx,
			userId: user.id,
			action: 'record missing episode',
			targetType: 'child',
			targetId: childId,
			detail: { episodeId: row.id }
		});
		return episodeJson(row, now);
	});
}
