/**
 * Records the return interview of a missing-from-home episode: when it was held and by whom
 * (due within 72 hours of the young person being found).
 */
import { isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { missingEpisodes } from '../../db/schema';
import { CommandError } from '../../command-error';
import { fieldsOf, pastInstant, stepEpisode, words, workableEpisode } from '../episodes';

/** Reads the body `{ doneAt, by }`, or throws bad input naming the field to fix. */
export function readReturnInterview(input: unknown, now: Date, foundAt: Date) {
	const body = fieldsOf(input);
	return {
		returnInterviewAt: pastInstant(
			body.doneAt,
			'doneAt',
			'When the return interview was held',
			now,
			{
				at: foundAt,
				after: 'the young person was found'
			}
		),
		returnInterviewBy: words(body.by, 'by', 'who held the return interview', 'name')
	};
}

/** 200's episode, now closed; null: not the viewer's (404); 409 before found or once recorded. */
export async function recordReturnInterview(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}) {
	const { db, user, id } = props;
	const now = props.now ?? new Date();
	const episode = await workableEpisode(db, user, id);
	if (!episode) return null;
	if (episode.foundAt === null)
		throw new CommandError(
			409,
			'Record the young person found first: the return interview follows.',
			'foundAt'
		);
	const recorded = new CommandError(409, 'The return interview is already recorded.', 'doneAt');
	if (episode.returnInterviewAt !== null) throw recorded;
	const interview = readReturnInterview(props.input, now, episode.foundAt);
	return stepEpisode({
		db,
		user,
		id,
		set: interview,
		still: [isNotNull(missingEpisodes.foundAt), isNull(missingEpisodes.returnInterviewAt)],
		refused: recorded,
		action: 'record return interview',
		now
	});
}
