import { meetingForPage } from '$lib/server/guards';
import { error } from '@sveltejs/kit';
import { reportForViewer } from '$lib/server/voices/reports';
import type { PageServerLoad } from './$types';

/**
 * A professional's report to read on its own page (a parent's phone included): its words, or
 * its file to download. A parent or carer reads only a report shared with them, and the first
 * time they open it the report records when (audited); anything else 404.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	const report = await reportForViewer({ db, user, reportId: params.reportId, how: 'read' });
	if (!report || report.meetingId !== found.meeting.id) error(404, 'Not found');
	return {
		meeting: { id: found.meeting.id, title: found.meeting.title },
		report: {
			id: report.id,
			title: report.title,
			from: report.from,
			body: report.body,
			fileName: report.fileName,
			size: report.size,
			createdAt: report.createdAt.toISOString(),
			sharedWithParentsAt: report.sharedWithParentsAt?.toISOString() ?? null
		}
	};
};
