import { and, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from '../../db';
import { meetings } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { canRunMeeting } from '../../../policy';
import { generateDocuments } from '../../../documents/index';
import { documentInputFor } from '../../documents/record-input';
import { linkOf, storeDocuments, type DocumentLink } from '../../documents/store';
import { meetingForViewer } from '../queries';
import { announceMeetingChanged, announceMeetingEnding, readStoredRecord } from '../../records';
import { riskHistoriesFor } from '../../risk/history';
import { writePlanActions } from '../../actions/commands/write-plan-actions';
import { recordPlanEvents } from '../../plan-events';
import { queueCaseSystemEvents } from '../../case-system/queue';
import { recordPlanVersions } from '../../plan-versions';
import { calendarDateOf } from '../../../domain/calendar-date';
import { checkEndConfirmation, type EndConfirmation } from '../../../domain';
import { endProblemsOf } from '../register';
import { circulatePlanOnEnd, readHoldReason } from '../../circulation-flow';
import { log } from '../../log';
import { describeErrorSafely } from '../../errors';

/** What became of the 24-hour plan when the meeting ended (issue 22). */
export interface EndPlanCirculation {
	/** Copies queued (0 for a meeting that is not a conference, or when held). */
	queued: number;
	/** The chair's reason, when the plan is held back. */
	held: string | null;
	/** E.g. the unit has no emergency duty team to send it to. */
	warnings: string[];
}

import { CommandError, badInput } from '../../command-error';

/**
 * The chair's "End meeting", in one transaction: live → ended in one conditional update (a
 * second end finds it ended and is refused), then the sockets are told — they close, so the
 * record is frozen at that instant — and the record is read and every document the template
 * lists is generated and stored as a new version, with the plan's actions, plan events and
 * versions, the case system's events and the audit entry. If any of it fails nothing is kept:
 * the transaction rolls back, the meeting is still live, and the sockets are told again. A
 * meeting is never ended without its documents, nor are documents kept for a meeting that did
 * not end. The 24-hour plan is queued after the end is committed (its failure never undoes it).
 *
 * Before anything changes it checks the register and (for a conference) the quorum: with
 * problems and no `confirmation` it refuses (409, with the problems); with a confirmation the
 * chair's reason (and what happens next) is kept on the meeting and goes into the documents.
 */
export async function endMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	/** The chair's "end all the same": their reason, and for a conference not quorate what happens next. */
	confirmation?: { reason?: unknown; nextStep?: unknown };
	/**
	 * The chair holds the 24-hour plan back, with this reason (issue 22): it is not queued, and
	 * the meeting page shows it held with a way to send it. Absent: the plan goes out at once.
	 */
	holdPlan?: unknown;
	now?: Date;
}): Promise<{ documents: DocumentLink[]; plan: EndPlanCirculation }> {
	const { db, user, meetingId } = props;
	const now = props.now ?? new Date();
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found) throw new CommandError(404, 'No meeting with that id that you are invited to.');
	if (!canRunMeeting({ viewer: user, meeting: found.meeting, participant: found.me })) {
		throw new CommandError(403, 'Only the chair of this meeting can end it.');
	}
	let holdReason: string | null = null;
	if (props.holdPlan !== undefined && props.holdPlan !== null) {
		const read = readHoldReason(props.holdPlan);
		if (typeof read !== 'string') throw badInput('holdPlan', read.problem);
		holdReason = read;
	}
	let endConfirmation: EndConfirmation | null = null;
	if (found.meeting.status === 'live') {
		const problems = await endProblemsOf({
			db,
			meeting: found.meeting,
			participants: found.participants
		});
		if (problems.length && !props.confirmation) {
			throw new CommandError(
				409,
				'Before the meeting ends: ' + problems.map((p) => p.message).join(' '),
				null,
				{ problems }
			);
		}
		if (problems.length && props.confirmation) {
			const checked = checkEndConfirmation(props.confirmation, problems);
			if (!checked.ok) throw new CommandError(400, checked.problems[0].message);
			endConfirmation = checked.confirmation;
		}
	}
	// The two channels as read, destroyed whatever happens.
	const read: { main?: Y.Doc; restricted?: Y.Doc } = {};
	let told = false;
	let endingOver = (): void => {};
	try {
		const stored = await db.transaction(async (tx) => {
			const [ended] = await tx
				.update(meetings)
				.set({ status: 'ended', endedAt: now, endConfirmation })
				.where(and(eq(meetings.id, meetingId), eq(meetings.status, 'live')))
				.returning();
			if (!ended) {
				const status =
					found.meeting.status === 'live'
						? 'ended or changed by someone else a moment ago'
						: found.meeting.status;
				throw new CommandError(409, `This meeting is ${status}, so it cannot be ended.`);
			}
			// The sockets close now (so the live record holds still while it is read) and reconnect
			// with the meeting's rights as they are once this commits: read-only. Until then the
			// servers hold any socket of the meeting that comes back (on PostgreSQL it would read the
			// meeting as still live, uncommitted, and could write what no document holds) and decide
			// it again once this is over, committed or rolled back.
			endingOver = announceMeetingEnding(meetingId);
			announceMeetingChanged(meetingId);
			told = true;
			// The live channels are found by the database they belong to; anything stored is read
			// within this transaction, one channel after the other (one connection, one savepoint
			// at a time).
			const main = (read.main = await readStoredRecord({ db, tx, meetingId, channel: 'main' }));
			const restricted = (read.restricted = await readStoredRecord({
				db,
				tx,
				meetingId,
				channel: 'restricted'
			}));
			const chairName =
				found.participants.find((p) => p.role === 'chair')?.name ??
				(found.meeting.chairId === user.id ? user.name : 'the chair');
			const input = await documentInputFor({
				db: tx,
				found: { ...found, meeting: ended },
				main,
				restricted,
				chairName
			});
			// Each child's scores across earlier meetings, for the risk plot (this record read once).
			const histories = await riskHistoriesFor({
				db,
				tx,
				user,
				childIds: found.children.map((c) => c.id),
				loaded: new Map([[meetingId, main]])
			});
			input.riskHistory = [...histories.values()].map((h) => h.history);
			const documents = generateDocuments(input);
			const stored = await storeDocuments({
				db: tx,
				meetingId,
				createdBy: user.id,
				documents,
				now,
				meetingDate: input.meeting.date
			});
			// The plan's actions, tracked between meetings (written once; a retry changes nothing).
			await writePlanActions({ db: tx, meetingId, main });
			// A conference's outcome starts or ends each child's plan (a retry changes nothing).
			const planEvents = await recordPlanEvents({
				db: tx,
				meetingKind: ended.kind,
				meetingId,
				day: calendarDateOf(ended.startedAt ?? ended.scheduledAt),
				childIds: found.children.map((c) => c.id),
				main,
				recordedBy: user.id
			});
			// A plan's version: 1 from the conference that started it, the next from a meeting that changed it.
			await recordPlanVersions({
				db: tx,
				meetingId,
				day: calendarDateOf(ended.startedAt ?? ended.scheduledAt),
				childIds: found.children.map((c) => c.id),
				main,
				started: planEvents.filter((p) => p.kind === 'plan-started')
			});
			// The council's case system is sent the final documents and the plans (issue 26).
			await queueCaseSystemEvents({
				db: tx,
				documentIds: stored.filter((d) => d.state === 'final').map((d) => d.id),
				planChanges: planEvents,
				now
			});
			await audit({
				db: tx,
				userId: user.id,
				action: 'end',
				targetType: 'meeting',
				targetId: meetingId,
				detail: {
					documents: stored.map((d) => ({ id: d.id, kind: d.kind, version: d.version })),
					planEvents
				}
			});
			return stored;
		});
		// Ended and committed: the sockets held meanwhile are decided on it (read-only), and any
		// still open are closed to reconnect so.
		endingOver();
		announceMeetingChanged(meetingId);
		// The 24-hour plan goes out by itself (or is held back with the chair's reason). A failure
		// here never undoes the end: the page offers to send it, and the answer says so.
		let plan: EndPlanCirculation;
		try {
			plan = await circulatePlanOnEnd({
				db,
				user,
				found,
				documents: stored,
				holdReason
			});
		} catch (failure) {
			log.error(
				{ error: describeErrorSafely(failure) },
				'end: the 24-hour plan could not be queued'
			);
			plan = {
				queued: 0,
				held: null,
				warnings: [
					'The 24-hour plan could not be queued for sending: send it from the meeting page.'
				]
			};
		}
		return { documents: stored.map(linkOf), plan };
	} catch (error) {
		// Rolled back: the meeting is live as it was; its sockets reconnect with its rights.
		endingOver();
		if (told) announceMeetingChanged(meetingId);
		throw error;
	} finally {
		read.main?.destroy();
		read.restricted?.destroy();
	}
}
