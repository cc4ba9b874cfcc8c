import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { audit } from '../audit';
import { hashPassword, verifyPassword } from './password';
import { newPasswordProblem } from './password-strength';
import { invalidateOtherSessions } from './session';

export type PasswordChange =
	| { ok: true }
	| { ok: false; field: 'currentPassword' | 'newPassword' | 'confirmPassword'; message: string };

/**
 * Changes a person's password after checking the one they have now, and ends every other
 * session of theirs (those cookies are refused, those sockets closed with 4401): whoever else
 * held a session, a shared computer or a thief, is out. The session that changed it stays.
 */
export async function changePassword(props: {
	db: Database;
	userId: string;
	sessionId: string;
	currentPassword: string;
	newPassword: string;
	confirmPassword: string;
}): Promise<PasswordChange> {
	const { db, userId } = props;
	const [user] = await db
		.select({ passwordHash: users.passwordHash, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, userId));
	if (
		!user ||
		!(await verifyPassword({ hash: user.passwordHash, password: props.currentPassword }))
	) {
		return { ok: false, field: 'currentPassword', message: 'That is not your current password.' };
	}
	if (props.newPassword === props.currentPassword)
		return {
			ok: false,
			field: 'newPassword',
			message: 'Choose a password different from your current one.'
		};
	// Long enough, and not a common, repeated or guessable one, nor their own name or email.
	const problem = await newPasswordProblem({ password: props.newPassword, person: user });
	if (problem) return { ok: false, field: 'newPassword', message: problem };
	if (props.newPassword !== props.confirmPassword)
		return {
			ok: false,
			field: 'confirmPassword',
			message: 'The two new passwords are not the same.'
		};
	await db
		.update(users)
		.set({ passwordHash: await hashPassword(props.newPassword) })
		.where(eq(users.id, userId));
	await invalidateOtherSessions({ db, userId, keepSessionId: props.sessionId });
	await audit({ db, userId, action: 'password-changed', targetType: 'user', targetId: userId });
	return { ok: true };
}
