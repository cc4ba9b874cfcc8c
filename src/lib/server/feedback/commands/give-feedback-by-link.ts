import type { Database } from '../../db';
import { placeOfLink, type FeedbackResult } from '../../feedback';
import { answer } from '../answer';

/** Feedback through a personal link (no sign-in): 404 for a link that is not good. */
export async function giveFeedbackByLink(props: {
	db: Database;
	token: string;
	input: unknown;
	now?: Date;
}): Promise<FeedbackResult> {
	const place = await placeOfLink(props.db, props.token, props.now ?? new Date());
	if (!place) return { status: 404 };
	return answer({
		db: props.db,
		place,
		input: props.input,
		auditUserId: place.userId,
		now: props.now
	});
}
