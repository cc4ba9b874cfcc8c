/**
 * Escalates a missing-from-home episode to a strategy discussion or a conference (issue 25):
 * when the young person is still missing past the agreed time; before then only with a reason.
 * Records when, to what and by whom.
 */
import { isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { missingEpisodes, type MissingEpisode } from '../../db/schema';
import { badInput, CommandError } from '../../command-error';
import { escalationDue, escalationDueAt } from '../../../domain/missing';
import type { MissingEscalation } from '../../../domain/vocabulary';
import { fieldsOf, stepEpisode, words, workableEpisode } from '../episodes';
import { escalation } from './record-episode';

/**
 * Reads the body `{ to, reason? }` against the episode's clock at `now`: the reason is required
 * while the agreed time has not run out. Throws bad input naming the field to fix.
 */
export function readEscalation(
	input: unknown,
	episode: MissingEpisode,
	now: Date
): { to: MissingEscalation; reason: string | null } {
	const body = fieldsOf(input);
	const to = escalation(body.to, 'to');
	const reasonGiven = typeof body.reason === 'string' && body.reason.trim() !== '';
	if (escalationDue(episode, now))
		return { to, reason: reasonGiven ? words(body.reason, 'reason', 'why', 'reason') : null };
	if (!reasonGiven) {
		const due = escalationDueAt(episode.wentMissingAt, episode.agreedHours).toISOString();
		throw badInput(
			'reason',
			`The agreed time has not run out (it runs out at ${due}): say why you are escalating now.`
		);
	}
	return { to, reason: words(body.reason, 'reason', 'why you are escalating now', 'reason') };
}

/** 200's episode with the escalation; null: not the viewer's (404); 409 once found or escalated. */
export async function escalateEpisode(props: {
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
	const closed = (why: string) => new CommandError(409, why, 'to');
	if (episode.escalatedAt !== null) throw closed('The episode is already escalated.');
	if (episode.foundAt !== null)
		throw closed('The young person is found: there is nothing to escalate.');
	const { to, reason } = readEscalation(props.input, episode, now);
	return stepEpisode({
		db,
		user,
		id,
		set: { escalatedAt: now, escalatedTo: to, escalatedBy: user.id, escalationReason: reason },
		still: [isNull(missingEpisodes.escalatedAt), isNull(missingEpisodes.foundAt)],
		refused: closed('The episode has changed: read it again.'),
		action: 'escalate missing episode',
		detail: { to },
		now
	});
}
