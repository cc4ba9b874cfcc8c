import { meetingForPage } from '$lib/server/guards';
import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { isCirculable, recordFirstOpen } from '$lib/server/circulation';
import { documentForRole, linkOf } from '$lib/server/documents/store';
import { documentReadability } from '$lib/documents/check';
import { documentKindLabel } from '$lib/domain/labels';
import type { DocumentKind } from '$lib/domain/vocabulary';
import { canRunMeeting, mayCirculate } from '$lib/policy';
import { deliveriesOfDocument } from '$lib/server/case-system/documents';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	const row = await documentForRole({
		db,
		meetingId: params.id,
		documentId: params.docId,
		role: found.role
	});
	if (!row) error(404, 'Not found');
	// Circulation with proof: the first time this person opens this version is noted, once.
	await recordFirstOpen({ db, userId: user.id, documentId: row.id });
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'document',
		targetId: row.id,
		detail: { meetingId: params.id, kind: row.kind, version: row.version }
	});
	const isChair = canRunMeeting({ viewer: user, meeting: found.meeting, participant: found.me });
	// The chair checks a family document before it goes out: hard sentences and jargon.
	const readability =
		isChair && row.audience === 'family' ? documentReadability(row.content) : null;
	return {
		meeting: { id: found.meeting.id, title: found.meeting.title },
		document: {
			...linkOf(row),
			kindLabel: documentKindLabel[row.kind as DocumentKind] ?? row.kind,
			html: row.html,
			contentHash: row.contentHash,
			generator: `${row.generatorName} ${row.generatorVersion}`,
			fileName: `${row.fileName}-v${row.version}.pdf`
		},
		readability,
		// What the council's case system was sent of this version (business support, managers).
		deliveries: await deliveriesOfDocument({ db, user, documentId: row.id }),
		// The chair and business support send a final version (the 24-hour plan at once) from here.
		mayCirculate:
			isCirculable(row) &&
			mayCirculate({ viewer: user, meeting: found.meeting, participant: found.me })
	};
};
