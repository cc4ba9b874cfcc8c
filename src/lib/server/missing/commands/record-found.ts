/** Records that the young person of a missing-from-home episode was found: when and where. */
import { isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { missingEpisodes } from '../../db/schema';
import { CommandError } from '../../command-error';
import { fieldsOf, pastInstant, stepEpisode, words, workableEpisode } from '../episodes';

/** Reads the body `{ foundAt, where }`, or throws bad input naming the field to fix. */
export function readFound(input: unknown, now: Date, wentMissingAt: Date) {
	const body = fieldsOf(input);
	return {
		foundAt: pastInstant(body.foundAt, 'foundAt', 'When the young person was found', now, {
			at: wentMissingAt,
			after: 'they went missing'
		}),
		foundWhere: words(body.where, 'where', 'where the young person was found', 'actionNote')
	};
}

/** 200's episode with its clocks (the return interview now due); null: not the viewer's (404). */
export async function recordFound(props: {
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
	if (episode.foundAt !== null)
		throw new CommandError(409, 'The young person is already recorded as found.', 'foundAt');
	const found = readFound(props.input, now, episode.wentMissingAt);
	return stepEpisode({
		db,
		user,
		id,
		set: found,
		still: [isNull(missingEpisodes.foundAt)],
		refused: new CommandError(409, 'The young person is already recorded as found.', 'foundAt'),
		action: 'record missing episode found',
		now
	});
}
