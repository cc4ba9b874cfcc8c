/**
 * One register of a meeting's reports (issue 21): what was asked for, what was received and what
 * was shared with the parents, and when. Every page, document and the API read it, so the
 * register, the Reports section, the parent's page and the notes say the same thing.
 *
 * It is made from two records: the reports kept in the app (a file or words, each with when it
 * was shared with the parents) and the meeting's list of people (asked for a report; received or
 * shared ticked by hand for a report that came another way, on paper or by post). A person's
 * reports in the app are the truth about them; a hand tick stands only for a report that is not
 * in the app. Pure: no database, no Svelte.
 */
import { professionalOnlyKinds, type MeetingKind } from './vocabulary';

export const reportStates = ['asked', 'received', 'shared'] as const;
export type ReportState = (typeof reportStates)[number];

/** Someone on the meeting's list, as the register reads them. */
export interface RegisterPerson {
	id: string;
	name: string;
	agency: string | null;
	reportRequested: boolean;
	/** ISO time, or null. */
	reportReceivedAt: string | null;
	reportSharedWithParents: boolean;
}

/** A report kept in the app. */
export interface RegisterReport {
	id: string;
	participantId: string;
	title: string;
	createdAt: string;
	sharedWithParentsAt: string | null;
	parentsFirstOpenedAt: string | null;
}

/** One line of the register. */
export interface ReportEntry {
	/** The report's id; for a report not kept in the app, the person's id on the meeting's list. */
	id: string;
	participantId: string;
	/** Who it is from. */
	from: string;
	agency: string | null;
	title: string;
	state: ReportState;
	receivedAt: string | null;
	/** When it was shared with the parents; null when not shared, or ticked by hand without a date. */
	sharedWithParentsAt: string | null;
	/** Whether a copy is kept in the app (to read and download). */
	inApp: boolean;
	/** When a parent first opened it in the app. */
	parentsFirstOpenedAt: string | null;
}

/** Kinds of meeting whose reports are shared with the child's parents before it. */
export function sharesReportsWithParents(kind: MeetingKind): boolean {
	return (
		kind !== 'life-appreciation-day' &&
		kind !== 'disruption-meeting' &&
		// No family view at all (issue 25): nothing of these meetings reaches the parents.
		!(professionalOnlyKinds as readonly MeetingKind[]).includes(kind)
	);
}

/** The register: each report kept in the app (oldest first), then each person's report received another way or still asked for (by name). */
export function reportRegister(
	people: readonly RegisterPerson[],
	reports: readonly RegisterReport[]
): ReportEntry[] {
	const entries: ReportEntry[] = [];
	const byId = new Map(people.map((p) => [p.id, p]));
	for (const report of [...reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
		const person = byId.get(report.participantId);
		entries.push({
			id: report.id,
			participantId: report.participantId,
			from: person?.name ?? 'Someone no longer on the list',
			agency: person?.agency ?? null,
			title: report.title,
			state: report.sharedWithParentsAt ? 'shared' : 'received',
			receivedAt: report.createdAt,
			sharedWithParentsAt: report.sharedWithParentsAt,
			inApp: true,
			parentsFirstOpenedAt: report.parentsFirstOpenedAt
		});
	}
	const inApp = new Set(reports.map((r) => r.participantId));
	for (const person of [...people].sort((a, b) => a.name.localeCompare(b.name))) {
		if (inApp.has(person.id)) continue;
		if (!person.reportReceivedAt && !person.reportRequested) continue;
		const received = person.reportReceivedAt !== null;
		entries.push({
			id: person.id,
			participantId: person.id,
			from: person.name,
			agency: person.agency,
			title: `Report from ${person.agency ?? person.name}`,
			state: !received ? 'asked' : person.reportSharedWithParents ? 'shared' : 'received',
			receivedAt: person.reportReceivedAt,
			sharedWithParentsAt: null,
			inApp: false,
			parentsFirstOpenedAt: null
		});
	}
	return entries;
}

/** Where a person's report stands: the furthest of their entries (shared, received, asked), or null. */
export function personReportState(
	entries: readonly ReportEntry[],
	participantId: string
): ReportState | null {
	const mine = entries.filter((e) => e.participantId === participantId).map((e) => e.state);
	if (!mine.length) return null;
	if (mine.includes('received')) return 'received';
	if (mine.includes('shared')) return 'shared';
	return 'asked';
}

/**
 * A report's state in words that fit the meeting: "Asked for", "Received, not yet shared with
 * the parents", "Received, shared with the parents on 3 December"; for a Life Appreciation Day
 * or a disruption meeting, whose reports are not for the parents, only "Asked for" or "Received".
 */
export function reportStateWords(
	entry: Pick<ReportEntry, 'state' | 'sharedWithParentsAt'>,
	kind: MeetingKind,
	dayInWords: (iso: string) => string = (iso) => iso.slice(0, 10)
): string {
	if (entry.state === 'asked') return 'Asked for, not received yet';
	if (!sharesReportsWithParents(kind)) return 'Received';
	if (entry.state === 'received') return 'Received, not yet shared with the parents';
	return entry.sharedWithParentsAt
		? `Received, shared with the parents on ${dayInWords(entry.sharedWithParentsAt)}`
		: 'Received, shared with the parents (outside Roundtable; the day was not recorded)';
}

/**
 * The reports the parents did not have in time: received but not shared with them, or shared
 * only after the meeting started (`startedAt`, ISO). Empty for kinds whose reports are not for
 * the parents.
 */
export function reportsNotSharedInTime(
	entries: readonly ReportEntry[],
	kind: MeetingKind,
	startedAt: string
): ReportEntry[] {
	if (!sharesReportsWithParents(kind)) return [];
	const start = new Date(startedAt).getTime();
	return entries.filter(
		(e) =>
			e.state === 'received' ||
			(e.state === 'shared' &&
				e.sharedWithParentsAt !== null &&
				new Date(e.sharedWithParentsAt).getTime() > start)
	);
}
