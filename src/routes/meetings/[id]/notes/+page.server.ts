import { error } from '@sveltejs/kit';
import { meetingForPage } from '$lib/server/guards';
import { audit } from '$lib/server/audit';
import { latestNotes, notesVersions } from '$lib/server/documents/notes-state';
import { restrictedPassagesOf } from '$lib/server/documents/restricted-passages';
import { documentUrl } from '$lib/server/documents/store';
import {
	mayApproveNotes,
	mayCorrectNotes,
	mayReadNotes,
	mayReadRestricted,
	maySubmitNotes,
	mayWriteNotes
} from '$lib/policy';
import { notesCirculationPlan } from '$lib/server/circulation-flow';
import type { PageServerLoad } from './$types';

/** The notes editor: the latest version's state, what this person may do, warnings, every version. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	if (!mayReadNotes(found.role)) error(404, 'Not found');
	const notes = await latestNotes({ db, meetingId: params.id });
	if (!notes) error(404, 'Not found');
	const versions = await notesVersions({ db, meetingId: params.id });
	// The restricted passages, so the page warns where the notes quote one as they are edited
	// (only to those who may read restricted information, and only while the notes change).
	const passages =
		mayReadRestricted(found.role) && notes.state !== 'final'
			? await restrictedPassagesOf({ db, meetingId: params.id })
			: [];
	await audit({
		db,
		userId: user.id,
		action: 'open-notes',
		targetType: 'document',
		targetId: notes.id,
		detail: { meetingId: params.id, version: notes.version }
	});
	const role = found.role;
	const approving = mayApproveNotes(role) && notes.state === 'with-chair';
	// The chair approving sees who the final notes go to, each with their copy (issue 22).
	const recipients = approving
		? (await notesCirculationPlan({ db, found, notes })).map(({ name, address, agency, copy }) => ({
				name,
				address,
				agency,
				copy
			}))
		: [];
	return {
		recipients,
		meeting: { id: found.meeting.id, title: found.meeting.title },
		me: { name: found.me?.name ?? user.name, id: user.id },
		notes: {
			id: notes.id,
			version: notes.version,
			state: notes.state,
			dueBy: notes.dueBy,
			returnedComment: notes.returnedComment,
			correctionReason: notes.correctionReason,
			url: documentUrl(params.id, notes.id)
		},
		may: {
			write: mayWriteNotes({ role, state: notes.state }),
			submit: maySubmitNotes(role) && notes.state === 'draft',
			approve: approving,
			correct: mayCorrectNotes(role) && notes.state === 'final'
		},
		passages,
		versions: versions.map((v) => ({
			...v,
			createdAt: v.createdAt.toISOString(),
			approvedAt: v.approvedAt?.toISOString() ?? null
		}))
	};
};
