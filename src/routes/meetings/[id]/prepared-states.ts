/**
 * What was prepared before a meeting, each in a few words for its folded line once the meeting
 * runs: the reports asked for, what was heard before, and the reports the parents lacked.
 */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The folded lines' states from the meeting page's data. */
export function preparedStates(data: {
	reportRequests: { state: string; late: boolean }[];
	voices: { consultations: unknown[]; reports: unknown[]; advocacy: unknown[] };
	reportsLate: unknown[];
}): { reports: string; voices: string; reportsLate: string } {
	const received = data.reportRequests.filter(
		(r) => r.state === 'received' || r.state === 'shared'
	).length;
	const late = data.reportRequests.filter((r) => r.late).length;
	const { consultations, reports, advocacy } = data.voices;
	return {
		reports:
			`${received} of ${data.reportRequests.length} received` + (late ? `, ${late} late` : ''),
		voices:
			[
				count(reports.length, 'report', 'reports'),
				count(consultations.length, 'child’s form', 'children’s forms'),
				count(advocacy.length, 'advocacy line', 'advocacy lines')
			].join(', ') + ' on the record',
		reportsLate: count(data.reportsLate.length, 'report', 'reports') + ' to tell them about'
	};
}
