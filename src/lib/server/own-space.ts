/**
 * A child's own space (issue 27, `/me`): what the child sees of their own record, in words for
 * their age — their next review and who will be there, their reviewing officer, their
 * consultation form for it, their plan as a tracker card, and the letter from their last review.
 * Only family things: the plan's actions (never a restricted passage: the record's restricted
 * roots are never read here) and documents written for the family.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from './db';
import {
	consultations,
	meetingChildren,
	meetingDocuments,
	meetingParticipants,
	meetings,
	planActions,
	users
} from './db/schema';
import type { SessionUser } from './auth/session';
import { audit } from './audit';
import { childOfAccount } from './messages';
import { mayUseOwnSpace, voicesOpen } from '../policy';
import { ofKindWithFamilyView } from './linked-meetings/family-kinds';
import { callName, familyMeetingTitle } from '../domain/family-words';
import { actionSentence } from '../domain/action-words';
import { calendarDateOf, type CalendarDate } from '../domain/calendar-date';
import { consultationBand, consultationQuestions, type ConsultationField } from '../domain/voices';
import { ageOn } from '../domain/child-clocks';
import { tooLong } from '../domain/text-limits';
import type { ActionState } from '../domain/actions';
import { renderDocumentHtml } from '../documents/html';

/** The tracker card's words for where each thing stands, for a child. */
const trackerWords: Record<ActionState, string> = {
	'not-started': 'Not started yet',
	'in-progress': 'Being done now',
	done: 'Done',
	stuck: 'Stuck: your reviewing officer knows'
};

/** Who someone on the list is, in a child's words. */
function whoInWords(role: string, name: string, officerId: string | null, userId: string | null) {
	if (userId && userId === officerId) return `${name}, your reviewing officer`;
	switch (role) {
		case 'chair':
			return `${name}, who runs the meeting`;
		case 'parent':
			return name;
		case 'minute-taker':
			return `${name}, who writes down what is said`;
		case 'advocate':
			return `${name}, your advocate`;
		default:
			return name;
	}
}

export interface OwnSpace {
	name: string;
	age: number | null;
	/** Their reviewing officer; `id` names the photo (`/api/people/{id}/photo`). */
	officer: { id: string; name: string; email: string } | null;
	nextReview: {
		meetingId: string;
		title: string;
		/** The child is on the meeting's list (issue 27): they may open its page, in their words. */
		invited: boolean;
		scheduledAt: string;
		who: string[];
		form: {
			open: boolean;
			questions: Record<ConsultationField, string>;
			answers: Record<ConsultationField, string>;
		};
	} | null;
	tracker: { text: string; state: string; done: boolean }[];
	letter: { title: string; html: string } | null;
}

