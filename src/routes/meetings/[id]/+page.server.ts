import { meetingForPage } from '$lib/server/guards';
import { error, fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { childNames, meetingForViewer } from '$lib/server/meetings/queries';
import { startMeeting } from '$lib/server/meetings/commands/start-meeting';
import {
	canPrepareMeeting,
	canRunMeeting,
	mayChangeMeetingDate,
	mayTakeRegister,
	registerIsOpen
} from '$lib/policy';
import { quorumOf } from '$lib/server/meetings/register';
import { meetingTemplate } from '$lib/server/meeting-kinds';
import { z } from 'zod';
import { attendanceStates, meetingRoles } from '$lib/domain/vocabulary';
import { readForm } from '$lib/server/forms';
import { inviteParticipant } from '$lib/server/meetings/commands/invite-participant';
import { recordAttendance } from '$lib/server/meetings/commands/record-attendance';
import type { SessionUser } from '$lib/server/auth/session';
import { documentsForRole } from '$lib/server/documents/store';
import { reportRequestsForMeeting } from '$lib/server/mail/report-requests';
import { dateChangeActions } from './date-change.server';
import { adjournActions } from './adjourn.server';
import { setUpLinkActions } from './set-up-links.server';
import { voiceActions, voicesForPage } from './voices.server';
import { textLimits, tooLongMessage } from '$lib/domain/text-limits';
import { pendingAccountInvites } from '$lib/server/auth/account-invites';
import { familyMeetingTitle } from '$lib/domain/family-words';
import { feedbackAsk } from '$lib/server/feedback';
import { giveFeedback } from '$lib/server/feedback/commands/give-feedback';
import { interpretersWanted } from '$lib/server/meetings/interpreters';

const inviteForm = z.object({
	userId: z.string().optional(),
	name: z.string().trim().max(textLimits.name, tooLongMessage('name', 'the name')).optional(),
	email: z.string().trim().max(textLimits.email, 'That email address is too long.').optional(),
	role: z.enum(meetingRoles, { error: 'Choose their role in the meeting.' }),
	language: z
		.string()
		.trim()
		.max(textLimits.shortText, tooLongMessage('shortText', 'the language'))
		.optional(),
	voting: z.literal('on').optional(),
	reportRequested: z.literal('on').optional()
});

const registerForm = z.object({
	participantId: z.string().min(1, 'Choose a person.'),
	attendance: z.enum(attendanceStates, { error: 'Choose whether they are here.' }),
	reportReceived: z.literal('on').optional(),
	reportSharedWithParents: z.literal('on').optional()
});

/** The meeting, if the signed-in person may prepare it; otherwise a 404 or 403. */
async function preparable(locals: App.Locals, meetingId: string) {
	if (!locals.user) redirect(303, '/login');
	const db = await database();
	const found = await meetingForViewer({ db, user: locals.user, meetingId });
	if (!found) error(404, 'Not found');
	if (!canPrepareMeeting({ viewer: locals.user, meeting: found.meeting, participant: found.me })) {
		error(403, 'Only the chair or an admin prepares this meeting.');
	}
	return { db, user: locals.user as SessionUser, found };
}
import { meetingReportRegister } from '$lib/server/voices/report-register';
import {
	personReportState,
	reportsNotSharedInTime,
	reportStateWords
} from '$lib/domain/report-register';
import type { MeetingKind } from '$lib/domain/vocabulary';
import type { Database } from '$lib/server/db';
import { caseLinkOf } from '$lib/server/linked-meetings/case-link';
import type { Actions, PageServerLoad } from './$types';
import { commandFail } from '$lib/server/http/form';

/**
 * Each person's report as the one register says it (issue 21), for the list of people: its
 * state in words fit for the kind of meeting, and whether the reports kept in the app decide it
 * (then the hand ticks are not offered: sharing is marked on the report).
 */
async function registerByPerson(db: Database, meetingId: string, kind: MeetingKind) {
	const entries = await meetingReportRegister({ db, meetingId });
	const out: Record<string, { words: string; inApp: boolean }> = {};
	for (const entry of entries) {
		const state = personReportState(entries, entry.participantId);
		if (!state || out[entry.participantId]) continue;
		const mine = entries.filter((e) => e.participantId === entry.participantId);
		const shown = mine.find((e) => e.state === state) ?? entry;
		out[entry.participantId] = {
			words: reportStateWords(shown, kind, (iso) =>
				new Date(iso).toLocaleDateString('en-GB', {
					day: 'numeric',
					month: 'long',
					timeZone: 'Europe/London'
				})
			),
			inApp: mine.some((e) => e.inApp)
		};
	}
	return out;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, user, found } = await meetingForPage({ locals, meetingId: params.id, url });
	await audit({ db, userId: user.id, action: 'read', targetType: 'meeting', targetId: params.id });
	const { meeting, children, participants, me, role } = found;
	return {
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			title: meeting.title,
			status: meeting.status,
			scheduledAt: meeting.scheduledAt.toISOString()
		},
		// The template it runs on: the version of the unit's kind it was scheduled with (issue 25).
		template: await meetingTemplate({ db, meeting }),
		// The case it belongs to (an allegation, a sitting's agenda, a carer), where the viewer may go.
		caseLink: await caseLinkOf({ db, user, meeting, invited: me !== null }),
		children,
		// The meeting's name in the family's words, from the names the children like (issue 27);
		// a child reading about their own meeting is "you".
		familyTitle: familyMeetingTitle(
			meeting.kind,
			(
				await childNames(
					db,
					children.map((c) => c.id)
				)
			).map((child) => ({
				name: child.name,
				preferredName: child.preferredName,
				reader: role === 'child' && child.accountId === user.id
			}))
		),
		participants,
		me: me ? { id: me.id } : null,
		role,
		// After End: the three questions for a parent, child or professional on the list (issue 27).
		feedback: await feedbackAsk({ db, meeting, me, userId: user.id }),
		canRun: canRunMeeting({ viewer: user, meeting, participant: me }),
		canPrepare: canPrepareMeeting({ viewer: user, meeting, participant: me }),
		// The register in Welcome: its takers, while the meeting runs (and to correct it after).
		canTakeRegister:
			registerIsOpen(meeting.status) && mayTakeRegister({ viewer: user, meeting, participant: me }),
		// Conferences: whether the register says the meeting can decide (parents see it too).
		quorum: await quorumOf({ db, meeting, participants }),
		documents:
			meeting.status === 'ended' ? await documentsForRole({ db, meetingId: meeting.id, role }) : [],
		reportRequests: canPrepareMeeting({ viewer: user, meeting, participant: me })
			? await reportRequestsForMeeting({ db, meetingId: meeting.id })
			: [],
		canChangeDate:
			meeting.status === 'scheduled' &&
			mayChangeMeetingDate({ viewer: user, meeting, participant: me }),
		voices: await voicesForPage({ user, found }),
		reportRegister: await registerByPerson(db, meeting.id, meeting.kind),
		// When the meeting starts, the chair sees which reports the parents did not have in time.
		reportsLate:
			meeting.status === 'live' && canRunMeeting({ viewer: user, meeting, participant: me })
				? reportsNotSharedInTime(
						await meetingReportRegister({ db, meetingId: meeting.id }),
						meeting.kind,
						(meeting.startedAt ?? meeting.scheduledAt).toISOString()
					).map((e) => ({
						id: e.id,
						title: e.title,
						from: e.agency ? `${e.from}, ${e.agency}` : e.from,
						sharedWithParentsAt: e.sharedWithParentsAt
					}))
				: [],
		setUpPending: canPrepareMeeting({ viewer: user, meeting, participant: me })
			? await pendingAccountInvites({ db, meetingId: meeting.id })
			: [],
		// A child who needs an interpreter none on the list speaks (issue 26), for who prepares it.
		interpretersWanted:
			(meeting.status === 'scheduled' || meeting.status === 'live') &&
			canPrepareMeeting({ viewer: user, meeting, participant: me })
				? await interpretersWanted({ db, meetingId: meeting.id })
				: []
	};
};

