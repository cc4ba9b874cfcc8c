import { eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { children } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { familyNotFound, keeper, unitFamily, unitChild } from '../keeping';

/** Moves a child to another family of the unit (the child's record and meetings go with them). */
export async function moveChild(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	familyId: string;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const child = await unitChild(db, user, props.childId);
	if (!child) throw familyNotFound();
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw badInput('familyId', 'Choose a family of your unit.');
	await db.update(children).set({ familyId: family.id }).where(eq(children.id, child.id));
	await audit({
		db,
		userId: user.id,
		action: 'move-family',
		targetType: 'child',
		targetId: child.id,
		detail: { from: child.familyId, to: family.id }
	});
	return { id: child.id, familyId: family.id };
}
