/**
 * A generated year of the demo unit's work, so the oversight dashboard and the quarterly report
 * are never empty (issue 14): about 1,500 ended meetings and 10,000 participants over the 12
 * months before `today`, for families other than the demo's own. Believable: referrals dip in
 * August and at Christmas and peak in the autumn; conferences, core groups and reviews follow
 * the statutory clocks (src/lib/domain) with a few late; notes slip around Christmas; one child
 * in care review slipped by a day. Deterministic (a seeded PRNG, fixed ids: the same `today`
 * gives the same year), inserted in multi-row batches in one transaction. Runs once: a unit that
 * has the year already is left as it is. Everyone here is fictional.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	advocacyOffers,
	agencies,
	challenges,
	challengeSteps,
	childEvents,
	childPlans,
	children,
	circulation,
	families,
	meetingChildren,
	meetingDocuments,
	meetingParticipants,
	meetings,
	users
} from '../../src/lib/server/db/schema';
import type { MeetingDocument } from '../../src/lib/documents/model';
import { sharesReportsWithParents } from '../../src/lib/domain/report-register';
import {
	addDays,
	addWorkingDays,
	ageOn,
	calendarDateOf,
	childProtectionCategories,
	compareDates,
	decisionLetterDue,
	firstCicReviewDue,
	firstCoreGroupDue,
	firstReviewConferenceDue,
	icpcDue,
	isWorkingDay,
	laterCicReviewDue,
	nextReviewConferenceDue,
	notesDueDate,
	secondCicReviewDue,
	templateFor,
	type CalendarDate,
	type MeetingKind,
	type Attendance
} from '../../src/lib/domain';
import { meetingKindLabel } from '../../src/lib/domain/labels';
import { hashPassword } from '../../src/lib/server/auth/password';
import { demoIds, id as demoId } from './demo-ids';

/** Ids of the generated year: `00000000-0000-4000-9{table}00-{n}`, apart from the demo's own. */
const yid = (table: number, n: number) =>
	`00000000-0000-4000-9${table.toString(16)}00-${n.toString().padStart(12, '0')}`;
export const yearMarkerId = yid(2, 1);

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		chance: (p: number) => next() < p,
		pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
	};
}

const firstNames = [
	'Aaliyah',
	'Alfie',
	'Amara',
	'Archie',
	'Ava',
	'Bella',
	'Caleb',
	'Chloe',
	'Daisy',
	'Dylan',
	'Eden',
	'Ella',
	'Ethan',
	'Evie',
	'Finley',
	'Freya',
	'George',
	'Grace',
	'Harley',
	'Harper',
	'Isaac',
	'Isla',
	'Jacob',
	'Jayden',
	'Kayla',
	'Lacey',
	'Leon',
	'Lily',
	'Logan',
	'Maisie',
	'Mason',
	'Millie',
	'Noah',
	'Olivia',
	'Oscar',
	'Phoebe',
	'Poppy',
	'Reggie',
	'Riley',
	'Rosie',
	'Ruby',
	'Sienna',
	'Sophie',
	'Stanley',
	'Theo',
	'Tommy',
	'Willow',
	'Zara',
	'Zain',
	'Yusuf'
];
const adultNames = [
	'Amy',
	'Becky',
	'Carl',
	'Claire',
	'Danny',
	'Donna',
	'Gemma',
	'Jason',
	'Kelly',
	'Kerry',
	'Lee',
	'Leanne',
	'Mark',
	'Michelle',
	'Nadia',
	'Paul',
	'Sarah',
	'Shane',
	'Stacey',
	'Wayne'
];
const surnames = [
	'Ahmed',
	'Bailey',
	'Barker',
	'Bennett',
	'Brown',
	'Carter',
	'Clarke',
	'Collins',
	'Davies',
	'Edwards',
	'Evans',
	'Fletcher',
	'Foster',
	'Green',
	'Hall',
	'Harris',
	'Hussain',
	'Jackson',
	'James',
	'Jones',
	'Kaur',
	'Khan',
	'Lewis',
	'Marsh',
	'Mason',
	'Mills',
	'Moore',
	'Murphy',
	'Nowak',
	'Owen',
	'Palmer',
	'Parker',
	'Patel',
	'Phillips',
	'Powell',
	'Reid',
	'Roberts',
	'Robinson',
	'Rose',
	'Shaw',
	'Singh',
	'Smith',
	'Taylor',
	'Thomas',
	'Turner',
	'Walsh',
	'Ward',
	'Webb',
	'White',
	'Wood',
	'Wright',
	'Young'
];

