/**
 * The restricted channel's passages of a meeting with who gave each: what the notes must not
 * quote to a family (the warning beside the notes editor). For professionals' eyes only.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingParticipants } from '../db/schema';
import { readStoredRecord } from '../records';
import { fragmentParagraphs } from '../../collab/record-shape';
import { roots } from '../../collab/roots';
import type { RestrictedPassage } from '../../documents/restricted-quotes';

export async function restrictedPassagesOf(props: {
	db: Database;
	meetingId: string;
}): Promise<RestrictedPassage[]> {
	const { db, meetingId } = props;
	const participants = await db
		.select({ id: meetingParticipants.id, name: meetingParticipants.name })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	const restricted = await readStoredRecord({ db, meetingId, channel: 'restricted' });
	try {
		const passages: RestrictedPassage[] = [];
		for (const p of participants) {
			const root = roots.restricted(p.id);
			if (!restricted.share.has(root)) continue;
			for (const text of fragmentParagraphs(restricted.getXmlFragment(root)))
				passages.push({ author: p.name, text });
		}
		return passages;
	} finally {
		restricted.destroy();
	}
}
