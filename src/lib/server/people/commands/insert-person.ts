import type { Database } from '../../db';
import { users } from '../../db/schema';
import { audit } from '../../audit';
import { NO_PASSWORD_YET } from '../../auth/account-invites';
import type { Viewer } from '../../../policy';
import type { PersonInput } from '../people';
import { queueSetUpMail } from '../set-up-mail';

/** Writes one person, their set-up link and its mail, and the audit entry (inside the caller's transaction). */
export async function insertPerson(props: {
	db: Database;
	viewer: Viewer;
	unitId: string;
	person: PersonInput;
	via?: string;
}): Promise<{ id: string; inviteUrl: string }> {
	const { db, person } = props;
	const [row] = await db
		.insert(users)
		.values({
			unitId: props.unitId,
			name: person.name,
			email: person.email,
			role: person.role,
			agencyId: person.agencyId,
			passwordHash: NO_PASSWORD_YET
		})
		.returning({ id: users.id });
	const inviteUrl = await queueSetUpMail({
		db,
		userId: row.id,
		name: person.name,
		email: person.email
	});
	await audit({
		db,
		userId: props.viewer.id,
		action: 'account-added',
		targetType: 'user',
		targetId: row.id,
		detail: { role: person.role, ...(props.via ? { via: props.via } : {}) }
	});
	return { id: row.id, inviteUrl };
}
