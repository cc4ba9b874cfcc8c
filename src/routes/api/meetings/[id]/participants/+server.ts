import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { meetingForViewer } from '$lib/server/meetings/queries';
import { checkAgencyForMeeting } from '$lib/server/meetings/invitees';
import { inviteMailbox } from '$lib/server/meetings/commands/invite-mailbox';
import { inviteParticipant } from '$lib/server/meetings/commands/invite-participant';
import { badRequest, commandJson, notFound } from '$lib/server/http/json';
import { canPrepareMeeting } from '$lib/policy';
import { meetingRoles } from '$lib/domain/vocabulary';
import type { RequestHandler } from './$types';

const role = z.enum(meetingRoles, { error: 'Choose their part in the meeting.' });
/** The language an interpreter interprets (issue 26): required of one, ignored for anyone else. */
const language = z.string({ error: 'Name the language the interpreter interprets.' }).nullish();

/** A person with an account. */
const account = z.object({
	userId: z.string({ error: 'Choose a person with an account.' }),
	role,
	language,
	voting: z.boolean().optional(),
	reportRequested: z.boolean().optional()
});

/** A named person with only an address (a teacher, a GP). */
const person = z.object({
	name: z.string({ error: 'Type their name.' }),
	email: z.string({ error: 'Type their email address.' }).min(1, 'Type their email address.'),
	role,
	language,
	agencyId: z.string({ error: 'Choose an agency from the unit’s list.' }).nullish(),
	voting: z.boolean().optional(),
	reportRequested: z.boolean().optional()
});

/** An agency's team mailbox. */
const mailbox = z.object({
	agencyId: z.string({ error: 'Choose an agency from the unit’s list.' }),
	mailbox: z.literal(true)
});

function parse<S extends z.ZodType>(
	schema: S,
	raw: unknown
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues)
		errors[String(issue.path[0] ?? 'body')] ??= issue.message;
	return { ok: false, response: badRequest(errors) };
}

/**
 * Puts someone on a meeting's list → 201 { id } (their participant id); the invitation and its
 * calendar file go through the outbox. Three shapes (issue 22):
 * - `{ userId, role, voting?, reportRequested? }`: a person with an account;
 * - `{ name, email, role, agencyId?, voting?, reportRequested? }`: a named person with only an
 *   address (their invitation carries a link to set up an account);
 * - either with `role: "interpreter"` and `language` (issue 26: the language they interpret);
 * - `{ agencyId, mailbox: true }`: the agency's team mailbox (its shared address; it reads the
 *   professionals' copy).
 * The chair, the minute-taker and the unit's chairs and business support; anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await meetingForViewer({ db, user, meetingId: params.id });
	if (!found || !canPrepareMeeting({ viewer: user, meeting: found.meeting, participant: found.me }))
		return notFound();
	if (found.meeting.status === 'ended' || found.meeting.status === 'cancelled')
		return badRequest({
			form: `This meeting is ${found.meeting.status}: nobody more can be invited.`
		});
	const raw: unknown = await request.json().catch(() => undefined);
	if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw))
		return badRequest({ body: 'Send a JSON object.' });
	try {
		if ('mailbox' in raw) {
			const input = parse(mailbox, raw);
			if (!input.ok) return input.response;
			const invited = await inviteMailbox({
				db,
				actorId: user.id,
				meetingId: params.id,
				agencyId: input.data.agencyId
			});
			return json({ id: invited.id }, { status: 201 });
		}
		if (!('userId' in raw) && ('name' in raw || 'email' in raw)) {
			const input = parse(person, raw);
			if (!input.ok) return input.response;
			const agencyId = await checkAgencyForMeeting(db, params.id, input.data.agencyId);
			const invited = await inviteParticipant({
				db,
				actorId: user.id,
				meetingId: params.id,
				userId: null,
				name: input.data.name,
				email: input.data.email,
				role: input.data.role,
				language: input.data.language,
				agencyId,
				voting: input.data.voting ?? false,
				reportRequested: input.data.reportRequested ?? false
			});
			return json({ id: invited.id }, { status: 201 });
		}
		const input = parse(account, raw);
		if (!input.ok) return input.response;
		const invited = await inviteParticipant({
			db,
			actorId: user.id,
			meetingId: params.id,
			userId: input.data.userId,
			name: null,
			role: input.data.role,
			language: input.data.language,
			agencyId: null,
			voting: input.data.voting ?? input.data.role === 'professional',
			reportRequested: input.data.reportRequested ?? false
		});
		return json({ id: invited.id }, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
