import { describe, expect, it } from 'vitest';
import type { Concern } from '../collab/record-shape';
import {
	median,
	scoreHistory,
	spreadOf,
	withMeeting,
	SAFE_ENOUGH,
	type MeetingScores
} from './history';
import { describeConcern, describeRiskPlot, meetingLabel, shortDate } from './describe';

const concern = (id: string, title: string, childId = 'chrissie'): Concern => ({
	id,
	childId,
	title,
	dayToDay: '',
	impactNow: '',
	impactLater: '',
	childSays: '',
	safetyGoal: `Goal for ${title}`,
	status: 'open',
	raisedInMeetingId: null
});

const people = (prefix: string) => [
	{ id: `${prefix}-dawn`, name: 'Dawn Walker', role: 'parent' as const },
	{ id: `${prefix}-sam`, name: 'Sam Okafor', role: 'professional' as const },
	{ id: `${prefix}-kim`, name: 'Kim Lee', role: 'professional' as const },
	{ id: `${prefix}-ellen`, name: 'Mrs Ellen Green', role: 'professional' as const },
	{ id: `${prefix}-alan`, name: 'Alan Brooks', role: 'minute-taker' as const }
];

function meeting(
	id: string,
	date: string,
	kind: MeetingScores['meeting']['kind'],
	scores: Record<string, [number, number, number, number]>
): MeetingScores {
	const ratings: Record<string, Record<string, number>> = {};
	for (const [who, [dawn, sam, kim, ellen]] of Object.entries(scores)) {
		for (const [p, v] of [
			['dawn', dawn],
			['sam', sam],
			['kim', kim],
			['ellen', ellen]
		] as const)
			(ratings[`${id}-${p}`] ??= {})[who] = v;
	}
	return {
		meeting: { id, date, kind },
		concerns: [
			concern('late', 'Getting to school on time'),
			concern('hungry', 'Hungry at school'),
			concern('leo', 'Health checks', 'leo')
		],
		ratings,
		participants: people(id)
	};
}

// Given out of order on purpose: the history sorts by date.
const meetings = [
	meeting('m3', '2026-03-02', 'initial-conference', { late: [6, 3, 5, 4], hungry: [7, 4, 5, 5] }),
	meeting('m1', '2026-01-05', 'cin-review', { late: [7, 3, 4, 3], hungry: [6, 4, 4, 5] }),
	meeting('m2', '2026-02-02', 'cin-review', { late: [6, 2, 3, 2], hungry: [7, 4, 5, 5] })
];

describe('median and spread', () => {
	it('takes the middle value, or the mean of the middle two', () => {
		expect(median([3])).toBe(3);
		expect(median([5, 1, 3])).toBe(3);
		expect(median([2, 3, 4, 5])).toBe(3.5);
		expect(() => median([])).toThrow(RangeError);
	});
	it('gives the lowest, highest and median, or null without scores', () => {
		expect(spreadOf([3, 5, 4])).toEqual({ median: 4, low: 3, high: 5, count: 3 });
		expect(spreadOf([])).toBeNull();
	});
});

describe('scoreHistory', () => {
	const history = scoreHistory({ childId: 'chrissie', childName: 'Chrissie Walker', meetings });

	it('puts the meetings in date order and keeps only the child’s concerns', () => {
		expect(history.meetings.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
		expect(history.concerns.map((c) => c.concernId)).toEqual(['late', 'hungry']);
		expect(history.concerns[0].goal).toBe(SAFE_ENOUGH);
		expect(history.concerns[0].safetyGoal).toBe('Goal for Getting to school on time');
	});

	it('keeps parents’ scores apart from the professionals’ spread, and leaves out non-scorers', () => {
		const late = history.concerns[0];
		expect(late.points.map((p) => p.meetingId)).toEqual(['m1', 'm2', 'm3']);
		const last = late.points[2];
		expect(last.parents.map((s) => [s.name, s.score])).toEqual([['Dawn Walker', 6]]);
		expect(last.professionals).toEqual({ median: 4, low: 3, high: 5, count: 3 });
		expect(last.scores.some((s) => s.role === 'minute-taker')).toBe(false);
		expect(late.points[1].professionals).toEqual({ median: 2, low: 2, high: 3, count: 3 });
	});

	it('puts a meeting’s live scores in place of what the server knew of it', () => {
		const live = meeting('m3', '2026-03-02', 'initial-conference', {
			late: [8, 6, 6, 7],
			hungry: [7, 4, 5, 5]
		});
		const next = withMeeting(history, { ...live, meeting: { ...live.meeting, live: true } });
		expect(next.meetings.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
		const last = next.concerns[0].points.at(-1)!;
		expect(last).toMatchObject({
			meetingId: 'm3',
			live: true,
			professionals: { median: 6, low: 6, high: 7 }
		});
		expect(next.concerns[0].points[0].professionals?.median).toBe(3);
	});

	it('appends a new meeting with a new concern to the history', () => {
		const next = withMeeting(history, {
			meeting: { id: 'm4', date: '2026-03-16', kind: 'core-group', live: true },
			concerns: [concern('late', 'Getting to school on time'), concern('new', 'A new worry')],
			ratings: { p: { late: 8 } },
			participants: [{ id: 'p', name: 'Dawn Walker', role: 'parent' }]
		});
		expect(next.concerns.map((c) => [c.concernId, c.points.length])).toEqual([
			['late', 4],
			['hungry', 3],
			['new', 1]
		]);
	});
});

describe('the text alternative', () => {
	const history = scoreHistory({ childId: 'chrissie', childName: 'Chrissie Walker', meetings });

	it('says the latest scores, the last meeting and the goal', () => {
		expect(describeConcern(history.concerns[0])).toBe(
			'Getting to school on time: parents 6, professionals 3–5 (median 4); at the last meeting 2 (professionals’ median, parents 6). Scored at 3 meetings; the goal is 10 (safe enough).'
		);
	});

	it('in plain words for the family, with no jargon', () => {
		const text = describeConcern(history.concerns[0], { plain: true, meId: 'm3-dawn' });
		expect(text).toBe(
			'Getting to school on time: You said 6, the workers said 3 to 5 on 2 Mar. Last time (2 Feb), Dawn said 6, the workers said 2 to 3. Scored at 3 meetings. 10 means no one needs to worry.'
		);
		expect(text).not.toMatch(/median|professional|conference/i);
	});

	it('says when nothing is scored, one line per concern', () => {
		const empty = scoreHistory({
			childId: 'leo',
			childName: 'Leo Walker',
			meetings: [{ ...meetings[0], ratings: {} }]
		});
		expect(describeRiskPlot(empty)).toEqual(['Health checks: not scored yet.']);
		expect(
			describeRiskPlot(scoreHistory({ childId: 'x', childName: 'Mia Price', meetings }), {
				plain: true
			})
		).toEqual(['No worries written down for Mia yet.']);
	});

	it('labels the axis with a short date and the kind', () => {
		expect(shortDate('2026-12-09')).toBe('9 Dec');
		expect(meetingLabel({ date: '2026-03-02', kind: 'core-group' })).toBe('2 Mar · Core group');
		expect(meetingLabel({ date: '2026-03-02', kind: 'initial-conference' }, true)).toBe(
			'2 Mar · First safety meeting'
		);
	});
});
