/**
 * The browser specs' own meetings (issue 23): a spec that starts, ends, moves or invites to a
 * meeting works on a copy of a demo meeting made for it alone, so specs run in any order and
 * none changes what another reads. The demo server (serve.ts) answers on a Unix socket
 * (./seed-socket.ts); `copyDemoMeeting` in helpers.ts asks it. A copy has the demo meeting's
 * kind, title, time, status, children and people (as the demo loaded them, whatever the specs
 * did to the demo's own since), their reports, the demo's queued mail when it is scheduled, and,
 * for Mia's conference, the same record filled in up to the plan.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	children,
	families,
	meetingChildren,
	meetingParticipants,
	meetings,
	outbox,
	professionalReports,
	units,
	users
} from '../../src/lib/server/db/schema';
import { insertRows } from '../../src/lib/server/db/bulk';
import { demoIds } from '../../server/seed/demo-ids';
import { queueDemoMail } from '../../server/seed/demo-mail';
import { miaConferenceRecord } from '../../server/seed/demo-records';

interface Source {
	meeting: typeof meetings.$inferSelect;
	children: (typeof meetingChildren.$inferSelect)[];
	participants: (typeof meetingParticipants.$inferSelect)[];
	reports: (typeof professionalReports.$inferSelect)[];
}

async function snapshot(db: Database, meetingId: string): Promise<Source> {
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	if (!meeting) throw new Error(`the demo has no meeting ${meetingId}`);
	return {
		meeting,
		children: await db
			.select()
			.from(meetingChildren)
			.where(eq(meetingChildren.meetingId, meetingId)),
		participants: await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId)),
		reports: await db
			.select()
			.from(professionalReports)
			.where(eq(professionalReports.meetingId, meetingId))
	};
}

async function copy(props: {
	db: Database;
	source: Source;
	title?: string;
	today: Date;
}): Promise<string> {
	const { db, source } = props;
	const meetingId = randomUUID();
	await db.transaction(async (tx) => {
		await tx
			.insert(meetings)
			.values({ ...source.meeting, id: meetingId, title: props.title ?? source.meeting.title });
		if (source.children.length)
			await tx
				.insert(meetingChildren)
				.values(source.children.map((child) => ({ ...child, meetingId })));
		const participantIds = new Map<string, string>();
		for (const { id, ...participant } of source.participants) {
			const [made] = await tx
				.insert(meetingParticipants)
				.values({ ...participant, meetingId })
				.returning({ id: meetingParticipants.id });
			participantIds.set(id, made.id);
		}
		for (const { id: _id, ...report } of source.reports)
			await tx.insert(professionalReports).values({
				...report,
				meetingId,
				participantId: participantIds.get(report.participantId)!
			});
	});
	if (source.meeting.id === demoIds.miaConference)
		await miaConferenceRecord({ db, today: props.today, meetingId });
	if (source.meeting.status === 'scheduled')
		await queueDemoMail({ db, meetingIds: [meetingId], today: props.today });
	return meetingId;
}

/** A family of a unit named by its name, with its children, for `{"households": […]}`. */
interface Household {
	unit: string;
	name: string;
	children: { name: string; dateOfBirth: string }[];
}

/**
 * Many households at once, written in two statements: the child picker's spec needs a unit with
 * a thousand children, which the API adds one request at a time (about 90 s in CI). The picker
 * reads them from the same tables whichever way they came.
 */
async function addHouseholds(db: Database, households: Household[]): Promise<string[]> {
	const unitIds = new Map(
		(await db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.name, u.id])
	);
	const familyRows = households.map((h) => {
		const unitId = unitIds.get(h.unit);
		if (!unitId) throw new Error(`no unit named ${h.unit}`);
		return { id: randomUUID(), unitId, name: h.name };
	});
	await insertRows(db, families, familyRows);
	await insertRows(
		db,
		children,
		households.flatMap((h, i) => h.children.map((c) => ({ ...c, familyId: familyRows[i].id })))
	);
	return familyRows.map((f) => f.id);
}

/**
 * Answers `{"households": [{unit, name, children}]}` with `{"familyIds"}`, in order, once added,
 * `POST {"like": demoMeetingId, "title"?}` with `{"meetingId"}` on the socket, and
 * `POST {"mailTo": {address, meetingId}}` with the newest message queued to that address about
 * that meeting (`{subject, textBody}`), so a spec can follow a link a person was sent, and
 * `POST {"restorePassword": userId}` with `{}` once that demo account's password is the one the
 * demo loaded again (a spec that has someone choose a new password puts the demo's back, which
 * the strength check would refuse through the app: the other specs sign in with it).
 */
export async function serveSeeding(props: {
	db: Database;
	socketPath: string;
	today?: Date;
}): Promise<void> {
	const { db, socketPath } = props;
	const today = props.today ?? new Date();
	const demoMeetings = [
		demoIds.icpc,
		demoIds.coreGroup,
		demoIds.cicReview,
		demoIds.lifeAppreciationDay,
		demoIds.disruptionMeeting,
		demoIds.miaConference
	];
	const sources = new Map<string, Source>();
	for (const meetingId of demoMeetings) sources.set(meetingId, await snapshot(db, meetingId));
	const demoPasswords = new Map(
		(await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users)).map(
			(user) => [user.id, user.passwordHash]
		)
	);

	const server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', async () => {
			try {
				const asked = JSON.parse(body) as {
					like: string;
					title?: string;
					mailTo?: { address: string; meetingId: string };
					households?: Household[];
					restorePassword?: string;
				};
				if (asked.restorePassword) {
					const hash = demoPasswords.get(asked.restorePassword);
					if (hash === undefined) throw new Error(`no demo account ${asked.restorePassword}`);
					await db
						.update(users)
						.set({ passwordHash: hash })
						.where(eq(users.id, asked.restorePassword));
					response.writeHead(200, { 'content-type': 'application/json' });
					response.end('{}');
					return;
				}
				if (asked.households) {
					const familyIds = await addHouseholds(db, asked.households);
					response.writeHead(200, { 'content-type': 'application/json' });
					response.end(JSON.stringify({ familyIds }));
					return;
				}
				if (asked.mailTo) {
					// The newest message queued for an address about a meeting: what a person would
					// read in their inbox (the built server shows no mail bodies on any page).
					const [message] = await db
						.select({ subject: outbox.subject, textBody: outbox.textBody })
						.from(outbox)
						.where(
							and(
								eq(outbox.recipientEmail, asked.mailTo.address),
								eq(outbox.meetingId, asked.mailTo.meetingId)
							)
						)
						.orderBy(desc(outbox.createdAt))
						.limit(1);
					response.writeHead(message ? 200 : 404, { 'content-type': 'application/json' });
					response.end(JSON.stringify(message ?? {}));
					return;
				}
				const source = sources.get(asked.like);
				if (!source) throw new Error(`no demo meeting ${asked.like} to copy`);
				const meetingId = await copy({ db, source, title: asked.title, today });
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ meetingId }));
			} catch (error) {
				response.writeHead(400, { 'content-type': 'text/plain' });
				response.end((error as Error).message);
			}
		});
	});
	rmSync(socketPath, { force: true });
	await new Promise<void>((resolve) => server.listen(socketPath, resolve));
	server.unref();
}
