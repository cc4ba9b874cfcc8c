/**
 * Business support's queue: the latest version of every document of the unit's meetings that
 * has a due date (the notes, their family copy, the 24-hour plan), in working order (issue 28):
 * what is outstanding first, the most overdue at the top, then what is due soonest; the done ones
 * (final) after them, the most recently due first. Each with its state and how many working days
 * late it is.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingDocuments, meetings } from '../db/schema';
import type { DocumentState } from '../../domain/vocabulary';
import { calendarDateOf, type CalendarDate } from '../../domain/calendar-date';
import { documentDueBy, lateInWords, workingDaysLate } from '../../domain/document-due';
import { documentUrl } from './store';
import { unsentCopies } from '../circulation-flow';

export interface DueDocument {
	id: string;
	meetingId: string;
	meetingTitle: string;
	kind: string;
	version: number;
	state: DocumentState;
	dueBy: CalendarDate;
	workingDaysLate: number;
	/** "3 working days late", "due today", "on time", "done". */
	lateness: string;
	/**
	 * Copies of this version not sent yet (held back by the chair, or queued) and copies that
	 * failed or bounced with nobody acting yet (issue 22).
	 */
	unsent: number;
	problems: number;
	/**
	 * Final, nothing held back and no failure or bounce waiting: nothing left to do (folded away
	 * at the end of the queue).
	 */
	done: boolean;
	url: string;
}

export async function dueDocuments(props: {
	db: Database;
	unitId: string;
	today: CalendarDate;
}): Promise<DueDocument[]> {
	const { db, today } = props;
	const unitMeetings = await db
		.select({
			id: meetings.id,
			title: meetings.title,
			startedAt: meetings.startedAt,
			scheduledAt: meetings.scheduledAt
		})
		.from(meetings)
		.where(eq(meetings.unitId, props.unitId));
	if (unitMeetings.length === 0) return [];
	const byId = new Map(unitMeetings.map((m) => [m.id, m]));
	const rows = await db
		.select({
			id: meetingDocuments.id,
			meetingId: meetingDocuments.meetingId,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			state: meetingDocuments.state,
			dueBy: meetingDocuments.dueBy
		})
		.from(meetingDocuments)
		.where(
			and(
				inArray(meetingDocuments.meetingId, [...byId.keys()]),
				inArray(meetingDocuments.kind, ['notes', 'notes-family', 'plan-24h'])
			)
		);
	const latest = new Map<string, (typeof rows)[number]>();
	for (const row of rows) {
		const key = `${row.meetingId} ${row.kind}`;
		const seen = latest.get(key);
		if (!seen || seen.version < row.version) latest.set(key, row);
	}
	const copies = await unsentCopies(
		db,
		[...latest.values()].map((row) => row.id)
	);
	const out: DueDocument[] = [];
	for (const row of latest.values()) {
		const { queued, held, problems } = copies.get(row.id) ?? { queued: 0, held: 0, problems: 0 };
		const unsent = queued + held;
		const meeting = byId.get(row.meetingId)!;
		const dueBy =
			row.dueBy ??
			documentDueBy(row.kind, calendarDateOf(meeting.startedAt ?? meeting.scheduledAt));
		if (!dueBy) continue;
		const facts = { dueBy, today, final: row.state === 'final' };
		out.push({
			...row,
			meetingTitle: meeting.title,
			dueBy,
			workingDaysLate: workingDaysLate(facts),
			lateness: lateInWords(facts),
			unsent,
			problems,
			// Queued copies go within a minute; held and failed ones wait for someone.
			done: facts.final && held === 0 && problems === 0,
			url: documentUrl(row.meetingId, row.id)
		});
	}
	return out.sort(workingOrder);
}

/**
 * Outstanding before done; among the outstanding the earliest due date first (so the most
 * overdue leads, then what is due soonest); among the done the latest due date first.
 */
export function workingOrder(
	a: Pick<DueDocument, 'done' | 'dueBy' | 'meetingTitle' | 'kind'>,
	b: Pick<DueDocument, 'done' | 'dueBy' | 'meetingTitle' | 'kind'>
): number {
	if (a.done !== b.done) return a.done ? 1 : -1;
	const byDate = a.done ? b.dueBy.localeCompare(a.dueBy) : a.dueBy.localeCompare(b.dueBy);
	return byDate || a.meetingTitle.localeCompare(b.meetingTitle) || a.kind.localeCompare(b.kind);
}
