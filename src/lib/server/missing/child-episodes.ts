/**
 * A child's missing-from-home episodes for their page (issue 25), newest first, with their
 * clocks and meetings: for those who may work the child's episodes (`mayWorkMissingEpisodes`: the
 * unit's chairs, business support and managers, the child's reviewing officer); null for anyone
 * else — parents, the child, professionals — who are shown nothing, not even that there are none.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { children, families, missingEpisodes } from '../db/schema';
import { mayWorkMissingEpisodes } from '../../policy';
import { episodeJson } from './episodes';
import { meetingsOfEpisodes } from '../linked-meetings/links';

export async function childEpisodes(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	now?: Date;
}) {
	const { db, user, childId } = props;
	const [child] = await db
		.select({ unitId: families.unitId, iroId: children.iroId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, childId));
	if (!child || !mayWorkMissingEpisodes(user, child)) return null;
	const now = props.now ?? new Date();
	const rows = await db
		.select()
		.from(missingEpisodes)
		.where(eq(missingEpisodes.childId, childId))
		.orderBy(desc(missingEpisodes.wentMissingAt));
	const meetings = await meetingsOfEpisodes(
		db,
		rows.map((row) => row.id)
	);
	return rows.map((row) => ({
		...episodeJson(row, now),
		meetings: (meetings.get(row.id) ?? []).map((m) => ({
			id: m.id,
			title: m.title,
			scheduledAt: m.scheduledAt.toISOString()
		}))
	}));
}
