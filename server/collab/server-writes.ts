/**
 * The server's own writes into a meeting's main channel: a review's pre-fill from the
 * previous meeting (once, when the channel is first loaded) and the first agenda section when
 * the meeting is live. Built with the typed writers of src/lib/collab/record-shape.ts, so the record's
 * shape is spelled in one place. Server writes are bound to the server in collab_clients, so
 * authorship says "the server" and no person can claim those client ids.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import { meetings } from '../../src/lib/server/db/schema';
import type { MeetingKind, MeetingStatus } from '../../src/lib/domain/vocabulary';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	readRecord,
	setCoreGroup,
	setPlanActionProgress,
	setCurrentSection,
	setPlanField
} from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import { meetingTemplate } from '../../src/lib/server/meeting-kinds';
import { readStoredRecord, type ClientOwners } from '../../src/lib/server/records';
import { randomClientId, seedChannelOnce, type SeedResult } from './seed-once';
import type { ChannelInitialiser } from './hooks';
import { actionsOfMeeting } from '../../src/lib/server/actions';

/**
 * What the server's own writes need to know of a meeting: its kind and the version of the unit's
 * kind it runs on (for the first section), its status (only a live meeting is opened) and the
 * meeting it reviews (for the pre-fill).
 */
export interface MeetingForServerWrites {
	kind: MeetingKind;
	kindVersionId: string | null;
	unitId: string | null;
	status: MeetingStatus;
	previousMeetingId: string | null;
}

/** The meeting's kind, status and predecessor as stored now; null if it does not exist. */
export async function meetingForServerWrites(props: {
	db: Database;
	meetingId: string;
}): Promise<MeetingForServerWrites | null> {
	const [row] = await props.db
		.select({
			kind: meetings.kind,
			kindVersionId: meetings.kindVersionId,
			unitId: meetings.unitId,
			status: meetings.status,
			previousMeetingId: meetings.previousMeetingId
		})
		.from(meetings)
		.where(eq(meetings.id, props.meetingId));
	return row ?? null;
}

/**
 * Writes into `doc` what a review carries over from the previous meeting's record: the open
 * concern cards (same ids; where they were first raised is kept; each text field copied as new
 * shared text, whether the previous record kept it as shared text or as an older plain string),
 * the plan's outcomes and actions, the core group, the lead social worker and the contingency.
 * Returns false when there was nothing to carry over.
 */
export function carryOver(props: {
	doc: Y.Doc;
	previous: Y.Doc;
	previousMeetingId: string;
}): boolean {
	const { doc } = props;
	const before = readRecord(props.previous, []);
	const concerns = before.concerns.filter((concern) => concern.status === 'open');
	const { plan } = before;
	const anything =
		concerns.length > 0 ||
		plan.outcomes.length > 0 ||
		plan.actions.length > 0 ||
		plan.coreGroup.length > 0 ||
		plan.leadSocialWorker !== '' ||
		plan.contingency !== '';
	if (!anything) return false;
	doc.transact(() => {
		for (const concern of concerns) {
			addConcern(doc, {
				...concern,
				raisedInMeetingId: concern.raisedInMeetingId ?? props.previousMeetingId
			});
		}
		for (const outcome of plan.outcomes) addPlanOutcome(doc, outcome);
		for (const action of plan.actions) addPlanAction(doc, action);
		if (plan.coreGroup.length > 0) setCoreGroup(doc, plan.coreGroup);
		if (plan.leadSocialWorker) setPlanField(doc, 'leadSocialWorker', plan.leadSocialWorker);
		if (plan.contingency) setPlanField(doc, 'contingency', plan.contingency);
	}, 'server');
	return true;
}

/**
 * Pre-fills a review's main channel from its previous meeting, when nothing is stored for it
 * yet: one server-authored update, written once (./seed-once.ts). Returns the update stored
 * (apply it to the loaded channel), or null when there was nothing to do or another node did
 * it first (then load again).
 */
