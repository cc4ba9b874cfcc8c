/**
 * The unit's open missing-from-home episodes (issue 25): young people still missing, and those
 * found whose return interview is still to do, with their clocks, escalations due first.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { children, families, missingEpisodes } from '../db/schema';
import { audit } from '../audit';
import { mayWorkMissingEpisodes } from '../../policy';
import { byUrgency, episodeClocks } from '../../domain/missing';
import { episodeJson } from './episodes';

/** The open episodes of the viewer's unit, each with the child's name; null: not theirs (404). */
export async function openEpisodes(props: { db: Database; user: SessionUser; now?: Date }) {
	const { db, user } = props;
	if (!mayWorkMissingEpisodes(user) || !user.unitId) return null;
	const now = props.now ?? new Date();
	const rows = await db
		.select({ episode: missingEpisodes, childName: children.name })
		.from(missingEpisodes)
		.innerJoin(children, eq(children.id, missingEpisodes.childId))
		.innerJoin(families, eq(families.id, children.familyId))
		.where(
			and(
				eq(families.unitId, user.unitId),
				or(isNull(missingEpisodes.foundAt), isNull(missingEpisodes.returnInterviewAt))
			)
		);
	await audit({
		db,
		userId: user.id,
		action: 'read missing episodes',
		targetType: 'unit',
		targetId: user.unitId,
		detail: { episodes: rows.length }
	});
	const ordered = byUrgency(
		rows.map((row) => ({ ...row, clocks: episodeClocks(row.episode, now) }))
	);
	return ordered.map((row) => ({ ...episodeJson(row.episode, now), childName: row.childName }));
}
