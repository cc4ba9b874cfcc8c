/**
 * The oversight figures as tables, each with its chart: one model that the dashboard, the
 * quarterly report (with the previous quarter beside each number), its PDF and its CSV files
 * all render, so every format says the same thing. Browser-safe.
 */
import type { OversightFigures } from './figures-model';
import {
	allegationNatureLabel,
	allegationOutcomeLabel,
	allegationSectorLabel,
	challengeStageLabel,
	feedbackRespondentLabel,
	meetingKindLabel
} from '../domain/labels';
import { formatCalendarDate } from '../domain/calendar-date';
import type { BarChart } from './bar-chart';
import { addReg33Tables } from './reg33-tables';
import { exploitationTable } from './exploitation-table';
import { fosterCarerReviewsTable } from './foster-carer-reviews';
import { missingTable } from './missing-table';

export interface FigureTable {
	/** The CSV's name (`&table=`). */
	name: string;
	heading: string;
	/** One line saying what is counted and how. */
	note: string;
	head: string[];
	rows: string[][];
	chart: BarChart | null;
	/** What to say when there is nothing to count, in the table's own words. */
	empty?: string;
}

export const tableNames = [
	'meetings-held',
	'plans',
	'plans-out',
	'notes-on-time',
	'late-documents',
	'cic-reviews',
	'agencies',
	'advocacy',
	'challenges',
	'allegations',
	'allegations-by-month',
	'allegation-outcomes',
	'caseloads',
	'feedback',
	'feedback-by-kind',
	'feedback-by-chair',
	'feedback-by-month',
	'feedback-comments',
	'reg33-visits',
	'reg33-visits-by-month',
	'exploitation-group',
	'foster-carer-reviews',
	'missing-episodes'
] as const;

const respondentWords = feedbackRespondentLabel;

const stageWords = challengeStageLabel;

const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** Rows of [label, ...numbers] for this period and, when given, the one before. */
function compare(
	labels: string[],
	now: (label: string) => number[],
	before: ((label: string) => number[]) | null
): string[][] {
	return labels.map((label) => {
		const a = now(label);
		if (!before) return [label, ...a.map(String)];
		const b = before(label);
		return [label, ...a.flatMap((v, i) => [String(v), String(b[i] ?? 0)])];
	});
}

function headOf(first: string, columns: string[], withPrevious: boolean): string[] {
	if (!withPrevious) return [first, ...columns];
	return [first, ...columns.flatMap((c) => [`${c} (this quarter)`, `${c} (previous quarter)`])];
}

function chartOf(
	id: string,
	title: string,
	rows: string[][],
	withPrevious: boolean,
	column = 1,
	unit?: string
): BarChart {
	const step = withPrevious ? 2 : 1;
	const at = 1 + (column - 1) * step;
	return {
		id: `chart-${id}`,
		title,
		series: withPrevious ? ['This quarter', 'Previous quarter'] : ['This period'],
		unit,
		rows: rows.map((r) => ({
			label: r[0],
			values: withPrevious ? [Number(r[at]), Number(r[at + 1])] : [Number(r[at])]
		}))
	};
}

