/**
 * A chair's challenges to another agency's practice, on the child's record (issue 14): raised
 * informally, then a formal dispute, escalated to a manager, resolved with an outcome. Each step
 * is a row in `challenge_steps` with its date and note; every change is audited; the author is
 * reminded (through the outbox) when a stage has waited too long. Rights: src/lib/policy.ts.
 * Runs in SvelteKit and under plain Node (the scheduler, the demo), so imports are relative.
 */
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queueChallengeChanged } from '../case-system/queue';
import type { Database } from '../db';
import {
	challenges,
	challengeSteps,
	challengeStages,
	children,
	families,
	meetingChildren,
	meetingParticipants,
	meetings,
	users,
	type ChallengeStage
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { env } from '../env';
import { enqueueMail } from '../mail/outbox';
import {
	canSeeChildMeeting,
	mayMoveChallenge,
	mayRaiseChallenge,
	mayReadChallenges
} from '../../policy';
import { calendarDateOf } from '../../domain/calendar-date';
import { challengeStageLabel } from '../../domain/labels';
import { workingDaysBetween } from '../../domain/working-days';
import { textLimits, tooLongMessage, type TextLimit } from '../../domain/text-limits';

const UUID = /^[0-9a-f-]{36}$/i;

const text = (field: string, limit: TextLimit) =>
	z
		.string({ message: `Write ${field}.` })
		.trim()
		.min(1, `Write ${field}.`)
		.max(textLimits[limit], tooLongMessage(limit, field));

export const raiseInput = z.object({
	childId: z.string().regex(UUID, 'Choose the child.'),
	meetingId: z.string().regex(UUID, 'Choose a meeting about this child.').nullish(),
	about: text('what the challenge is about', 'reason'),
	toAgency: text('the agency challenged', 'name'),
	toPerson: text('the person challenged', 'name'),
	why: text('why you are challenging', 'account')
});

export const stageInput = z.object({
	stage: z.enum(challengeStages, { message: 'Choose a stage.' }),
	note: text('a note about this step', 'account'),
	outcome: z
		.string()
		.trim()
		.max(textLimits.account, tooLongMessage('account', 'the outcome'))
		.optional()
});

export type FieldErrors = Record<string, string>;

function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** What the policy needs about the viewer and a child: may they see a meeting about the child, and the child's unit. */
async function childFacts(db: Database, user: SessionUser, childId: string) {
	if (!UUID.test(childId)) return null;
	const [child] = await db
		.select({ id: children.id, unitId: families.unitId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, childId));
	if (!child) return null;
	const about = await db
		.select({
			id: meetings.id,
			unitId: meetings.unitId,
			chairId: meetings.chairId,
			status: meetings.status,
			kind: meetings.kind,
			participantId: meetingParticipants.id,
			role: meetingParticipants.role
		})
		.from(meetingChildren)
		.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
		.leftJoin(
			meetingParticipants,
			and(eq(meetingParticipants.meetingId, meetings.id), eq(meetingParticipants.userId, user.id))
		)
		.where(eq(meetingChildren.childId, childId));
	const viewer = { id: user.id, role: user.role, unitId: user.unitId };
	const seesChild = about.some((m) =>
		canSeeChildMeeting({
			viewer,
			meeting: m,
			participant: m.participantId && m.role ? { id: m.participantId, role: m.role } : null,
			ownFamily: false
		})
	);
	return { viewer, seesChild, childUnitId: child.unitId, meetingIds: about.map((m) => m.id) };
}

export type RaiseResult = { id: string } | { errors: FieldErrors } | null;

/** A chair raises a challenge; null when the child is not theirs to see (404). */
export async function raiseChallenge(props: {
	db: Database;
	user: SessionUser;
	input: unknown;
	at?: Date;
}): Promise<RaiseResult> {
	const { db, user } = props;
	const raw = (props.input ?? {}) as Record<string, unknown>;
	const childId = typeof raw.childId === 'string' ? raw.childId : '';
	const facts = await childFacts(db, user, childId);
	if (!facts || !mayRaiseChallenge(facts)) return null;
	const parsed = raiseInput.safeParse(raw);
	if (!parsed.success) return { errors: fieldErrors(parsed.error) };
	const input = parsed.data;
	if (input.meetingId && !facts.meetingIds.includes(input.meetingId)) {
		return { errors: { meetingId: 'Choose a meeting about this child.' } };
	}
	const at = props.at ?? new Date();
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(challenges)
			.values({
				unitId: facts.childUnitId ?? user.unitId,
				childId: input.childId,
				meetingId: input.meetingId ?? null,
				authorId: user.id,
				about: input.about,
				toAgency: input.toAgency,
				toPerson: input.toPerson,
				why: input.why,
				stage: 'informal',
				raisedAt: at,
				stageAt: at
			})
			.returning({ id: challenges.id });
		await tx.insert(challengeSteps).values({
			challengeId: row.id,
			stage: 'informal',
			at,
			byUserId: user.id,
			note: input.why
		});
		await audit({
			db: tx,
			userId: user.id,
			action: 'challenge-raised',
			targetType: 'child',
			targetId: input.childId,
			meetingId: input.meetingId ?? null,
			detail: { challengeId: row.id, stage: 'informal' }
		});
		return row.id;
	});
	await queueChallengeChanged({ db, challengeId: id, now: at });
	return { id };
}

