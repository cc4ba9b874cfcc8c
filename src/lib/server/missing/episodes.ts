/**
 * Missing-from-home episodes (issue 25), what the commands share: reading a body's fields into
 * what to fix, and finding an episode as the policy lets the viewer see it. An episode is scoped
 * to the unit through its child's family; someone who may not work it gets null (a 404), never a
 * hint that it exists.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { children, families, missingEpisodes, type MissingEpisode } from '../db/schema';
import { audit } from '../audit';
import { badInput, type CommandError } from '../command-error';
import { mayWorkMissingEpisodes } from '../../policy';
import { readDateTime } from '../../domain/date-time';
import { episodeClocks } from '../../domain/missing';
import { tooLong, type TextLimit } from '../../domain/text-limits';

/** A JSON body's fields, or none when it is not an object. */
export const fieldsOf = (input: unknown): Record<string, unknown> =>
	input !== null && typeof input === 'object' && !Array.isArray(input)
		? (input as Record<string, unknown>)
		: {};

/** Words a person typed: trimmed, required, within the limit; else bad input naming the field. */
export function words(value: unknown, field: string, what: string, limit: TextLimit): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) throw badInput(field, `Enter ${what}.`);
	const long = tooLong(text, limit, what);
	if (long) throw badInput(field, long);
	return text;
}

/**
 * A date-time a person gave for something that has happened: not in the future, and not before
 * `notBefore` when given (`after` says what that was, for the message).
 */
export function pastInstant(
	value: unknown,
	field: string,
	what: string,
	now: Date,
	notBefore?: { at: Date; after: string }
): Date {
	const read = readDateTime(value);
	if (!read.ok) throw badInput(field, `${what}: ${read.problem}`);
	if (read.at.getTime() > now.getTime())
		throw badInput(field, `${what}: it cannot be in the future.`);
	if (notBefore && read.at.getTime() < notBefore.at.getTime())
		throw badInput(field, `${what}: it cannot be before ${notBefore.after}.`);
	return read.at;
}

/** An episode the viewer may work, with its child's unit, or null (not theirs, or no such episode). */
export async function workableEpisode(
	db: Database,
	user: SessionUser,
	id: string
): Promise<MissingEpisode | null> {
	const [row] = await db
		.select({ episode: missingEpisodes, unitId: families.unitId, iroId: children.iroId })
		.from(missingEpisodes)
		.innerJoin(children, eq(children.id, missingEpisodes.childId))
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(missingEpisodes.id, id));
	if (!row || !mayWorkMissingEpisodes(user, { unitId: row.unitId, iroId: row.iroId })) return null;
	return row.episode;
}

/** An episode as the API answers it: its facts and its clocks at `now`, instants as ISO text. */
export function episodeJson(episode: MissingEpisode, now: Date) {
	const clocks = episodeClocks(episode, now);
	const iso = (at: Date | null) => (at === null ? null : at.toISOString());
	return {
		id: episode.id,
		childId: episode.childId,
		wentMissingAt: episode.wentMissingAt.toISOString(),
		reportedBy: episode.reportedBy,
		agreedHours: episode.agreedHours,
		escalateTo: episode.escalateTo,
		foundAt: iso(episode.foundAt),
		foundWhere: episode.foundWhere,
		returnInterview:
			episode.returnInterviewAt === null
				? null
				: { at: episode.returnInterviewAt.toISOString(), by: episode.returnInterviewBy },
		escalation:
			episode.escalatedAt === null
				? null
				: {
						at: episode.escalatedAt.toISOString(),
						to: episode.escalatedTo,
						by: episode.escalatedBy,
						reason: episode.escalationReason
					},
		clocks: {
			escalationDueAt: clocks.escalationDueAt.toISOString(),
			toEscalate: clocks.toEscalate,
			returnInterviewDueAt: iso(clocks.returnInterviewDueAt),
			returnInterviewOverdue: clocks.returnInterviewOverdue,
			open: clocks.open
		}
	};
}

/**
 * One step of an episode (found, return interview, plan, escalation): in one transaction, writes
 * `set` to the episode only while `still` holds (the state the step was checked against), else
 * throws `refused` (409: it changed meanwhile); audits the step under the child; returns the
 * episode as the API shows it.
 */
export async function stepEpisode(props: {
	db: Database;
	user: SessionUser;
	id: string;
	set: Partial<typeof missingEpisodes.$inferInsert>;
	still: SQL[];
	refused: CommandError;
	action: string;
	detail?: Record<string, unknown>;
	now: Date;
}) {
	const { user, id, now } = props;
	return props.db.transaction(async (tx) => {
		const [row] = await tx
			.update(missingEpisodes)
			.set(props.set)
			.where(and(eq(missingEpisodes.id, id), ...props.still))
			.returning();
		if (!row) throw props.refused;
		await audit({
			db: tx,
			userId: user.id,
			action: props.action,
			targetType: 'child',
			targetId: row.childId,
			detail: { episodeId: id, ...props.detail }
		});
		return episodeJson(row, now);
	});
}
