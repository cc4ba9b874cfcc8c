/**
 * The demo meetings' live records: Chrissie's and Leo's two child in need reviews (the history
 * the risk plotter draws) and Mia's conference, live and filled in up to the plan so that
 * ending it shows complete documents. Everything here is fictional.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { meetingParticipants } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	recordOutcome,
	setCoreGroup,
	setCurrentSection,
	setPlanField,
	setRating
} from '../../src/lib/collab/record-shape';
import {
	addWorkingDays,
	calendarDateOf,
	firstCoreGroupDue,
	firstReviewConferenceDue
} from '../../src/lib/domain';
import { demoIds, demoUserIds as u } from './demo-ids';
import { SeedRecord, writeParagraphs } from './records';

const DAY = 86_400_000;

async function participantIds(db: Database, meetingId: string): Promise<Record<string, string>> {
	const rows = await db
		.select()
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** A decision as the record keeps it (set directly: the seed speaks for the person). */
function decide(pid: string, childId: string, recommendation: string, reason: string, at: number) {
	return (doc: import('yjs').Doc) =>
		doc.getMap(roots.decision(pid)).set(childId, { recommendation, reason, recordedAt: at });
}

const chrissieConcerns = [
	{
		id: 'demo-late-school',
		childId: demoIds.chrissie,
		title: 'Chrissie is often an hour late for school',
		dayToDay:
			'Most mornings nobody wakes Chrissie in time. She arrives after the register, often without breakfast.',
		impactNow:
			'She misses reading and maths in the morning and feels singled out when she walks in late.',
		impactLater: 'She falls behind and may stop wanting to go to school at all.',
		childSays: 'I hate walking in when everyone is already sitting down.',
		safetyGoal: 'Chrissie gets to school on time, with breakfast, every day for a whole term.'
	},
	{
		id: 'demo-hungry',
		childId: demoIds.chrissie,
		title: 'Chrissie is hungry at school some days',
		dayToDay: 'On some days Chrissie has not eaten since school lunch the day before.',
		impactNow: 'She cannot concentrate and gets upset before lunchtime.',
		impactLater: 'Her health and growth may suffer.',
		childSays: 'Sometimes there is nothing for breakfast.',
		safetyGoal: 'There is always food for Chrissie at home, morning and evening.'
	},
	{
		id: 'demo-head-lice',
		childId: demoIds.chrissie,
		title: 'Chrissie has head lice that make her scalp sore',
		dayToDay: 'Her head itches all day and the sores are not treated.',
		impactNow: 'It hurts, and other children keep away from her.',
		impactLater: 'She may be left out and lose friends.',
		childSays: 'Nobody wants to sit next to me.',
		safetyGoal: "Chrissie's hair is treated and checked every week until the lice are gone."
	},
	{
		id: 'demo-leo-checks',
		childId: demoIds.leo,
		title: 'Leo has missed his health checks',
		dayToDay: 'Leo has not been seen by the health visitor since he was two.',
		impactNow: 'Nobody knows if his speech and hearing are on track.',
		impactLater: 'Problems may be found too late to help easily.',
		childSays: 'Leo is too young to say; he points and uses few words.',
		safetyGoal: 'Leo has his two-year check and any follow-up appointments.'
	}
];