/** Every table for the figures; with `previous`, each number has the previous period's beside it. */
export function oversightTables(
	now: OversightFigures,
	previous: OversightFigures | null = null
): FigureTable[] {
	const withPrevious = previous !== null;
	const tables: FigureTable[] = [];
	const add = (table: Omit<FigureTable, 'chart'>, chart: BarChart | null) =>
		tables.push({ ...table, chart });

	// Meetings held by kind
	const kinds = [
		...new Set([...now.meetingsHeld, ...(previous?.meetingsHeld ?? [])].map((m) => m.kind))
	];
	const held = (f: OversightFigures) => (label: string) => [
		f.meetingsHeld.find((m) => meetingKindLabel[m.kind] === label)?.count ?? 0
	];
	const heldRows = compare(
		kinds.map((k) => meetingKindLabel[k]),
		held(now),
		previous && held(previous)
	);
	add(
		{
			name: 'meetings-held',
			heading: 'Conferences, reviews and meetings held',
			note: 'Meetings that took place in the period, by kind.',
			head: headOf('Kind of meeting', ['Held'], withPrevious),
			rows: heldRows
		},
		chartOf('meetings-held', 'Meetings held by kind', heldRows, withPrevious)
	);

	// Children subject to a plan, month by month, new and ended
	const planRows = now.plans.map((p) => [
		p.month,
		String(p.subject),
		String(p.started),
		String(p.ended)
	]);
	add(
		{
			name: 'plans',
			heading: 'Children subject to a child protection plan, month by month',
			note: 'Children subject to a plan at the end of each month, and the children whose plan started or ended in it (a plan starts and ends by the conference’s decision).',
			head: ['Month', 'Subject to a plan at month end', 'Plans started', 'Plans ended'],
			rows: planRows
		},
		chartOf(
			'plans',
			'Children subject to a child protection plan at each month end',
			planRows,
			false
		)
	);

	// 24-hour plans and notes on time
	for (const [name, heading, note, pick] of [
		[
			'plans-out',
			'24-hour plans sent out within one working day',
			'Meetings whose 24-hour plan was due; on time when first sent out by the next working day.',
			(f: OversightFigures) => f.plansOut
		],
		[
			'notes-on-time',
			'Notes final within 15 working days',
			'Meetings whose notes were due; on time when approved as final by the 15th working day (bank holidays skipped).',
			(f: OversightFigures) => f.notesOnTime
		]
	] as const) {
		const of = (f: OversightFigures) => (label: string) => {
			const figure = pick(f);
			const late = figure.due - figure.onTime;
			return [label === 'On time' ? figure.onTime : label === 'Late' ? late : figure.due];
		};
		const rows = compare(['Due', 'On time', 'Late'], of(now), previous && of(previous));
		const share = pct(pick(now).onTime, pick(now).due);
		rows.push(
			withPrevious
				? [
						'Share on time (%)',
						String(share),
						String(pct(pick(previous!).onTime, pick(previous!).due))
					]
				: ['Share on time (%)', String(share)]
		);
		add(
			{ name, heading, note, head: headOf('', ['Meetings'], withPrevious), rows },
			chartOf(name, heading, rows.slice(1, 3), withPrevious)
		);
	}

	// The late ones, how late
	const lateRows = [
		...now.plansOut.late.map((l) => ({ ...l, what: '24-hour plan' })),
		...now.notesOnTime.late.map((l) => ({ ...l, what: 'Notes' }))
	]
		.sort((a, b) => b.workingDaysLate - a.workingDaysLate)
		.map((l) => [
			l.what,
			`${meetingKindLabel[l.kind]}, ${formatCalendarDate(l.day)}`,
			formatCalendarDate(l.dueBy),
			String(l.workingDaysLate),
			l.done ? 'Done late' : 'Still not done'
		]);
	add(
		{
			name: 'late-documents',
			heading: 'Late 24-hour plans and notes',
			note: 'Each late one in the period, with how many working days late (still not done: counted to today).',
			head: ['Document', 'Meeting', 'Due by', 'Working days late', 'State'],
			rows: lateRows
		},
		null
	);

	// Child in care reviews
	const cic = (f: OversightFigures) => (label: string) => [
		label === 'Held'
			? f.cicReviews.held
			: label === 'Within timescale'
				? f.cicReviews.withinTimescale
				: label === 'Late'
					? f.cicReviews.held - f.cicReviews.withinTimescale
					: f.cicReviews.dueSoon.length
	];
	const cicRows = compare(
		['Held', 'Within timescale', 'Late', 'Falling due in the next 30 days'],
		cic(now),
		previous && cic(previous)
	);
	add(
		{
			name: 'cic-reviews',
			heading: 'Child in care reviews within timescale',
			note: 'The first within 20 working days of coming into care, the second within 3 months, then every 6 months. Falling due: counted from today.',
			head: headOf('', ['Reviews'], withPrevious),
			rows: cicRows
		},
		chartOf('cic-reviews', 'Child in care reviews', cicRows.slice(1, 3), withPrevious)
	);

	// Attendance and reports by agency
	const agencyNames = [
		...new Set([...now.agencies, ...(previous?.agencies ?? [])].map((a) => a.agency))
	];
	const agencyColumns = [
		'Invited',
		'Attended',
		'Apologies',
		'Reports asked for',
		'Reports received',
		'Received before the meeting',
		'Received after the meeting',
		'Shared with parents before'
	];
	const agency = (f: OversightFigures) => (label: string) => {
		const a = f.agencies.find((x) => x.agency === label);
		return a
			? [
					a.invited,
					a.attended,
					a.apologies,
					a.reportsRequested,
					a.reportsReceived,
					a.reportsBefore,
					a.reportsAfter,
					a.sharedBefore
				]
			: agencyColumns.map(() => 0);
	};
	const agencyRows = compare(agencyNames, agency(now), previous && agency(previous));
	const attendance = chartOf('agencies', 'Attendance by agency', agencyRows, withPrevious, 2);
	add(
		{
			name: 'agencies',
			heading: 'Attendance and reports by agency',
			note: 'Professionals invited to meetings held in the period, by agency. Shared with parents before: a report shared with the parents before the meeting began (by the day it was shared in Roundtable, or for a paper report by the register’s tick and its arrival).',
			head: headOf('Agency', agencyColumns, withPrevious),
			rows: agencyRows
		},
		{ ...attendance, title: 'Professionals who attended, by agency' }
	);

	// Advocacy
	const advocacy = (f: OversightFigures) => (label: string) => [
		label === 'Children over 5 at conferences'
			? f.advocacy.eligible
			: label === 'Offered an advocate'
				? f.advocacy.offered
				: label === 'Took up an advocate'
					? f.advocacy.takenUp
					: f.advocacy.parentsOffered
	];
	const advocacyRows = compare(
		[
			'Children over 5 at conferences',
			'Offered an advocate',
			'Took up an advocate',
			'Parents offered an advocate'
		],
		advocacy(now),
		previous && advocacy(previous)
	);
	add(
		{
			name: 'advocacy',
			heading: 'Advocacy offered and taken up',
			note: 'Children over 5 at initial and review conferences held in the period.',
			head: headOf('', ['Children'], withPrevious),
			rows: advocacyRows
		},
		chartOf('advocacy', 'Advocacy for children over 5', advocacyRows.slice(0, 3), withPrevious)
	);

	// Challenges
	const challenge = (f: OversightFigures) => (label: string) => {
		if (label === 'Raised') return [f.challenges.raised];
		const stage = Object.entries(stageWords).find(([, words]) => label === `Now: ${words}`);
		if (stage) return [f.challenges.byStage.find((s) => s.stage === stage[0])?.count ?? 0];
		const after = Object.entries(stageWords).find(([, words]) => label === `Resolved at: ${words}`);
		return [f.challenges.resolvedAfter.find((s) => s.stage === after?.[0])?.count ?? 0];
	};
	const challengeRows = compare(
		[
			'Raised',
			...Object.values(stageWords).map((w) => `Now: ${w}`),
			...Object.values(stageWords)
				.slice(0, 3)
				.map((w) => `Resolved at: ${w}`)
		],
		challenge(now),
		previous && challenge(previous)
	);
	add(
		{
			name: 'challenges',
			heading: 'Challenges by stage and outcome',
			note: 'Challenges raised in the period: where each stands now, and for those resolved, the furthest stage they went to first.',
			head: headOf('', ['Challenges'], withPrevious),
			rows: challengeRows
		},
		chartOf('challenges', 'Challenges by stage', challengeRows.slice(1, 5), withPrevious)
	);

	// Allegations against adults who work with children (the LADO's figures, issue 25). A period
	// with no referral (or no case concluded), in this quarter and the one before, has nothing to
	// count: its table says so rather than list noughts.
	const received = (f: OversightFigures | null) =>
		f ? f.allegations.byMonth.reduce((n, m) => n + m.count, 0) : 0;
	const anyReceived = received(now) + received(previous) > 0;
	const concerningLabels = {
		childInCare: 'About a child in care',
		childDisabled: 'About a disabled child',
		childPlacedByOtherAuthority: 'About a child placed here by another authority'
	} as const;
	const referral = (f: OversightFigures) => (label: string) => {
		const a = f.allegations;
		if (label === 'Referrals received') return [received(f)];
		const sector = a.bySector.find(
			(row) => `Sector: ${allegationSectorLabel[row.sector]}` === label
		);
		if (sector) return [sector.count];
		const concerning = Object.entries(concerningLabels).find(([, words]) => words === label);
		if (concerning) return [a.concerning[concerning[0] as keyof typeof concerningLabels]];
		return [
			a.byNature.find((row) => `Alleged: ${allegationNatureLabel[row.nature]}` === label)?.count ??
				0
		];
	};
	const referralRows = anyReceived
		? compare(
				[
					'Referrals received',
					...Object.values(allegationSectorLabel).map((w) => `Sector: ${w}`),
					...Object.values(allegationNatureLabel).map((w) => `Alleged: ${w}`),
					...Object.values(concerningLabels)
				],
				referral(now),
				previous && referral(previous)
			)
		: [];
	add(
		{
			name: 'allegations',
			heading: 'Allegations against adults who work with children',
			note: 'Referrals to the LADO received in the period, by the sector the adult works in, what is alleged, and whether a child it concerns was in care, disabled or placed here by another authority.',
			head: headOf('', ['Referrals'], withPrevious),
			rows: referralRows
		},
		anyReceived
			? chartOf(
					'allegations',
					'Referrals by sector',
					referralRows
						.slice(1, 1 + Object.keys(allegationSectorLabel).length)
						.map(([label, ...values]) => [label.replace(/^Sector: /, ''), ...values]),
					withPrevious
				)
			: null
	);
	const monthRows = received(now)
		? now.allegations.byMonth.map((m) => [m.month, String(m.count)])
		: [];
	add(
		{
			name: 'allegations-by-month',
			heading: 'Allegations against adults, month by month',
			note: 'Referrals to the LADO received in each month of the period (they vary greatly from month to month).',
			head: ['Month', 'Referrals received'],
			rows: monthRows
		},
		monthRows.length
			? chartOf('allegations-by-month', 'Referrals to the LADO by month', monthRows, false)
			: null
	);
	const anyConcluded = now.allegations.resolved + (previous?.allegations.resolved ?? 0) > 0;
	const concluded = (f: OversightFigures) => (label: string) => {
		const a = f.allegations;
		if (label === 'Concluded') return [a.resolved];
		if (label === 'Within one month') return [a.resolvedWithin.oneMonth];
		if (label === 'Within three months') return [a.resolvedWithin.threeMonths];
		if (label === 'Within twelve months') return [a.resolvedWithin.twelveMonths];
		return [a.byOutcome.find((row) => allegationOutcomeLabel[row.outcome] === label)?.count ?? 0];
	};
	const outcomeRows = anyConcluded
		? compare(
				[
					'Concluded',
					...Object.values(allegationOutcomeLabel),
					'Within one month',
					'Within three months',
					'Within twelve months'
				],
				concluded(now),
				previous && concluded(previous)
			)
		: [];
	if (anyConcluded) {
		// The shares the national expectation is set in: 80% within one month, 90% within three.
		for (const [label, within] of [
			['Share within one month (%; 80% expected)', 'oneMonth'],
			['Share within three months (%; 90% expected)', 'threeMonths'],
			['Share within twelve months (%; nearly all expected)', 'twelveMonths']
		] as const) {
			const share = (f: OversightFigures) =>
				String(pct(f.allegations.resolvedWithin[within], f.allegations.resolved));
			outcomeRows.push(previous ? [label, share(now), share(previous)] : [label, share(now)]);
		}
	}
	add(
		{
			name: 'allegation-outcomes',
			heading: 'Allegations concluded, by outcome and time to resolve',
			note: 'Allegations concluded in the period, whenever received; the national expectation is 80% within one month of receipt, 90% within three and nearly all within twelve.',
			head: headOf('', ['Allegations'], withPrevious),
			rows: outcomeRows
		},
		anyConcluded
			? chartOf(
					'allegation-outcomes',
					'Allegations concluded by outcome',
					outcomeRows.slice(1, 1 + Object.keys(allegationOutcomeLabel).length),
					withPrevious
				)
			: null
	);

	// Caseloads (at the end of this period only)
	const caseloadRows = now.caseloads.map((c) => [
		c.name,
		String(c.count),
		String(c.limit),
		c.count > c.limit ? `Over by ${c.count - c.limit}` : 'Within'
	]);
	add(
		{
			name: 'caseloads',
			heading: 'Caseloads of chairs and reviewing officers',
			note: 'Children whose latest meeting in the last 7 months they chaired, and children in care they review, at the end of the period; against each one’s limit.',
			head: ['Chair or reviewing officer', 'Children', 'Limit', 'Against the limit'],
			rows: caseloadRows
		},
		{
			id: 'chart-caseloads',
			title: 'Caseloads against the limit (dashed line)',
			series: ['Children'],
			rows: now.caseloads.map((c) => ({
				label: c.name,
				values: [c.count],
				mark: c.limit,
				markLabel: 'limit'
			}))
		}
	);
	addFeedback(now, add);
	addReg33Tables(now, previous, add);
	tables.push(exploitationTable(now.exploitation, previous?.exploitation ?? null));
	tables.push(fosterCarerReviewsTable(now, previous));
	const missing = missingTable(now, previous);
	add(missing.table, missing.chart);
	return tables;
}