/** The child's own space; null when the account is not a child's (the page answers 404). */
export async function ownSpace(props: {
	db: Database;
	user: SessionUser;
	now?: Date;
}): Promise<OwnSpace | null> {
	const { db, user } = props;
	if (!mayUseOwnSpace({ id: user.id, role: user.role, unitId: user.unitId })) return null;
	const child = await childOfAccount(db, user.id);
	if (!child || child.unitId !== user.unitId) return null;
	const today: CalendarDate = calendarDateOf(props.now ?? new Date());
	const [childRow] = await db.query.children.findMany({
		where: (c, { eq: is }) => is(c.id, child.id)
	});
	const officer = child.iroId
		? ((
				await db
					.select({ id: users.id, name: users.name, email: users.email })
					.from(users)
					.where(eq(users.id, child.iroId))
			)[0] ?? null)
		: null;

	const [next] = await db
		.select({ meeting: meetings })
		.from(meetings)
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
		.where(
			and(
				eq(meetingChildren.childId, child.id),
				inArray(meetings.status, ['scheduled', 'live']),
				// Never a professionals-only meeting (issue 25): not even that there is one.
				ofKindWithFamilyView()
			)
		)
		.orderBy(asc(meetings.scheduledAt))
		.limit(1);
	let nextReview: OwnSpace['nextReview'] = null;
	if (next) {
		const m = next.meeting;
		const people = await db
			.select({
				name: meetingParticipants.name,
				role: meetingParticipants.role,
				userId: meetingParticipants.userId,
				mailbox: meetingParticipants.mailbox
			})
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, m.id))
			.orderBy(asc(meetingParticipants.name));
		const band = consultationBand(childRow?.dateOfBirth ?? null, calendarDateOf(m.scheduledAt));
		const [form] = await db
			.select()
			.from(consultations)
			.where(and(eq(consultations.meetingId, m.id), eq(consultations.childId, child.id)));
		nextReview = {
			meetingId: m.id,
			title: familyMeetingTitle(m.kind, [{ ...child, reader: true }]),
			invited: people.some((p) => p.userId === user.id),
			scheduledAt: m.scheduledAt.toISOString(),
			who: people
				.filter((p) => !p.mailbox && p.userId !== user.id)
				.map((p) => whoInWords(p.role, p.name, child.iroId, p.userId)),
			form: {
				open: voicesOpen(m.status),
				questions: consultationQuestions[band],
				answers: {
					worries: form?.worries ?? '',
					goingWell: form?.goingWell ?? '',
					wishes: form?.wishes ?? ''
				}
			}
		};
	}

	// The tracker card: the actions of the latest meeting that made some for this child.
	const actions = await db
		.select({ planActions })
		.from(planActions)
		.innerJoin(meetings, eq(meetings.id, planActions.meetingId))
		// Never a professionals-only meeting's actions (issue 25: an allegation, a missing episode).
		.where(and(eq(planActions.childId, child.id), ofKindWithFamilyView()))
		.orderBy(desc(planActions.createdAt))
		.then((rows) => rows.map((row) => row.planActions));
	const latestMeeting = actions[0]?.meetingId;
	const tracker = actions
		.filter((a) => a.meetingId === latestMeeting)
		// By when each is due (none last), then the plan's own order.
		.sort(
			(a, b) =>
				(a.dueBy ?? '9999').localeCompare(b.dueBy ?? '9999') ||
				a.recordActionId.localeCompare(b.recordActionId)
		)
		.map((a) => ({
			text: actionSentence({ what: a.text, who: a.who, byWhen: a.dueBy ?? '' }, { today }),
			state: trackerWords[a.state],
			done: a.state === 'done'
		}));

	// The letter from their last review: the newest child's letter of a meeting about them.
	const [letterRow] = await db
		.select({ title: meetings.title, content: meetingDocuments.content })
		.from(meetingDocuments)
		.innerJoin(meetings, eq(meetings.id, meetingDocuments.meetingId))
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
		.where(
			and(
				eq(meetingChildren.childId, child.id),
				eq(meetingDocuments.kind, 'child-letter'),
				eq(meetingDocuments.audience, 'family')
			)
		)
		.orderBy(desc(meetings.scheduledAt), desc(meetingDocuments.version))
		.limit(1);

	await audit({ db, userId: user.id, action: 'read', targetType: 'child', targetId: child.id });
	return {
		name: callName(child),
		age: ageOn(childRow?.dateOfBirth ?? null, today),
		officer,
		nextReview,
		tracker,
		// Rendered from the letter's model under the page's own headings: the page has one h1
		// ("Hello, …") and the letter's card its h2, so the letter's own headings start at h3.
		letter: letterRow
			? {
					title: 'Your letter from your last review',
					html: renderDocumentHtml(letterRow.content, { headingLevel: 3 })
				}
			: null
	};
}

/** The child writes their own consultation form for their next meeting (while it is open). */
export async function saveOwnConsultation(props: {
	db: Database;
	user: SessionUser;
	answers: Record<ConsultationField, string>;
	now?: Date;
}): Promise<{ ok: true } | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> }> {
	const { db, user } = props;
	const space = await ownSpace({ db, user, now: props.now });
	const child = space ? await childOfAccount(db, user.id) : null;
	if (!space || !child) return { ok: false, status: 404, errors: {} };
	if (!space.nextReview || !space.nextReview.form.open)
		return { ok: false, status: 409, errors: { form: 'There is no meeting to write for yet.' } };
	const words = {
		worries: props.answers.worries.trim(),
		goingWell: props.answers.goingWell.trim(),
		wishes: props.answers.wishes.trim()
	};
	const errors: Record<string, string> = {};
	for (const [field, value] of Object.entries(words)) {
		const long = tooLong(value, 'answer', 'one answer');
		if (long) errors[field] = long;
	}
	if (!words.worries && !words.goingWell && !words.wishes)
		errors.worries = 'Write something in at least one box.';
	if (Object.keys(errors).length) return { ok: false, status: 400, errors };
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(eq(meetings.id, space.nextReview.meetingId));
	const band = consultationBand(
		(await db.query.children.findFirst({ where: (c, { eq: is }) => is(c.id, child.id) }))
			?.dateOfBirth ?? null,
		calendarDateOf(meeting.scheduledAt)
	);
	const values = {
		...words,
		helpedBy: 'Nobody: I wrote it myself',
		ageBand: band,
		writtenBy: user.id,
		updatedAt: props.now ?? new Date()
	};
	await db
		.insert(consultations)
		.values({ meetingId: meeting.id, childId: child.id, ...values })
		.onConflictDoUpdate({ target: [consultations.meetingId, consultations.childId], set: values });
	await audit({
		db,
		userId: user.id,
		action: 'consultation-saved',
		targetType: 'child',
		targetId: child.id,
		detail: { meetingId: meeting.id }
	});
	return { ok: true };
}
