/**
 * The meeting's one register of reports (issue 21), read from the database: the reports kept in
 * the app and the meeting's list of people (see ../../domain/report-register). Every page,
 * document and `GET /api/meetings/{id}/reports` reads it; a parent is given only what was shared
 * with them.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, meetingParticipants, professionalReports } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { mayReadReport, readsAsFamily } from '../../policy';
import { reportRegister, type ReportEntry, type ReportState } from '../../domain/report-register';
import { voiceAccess } from './access';

/** The register of one meeting, for everyone who may see it all (no rights checked here). */
export async function meetingReportRegister(props: {
	db: Database;
	meetingId: string;
}): Promise<ReportEntry[]> {
	const { db, meetingId } = props;
	const people = await db
		.select({
			id: meetingParticipants.id,
			name: meetingParticipants.name,
			agency: agencies.name,
			reportRequested: meetingParticipants.reportRequested,
			reportReceivedAt: meetingParticipants.reportReceivedAt,
			reportSharedWithParents: meetingParticipants.reportSharedWithParents
		})
		.from(meetingParticipants)
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.where(eq(meetingParticipants.meetingId, meetingId));
	const reports = await db
		.select({
			id: professionalReports.id,
			participantId: professionalReports.participantId,
			title: professionalReports.title,
			createdAt: professionalReports.createdAt,
			sharedWithParentsAt: professionalReports.sharedWithParentsAt,
			parentsFirstOpenedAt: professionalReports.parentsFirstOpenedAt
		})
		.from(professionalReports)
		.where(eq(professionalReports.meetingId, meetingId))
		.orderBy(asc(professionalReports.createdAt));
	return reportRegister(
		people.map((p) => ({ ...p, reportReceivedAt: p.reportReceivedAt?.toISOString() ?? null })),
		reports.map((r) => ({
			...r,
			createdAt: r.createdAt.toISOString(),
			sharedWithParentsAt: r.sharedWithParentsAt?.toISOString() ?? null,
			parentsFirstOpenedAt: r.parentsFirstOpenedAt?.toISOString() ?? null
		}))
	);
}

/** One report as `GET /api/meetings/{id}/reports` answers it. */
export interface ReportListItem {
	id: string;
	agency: string | null;
	from: string;
	title: string;
	state: ReportState;
	receivedAt: string | null;
	sharedWithParentsAt: string | null;
	/** The report to download, when a copy is kept in the app; null otherwise. */
	downloadUrl: string | null;
	/** Its page (to read on a phone), when a copy is kept in the app. */
	url: string | null;
	/** When a parent first opened it; given to professionals only. */
	parentsFirstOpenedAt?: string | null;
}

/**
 * The register as this viewer may read it: everyone in the meeting but the family reads it all;
 * a parent or carer only the reports shared with them. Null when the meeting is not theirs (404).
 */
export async function reportRegisterForViewer(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<{ reports: ReportListItem[]; family: boolean } | null> {
	const access = await voiceAccess(props);
	if (!access) return null;
	const role = access.found.role;
	const family = readsAsFamily(role);
	const entries = await meetingReportRegister(props);
	const ownFamily = access.ownChildIds.size > 0;
	const reports = entries
		.filter((e) =>
			mayReadReport({
				...access.facts,
				role,
				ownFamily,
				sharedWithParents: e.state === 'shared'
			})
		)
		.map((e) => ({
			id: e.id,
			agency: e.agency,
			from: e.from,
			title: e.title,
			state: e.state,
			receivedAt: e.receivedAt,
			sharedWithParentsAt: e.sharedWithParentsAt,
			downloadUrl: e.inApp ? `/api/reports/${e.id}` : null,
			url: e.inApp ? `/meetings/${props.meetingId}/reports/${e.id}` : null,
			...(family ? {} : { parentsFirstOpenedAt: e.parentsFirstOpenedAt })
		}));
	return { reports, family };
}