const yearChairs = [
	{ n: 1, name: 'Marcus Bell', limit: 70 },
	{ n: 2, name: 'Fiona Grant', limit: 70 },
	{ n: 3, name: 'Adebayo Ola', limit: 70 },
	{ n: 4, name: 'Ruth Kendall', limit: 45 },
	{ n: 5, name: 'Tom Ashworth', limit: 70 }
];

/** The demo's agencies (server/seed/demo.ts) and two more schools and a nursery of the year's. */
const agency = {
	socialCare: demoId(11),
	police: demoId(12),
	health: demoId(13),
	gp: demoId(14),
	school: demoId(15),
	advocacy: demoId(16),
	academy: yid(13, 1),
	secondary: yid(13, 2),
	nursery: yid(13, 3)
};

/** How busy each month is for referrals (January = 0): the autumn peak, the August and December dips. */
const season = [1.1, 1.1, 1.2, 0.9, 1.0, 1.0, 0.9, 0.55, 1.15, 1.25, 1.2, 0.65];

type Meeting = typeof meetings.$inferInsert;
type Participant = typeof meetingParticipants.$inferInsert;
type Document = typeof meetingDocuments.$inferInsert;

export interface YearCounts {
	/** Meetings in the 12 months (a child in care's earlier reviews are kept too, bare). */
	meetings: number;
	earlierReviews: number;
	participants: number;
	children: number;
	ms: number;
}

/** The last Sunday of a month (UTC day of month), when British Summer Time starts or ends. */
function lastSunday(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month, 0));
	return last.getUTCDate() - last.getUTCDay();
}

/** hh:mm on a UK calendar day as an instant: BST from the last Sunday of March to the last of October (fast, no Intl). */
function ukInstant(day: CalendarDate, hours: number, minutes = 0): Date {
	const [y, m, d] = day.split('-').map(Number);
	const summer =
		(m > 3 && m < 10) || (m === 3 && d >= lastSunday(y, 3)) || (m === 10 && d < lastSunday(y, 10));
	return new Date(Date.UTC(y, m - 1, d, hours - (summer ? 1 : 0), minutes));
}

/** The working day on or after `date`. */
function workingDayFrom(date: CalendarDate): CalendarDate {
	let day = date;
	while (!isWorkingDay(day)) day = addDays(day, 1);
	return day;
}

/** Is `day` in the week of Christmas and New Year (the unit's quiet and late fortnight)? */
function christmasTime(day: CalendarDate): boolean {
	const md = day.slice(5);
	return md >= '12-01' || md <= '01-03';
}