/** Feedback after meetings (issue 27): this period's answers, added up; never by person. */
function addFeedback(
	now: OversightFigures,
	add: (table: Omit<FigureTable, 'chart'>, chart: BarChart | null) => void
) {
	const f = now.feedback;
	const scoreHead = [
		'Answers',
		'Listened to (mean of 1–5)',
		'Know what happens next (mean of 1–5)'
	];
	const scoreCells = (s: { responses: number; listenedTo: number; knowWhatNext: number }) => [
		String(s.responses),
		String(s.listenedTo),
		String(s.knowWhatNext)
	];
	const byRole = (Object.keys(respondentWords) as (keyof typeof respondentWords)[]).map((who) => [
		respondentWords[who],
		String(f.byRole[who])
	]);
	add(
		{
			name: 'feedback',
			heading: 'Feedback after meetings',
			note: `${f.responses} answers in the period; on a scale of 1 (not at all) to 5 (completely), listened to ${f.listenedTo} and know what happens next ${f.knowWhatNext} on average. Nobody is named.`,
			head: ['Who answered', 'Answers'],
			rows: byRole
		},
		chartOf('feedback', 'Feedback answers by who answered', byRole, false)
	);
	const kindRows = f.byKind.map((k) => [meetingKindLabel[k.kind], ...scoreCells(k)]);
	add(
		{
			name: 'feedback-by-kind',
			heading: 'Feedback by kind of meeting',
			note: 'Answers to feedback in the period, by the kind of meeting answered about.',
			head: ['Kind of meeting', ...scoreHead],
			rows: kindRows
		},
		null
	);
	const chairRows = f.byChair.map((c) => [c.name, ...scoreCells(c)]);
	add(
		{
			name: 'feedback-by-chair',
			heading: 'Feedback by chair',
			note: 'Answers about the meetings each chair chaired: added up, never by who answered.',
			head: ['Chair or reviewing officer', ...scoreHead],
			rows: chairRows
		},
		null
	);
	const monthRows = f.byMonth.map((m) => [m.month, ...scoreCells(m)]);
	add(
		{
			name: 'feedback-by-month',
			heading: 'Feedback month by month',
			note: 'The two scales over time: the mean of each month’s answers.',
			head: ['Month', ...scoreHead],
			rows: monthRows
		},
		chartOf('feedback-by-month', 'Listened to, mean of 1–5, by month', monthRows, false, 2)
	);
	add(
		{
			name: 'feedback-comments',
			heading: 'What would have made meetings better',
			note: 'The words people wrote, the names of children and adults taken out, newest first.',
			head: [
				'Month',
				'Kind of meeting',
				'Who',
				'One thing that would have made it better',
				'What difference the reviewing officer made'
			],
			rows: f.comments.map((c) => [
				c.month,
				meetingKindLabel[c.kind],
				respondentWords[c.respondent],
				c.better,
				c.officerDifference
			])
		},
		null
	);
}
