/**
 * Shared factories for integration tests: a real database (PGlite in memory, or the real
 * PostgreSQL named by TEST_DATABASE_URL, emptied first) and real rows in it.
 */
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db';
import {
	children,
	families,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	meetings,
	units,
	users,
	type Meeting,
	type MeetingParticipant,
	type User
} from '../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	type SessionUser
} from '../src/lib/server/auth/session';
import type {
	Attendance,
	MeetingKind,
	MeetingRole,
	MeetingStatus,
	UserRole
} from '../src/lib/domain/vocabulary';

// A real argon2id hash of "correct horse battery", made once, so factories stay fast.
const PASSWORD = 'correct horse battery';
let passwordHash: string | undefined;
async function testPasswordHash(): Promise<string> {
	if (!passwordHash) {
		const { hashPassword } = await import('../src/lib/server/auth/password');
		passwordHash = await hashPassword(PASSWORD);
	}
	return passwordHash;
}
export const testPassword = PASSWORD;

/**
 * A fresh, migrated database for one test file: a copy of the template the integration project's
 * global setup migrated once (tests/setup/template-database.ts), so no file runs the migrations.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
		const template = process.env.TEST_DATABASE_TEMPLATE;
		if (adminUrl && template) {
			// Drop this file's database (closing any connection left to it) and copy the template.
			const name = new URL(url).pathname.slice(1);
			const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
			try {
				await admin.unsafe(`drop database if exists "${name}" with (force)`);
				await admin.unsafe(`create database "${name}" template "${template}"`);
			} finally {
				await admin.end();
			}
		} else {
			// Outside the integration project's set-up: empty the database and migrate it.
			const admin = postgres(url, { max: 1, onnotice: () => {} });
			await admin.unsafe(
				'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
			);
			await admin.end();
		}
		return openDatabase({ url, migrationsDir: 'drizzle' });
	}
	const { inject } = await import('vitest'); // not at the top: the benchmarks import this file too
	const template = inject('pgliteTemplate');
	return openDatabase({
		migrationsDir: 'drizzle',
		loadDataDir: template ? new Blob([await readFile(template)]) : undefined
	});
}

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUnit(db: Database, name = 'Test safeguarding unit') {
	const [unit] = await db.insert(units).values({ name }).returning();
	return unit;
}

export async function makeUser(
	db: Database,
	props: {
		role: UserRole;
		name?: string;
		email?: string;
		unitId?: string | null;
		agencyId?: string | null;
	}
): Promise<User> {
	const id = next();
	const [user] = await db
		.insert(users)
		.values({
			name: props.name ?? `${props.role} ${id}`,
			email: props.email ?? `${props.role}.${id}@example.test`,
			role: props.role,
			unitId: props.unitId ?? null,
			agencyId: props.agencyId ?? null,
			passwordHash: await testPasswordHash()
		})
		.returning();
	return user;
}

/** The session a signed-in user carries, as the pages, the API and the socket see it. */
export const sessionOf = (u: SessionUser | User): SessionUser => ({
	id: u.id,
	name: u.name,
	email: u.email,
	role: u.role,
	unitId: u.unitId,
	agencyId: u.agencyId
});

/** A session token for the user, as the sign-in page would set in the cookie. */
export async function signIn(db: Database, userId: string): Promise<string> {
	const token = generateSessionToken();
	await createSession({ db, token, userId });
	return token;
}

export async function makeFamily(
	db: Database,
	props: {
		unitId?: string | null;
		name?: string;
		children?: string[];
		parents?: { userId: string; relationship: string }[];
	}
) {
	const [family] = await db
		.insert(families)
		.values({ unitId: props.unitId ?? null, name: props.name ?? 'Test family' })
		.returning();
	const kids = [];
	for (const name of props.children ?? ['Child']) {
		const [child] = await db.insert(children).values({ familyId: family.id, name }).returning();
		kids.push(child);
	}
	for (const parent of props.parents ?? []) {
		await db.insert(familyMembers).values({ familyId: family.id, ...parent });
	}
	return { family, children: kids };
}

export interface MeetingPeople {
	/** participants: a user and their meeting role (voting for professionals by default) */
	participants: {
		user: User;
		role: MeetingRole;
		voting?: boolean;
		/** The register (default: not taken, "invited"). */
		attendance?: Attendance;
	}[];
}

/** A meeting with its children and participants; the chair is the first `chair` participant. */
export async function makeMeeting(
	db: Database,
	props: {
		unitId?: string | null;
		kind?: MeetingKind;
		status?: MeetingStatus;
		title?: string;
		childIds?: string[];
		scheduledAt?: Date;
	} & MeetingPeople
): Promise<{ meeting: Meeting; participants: MeetingParticipant[] }> {
	const chair = props.participants.find((p) => p.role === 'chair');
	const [meeting] = await db
		.insert(meetings)
		.values({
			unitId: props.unitId ?? null,
			kind: props.kind ?? 'initial-conference',
			title: props.title ?? 'Initial child protection conference',
			status: props.status ?? 'live',
			scheduledAt: props.scheduledAt ?? new Date(),
			chairId: chair?.user.id ?? null
		})
		.returning();
	for (const childId of props.childIds ?? []) {
		await db.insert(meetingChildren).values({ meetingId: meeting.id, childId });
	}
	const participants: MeetingParticipant[] = [];
	for (const p of props.participants) {
		const [row] = await db
			.insert(meetingParticipants)
			.values({
				meetingId: meeting.id,
				userId: p.user.id,
				name: p.user.name,
				role: p.role,
				agencyId: p.user.agencyId,
				voting: p.voting ?? p.role === 'professional',
				attendance: p.attendance ?? 'invited'
			})
			.returning();
		participants.push(row);
	}
	return { meeting, participants };
}

/** For tests about something else: End meeting's confirmation when the register was not taken. */
export const noRegister = {
	reason: 'This test takes no register: ended as a chair who confirms may.'
};