/** Loads the generated year into the demo unit unless it is there already. */
export async function seedYear(props: {
	db: Database;
	today?: Date;
	seed?: number;
	/**
	 * A slice of the year for the tests: this share of the families and challenges, and chairs'
	 * caseload limits scaled alike (a smaller unit with the same pressures). 1 by default.
	 */
	scale?: number;
}): Promise<YearCounts | null> {
	const started = performance.now();
	const { db } = props;
	const [present] = await db
		.select({ id: families.id })
		.from(families)
		.where(eq(families.id, yearMarkerId));
	if (present) return null;
	const scale = props.scale ?? 1;
	const scaled = (n: number) => Math.max(1, Math.round(n * scale));
	// `let`: the Life Appreciation Days and disruption meetings, added last, draw on a stream of
	// their own, so the rest of the year is the same with or without them.
	let random = prng(props.seed ?? 2026);
	const documentRandom = prng((props.seed ?? 2026) + 1);
	const today = calendarDateOf(props.today ?? new Date());
	const yearEnd = addDays(today, -1);
	const yearStart = addDays(today, -365);
	const inYear = (day: CalendarDate) =>
		compareDates(day, yearStart) >= 0 && compareDates(day, yearEnd) <= 0;
	const counter = new Map<number, number>();
	const next = (table: number) => {
		const n = (counter.get(table) ?? 0) + 1;
		counter.set(table, n);
		return yid(table, n);
	};
	const chairIds = [...yearChairs.map((c) => yid(1, c.n)), demoId(101)];
	const pickChair = () => (random.chance(0.08) ? demoId(101) : random.pick(chairIds.slice(0, 5)));

	const familyRows: (typeof families.$inferInsert)[] = [];
	const childRows: (typeof children.$inferInsert)[] = [];
	const eventRows: (typeof childEvents.$inferInsert)[] = [];
	const planRows: (typeof childPlans.$inferInsert)[] = [];
	const meetingRows: Meeting[] = [];
	const childLinks: (typeof meetingChildren.$inferInsert)[] = [];
	const participantRows: Participant[] = [];
	const documentRows: Document[] = [];
	const circulationRows: (typeof circulation.$inferInsert)[] = [];
	const advocacyRows: (typeof advocacyOffers.$inferInsert)[] = [];
	const challengeRows: (typeof challenges.$inferInsert)[] = [];
	const stepRows: (typeof challengeSteps.$inferInsert)[] = [];
	let slippedOneDay = false;

	/** A date in [from, to], weighted by the season. */
	function seasonalDay(from: CalendarDate, to: CalendarDate): CalendarDate {
		const span = Math.round(
			(new Date(`${to}T12:00:00Z`).getTime() - new Date(`${from}T12:00:00Z`).getTime()) / 86_400_000
		);
		for (;;) {
			const day = workingDayFrom(addDays(from, random.int(0, span)));
			if (random.next() * 1.3 < season[Number(day.slice(5, 7)) - 1]) return day;
		}
	}

	/** One family: its name, children (with dates of birth) and parents' names. */
	function makeFamily(size: number, ages: [number, number]) {
		const surname = random.pick(surnames);
		const familyId = next(2);
		familyRows.push({ id: familyId, unitId: demoIds.unit, name: `${surname} family` });
		const kids = Array.from({ length: size }, () => {
			const age = random.int(ages[0], ages[1]);
			const dateOfBirth = addDays(today, -(age * 365 + random.int(0, 364)));
			const row = {
				id: next(3),
				familyId,
				name: `${random.pick(firstNames)} ${surname}`,
				dateOfBirth
			};
			childRows.push(row);
			return row;
		});
		const parents = [`${random.pick(adultNames)} ${surname}`];
		if (random.chance(0.45)) parents.push(`${random.pick(adultNames)} ${random.pick(surnames)}`);
		return { familyId, kids, parents };
	}

	type Kid = { id: string; name: string; dateOfBirth: string };

	/** One ended meeting with its children, people, documents and advocacy. */
	function addMeeting(props: {
		kind: MeetingKind;
		day: CalendarDate;
		chairId: string;
		kids: Kid[];
		parents: string[];
		carer?: string;
		/** Kept before the year too (a child in care's earlier reviews: the clock runs from them). */
		history?: boolean;
	}) {
		const { kind, day, chairId, kids } = props;
		if (!inYear(day) && !(props.history && compareDates(day, yearStart) < 0)) return;
		const meetingId = next(4);
		const scheduledAt = ukInstant(day, random.pick([9, 10, 11, 13, 14, 15]), random.pick([0, 30]));
		meetingRows.push({
			id: meetingId,
			unitId: demoIds.unit,
			kind,
			title: meetingKindLabel[kind],
			status: 'ended',
			scheduledAt,
			chairId,
			startedAt: scheduledAt,
			endedAt: new Date(scheduledAt.getTime() + random.int(60, 120) * 60_000),
			createdAt: new Date(scheduledAt.getTime() - random.int(8, 20) * 86_400_000)
		});
		for (const kid of kids) childLinks.push({ meetingId, childId: kid.id });
		if (!inYear(day)) return meetingId; // an earlier review: its date is all the clock needs
		const conference = kind === 'initial-conference' || kind === 'review-conference';
		const person = (p: Omit<Participant, 'meetingId' | 'id'>) =>
			participantRows.push({ id: next(5), meetingId, ...p });
		const chairName =
			chairId === demoId(101)
				? 'Priya Shah'
				: (yearChairs[chairIds.indexOf(chairId)]?.name ?? 'Chair');
		person({ userId: chairId, name: chairName, role: 'chair', attendance: 'present' });
		if (conference || kind === 'cic-review') {
			person({
				userId: null,
				name: 'Business support',
				role: 'minute-taker',
				attendance: 'present'
			});
		}
		for (const parent of props.parents) {
			const attendance: Attendance = random.chance(0.82)
				? 'present'
				: random.chance(0.5)
					? 'apologies'
					: 'absent';
			person({ userId: null, name: parent, role: 'parent', attendance });
		}
		if (props.carer)
			person({ userId: null, name: props.carer, role: 'parent', attendance: 'present' });
		const ages = kids.map((k) => ageOn(k.dateOfBirth, day) ?? 0);
		for (const [i, kid] of kids.entries()) {
			if (ages[i] >= 12 && random.chance(kind === 'cic-review' ? 0.6 : 0.25)) {
				person({
					userId: null,
					name: kid.name.split(' ')[0],
					role: 'child',
					attendance: 'present'
				});
			}
		}
		// Professionals: the social worker always; the others as the children's ages and the meeting call for.
		const professionals: { agencyId: string; title: string; report: boolean }[] = [
			{ agencyId: agency.socialCare, title: 'Social worker', report: true }
		];
		if (conference) professionals.push({ agencyId: agency.police, title: 'PC', report: true });
		if (kind !== 'cic-review' && random.chance(0.6))
			professionals.push({
				agencyId: agency.socialCare,
				title: 'Family support worker',
				report: false
			});
		if (conference && random.chance(0.8))
			professionals.push({ agencyId: agency.gp, title: 'Dr', report: true });
		if (ages.some((a) => a < 5))
			professionals.push({ agencyId: agency.health, title: 'Health visitor', report: conference });
		if (ages.some((a) => a >= 2 && a < 5) && random.chance(0.5))
			professionals.push({
				agencyId: agency.nursery,
				title: 'Nursery manager',
				report: conference
			});
		if (ages.some((a) => a >= 5 && a < 11))
			professionals.push({
				agencyId: random.chance(0.6) ? agency.school : agency.academy,
				title: 'Safeguarding lead',
				report: conference || kind === 'cic-review'
			});
		if (ages.some((a) => a >= 11 && a < 17))
			professionals.push({
				agencyId: agency.secondary,
				title: 'Head of year',
				report: conference || kind === 'cic-review'
			});
		if (kind === 'cic-review')
			professionals.push({
				agencyId: agency.health,
				title: 'Looked-after children nurse',
				report: true
			});
		const meetingDay = scheduledAt.getTime();
		for (const p of professionals) {
			const late = p.agencyId === agency.gp ? 0.45 : 0.18;
			const attendance: Attendance =
				p.agencyId === agency.gp
					? random.chance(0.35)
						? 'present'
						: 'apologies'
					: random.chance(0.8)
						? 'present'
						: random.chance(0.7)
							? 'apologies'
							: 'absent';
			const received = p.report && random.chance(p.agencyId === agency.gp ? 0.7 : 0.88);
			const after = received && random.chance(late);
			const reportReceivedAt = received
				? new Date(meetingDay + (after ? random.int(1, 4) : -random.int(1, 6)) * 86_400_000)
				: null;
			person({
				userId: null,
				name: `${p.title} ${random.pick(surnames)}`,
				role: 'professional',
				agencyId: p.agencyId,
				voting: conference,
				attendance,
				reportRequested: p.report,
				reportReceivedAt,
				reportSharedWithParents:
					received && !after && sharesReportsWithParents(kind) && random.chance(0.72)
			});
		}
		// Advocacy at conferences: each child over 5 offered an advocate; the parents too.
		if (conference) {
			for (const [i, kid] of kids.entries()) {
				if (ages[i] <= 5) continue;
				const offered = random.chance(0.86);
				const accepted = offered && random.chance(0.45);
				advocacyRows.push({
					id: next(10),
					meetingId,
					childId: kid.id,
					offered,
					accepted,
					advocateName: accepted ? `Advocate ${random.pick(surnames)}` : null,
					recordedBy: chairId
				});
				if (accepted)
					person({
						userId: null,
						name: `Advocate for ${kid.name.split(' ')[0]}`,
						role: 'advocate',
						agencyId: agency.advocacy,
						attendance: 'present'
					});
			}
			advocacyRows.push({
				id: next(10),
				meetingId,
				childId: null,
				offered: random.chance(0.6),
				accepted: false,
				recordedBy: chairId
			});
		}
		addDocuments(meetingId, kind, day, scheduledAt, chairId);
		return meetingId;
	}

	/** The 24-hour plan (sent out, mostly the next working day) and the notes (final, mostly in time). */
	function addDocuments(
		meetingId: string,
		kind: MeetingKind,
		day: CalendarDate,
		at: Date,
		chairId: string
	) {
		// Its own stream of chances, so the documents' dates never move the meetings.
		const chance = documentRandom.chance;
		const int = documentRandom.int;
		const planDue = decisionLetterDue(day);
		const planOut = chance(christmasTime(planDue) ? 0.7 : 0.92)
			? chance(0.5)
				? day
				: planDue
			: addWorkingDays(planDue, int(1, 3));
		const notesDue = notesDueDate(day);
		const christmas = christmasTime(notesDue);
		const notesFinal = chance(christmas ? 0.3 : 0.95)
			? addWorkingDays(day, int(6, 15))
			: addWorkingDays(notesDue, int(christmas ? 2 : 1, christmas ? 8 : 6));
		const notesDone = compareDates(notesFinal, today) < 0;
		const title = meetingKindLabel[kind];
		for (const [docKind, state, approved] of [
			['plan-24h', 'final', planOut],
			['notes', notesDone ? 'final' : chance(0.5) ? 'with-chair' : 'draft', notesFinal]
		] as const) {
			// A Life Appreciation Day or a disruption meeting makes no 24-hour plan.
			if (docKind === 'plan-24h' && !templateFor(kind).outputs.includes('plan-24h')) continue;
			const documentId = next(6);
			const content: MeetingDocument = {
				kind: docKind,
				audience: 'professionals',
				title: docKind === 'plan-24h' ? `24-hour plan: ${title}` : `Notes: ${title}`,
				subtitle: `${title}, ${day} (generated demo year: the record itself is not kept)`,
				fileName: `${docKind}-${day}`,
				containsRestricted: false,
				sections: [
					{
						heading: 'About this document',
						blocks: [
							{
								type: 'paragraph',
								text: 'Part of the demo’s generated year: only its dates are kept, for the unit’s figures.'
							}
						]
					}
				],
				generator: { name: 'roundtable-demo-year', version: '1' }
			};
			documentRows.push({
				id: documentId,
				meetingId,
				kind: docKind,
				audience: 'professionals',
				version: 1,
				generatorName: 'roundtable-demo-year',
				generatorVersion: '1',
				createdBy: chairId,
				createdAt: new Date(at.getTime() + 2 * 3_600_000),
				title: content.title,
				fileName: content.fileName,
				contentHash: documentId.replace(/-/g, ''),
				html: '<p>Part of the demo’s generated year: only its dates are kept, for the unit’s figures.</p>',
				content,
				state,
				dueBy: docKind === 'plan-24h' ? planDue : notesDue,
				approvedAt: state === 'final' ? ukInstant(approved, 16) : null,
				approvedBy: state === 'final' ? chairId : null
			});
			if (docKind === 'plan-24h' && compareDates(planOut, today) < 0) {
				circulationRows.push({
					id: next(7),
					meetingId,
					documentId,
					recipientEmail: 'core.group@demo.test',
					createdAt: ukInstant(planOut, int(9, 17))
				});
			}
		}
	}

	// Children subject to a child protection plan: strategy discussion → initial conference →
	// core groups every six weeks or so → reviews at 3 months then every 6, some plans ending.
	for (let f = 0; f < scaled(245); f++) {
		const { kids, parents } = makeFamily(random.chance(0.45) ? random.int(2, 3) : 1, [0, 15]);
		const chairId = pickChair();
		const strategy = seasonalDay(addDays(yearStart, -330), addDays(yearEnd, -18));
		for (const kid of kids)
			eventRows.push({ id: next(8), childId: kid.id, kind: 'strategy-discussion', date: strategy });
		const due = icpcDue(strategy);
		const icpc = random.chance(0.88)
			? addWorkingDays(strategy, random.int(9, 15))
			: addWorkingDays(due, random.int(1, 6));
		addMeeting({ kind: 'initial-conference', day: icpc, chairId, kids, parents });
		if (random.chance(0.16)) continue; // no plan
		// Not drawn from `random`, so the rest of the year stays as it was.
		const category = childProtectionCategories[f % childProtectionCategories.length];
		const plans = kids.map((kid) => ({
			id: next(14),
			childId: kid.id,
			startedOn: icpc,
			category,
			startedAt: ukInstant(icpc, 17)
		}));
		planRows.push(...plans);
		let coreGroup = random.chance(0.9)
			? addWorkingDays(icpc, random.int(5, 10))
			: addWorkingDays(firstCoreGroupDue(icpc), random.int(1, 4));
		let review = workingDayFrom(addDays(firstReviewConferenceDue(icpc), -random.int(0, 12)));
		let reviews = 0;
		while (compareDates(coreGroup, yearEnd) <= 0 || compareDates(review, yearEnd) <= 0) {
			if (compareDates(coreGroup, review) < 0) {
				addMeeting({ kind: 'core-group', day: coreGroup, chairId, kids, parents });
				coreGroup = addWorkingDays(coreGroup, random.int(26, 34));
				continue;
			}
			addMeeting({ kind: 'review-conference', day: review, chairId, kids, parents });
			reviews++;
			if (random.chance(reviews === 1 ? 0.3 : 0.55)) {
				// The review decided no plan: the plan ends that day.
				for (const plan of plans)
					Object.assign(plan, {
						endedOn: review,
						endReason: 'The review conference decided no plan was needed.',
						endedAt: ukInstant(review, 17)
					});
				break;
			}
			coreGroup = addWorkingDays(review, random.int(8, 12));
			review = workingDayFrom(addDays(nextReviewConferenceDue(review), -random.int(0, 14)));
		}
	}

	// Children in care: reviews at 20 working days, 3 months, then every 6 months.
	for (let c = 0; c < scaled(140); c++) {
		const { kids, parents } = makeFamily(1, [1, 17]);
		const kid = kids[0];
		const iroId = random.pick(chairIds.slice(0, 5));
		const since = seasonalDay(addDays(yearStart, -900), addDays(yearEnd, -10));
		const carer = `Foster carer ${random.pick(adultNames)} ${random.pick(surnames)}`;
		childRows[childRows.length - 1] = {
			...childRows[childRows.length - 1],
			inCareSince: since,
			iroId
		};
		eventRows.push({ id: next(8), childId: kid.id, kind: 'came-into-care', date: since });
		let due = firstCicReviewDue(since);
		let held = 0;
		while (compareDates(due, yearEnd) <= 0) {
			let day = random.chance(0.93)
				? workingDayFrom(addDays(due, -random.int(0, held === 0 ? 4 : 10)))
				: addWorkingDays(due, random.int(1, 8));
			// One review slipped by exactly a day (the week's due day moved to the next day).
			if (!slippedOneDay && inYear(due) && compareDates(due, addDays(yearStart, 120)) > 0) {
				const nextDay = addDays(due, 1);
				if (isWorkingDay(nextDay)) {
					day = nextDay;
					slippedOneDay = true;
				}
			}
			if (compareDates(day, due) > 0 && compareDates(day, yearEnd) > 0) break;
			addMeeting({
				kind: 'cic-review',
				history: true,
				day,
				chairId: iroId,
				kids: [kid],
				parents: random.chance(0.6) ? parents.slice(0, 1) : [],
				carer
			});
			held++;
			due = held === 1 ? secondCicReviewDue(day) : laterCicReviewDue(day);
		}
	}

	// Children in need reviews, every three months or so.
	for (let n = 0; n < scaled(52); n++) {
		const { kids, parents } = makeFamily(random.int(1, 2), [0, 15]);
		const chairId = pickChair();
		for (
			let day = seasonalDay(yearStart, addDays(yearStart, 80));
			compareDates(day, yearEnd) <= 0;
			day = addWorkingDays(day, random.int(58, 68))
		) {
			addMeeting({ kind: 'cin-review', day, chairId, kids, parents });
		}
	}

	// The chairs' challenges to other agencies, each at its stage.
	const cpKids = childRows.filter((c) => !c.inCareSince);
	for (let i = 0; i < scaled(26); i++) {
		const kid = random.pick(cpKids);
		const raised = seasonalDay(yearStart, addDays(yearEnd, -5));
		const authorId = random.pick(chairIds);
		const to = random.pick([
			['Police', 'the duty inspector', 'Police checks not shared before the conference'],
			['Riverside GP practice', 'the practice manager', 'No GP report for the conference'],
			["Children's Social Care", 'the team manager', 'Core group not held within timescale'],
			[
				'Oakfield Primary School',
				'the designated safeguarding lead',
				'School report not shared with parents before the meeting'
			],
			['Health visiting service', 'the team lead', 'Health visitor not invited to the core group']
		] as const);
		const challengeId = next(11);
		const reached = random.next();
		const stages = (
			reached < 0.45
				? ['informal', 'resolved']
				: reached < 0.65
					? ['informal', 'formal', 'resolved']
					: reached < 0.8
						? ['informal', 'formal', 'escalated', 'resolved']
						: reached < 0.9
							? ['informal', 'formal']
							: ['informal']
		) as ('informal' | 'formal' | 'escalated' | 'resolved')[];
		let at = raised;
		const steps = stages
			.map((stage, s) => {
				if (s > 0) at = addWorkingDays(at, random.int(3, 15));
				return { stage, day: at };
			})
			.filter((step) => compareDates(step.day, yearEnd) <= 0);
		const last = steps[steps.length - 1];
		challengeRows.push({
			id: challengeId,
			unitId: demoIds.unit,
			childId: kid.id!,
			authorId,
			about: to[2],
			toAgency: to[0],
			toPerson: to[1],
			why: 'The plan could not be reviewed properly without it.',
			stage: last.stage,
			outcome:
				last.stage === 'resolved'
					? random.pick([
							'Agreed to share within 24 hours from now on',
							'Report sent and practice reminded',
							'Manager agreed a new process'
						])
					: null,
			raisedAt: ukInstant(raised, 12),
			stageAt: ukInstant(last.day, 12)
		});
		for (const step of steps) {
			stepRows.push({
				id: next(12),
				challengeId,
				stage: step.stage,
				at: ukInstant(step.day, 12),
				byUserId: authorId,
				note:
					step.stage === 'informal'
						? 'Raised with them by phone and email.'
						: step.stage === 'formal'
							? 'Wrote formally under the escalation policy.'
							: step.stage === 'escalated'
								? 'Escalated to the service manager.'
								: 'Agreed with them; closed.'
			});
		}
	}

	// Life Appreciation Days for children placed for adoption and disruption meetings after a
	// placement ended (issue 21: the figures count every kind of meeting held).
	random = prng((props.seed ?? 2026) + 2);
	const inCare = childRows.filter((c) => c.inCareSince && c.dateOfBirth) as Kid[];
	for (const [kind, many, who] of [
		['life-appreciation-day', 10, 'Adopter'],
		['disruption-meeting', 6, 'Former foster carer']
	] as const) {
		for (let i = 0; i < scaled(many) && inCare.length; i++) {
			const kid = random.pick(inCare);
			addMeeting({
				kind,
				day: workingDayFrom(seasonalDay(yearStart, yearEnd)),
				chairId: pickChair(),
				kids: [kid],
				parents: [`${who} ${random.pick(adultNames)} ${random.pick(surnames)}`]
			});
		}
	}

	const passwordHash = await hashPassword(crypto.randomUUID());
	await db.transaction(async (tx) => {
		const batch = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) => {
			for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
		};
		await tx
			.insert(agencies)
			.values([
				{ id: agency.academy, name: 'Riverside Academy', kind: 'school' },
				{ id: agency.secondary, name: 'Hillcrest High School', kind: 'school' },
				{ id: agency.nursery, name: 'Little Acorns Nursery', kind: 'nursery' }
			])
			.onConflictDoNothing();
		await tx
			.insert(users)
			.values(
				yearChairs.map((c) => ({
					id: yid(1, c.n),
					unitId: demoIds.unit,
					name: c.name,
					email: `${c.name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.test`,
					role: 'chair' as const,
					passwordHash,
					caseloadLimit: scaled(c.limit)
				}))
			)
			.onConflictDoNothing();
		await batch(familyRows, (chunk) => tx.insert(families).values(chunk));
		await batch(childRows, (chunk) => tx.insert(children).values(chunk));
		await batch(eventRows, (chunk) => tx.insert(childEvents).values(chunk));
		await batch(planRows, (chunk) => tx.insert(childPlans).values(chunk));
		await batch(meetingRows, (chunk) => tx.insert(meetings).values(chunk));
		await batch(childLinks, (chunk) => tx.insert(meetingChildren).values(chunk), 2000);
		await batch(participantRows, (chunk) => tx.insert(meetingParticipants).values(chunk), 2000);
		await batch(documentRows, (chunk) => tx.insert(meetingDocuments).values(chunk));
		await batch(circulationRows, (chunk) => tx.insert(circulation).values(chunk));
		await batch(advocacyRows, (chunk) => tx.insert(advocacyOffers).values(chunk));
		await batch(challengeRows, (chunk) => tx.insert(challenges).values(chunk));
		await batch(stepRows, (chunk) => tx.insert(challengeSteps).values(chunk));
	});
	return {
		meetings: meetingRows.filter((m) => m.scheduledAt >= ukInstant(yearStart, 0)).length,
		earlierReviews: meetingRows.filter((m) => m.scheduledAt < ukInstant(yearStart, 0)).length,
		participants: participantRows.length,
		children: childRows.length,
		ms: Math.round(performance.now() - started)
	};
}
