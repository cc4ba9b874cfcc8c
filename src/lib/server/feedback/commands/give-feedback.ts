import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { meetingForViewer } from '../../meetings/queries';
import type { FeedbackResult } from '../../feedback';
import { answer } from '../answer';

/** The signed-in person's feedback on a meeting: 404 unless they are on its list as a parent, child or professional. */
export async function giveFeedback(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	input: unknown;
	now?: Date;
}): Promise<FeedbackResult> {
	const found = await meetingForViewer(props);
	if (!found?.me) return { status: 404 };
	return answer({
		db: props.db,
		place: {
			meeting: found.meeting,
			participantId: found.me.id,
			role: found.me.role,
			userId: props.user.id
		},
		input: props.input,
		auditUserId: props.user.id,
		now: props.now
	});
}
