import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { meetings } from './meetings';
import { allegations } from './allegations';
import { missingEpisodes } from './missing';

/**
 * An allegation strategy meeting's case (issue 25, `lado-strategy`): one allegation per meeting,
 * its children the meeting's children. The meeting is of the allegation's unit.
 */
export const meetingAllegations = pgTable(
	'meeting_allegations',
	{
		meetingId: text('meeting_id')
			.primaryKey()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		allegationId: text('allegation_id')
			.notNull()
			.references(() => allegations.id)
	},
	(t) => [index('meeting_allegations_allegation_idx').on(t.allegationId)]
);

/**
 * A missing from home meeting's episode (issue 25, `missing-from-home`): the episode it was
 * called about; its child is the meeting's child.
 */
export const meetingMissingEpisodes = pgTable(
	'meeting_missing_episodes',
	{
		meetingId: text('meeting_id')
			.primaryKey()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		episodeId: text('episode_id')
			.notNull()
			.references(() => missingEpisodes.id)
	},
	(t) => [index('meeting_missing_episodes_episode_idx').on(t.episodeId)]
);