export type MoveResult = { id: string; stage: ChallengeStage } | { errors: FieldErrors } | null;

/** Moves a challenge on a stage (or resolves it, with its outcome); null when not theirs (404). */
export async function moveChallenge(props: {
	db: Database;
	user: SessionUser;
	challengeId: string;
	input: unknown;
	at?: Date;
}): Promise<MoveResult> {
	const { db, user, challengeId } = props;
	if (!UUID.test(challengeId)) return null;
	const [challenge] = await db.select().from(challenges).where(eq(challenges.id, challengeId));
	if (!challenge) return null;
	const facts = await childFacts(db, user, challenge.childId);
	if (!facts || !mayMoveChallenge({ ...facts, authorId: challenge.authorId })) return null;
	const parsed = stageInput.safeParse(props.input ?? {});
	if (!parsed.success) return { errors: fieldErrors(parsed.error) };
	const { stage, note, outcome } = parsed.data;
	const order = challengeStages.indexOf(stage);
	if (challenge.stage === 'resolved') return { errors: { stage: 'This challenge is resolved.' } };
	if (order <= challengeStages.indexOf(challenge.stage)) {
		return { errors: { stage: 'Choose a later stage than the one it is at.' } };
	}
	if (stage === 'resolved' && !outcome) {
		return { errors: { outcome: 'Write the outcome of the challenge.' } };
	}
	const at = props.at ?? new Date();
	await db.transaction(async (tx) => {
		await tx
			.update(challenges)
			.set({ stage, stageAt: at, ...(stage === 'resolved' ? { outcome } : {}) })
			.where(eq(challenges.id, challengeId));
		await tx.insert(challengeSteps).values({ challengeId, stage, at, byUserId: user.id, note });
		await audit({
			db: tx,
			userId: user.id,
			action: 'challenge-stage',
			targetType: 'child',
			targetId: challenge.childId,
			meetingId: challenge.meetingId,
			detail: { challengeId, stage }
		});
	});
	await queueChallengeChanged({ db, challengeId, now: at });
	return { id: challengeId, stage };
}

export interface ChallengeView {
	id: string;
	stage: ChallengeStage;
	about: string;
	toAgency: string;
	toPerson: string;
	why: string;
	outcome: string | null;
	meetingId: string | null;
	authorId: string;
	authorName: string;
	raisedAt: string;
	mayMove: boolean;
	history: { stage: ChallengeStage; at: string; note: string }[];
}

