import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { familyMembers, users } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { isId, unitParentAccount } from '../queries';
import { badInput } from '../../command-error';
import { familyNotFound, keeper, requiredText, unitFamily } from '../keeping';

/** Adds a parent or carer (an account with a parent's role) to a family, or updates their relationship. */
export async function addFamilyMember(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
	userId: string;
	relationship: string;
	parentalResponsibility: boolean;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw familyNotFound();
	// Only a parent the unit made or already has in one of its families (issue 20): another
	// unit's parent is answered as any id not on the list.
	const [member] = isId(props.userId ?? '')
		? await db
				.select()
				.from(users)
				.where(and(eq(users.id, props.userId), unitParentAccount(user.unitId)))
		: [];
	if (!member)
		throw badInput(
			'userId',
			"Choose a parent's or carer's account from the list (someone new is added on People first)."
		);
	const relationship = requiredText(
		'relationship',
		props.relationship,
		'how they are related, e.g. Mum',
		'shortText'
	);
	const values = {
		familyId: family.id,
		userId: member.id,
		relationship,
		parentalResponsibility: props.parentalResponsibility === true
	};
	await db
		.insert(familyMembers)
		.values(values)
		.onConflictDoUpdate({
			target: [familyMembers.familyId, familyMembers.userId],
			set: { relationship, parentalResponsibility: values.parentalResponsibility }
		});
	await audit({
		db,
		userId: user.id,
		action: 'add-family-member',
		targetType: 'child',
		detail: { familyId: family.id, memberId: member.id, pr: values.parentalResponsibility }
	});
	return { familyId: family.id, userId: member.id };
}
