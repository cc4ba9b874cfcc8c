import type { Database } from '../../db';
import { children } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { storableText } from '../../db/storable';
import { tooLong } from '../../../domain/text-limits';
import { badInput } from '../../command-error';
import { keeper, requiredText, pastDate, unitFamily } from '../keeping';

export async function createChild(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
	name: string;
	dateOfBirth: string;
	preferredName?: string | null;
}) {
	const { db } = props;
	const user = keeper(props.user);
	const family = await unitFamily(db, user, props.familyId);
	if (!family) throw badInput('familyId', 'Choose a family of your unit.');
	const name = requiredText('name', props.name, "the child's name");
	const dateOfBirth = pastDate('dateOfBirth', props.dateOfBirth, 'A date of birth');
	const preferred = storableText(props.preferredName ?? '').trim() || null;
	const longPreferred = tooLong(preferred ?? '', 'shortText', 'the preferred name');
	if (longPreferred) throw badInput('preferredName', longPreferred);
	const [child] = await db
		.insert(children)
		.values({ familyId: family.id, name, dateOfBirth, preferredName: preferred })
		.returning({ id: children.id });
	await audit({
		db,
		userId: user.id,
		action: 'create',
		targetType: 'child',
		targetId: child.id,
		detail: { familyId: family.id }
	});
	return child;
}