export async function prefillReview(props: {
	db: Database;
	meetingId: string;
	previousMeetingId: string;
}): Promise<SeedResult> {
	const { db, meetingId, previousMeetingId } = props;
	const previous = await readStoredRecord({ db, meetingId: previousMeetingId });
	try {
		return await seedChannelOnce({
			db,
			meetingId,
			channel: 'main',
			write: (doc) => carryOver({ doc, previous, previousMeetingId })
		});
	} finally {
		previous.destroy();
	}
}

/**
 * A live meeting opens at the first section of the agenda it runs on (the version of the unit's
 * kind it was scheduled with, whose order may be the unit's own): sets `meta.currentSection` when
 * it is unset, as the server. Returns true if it wrote.
 */
export async function openFirstSection(props: {
	db: Database;
	doc: Y.Doc;
	owners: ClientOwners;
	meeting: Pick<MeetingForServerWrites, 'kind' | 'kindVersionId' | 'unitId'>;
}): Promise<boolean> {
	const { db, doc, owners, meeting } = props;
	if (currentSection(doc)) return false;
	const first = (await meetingTemplate({ db, meeting })).sections[0]?.key;
	if (!first) return false;
	await claimServerClientId(doc, owners);
	if (currentSection(doc)) return false; // set meanwhile (the chair, or another call)
	setCurrentSection(doc, first);
	return true;
}

function currentSection(doc: Y.Doc): unknown {
	const meta = doc.share.get(roots.meta);
	const item = meta?._map.get('currentSection');
	return item && !item.deleted ? item.content.getContent()[0] : undefined;
}

/** Makes sure the channel's Y.Doc writes under a client id bound to the server. */
export async function claimServerClientId(doc: Y.Doc, owners: ClientOwners): Promise<void> {
	for (;;) {
		if (await owners.bindServer(doc.clientID)) return;
		doc.clientID = randomClientId(); // someone owns it: the server picks another
	}
}

/**
 * A meeting that follows one whose plan is tracked opens with each of those actions and its
 * progress (state and the owner's line of words) in its own plan, once (`meta.progressFrom`
 * names the meeting carried from). When the plan was not pre-filled (the channel was loaded
 * before the meeting it follows was known), the previous record is carried over first.
 */
export async function carryProgress(props: {
	db: Database;
	doc: Y.Doc;
	owners: ClientOwners;
	previousMeetingId: string;
}): Promise<boolean> {
	const { db, doc, previousMeetingId } = props;
	const meta = doc.getMap(roots.meta);
	if (meta.get('progressFrom') === previousMeetingId) return false;
	const rows = await actionsOfMeeting(db, previousMeetingId);
	if (!rows.length) return false;
	const before = readRecord(doc, []);
	const empty =
		!before.plan.outcomes.length && !before.plan.actions.length && !before.concerns.length;
	const previous = empty ? await readStoredRecord({ db, meetingId: previousMeetingId }) : null;
	try {
		await claimServerClientId(doc, props.owners);
		if (meta.get('progressFrom') === previousMeetingId) return false; // done meanwhile
		doc.transact(() => {
			if (previous) carryOver({ doc, previous, previousMeetingId });
			for (const row of rows) {
				setPlanActionProgress(doc, {
					id: row.recordActionId,
					outcomeId: '',
					what: row.text,
					who: row.who,
					byWhen: row.dueBy ?? '',
					state: row.state,
					note: row.note
				});
			}
			meta.set('progressFrom', previousMeetingId);
		}, 'server');
		return true;
	} finally {
		previous?.destroy();
	}
}

/** loadChannel: a review's main channel starts from what its previous meeting left. */
export const reviewPrefill: ChannelInitialiser = {
	name: 'review pre-fill',
	run: async ({ db, meetingId, channel, meeting }) =>
		channel === 'main' && meeting?.previousMeetingId
			? prefillReview({ db, meetingId, previousMeetingId: meeting.previousMeetingId })
			: null
};
