import type { Database } from './db';
import { auditLog } from './db/schema';
import { storableJson } from './db/storable';

/** Records who read or changed what. Never record content or names in `detail`. */
export async function audit(props: {
	db: Database;
	userId: string | null;
	action: string;
	targetType: 'meeting' | 'child' | 'user' | 'session' | 'document';
	targetId?: string | null;
	detail?: Record<string, unknown>;
}): Promise<void> {
	await props.db.insert(auditLog).values({
		userId: props.userId,
		action: props.action,
		targetType: props.targetType,
		targetId: props.targetId ?? null,
		detail: props.detail ? storableJson(props.detail) : null
	});
}
