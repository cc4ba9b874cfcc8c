/**
 * A child's consultation form for a meeting (issue 12): their worries, what is going well and
 * what they wish for, asked in words for their age on the meeting's date, written down on the
 * child's behalf (children have no accounts) by their social worker, advocate or a parent with
 * the child. One form per child per meeting; saving again replaces it.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { children, consultations, type Consultation } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { calendarDateOf } from '../../domain/calendar-date';
import { consultationBand, type AgeBand } from '../../domain/voices';
import { mayFillConsultation, mayReadConsultation, voicesOpen } from '../../policy';
import { voiceAccess, voicesClosed, type VoiceAccess } from './access';
import { badInput } from '../command-error';
import { tooLong } from '../../domain/text-limits';

export interface ConsultationView {
	id: string;
	meetingId: string;
	childId: string;
	ageBand: AgeBand;
	worries: string;
	goingWell: string;
	wishes: string;
	helpedBy: string;
	updatedAt: string;
}

const viewOf = (row: Consultation): ConsultationView => ({
	id: row.id,
	meetingId: row.meetingId,
	childId: row.childId,
	ageBand: row.ageBand as AgeBand,
	worries: row.worries,
	goingWell: row.goingWell,
	wishes: row.wishes,
	helpedBy: row.helpedBy,
	updatedAt: row.updatedAt.toISOString()
});

const readable = (access: VoiceAccess, childId: string) =>
	mayReadConsultation({
		...access.facts,
		ownFamily: access.ownChildIds.has(childId)
	}) && access.found.children.some((child) => child.id === childId);

/** The band of the form for each of the meeting's children, from their date of birth on the meeting's date. */
export async function consultationBands(props: {
	db: Database;
	meeting: { id: string; scheduledAt: Date };
	childIds: string[];
}): Promise<Record<string, AgeBand>> {
	const bands: Record<string, AgeBand> = {};
	const meetingDate = calendarDateOf(props.meeting.scheduledAt);
	for (const childId of props.childIds) {
		const [child] = await props.db
			.select({ dateOfBirth: children.dateOfBirth })
			.from(children)
			.where(eq(children.id, childId));
		bands[childId] = consultationBand(child?.dateOfBirth ?? null, meetingDate);
	}
	return bands;
}

/** Saves (or replaces) a child's form. Null when not theirs to write (404); a CommandError 409 once the meeting is over, 400 for bad input. */
export async function saveConsultation(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	childId: string;
	helpedBy: string;
	worries: string;
	goingWell: string;
	wishes: string;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user, meetingId, childId } = props;
	const access = await voiceAccess({ db, user, meetingId });
	if (!access) return null;
	const { found } = access;
	const ownChild = childId ? access.ownChildIds.has(childId) : access.ownChildIds.size > 0;
	if (!mayFillConsultation({ role: found.role, ownChild, kind: found.meeting.kind })) return null;
	if (!voicesOpen(found.meeting.status)) throw voicesClosed();
	if (!found.children.some((child) => child.id === childId))
		throw badInput('childId', 'Choose one of the children this meeting is about.');
	const words = {
		worries: props.worries.trim(),
		goingWell: props.goingWell.trim(),
		wishes: props.wishes.trim()
	};
	for (const [field, value] of Object.entries(words)) {
		const long = tooLong(value, 'answer', 'one answer');
		if (long) throw badInput(field, long);
	}
	if (!words.worries && !words.goingWell && !words.wishes)
		throw badInput('worries', 'Write down at least one answer.');
	const helpedBy = props.helpedBy.trim();
	if (!helpedBy)
		throw badInput(
			'helpedBy',
			'Say who helped the child fill this in, for example "their social worker".'
		);
	const longHelper = tooLong(helpedBy, 'name', 'who helped');
	if (longHelper) throw badInput('helpedBy', longHelper);
	const bands = await consultationBands({ db, meeting: found.meeting, childIds: [childId] });
	const now = props.now ?? new Date();
	const values = {
		...words,
		helpedBy,
		ageBand: bands[childId],
		writtenBy: user.id,
		updatedAt: now
	};
	const [row] = await db
		.insert(consultations)
		.values({ meetingId, childId, ...values })
		.onConflictDoUpdate({ target: [consultations.meetingId, consultations.childId], set: values })
		.returning({ id: consultations.id });
	await audit({
		db,
		userId: user.id,
		action: 'consultation-saved',
		targetType: 'child',
		targetId: childId,
		detail: { meetingId }
	});
	return row;
}

/** The forms of a meeting's children the viewer may read. */
export async function consultationsForViewer(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<ConsultationView[]> {
	const access = await voiceAccess(props);
	if (!access) return [];
	const rows = await props.db
		.select()
		.from(consultations)
		.where(eq(consultations.meetingId, props.meetingId));
	return rows.filter((row) => readable(access, row.childId)).map(viewOf);
}

/** One form by its id, if the viewer may read it; null otherwise (answer 404). */
export async function consultationForViewer(props: {
	db: Database;
	user: SessionUser;
	consultationId: string;
}): Promise<ConsultationView | null> {
	const { db, user, consultationId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(consultationId)) return null;
	const [row] = await db
		.select()
		.from(consultations)
		.where(and(eq(consultations.id, consultationId)));
	if (!row) return null;
	const access = await voiceAccess({ db, user, meetingId: row.meetingId });
	if (!access || !readable(access, row.childId)) return null;
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'child',
		targetId: row.childId,
		detail: { meetingId: row.meetingId, consultationId: row.id }
	});
	return viewOf(row);
}
