/**
 * The meeting page's voices before the meeting (issue 12): what VoicesBeforeMeeting.svelte and
 * the room's sections show, and its four actions — `addReport`, `shareReport`, `consultation`
 * and `advocacy` — the same commands as the JSON API, so the same rights (anyone else 404) and
 * refusals (beside the field, under `voices`).
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import type { MeetingForViewer } from '$lib/server/meetings/queries';
import { storableText } from '$lib/server/db/storable';
import {
	addReport,
	reportShareable,
	reportsForViewer,
	shareReport
} from '$lib/server/voices/reports';
import { reportRegisterForViewer } from '$lib/server/voices/report-register';
import { sharesReportsWithParents } from '$lib/domain/report-register';
import {
	consultationBands,
	consultationsForViewer,
	saveConsultation
} from '$lib/server/voices/consultations';
import {
	advocacyForMeeting,
	advocacyRecordable,
	recordAdvocacy
} from '$lib/server/voices/advocacy';
import { commandFail } from '$lib/server/http/form';
import {
	mayAddReport,
	mayFillConsultation,
	kindHasFamilyView,
	mayRecordAdvocacy,
	mayShareReport,
	voicesOpen
} from '$lib/policy';

/** Everything the page shows of the meeting's voices, as this viewer may see it. */
export async function voicesForPage(props: { user: SessionUser; found: MeetingForViewer }) {
	const { user, found } = props;
	const db = await database();
	const meetingId = found.meeting.id;
	const facts = { viewer: user, meeting: found.meeting, participant: found.me };
	// The one register (issue 21): what was asked for, received and shared, as this viewer may see it.
	const inApp = new Map(
		(await reportsForViewer({ db, user, meetingId })).map((r) => [r.id, r] as const)
	);
	const register = (await reportRegisterForViewer({ db, user, meetingId }))?.reports ?? [];
	return {
		open: voicesOpen(found.meeting.status),
		bands: await consultationBands({
			db,
			meeting: found.meeting,
			childIds: found.children.map((c) => c.id)
		}),
		consultations: await consultationsForViewer({ db, user, meetingId }),
		reports: register.map((entry) => {
			const kept = inApp.get(entry.id);
			return {
				...entry,
				kind: kept ? kept.kind : null,
				fileName: kept?.fileName ?? null,
				size: kept?.size ?? null,
				mayShare:
					kept !== undefined &&
					sharesReportsWithParents(found.meeting.kind) &&
					mayShareReport({ ...facts, authorId: kept.authorId })
			};
		}),
		advocacy: await advocacyForMeeting({ db, meeting: found.meeting }),
		// A parent is invited only to their own children's meetings (meetingRoleFit); the command
		// checks each child again.
		mayFillConsultation: mayFillConsultation({
			role: found.role,
			ownChild: true,
			kind: found.meeting.kind
		}),
		// The child's form belongs to the meetings the family comes to (none at a strategy meeting).
		consultationsHeld: kindHasFamilyView(found.meeting.kind),
		mayAddReport: mayAddReport({ role: found.role, participantId: found.me?.id ?? null }),
		mayRecordAdvocacy: mayRecordAdvocacy(facts)
	};
}

type Which = 'addReport' | 'shareReport' | 'consultation' | 'advocacy';

/** A command's refusal, beside its field; 404 for what is not theirs. */
function refusal(which: Which, problem: unknown, key = '') {
	return commandFail(problem, (errors) => ({ voices: { form: which, key, errors } }));
}

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? storableText(value) : '';
};

function signedIn(locals: App.Locals): SessionUser {
	if (!locals.user) redirect(303, '/login');
	return locals.user;
}

async function formOf(request: Request): Promise<FormData> {
	const form = await request.formData().catch(() => null);
	if (!form) error(400, 'The form could not be read.');
	return form;
}

export const voiceActions = {
	addReport: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		const user = signedIn(locals);
		const form = await formOf(request);
		const upload = form.get('file');
		const file =
			upload instanceof File && upload.size > 0
				? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }
				: null;
		try {
			const made = await addReport({
				db: await database(),
				user,
				meetingId: params.id,
				title: field(form, 'title'),
				body: field(form, 'body') || null,
				file
			});
			if (!made) error(404, 'Not found');
			return { voices: { form: 'addReport', key: '', message: 'Your report was added.' } };
		} catch (problem) {
			return refusal('addReport', problem);
		}
	},
	shareReport: async ({ locals, request }: RequestEvent<{ id: string }>) => {
		const user = signedIn(locals);
		const form = await formOf(request);
		const reportId = field(form, 'reportId');
		const db = await database();
		if (!(await reportShareable({ db, user, reportId }))) error(404, 'Not found');
		if (field(form, 'shared') !== 'yes')
			return fail(400, {
				voices: {
					form: 'shareReport',
					key: reportId,
					errors: { shared: 'Confirm that the report was shared with the parents.' }
				}
			});
		await shareReport({ db, user, reportId });
		return {
			voices: { form: 'shareReport', key: reportId, message: 'Marked as shared with the parents.' }
		};
	},
	consultation: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		const user = signedIn(locals);
		const form = await formOf(request);
		const childId = field(form, 'childId');
		try {
			const saved = await saveConsultation({
				db: await database(),
				user,
				meetingId: params.id,
				childId,
				helpedBy: field(form, 'helpedBy'),
				worries: field(form, 'worries'),
				goingWell: field(form, 'goingWell'),
				wishes: field(form, 'wishes')
			});
			if (!saved) error(404, 'Not found');
			return { voices: { form: 'consultation', key: childId, message: 'The form is saved.' } };
		} catch (problem) {
			return refusal('consultation', problem, childId);
		}
	},
	advocacy: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		const user = signedIn(locals);
		const form = await formOf(request);
		const childId = field(form, 'childId');
		const offered = field(form, 'offered');
		const db = await database();
		if (!(await advocacyRecordable({ db, user, meetingId: params.id }))) error(404, 'Not found');
		if (offered !== 'yes' && offered !== 'no')
			return fail(400, {
				voices: {
					form: 'advocacy',
					key: childId,
					errors: { offered: 'Say whether an advocate was offered.' }
				}
			});
		try {
			await recordAdvocacy({
				db,
				user,
				meetingId: params.id,
				childId: childId || null,
				offered: offered === 'yes',
				accepted: field(form, 'accepted') === 'yes',
				advocateName: field(form, 'advocateName') || null
			});
			return { voices: { form: 'advocacy', key: childId, message: 'Saved.' } };
		} catch (problem) {
			return refusal('advocacy', problem, childId);
		}
	}
};
