/**
 * Reading the audit log: what a manager of a unit may search (GET /api/audit and /audit). The
 * log itself is written only by `audit` (./audit.ts) and never changed.
 */
import {
	and,
	desc,
	eq,
	gte,
	ilike,
	inArray,
	isNotNull,
	isNull,
	lt,
	ne,
	or,
	sql
} from 'drizzle-orm';
import type { Database } from './db';
import { agencies, auditLog, children, families, meetings, users } from './db/schema';
import { mayReadAudit, type Viewer } from '../policy';
import { ukInstant } from '../meetings/uk-time';
import { readDateTime } from '../domain/date-time';
import { auditsWritten } from './audit';
import { containsPattern, pickerWords, type PersonChoice } from '../domain/picker-search';

/** One entry as the API gives it (the contract in issue 15). */
export interface AuditEntry {
	at: string;
	userId: string | null;
	action: string;
	targetType: string;
	targetId: string | null;
	address: string | null;
}

export interface AuditFilters {
	meetingId?: string;
	userId?: string;
	/** Entries at or after this instant. */
	from?: Date;
	/** Entries before this instant. */
	to?: Date;
}

/** The most entries one search returns, newest first. */
export const AUDIT_PAGE_SIZE = 500;

/**
 * Whether an audit entry is the unit's (with `meetings`, `children` and `families` left-joined to
 * it as `searchAudit` does). The unit's own accounts are its staff and the people it made
 * accounts for. Not the parents and professionals of other units who merely appear in its
 * families or meetings (issue 20): when and from where they sign in is no business of this
 * unit's; what they do in its meetings and to its children's records is, and comes in by the
 * meeting or the child.
 */
function unitEntries(unitId: string) {
	const unitPeople = sql`(select ${users.id} from ${users} where ${users.unitId} = ${unitId})`;
	return or(
		eq(meetings.unitId, unitId),
		eq(families.unitId, unitId),
		// Not about another unit's meeting or child: the person's own doings (signing in, lists).
		and(
			isNull(auditLog.meetingId),
			ne(auditLog.targetType, 'child'),
			sql`${auditLog.userId} in ${unitPeople}`
		),
		and(eq(auditLog.targetType, 'user'), sql`${auditLog.targetId} in ${unitPeople}`)
	);
}

/**
 * The unit's audit entries matching the filters, newest first; null when the viewer may not
 * read the audit log (the route answers 404). An entry belongs to the unit when its meeting or its
 * child's family is the unit's, or — when it is about no meeting or child (signing in, a list) —
 * when the person who acted, or the account it is about, is one of the unit's own accounts.
 */
export async function searchAudit(props: {
	db: Database;
	viewer: Viewer;
	filters: AuditFilters;
}): Promise<AuditEntry[] | null> {
	const { db, viewer, filters } = props;
	if (!mayReadAudit(viewer) || viewer.unitId === null) return null;
	await auditsWritten(db);
	const rows = await db
		.select({
			at: auditLog.at,
			userId: auditLog.userId,
			action: auditLog.action,
			targetType: auditLog.targetType,
			targetId: auditLog.targetId,
			address: auditLog.address
		})
		.from(auditLog)
		.leftJoin(meetings, eq(meetings.id, auditLog.meetingId))
		.leftJoin(children, and(eq(auditLog.targetType, 'child'), eq(children.id, auditLog.targetId)))
		.leftJoin(families, eq(families.id, children.familyId))
		.where(
			and(
				unitEntries(viewer.unitId),
				filters.meetingId ? eq(auditLog.meetingId, filters.meetingId) : undefined,
				filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
				filters.from ? gte(auditLog.at, filters.from) : undefined,
				filters.to ? lt(auditLog.at, filters.to) : undefined
			)
		)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE);
	return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/**
 * The people a manager may search the audit log by: everyone whose entries they may see (the
 * unit's own accounts, and anyone — a GP, another unit's parent — who acted in the unit's meetings
 * or on its children's records: issue 28), by name, each with their role, agency and email. With
 * `q`, only those whose name, email or agency holds every word of it (none for an empty one); with
 * `ids`, only those; at most `limit`.
 */
