import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { visibleMeetings } from '$lib/server/meetings/queries';
import { audit } from '$lib/server/audit';
import { createMeeting } from '$lib/server/meetings/commands/create-meeting';
import { badRequest, commandJson, notFound, readJson } from '$lib/server/http/json';
import { proposedInvitees } from '$lib/server/meetings/proposals';
import { canScheduleMeetings, mayScheduleKind } from '$lib/policy';
import { chosenMeetingKind } from '$lib/server/meeting-kinds';
import { reg33VisitAnswer } from '$lib/server/homes/visit-api';
import { readDateTime } from '$lib/domain/date-time';
import {
	fosterReviewFor,
	openFosterReview
} from '$lib/server/foster-carers/commands/schedule-review';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const meetings = await visibleMeetings({ db, user });
	await audit({
		db,
		userId: user.id,
		action: 'list',
		targetType: 'meeting',
		detail: { via: 'api' }
	});
	return json(meetings);
};

const body = z.object({
	// A built-in kind, or the id of one of the unit's own (GET /api/meeting-kinds, issue 25).
	kind: z.string({ error: 'Choose the kind of meeting.' }).min(1, 'Choose the kind of meeting.'),
	// Optional for a foster carer review (about the children placed) and for a linked kind (an
	// allegation's or an episode's children are the meeting's).
	childIds: z.array(z.string(), { error: 'Choose at least one child.' }).optional(),
	carerId: z.string({ error: 'Choose the foster carer this review is about.' }).optional(),
	chairId: z.string({ error: 'Choose who chairs the meeting.' }),
	scheduledAt: z.string({ error: 'Enter the date and time, for example 2026-12-03T10:00:00Z.' }),
	reason: z
		.string()
		.max(textLimits.reason, tooLongMessage('reason', 'the reason'))
		.optional()
		.nullable(),
	title: z.string().max(textLimits.title, tooLongMessage('title', 'the title')).optional(),
	invite: z
		.union(
			[z.literal('proposed'), z.array(z.string()).max(200, 'Invite at most 200 people this way.')],
			{ error: 'Say "proposed", or list the ids of the people proposed to invite.' }
		)
		.optional(),
	/** `lado-strategy`: the allegation it is about (issue 25). */
	allegationId: z.string({ error: 'Give the allegation’s id.' }).optional(),
	/** `missing-from-home`: the missing episode it is about (issue 25). */
	episodeId: z.string({ error: 'Give the missing episode’s id.' }).optional()
});

/**
 * Chairs and business support schedule a meeting: { kind (a built-in kind or one of the unit's
 * own, by id), childIds, chairId, scheduledAt,
 * reason?, title?, invite? } → 201 { id, proposed: [{ id, name, agency, email, mailbox, from }] }.
 * The children's parents and carers with parental responsibility are invited; a date after the
 * children's due date needs a reason (400 naming the due date otherwise), which is kept with the
 * meeting. `proposed` is who should come (issue 22): the professionals and team mailboxes of the
 * children's last meeting and last core group; `invite: "proposed"` invites them all, or
 * `invite: [ids]` those listed (their participant ids on the earlier meeting; the schedule form
 * sends them all pre-ticked, less any removed; omitted, nobody from the proposal is invited), each asked for a report due the unit's `reportDueWorkingDays` before the meeting;
 * an id not proposed is a 400 naming `invite`. An allegation strategy meeting (`lado-strategy`)
 * takes `allegationId` and a missing from home meeting `episodeId` instead of `childIds` (the
 * case's children are the meeting's; 400 naming the field when missing or not the scheduler's to
 * work); neither invites the family (docs/meeting-kinds.md). An initial conference about a child
 * over 5 tells the unit's advocacy service (docs/mail.md). `kind: 'reg33-visit'` with `homeId`
 * records a Regulation 33 visit instead (`reg33VisitAnswer`, docs/reg33-visits.md).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	// A Regulation 33 visit (`kind: 'reg33-visit'`, `homeId`) is a visit record of its own (issue 25).
	const visit = await reg33VisitAnswer({ user, request });
	if (visit) return visit;
	// Chairs and business support; the designated officer (LADO) for strategy meetings only.
	if (!canScheduleMeetings(user) && !mayScheduleKind(user, 'lado-strategy')) return notFound();
	const input = await readJson(request, body);
	if (!input.ok) return input.response;
	const { kind, chairId, scheduledAt, reason, title, invite, carerId, allegationId, episodeId } =
		input.data;
	// Strictly: 2027-02-30 or T24:00 is refused with why, never moved to another day.
	const when = readDateTime(scheduledAt);
	if (!when.ok) return badRequest({ scheduledAt: when.problem });
	const at = when.at;
	try {
		const db = await database();
		const chosen = await chosenMeetingKind({ db, unitId: user.unitId ?? '', kindId: kind });
		const foster = await fosterReviewFor({ db, user, kind: chosen.kind, carerId });
		const childIds = foster?.childIds ?? input.data.childIds ?? [];
		const meeting = await createMeeting({
			db,
			scheduler: user,
			kind: chosen.kind,
			kindVersionId: chosen.kindVersionId,
			title: title?.trim() || chosen.label,
			scheduledAt: at,
			childIds,
			chairId,
			reason,
			invite,
			allegationId,
			episodeId
		});
		if (foster) await openFosterReview({ db, meeting, link: foster });
		const proposed = await proposedInvitees({
			db: await database(),
			unitId: meeting.unitId!,
			childIds: meeting.childIds,
			before: at
		});
		return json(
			{
				id: meeting.id,
				proposed: proposed.map(({ id, name, agency, email, mailbox, from }) => ({
					id,
					name,
					agency,
					email,
					mailbox,
					from
				}))
			},
			{ status: 201 }
		);
	} catch (problem) {
		return commandJson(problem, { rename: { date: 'scheduledAt' } });
	}
};
