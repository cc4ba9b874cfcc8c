import { json } from '@sveltejs/kit';
import { requireApiUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	const { id, name, email, role } = requireApiUser(locals);
	return json({ id, name, email, role });
};