export const actions: Actions = {
	...dateChangeActions,
	...adjournActions,
	...voiceActions,
	...setUpLinkActions,
	feedback: async ({ locals, params, request }) => {
		if (!locals.user) redirect(303, '/login');
		const form = await request.formData();
		const input = Object.fromEntries(
			['listenedTo', 'knowWhatNext', 'better', 'officerDifference'].flatMap((field) => {
				const value = form.get(field);
				return typeof value === 'string' ? [[field, value]] : [];
			})
		);
		const db = await database();
		const result = await giveFeedback({ db, user: locals.user, meetingId: params.id, input });
		if (result.status === 404) error(404, 'Not found');
		const none: Record<string, string> = {};
		if (result.status === 400)
			return fail(400, { feedback: { errors: result.errors, message: '', thanked: false } });
		if (result.status === 409)
			return fail(409, { feedback: { errors: none, message: result.message, thanked: false } });
		return { feedback: { errors: none, message: '', thanked: true } };
	},
	start: async ({ locals, params }) => {
		if (!locals.user) redirect(303, '/login');
		const db = await database();
		try {
			await startMeeting({ db, user: locals.user, meetingId: params.id });
		} catch (problem) {
			return commandFail(problem, (_, message) => ({ message }));
		}
		return { message: 'The meeting has started.' };
	},
	invite: async ({ locals, params, request }) => {
		const { db, user } = await preparable(locals, params.id);
		const form = readForm(await request.formData(), inviteForm, ['name', 'email', 'language']);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const invited = await inviteParticipant({
				db,
				actorId: user.id,
				meetingId: params.id,
				userId: form.data.userId || null,
				name: form.data.name || null,
				email: form.data.email || null,
				role: form.data.role,
				language: form.data.language || null,
				agencyId: null,
				voting: form.data.voting === 'on',
				reportRequested: form.data.reportRequested === 'on'
			});
			return { message: `${invited.name} is invited.` };
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors, values: {} as Record<string, string> }));
		}
	},
	register: async ({ locals, params, request }) => {
		const { db, user } = await preparable(locals, params.id);
		const form = readForm(await request.formData(), registerForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await recordAttendance({
				db,
				actorId: user.id,
				meetingId: params.id,
				participantId: form.data.participantId,
				attendance: form.data.attendance,
				reportReceived: form.data.reportReceived === 'on',
				reportSharedWithParents: form.data.reportSharedWithParents === 'on'
			});
			return { message: 'Saved.' };
		} catch (problem) {
			return commandFail(problem, (errors) => ({ errors, values: {} as Record<string, string> }));
		}
	}
};
