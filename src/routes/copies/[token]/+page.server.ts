import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import {
	copyLinkTiming,
	lookUpCopyLink,
	redeemCopyCode,
	sendCopyCode,
	type CodeProblem
} from '$lib/server/copy-links';
import type { Actions, PageServerLoad } from './$types';

/**
 * A personal link to a circulated copy (issue 22; no account needed): the recipient asks for a
 * one-time code, sent to the address the link was sent to, types it, and the copy downloads.
 */
const problemWords: Record<CodeProblem, string> = {
	unknown: 'This link does not work. Ask the unit that sent it for the document again.',
	expired: `This link has expired (links work for ${copyLinkTiming.linkDays} days). Ask the unit that sent it for the document again.`,
	'no-code': 'Ask for a code first: press “Send me a code”.',
	wrong: 'That code is not right. Check the latest email with a code and type its six digits.',
	'code-expired': `That code has expired (codes work for ${copyLinkTiming.codeMinutes} minutes): press “Send me a code” for a new one.`,
	'too-many': 'That code was typed wrongly too many times: press “Send me a code” for a new one.'
};

/** One problem, beside its field (the code) or over the form. */
const problem = (field: 'code' | 'form', message: string): { code?: string; form?: string } => ({
	[field]: message
});

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const found = await lookUpCopyLink({ db: await database(), token: params.token });
	return found.ok
		? { ok: true as const, maskedAddress: found.maskedAddress }
		: { ok: false as const, problem: problemWords[found.problem] };
};

export const actions: Actions = {
	send: async ({ params }) => {
		const sent = await sendCopyCode({ db: await database(), token: params.token });
		if (!sent.ok) return fail(400, { errors: problem('form', problemWords[sent.problem]) });
		return { sent: true };
	},
	open: async ({ params, request }) => {
		const code = String((await request.formData()).get('code') ?? '').trim();
		if (!/^\d{6}$/.test(code.replace(/\s+/g, '')))
			return fail(400, {
				errors: problem('code', 'Type the six digits of the code we emailed you.')
			});
		const opened = await redeemCopyCode({ db: await database(), token: params.token, code });
		if (!opened.ok) {
			const field = ['wrong', 'code-expired', 'too-many', 'no-code'].includes(opened.problem)
				? 'code'
				: 'form';
			return fail(400, { errors: problem(field, problemWords[opened.problem]) });
		}
		redirect(
			303,
			`/copies/${encodeURIComponent(params.token)}/pdf?grant=${encodeURIComponent(opened.grant)}`
		);
	}
};