async function cinReview(props: { db: Database; meetingId: string; first: boolean; date: Date }) {
	const { db, meetingId, first, date } = props;
	const p = await participantIds(db, meetingId);
	const at = date.getTime();
	const record = new SeedRecord();
	record.as(u.chair, (doc) => setCurrentSection(doc, 'summary', at));
	record.as(u.parent, (doc) =>
		writeParagraphs(
			doc.getXmlFragment(roots.contribution(p['Dawn Walker'])),
			first
				? [
						'Chrissie loves drawing and our cat Biscuit. Mornings are hard because I work late and sleep through the alarm.',
						'Leo is a happy boy but he does not say many words yet.'
					]
				: [
						'Things are a bit better in the mornings now my sister helps twice a week.',
						'We still run out of food at the end of the month.'
					]
		)
	);
	record.as(u.socialWorker, (doc) =>
		writeParagraphs(
			doc.getXmlFragment(roots.contribution(p['Sam Okafor'])),
			first
				? [
						'Chrissie was late 11 times this half term. For Chrissie this means she misses the start of every school day.'
					]
				: [
						'Chrissie was late 14 times this half term, more than before. The head lice are still not treated. For Chrissie this means things are getting worse, not better.'
					]
		)
	);
	record.as(u.socialWorker, (doc) => {
		for (const concern of chrissieConcerns)
			addConcern(doc, { ...concern, raisedInMeetingId: demoIds.cinReviewFirst });
	});
	const scores: Record<string, number[]> = first
		? {
				'Dawn Walker': [7, 6, 5, 6],
				'Sam Okafor': [3, 4, 3, 3],
				'Kim Lee': [4, 4, 4, 2],
				'Mrs Ellen Green': [3, 5, 4, 5]
			}
		: {
				'Dawn Walker': [6, 7, 6, 6],
				'Sam Okafor': [2, 4, 3, 4],
				'Kim Lee': [3, 5, 3, 5],
				'Mrs Ellen Green': [2, 5, 3, 5]
			};
	const authors: Record<string, string | null> = {
		'Dawn Walker': u.parent,
		'Sam Okafor': u.socialWorker,
		'Kim Lee': u.healthVisitor,
		'Mrs Ellen Green': null
	};
	for (const [name, values] of Object.entries(scores)) {
		record.as(authors[name], (doc) =>
			chrissieConcerns.forEach((c, i) => setRating(doc, p[name], c.id, values[i]))
		);
	}
	if (first) {
		record.as(u.socialWorker, (doc) => {
			const outcome = addPlanOutcome(doc, {
				childId: demoIds.chrissie,
				text: 'Chrissie gets to school on time every day',
				concernId: 'demo-late-school'
			});
			addPlanAction(doc, {
				outcomeId: outcome,
				what: 'Set two alarms and walk Chrissie to school',
				who: 'Dawn (Mum)',
				byWhen: calendarDateOf(new Date(at + 7 * DAY))
			});
			addPlanAction(doc, {
				outcomeId: outcome,
				what: 'Offer Chrissie a place at breakfast club',
				who: 'Mrs Ellen Green',
				byWhen: calendarDateOf(new Date(at + 14 * DAY))
			});
			setCoreGroup(doc, ['Dawn Walker', 'Sam Okafor', 'Kim Lee', 'Mrs Ellen Green']);
			setPlanField(doc, 'leadSocialWorker', 'Sam Okafor');
		});
	} else {
		const reasonUp =
			'Lateness is worse and the sores are untreated after two months of help: Chrissie is not safe enough without a plan.';
		record.as(u.socialWorker, decide(p['Sam Okafor'], demoIds.chrissie, 'step-up', reasonUp, at));
		record.as(
			u.healthVisitor,
			decide(
				p['Kim Lee'],
				demoIds.chrissie,
				'step-up',
				'The sores and missed checks show her needs are not being met at home.',
				at
			)
		);
		record.as(
			null,
			decide(
				p['Mrs Ellen Green'],
				demoIds.chrissie,
				'continue',
				'Breakfast club is starting to help; I would give the plan one more month.',
				at
			)
		);
	}
	await record.store({ db, meetingId });
}

/**
 * Mia's conference, filled in up to the plan; `meetingId` names another meeting with the same
 * people to fill in the same way (the browser specs' own copies: tests/e2e/seed-meetings.ts).
 */
