import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { notFound } from '$lib/server/http/json';
import { planForApi, planRegisterFor } from '$lib/server/families/plans';
import type { RequestHandler } from './$types';

/**
 * The child's child protection plans, newest first: { plans: [{ id, startedAt, category,
 * nextReviewBy, endedAt?, endReason?, coreGroupsHeld, reviewsHeld }] }; 404 when the caller may
 * not see the child.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const plans = await planRegisterFor({ db, user, childId: params.childId });
	if (!plans) return notFound();
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'child',
		targetId: params.childId,
		detail: { via: 'api', what: 'plans' }
	});
	return json({ plans: plans.map(planForApi) }, { headers: { 'cache-control': 'no-store' } });
};
