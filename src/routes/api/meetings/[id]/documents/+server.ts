import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { meetingForViewer } from '$lib/server/meetings/queries';
import { documentsForRole } from '$lib/server/documents/store';
import type { RequestHandler } from './$types';
import { contractDocumentKind } from '$lib/domain/vocabulary';

/**
 * The meeting's documents the caller may read (a parent: only family documents), the latest
 * version of each: { id, kind, version, title, audience, state, dueBy, url, pdfUrl }; 404 for any
 * other meeting.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found) error(404, 'No meeting with that id that you are invited to.');
	const documents = await documentsForRole({ db, meetingId: params.id, role: found.role });
	await audit({
		db,
		userId: user.id,
		action: 'list-documents',
		targetType: 'meeting',
		targetId: params.id
	});
	return json({
		documents: documents.map(
			({ id, kind, version, title, audience, state, dueBy, url, pdfUrl }) => ({
				id,
				kind: contractDocumentKind(kind),
				version,
				title,
				audience,
				state,
				dueBy,
				url,
				pdfUrl
			})
		)
	});
};