/** A child's challenges, newest first, for those who may read them; null when not (404). */
export async function challengesForChild(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	meetingId?: string;
}): Promise<{ mayRaise: boolean; challenges: ChallengeView[] } | null> {
	const { db, user, childId } = props;
	const facts = await childFacts(db, user, childId);
	if (!facts || !mayReadChallenges(facts)) return null;
	const rows = await db
		.select({ challenge: challenges, authorName: users.name })
		.from(challenges)
		.innerJoin(users, eq(users.id, challenges.authorId))
		.where(
			and(
				eq(challenges.childId, childId),
				props.meetingId ? eq(challenges.meetingId, props.meetingId) : undefined
			)
		)
		.orderBy(desc(challenges.raisedAt));
	const steps = rows.length
		? await db
				.select()
				.from(challengeSteps)
				.where(
					inArray(
						challengeSteps.challengeId,
						rows.map((r) => r.challenge.id)
					)
				)
				.orderBy(asc(challengeSteps.at))
		: [];
	const list = rows.map(({ challenge: c, authorName }) => ({
		id: c.id,
		stage: c.stage,
		about: c.about,
		toAgency: c.toAgency,
		toPerson: c.toPerson,
		why: c.why,
		outcome: c.outcome,
		meetingId: c.meetingId,
		authorId: c.authorId,
		authorName,
		raisedAt: c.raisedAt.toISOString(),
		mayMove: c.stage !== 'resolved' && mayMoveChallenge({ ...facts, authorId: c.authorId }),
		history: steps
			.filter((s) => s.challengeId === c.id)
			.map((s) => ({ stage: s.stage, at: s.at.toISOString(), note: s.note }))
	}));
	return { mayRaise: mayRaiseChallenge(facts), challenges: list };
}

/** Working days a stage may wait before its author is reminded (CHALLENGE_REMINDER_WORKING_DAYS, 10 by default). */
export function challengeReminderWorkingDays(): number {
	const configured = Number(process.env.CHALLENGE_REMINDER_WORKING_DAYS);
	return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/**
 * Queues a reminder to the author of every unresolved challenge whose stage has waited
 * `afterWorkingDays` working days, once per stage (the row's `reminded_stage` is claimed in the
 * same transaction as the outbox row). Returns how many it queued.
 */
export async function queueChallengeReminders(props: {
	db: Database;
	now?: Date;
	afterWorkingDays?: number;
}): Promise<number> {
	const { db } = props;
	const now = props.now ?? new Date();
	const wait = props.afterWorkingDays ?? challengeReminderWorkingDays();
	const today = calendarDateOf(now);
	// n working days are at least n calendar days: a cheap bound in SQL, the exact count below.
	const candidates = await db
		.select({ id: challenges.id, stage: challenges.stage, stageAt: challenges.stageAt })
		.from(challenges)
		.where(
			and(
				ne(challenges.stage, 'resolved'),
				lte(challenges.stageAt, new Date(now.getTime() - wait * 86_400_000)),
				or(isNull(challenges.remindedStage), ne(challenges.remindedStage, challenges.stage))
			)
		);
	let queued = 0;
	for (const candidate of candidates) {
		if (workingDaysBetween(calendarDateOf(candidate.stageAt), today) < wait) continue;
		const sent = await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(challenges)
				.set({ remindedStage: sql`${challenges.stage}` })
				.where(
					and(
						eq(challenges.id, candidate.id),
						eq(challenges.stage, candidate.stage),
						or(isNull(challenges.remindedStage), ne(challenges.remindedStage, challenges.stage))
					)
				)
				.returning({ childId: challenges.childId, authorId: challenges.authorId });
			if (!claimed) return false;
			const [author] = await tx
				.select({ email: users.email, name: users.name })
				.from(users)
				.where(eq(users.id, claimed.authorId));
			if (!author) return false;
			const { ORIGIN, PORT } = env();
			const origin = (ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
			const link = `${origin}/children/${encodeURIComponent(claimed.childId)}#challenges`;
			const stageWords = challengeStageLabel[candidate.stage].toLowerCase();
			await enqueueMail({
				db: tx,
				mail: {
					to: author.email,
					userId: claimed.authorId,
					purpose: 'challenge-reminder',
					subject: 'A challenge you raised has waited for its next step',
					text: `Hello ${author.name},\n\nA challenge you raised has been at the stage "${stageWords}" for ${wait} working days or more. Please look at it and record its next step:\n\n${link}\n\nRoundtable`
				}
			});
			return true;
		});
		if (sent) queued++;
	}
	return queued;
}