export async function miaConferenceRecord(props: {
	db: Database;
	today: Date;
	meetingId?: string;
}) {
	const { db, today } = props;
	const meetingId = props.meetingId ?? demoIds.miaConference;
	const p = await participantIds(db, meetingId);
	const at = today.getTime();
	const date = calendarDateOf(today);
	const record = new SeedRecord();
	record.as(u.chair, (doc) => setCurrentSection(doc, 'plan', at));
	record.as(u.admin, (doc) =>
		writeParagraphs(doc.getXmlFragment(roots.section('welcome')), [
			'Everyone introduced themselves. Jordan was supported by his sister. The school sent a report, which Jordan saw two days before the meeting.'
		])
	);
	record.as(u.otherParent, (doc) =>
		writeParagraphs(doc.getXmlFragment(roots.contribution(p['Jordan Price'])), [
			'Mia is six. She loves dancing and riding her scooter in the park.',
			'Mornings are hard since I started night shifts. Sometimes we argue at home late in the evening and I know Mia hears it.'
		])
	);
	record.as(u.socialWorker, (doc) =>
		writeParagraphs(doc.getXmlFragment(roots.contribution(p['Sam Okafor'])), [
			'Mia has missed school on six Mondays this term. When I visited she said she is scared when the grown-ups shout.',
			'For Mia this means she is tired and frightened, and she is missing the start of her week at school.'
		])
	);
	record.as(u.healthVisitor, (doc) =>
		writeParagraphs(doc.getXmlFragment(roots.contribution(p['Kim Lee'])), [
			'Mia is healthy and growing well. Her jabs are up to date. She told me she sleeps with the light on because of the noise.'
		])
	);
	record.as(u.police, (doc) =>
		writeParagraphs(doc.getXmlFragment(roots.contribution(p['PC Jo Reid'])), [
			'Police went to the home twice in September after neighbours heard shouting. No one was arrested. For Mia this means there has been shouting at home that was loud enough to worry the neighbours.'
		])
	);
	record.as(
		u.police,
		(doc) =>
			writeParagraphs(doc.getXmlFragment(roots.restricted(p['PC Jo Reid'])), [
				'Intelligence from another force links a relative who visits the home to violence. This must not be shared with the family.'
			]),
		'restricted'
	);
	record.as(u.socialWorker, (doc) => {
		addConcern(doc, {
			id: 'demo-mia-shouting',
			childId: demoIds.mia,
			title: 'Mia hears shouting at home at night and is scared',
			dayToDay: 'Mia lies awake when the adults argue late in the evening.',
			impactNow: 'She is tired and frightened, and sleeps with the light on.',
			impactLater: 'Living with fear can harm how she feels about herself and others.',
			childSays: 'I hide under my covers when they shout.',
			safetyGoal: 'Mia goes to bed in a calm house and feels safe at night.',
			raisedInMeetingId: meetingId
		});
		addConcern(doc, {
			id: 'demo-mia-mondays',
			childId: demoIds.mia,
			title: 'Mia misses school on Mondays',
			dayToDay: 'After a hard weekend Mia is kept at home on Monday.',
			impactNow: 'She misses the start of the week and her friends.',
			impactLater: 'She may fall behind with reading.',
			childSays: 'I like school when I go.',
			safetyGoal: 'Mia is in school every day, Mondays too.',
			raisedInMeetingId: meetingId
		});
	});
	const scores: [string, string | null, number, number][] = [
		['Jordan Price', u.otherParent, 7, 6],
		['Sam Okafor', u.socialWorker, 3, 4],
		['Kim Lee', u.healthVisitor, 4, 5],
		['PC Jo Reid', u.police, 2, 5]
	];
	for (const [name, author, shouting, mondays] of scores) {
		record.as(author, (doc) => {
			setRating(doc, p[name], 'demo-mia-shouting', shouting);
			setRating(doc, p[name], 'demo-mia-mondays', mondays);
		});
	}
	record.as(
		u.socialWorker,
		decide(
			p['Sam Okafor'],
			demoIds.mia,
			'plan',
			'Mia is frightened at night and the shouting has not stopped after police visits: she needs a plan to be safe.',
			at
		)
	);
	record.as(
		u.healthVisitor,
		decide(
			p['Kim Lee'],
			demoIds.mia,
			'plan',
			'Mia is well physically, but what she says about the nights worries me enough to want a plan.',
			at
		)
	);
	record.as(
		u.police,
		decide(
			p['PC Jo Reid'],
			demoIds.mia,
			'no-plan',
			'No one was hurt and Jordan is working with us; support as a child in need could be enough.',
			at
		)
	);
	record.as(u.chair, (doc) =>
		recordOutcome(
			doc,
			{
				childId: demoIds.mia,
				outcome: 'plan',
				category: 'emotional-abuse',
				reason:
					'Mia hears the arguments at home most nights and is frightened; the plan keeps that in view.'
			},
			at
		)
	);
	record.as(u.socialWorker, (doc) => {
		const safe = addPlanOutcome(doc, {
			childId: demoIds.mia,
			text: 'Mia feels safe at home at night',
			concernId: 'demo-mia-shouting'
		});
		addPlanAction(doc, {
			outcomeId: safe,
			what: 'Make a plan with Jordan for calm evenings and what to do if an argument starts',
			who: 'Sam Okafor',
			byWhen: addWorkingDays(date, 5)
		});
		addPlanAction(doc, {
			outcomeId: safe,
			what: 'Go to the support group for parents about arguments at home',
			who: 'Jordan Price',
			byWhen: addWorkingDays(date, 15)
		});
		addPlanAction(doc, {
			outcomeId: safe,
			what: 'Ask Mia each week how her nights have been, using her worry book',
			who: 'Kim Lee',
			byWhen: addWorkingDays(date, 10)
		});
		const school = addPlanOutcome(doc, {
			childId: demoIds.mia,
			text: 'Mia is at school every day, Mondays too',
			concernId: 'demo-mia-mondays'
		});
		addPlanAction(doc, {
			outcomeId: school,
			what: 'Take Mia to school every Monday',
			who: 'Jordan Price',
			byWhen: addWorkingDays(date, 5)
		});
		addPlanAction(doc, {
			outcomeId: school,
			what: "Check Mia's attendance with the school every Friday",
			who: 'Sam Okafor',
			byWhen: addWorkingDays(date, 10)
		});
		setCoreGroup(doc, ['Jordan Price', 'Sam Okafor', 'Kim Lee']);
		setPlanField(doc, 'leadSocialWorker', 'Sam Okafor');
		setPlanField(doc, 'firstCoreGroup', firstCoreGroupDue(date));
		setPlanField(doc, 'reviewDate', firstReviewConferenceDue(date));
		setPlanField(
			doc,
			'contingency',
			'If Mia still hears shouting at night by the review, the chair will ask for legal advice under the PLO.'
		);
	});
	await record.store({ db, meetingId });
}

/** Writes the demo records that do not exist yet. */
export async function seedDemoRecords(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	await cinReview({
		db,
		meetingId: demoIds.cinReviewFirst,
		first: true,
		date: new Date(today.getTime() - 56 * DAY)
	});
	await cinReview({
		db,
		meetingId: demoIds.cinReviewSecond,
		first: false,
		date: new Date(today.getTime() - 28 * DAY)
	});
	await miaConferenceRecord({ db, today });
}
