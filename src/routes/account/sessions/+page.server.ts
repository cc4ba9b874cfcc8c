import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { formProblem, readForm } from '$lib/server/forms';
import { endOwnSession, sessionsOfUser } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { mayUseTwoStepSignIn } from '$lib/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const sessions = await sessionsOfUser({
		db: await database(),
		userId: locals.user.id,
		currentSessionId: locals.sessionId
	});
	return {
		sessions: sessions.map((s) => ({
			...s,
			createdAt: s.createdAt.toISOString(),
			lastUsedAt: s.lastUsedAt.toISOString()
		})),
		ended: url.searchParams.get('ended') === '1',
		mayUseTwoStep: mayUseTwoStepSignIn(locals.user)
	};
};

const endForm = z.object({
	session: z
		.string({ error: 'Choose a session to end.' })
		.regex(/^[0-9a-f]{16}$/, 'Choose a session to end.')
});

export const actions: Actions = {
	/** Ends one of the person's own sessions; its live connections close with it. */
	end: async ({ locals, request, cookies }) => {
		if (!locals.user) redirect(303, '/login');
		const form = readForm(await request.formData(), endForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		const db = await database();
		const current = locals.sessionId?.startsWith(form.data.session) ?? false;
		if (!(await endOwnSession({ db, userId: locals.user.id, handle: form.data.session }))) {
			return fail(404, { errors: formProblem('That session has already ended.') });
		}
		await audit({
			db,
			userId: locals.user.id,
			action: 'session-ended',
			targetType: 'session',
			detail: { own: current }
		});
		if (current) {
			clearSessionCookie(cookies);
			redirect(303, '/login');
		}
		redirect(303, '/account/sessions?ended=1');
	}
};