export async function auditPeople(props: {
	db: Database;
	unitId: string;
	q?: string;
	ids?: readonly string[];
	limit?: number;
}): Promise<PersonChoice[]> {
	const words = props.q === undefined ? [] : pickerWords(props.q);
	if (props.q !== undefined && words.length === 0) return [];
	if (props.ids !== undefined && props.ids.length === 0) return [];
	const actors = props.db
		.selectDistinct({ userId: auditLog.userId })
		.from(auditLog)
		.leftJoin(meetings, eq(meetings.id, auditLog.meetingId))
		.leftJoin(children, and(eq(auditLog.targetType, 'child'), eq(children.id, auditLog.targetId)))
		.leftJoin(families, eq(families.id, children.familyId))
		.where(and(isNotNull(auditLog.userId), unitEntries(props.unitId)));
	const matches = words.map((word) => {
		const pattern = containsPattern(word);
		return or(
			ilike(users.name, pattern),
			ilike(users.email, pattern),
			ilike(agencies.name, pattern)
		);
	});
	const query = props.db
		.select({
			id: users.id,
			name: users.name,
			role: users.role,
			agency: agencies.name,
			email: users.email
		})
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.where(
			and(
				or(eq(users.unitId, props.unitId), inArray(users.id, actors)),
				props.ids ? inArray(users.id, [...props.ids]) : undefined,
				...matches
			)
		)
		.orderBy(users.name, users.email, users.id);
	return props.limit === undefined ? await query : await query.limit(props.limit);
}

/** The meetings to search by on the audit page: the unit's, newest first. */
export async function auditSearchChoices(props: { db: Database; unitId: string }) {
	const unitMeetings = await props.db
		.select({ id: meetings.id, title: meetings.title, scheduledAt: meetings.scheduledAt })
		.from(meetings)
		.where(eq(meetings.unitId, props.unitId))
		.orderBy(desc(meetings.scheduledAt));
	return {
		meetings: unitMeetings.map((m) => ({
			id: m.id,
			title: m.title,
			scheduledAt: m.scheduledAt.toISOString()
		}))
	};
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `from`/`to` value: a UK calendar day (from its start; `to` up to its end) or an ISO instant. */
function instantOf(value: string, end: boolean): Date | null {
	if (DAY.test(value)) {
		const start = ukInstant(value, 0);
		if (Number.isNaN(start.getTime())) return null;
		return end ? ukInstant(value, 24) : start;
	}
	// Strictly, as every date-time taken from a person: 30 February or T24:00 is refused.
	const read = readDateTime(value);
	return read.ok ? read.at : null;
}

/**
 * Reads `meetingId`, `userId`, `from` and `to` from a query string: the filters, or a message
 * naming the field that is wrong.
 */
export function parseAuditFilters(
	params: URLSearchParams
): { ok: true; filters: AuditFilters } | { ok: false; field: string; message: string } {
	const filters: AuditFilters = {};
	for (const field of ['meetingId', 'userId'] as const) {
		const value = params.get(field)?.trim();
		if (!value) continue;
		if (!ID.test(value))
			return { ok: false, field, message: `${field} is not an id Roundtable gives.` };
		filters[field] = value;
	}
	for (const field of ['from', 'to'] as const) {
		const value = params.get(field)?.trim();
		if (!value) continue;
		const instant = instantOf(value, field === 'to');
		if (!instant)
			return {
				ok: false,
				field,
				message: `Give ${field} as a date (2026-03-01) or a time (2026-03-01T10:00:00Z).`
			};
		filters[field] = instant;
	}
	if (filters.from && filters.to && filters.from >= filters.to) {
		return { ok: false, field: 'to', message: 'The end of the search must be after its start.' };
	}
	return { ok: true, filters };
}

/** The names of the accounts in a page of entries, for the audit page (the API gives ids only). */
export async function accountNames(props: {
	db: Database;
	ids: (string | null)[];
}): Promise<Record<string, string>> {
	const ids = [...new Set(props.ids.filter((id): id is string => id !== null))];
	if (ids.length === 0) return {};
	const rows = await props.db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, ids));
	return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
