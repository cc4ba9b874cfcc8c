import type { Database } from '../../db';
import { families } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { keeper, requiredText } from '../keeping';

export async function createFamily(props: { db: Database; user: SessionUser; name: string }) {
	const user = keeper(props.user);
	const name = requiredText(
		'name',
		props.name,
		'the name the unit uses for the family, e.g. Smith family'
	);
	const [family] = await props.db
		.insert(families)
		.values({ unitId: user.unitId, name })
		.returning({ id: families.id });
	await audit({
		db: props.db,
		userId: user.id,
		action: 'create-family',
		targetType: 'child',
		detail: { familyId: family.id }
	});
	return family;
}
