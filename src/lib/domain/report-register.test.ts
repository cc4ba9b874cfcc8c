import { describe, expect, it } from 'vitest';
import {
	personReportState,
	reportRegister,
	reportsNotSharedInTime,
	reportStateWords,
	type RegisterPerson
} from './report-register';

const person = (id: string, over: Partial<RegisterPerson> = {}): RegisterPerson => ({
	id,
	name: id,
	agency: null,
	reportRequested: false,
	reportReceivedAt: null,
	reportSharedWithParents: false,
	...over
});

const people = [
	person('police', {
		agency: 'Police',
		reportRequested: true,
		reportReceivedAt: '2026-12-01T09:00:00Z'
	}),
	person('gp', { agency: 'GP', reportRequested: true }),
	person('school', {
		agency: 'School',
		reportRequested: true,
		reportReceivedAt: '2026-12-02T09:00:00Z',
		// Ticked by hand although… nothing of the school's is in the app: the tick stands.
		reportSharedWithParents: true
	}),
	person('mum')
];
const reports = [
	{
		id: 'r1',
		participantId: 'police',
		title: 'Police report',
		createdAt: '2026-12-01T09:00:00Z',
		sharedWithParentsAt: null,
		parentsFirstOpenedAt: null
	}
];

describe('reportRegister', () => {
	it('lists each report in the app, then those received another way, then those asked for', () => {
		const entries = reportRegister(people, reports);
		expect(entries.map((e) => [e.id, e.state, e.inApp])).toEqual([
			['r1', 'received', true],
			['gp', 'asked', false],
			['school', 'shared', false]
		]);
		expect(entries[2]).toMatchObject({ title: 'Report from School', sharedWithParentsAt: null });
	});
	it('takes a person’s reports in the app as the truth over a hand tick', () => {
		const ticked = people.map((p) =>
			p.id === 'police' ? { ...p, reportSharedWithParents: true } : p
		);
		const entries = reportRegister(ticked, reports);
		expect(personReportState(entries, 'police')).toBe('received');
		expect(personReportState(entries, 'mum')).toBeNull();
	});
});

describe('reportStateWords', () => {
	it('says where a report stands in words that fit the kind of meeting', () => {
		const shared = { state: 'shared' as const, sharedWithParentsAt: '2026-12-03T10:00:00Z' };
		expect(reportStateWords(shared, 'initial-conference', () => '3 December')).toBe(
			'Received, shared with the parents on 3 December'
		);
		expect(reportStateWords(shared, 'life-appreciation-day')).toBe('Received');
		expect(reportStateWords(shared, 'disruption-meeting')).toBe('Received');
		expect(reportStateWords({ state: 'received', sharedWithParentsAt: null }, 'core-group')).toBe(
			'Received, not yet shared with the parents'
		);
		expect(reportStateWords({ state: 'asked', sharedWithParentsAt: null }, 'cic-review')).toBe(
			'Asked for, not received yet'
		);
	});
});

describe('reportsNotSharedInTime', () => {
	it('names the reports the parents did not have before the meeting started', () => {
		const entries = reportRegister(people, [
			...reports,
			{
				id: 'r2',
				participantId: 'gp',
				title: 'GP letter',
				createdAt: '2026-12-01T09:00:00Z',
				sharedWithParentsAt: '2026-12-07T10:30:00Z',
				parentsFirstOpenedAt: null
			}
		]);
		const late = reportsNotSharedInTime(entries, 'initial-conference', '2026-12-07T10:00:00Z');
		expect(late.map((e) => e.id)).toEqual(['r1', 'r2']);
		expect(
			reportsNotSharedInTime(entries, 'life-appreciation-day', '2026-12-07T10:00:00Z')
		).toEqual([]);
	});
});
