import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import {
	accountNames,
	auditPeople,
	auditSearchChoices,
	parseAuditFilters,
	searchAudit
} from '$lib/server/audit-search';
import { mayReadAudit } from '$lib/policy';
import type { PageServerLoad } from './$types';

/** Managers search their unit's audit log by person, meeting and dates (a GET form). Others 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const user = locals.user;
	if (!mayReadAudit(user) || !user.unitId) error(404, 'Not found');
	const db = await database();
	const choices = await auditSearchChoices({ db, unitId: user.unitId });
	const values = Object.fromEntries(
		['meetingId', 'userId', 'from', 'to'].map((k) => [k, url.searchParams.get(k) ?? ''])
	);
	const parsed = parseAuditFilters(url.searchParams);
	// The person searched by, shown in the picker as chosen (only one whose entries they may see).
	const [person = null] =
		parsed.ok && parsed.filters.userId
			? await auditPeople({ db, unitId: user.unitId, ids: [parsed.filters.userId] })
			: [];
	if (!parsed.ok)
		return {
			choices,
			person,
			values,
			entries: null,
			names: {},
			problem: { field: parsed.field, message: parsed.message }
		};
	const entries = await searchAudit({ db, viewer: user, filters: parsed.filters });
	const { meetingId, userId, from, to } = parsed.filters;
	await audit({
		db,
		userId: user.id,
		action: 'search',
		targetType: 'audit',
		detail: { filters: { meetingId, userId, from: from?.toISOString(), to: to?.toISOString() } }
	});
	const names = await accountNames({
		db,
		ids: (entries ?? []).flatMap((e) => [e.userId, e.targetType === 'user' ? e.targetId : null])
	});
	return { choices, person, values, entries, names, problem: null };
};
