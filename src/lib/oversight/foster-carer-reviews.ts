/**
 * The foster carer reviews' table of the oversight figures (issue 25), with the previous quarter
 * beside each number in the quarterly report. A period with no review held and no report asked,
 * in this quarter and the one before, has nothing to count: the table says so in words.
 */
import type { OversightFigures } from './figures-model';
import type { FigureTable } from './tables';

const lines: [string, keyof OversightFigures['fosterCarerReviews']][] = [
	['Reviews held', 'held'],
	['Of which face to face (the three-yearly review)', 'faceToFace'],
	['Recommendations to the fostering panel recorded', 'recommended'],
	['Reports asked for', 'asked'],
	['Reports late (in after their due date, or still not in)', 'late'],
	['Late reports chased', 'chased']
];

export function fosterCarerReviewsTable(
	now: OversightFigures,
	previous: OversightFigures | null
): FigureTable {
	const any = (f: OversightFigures | null) =>
		f !== null && Object.values(f.fosterCarerReviews).some((n) => n > 0);
	const rows =
		any(now) || any(previous)
			? lines.map(([label, key]) => [
					label,
					String(now.fosterCarerReviews[key]),
					...(previous ? [String(previous.fosterCarerReviews[key])] : [])
				])
			: [];
	return {
		name: 'foster-carer-reviews',
		heading: 'Foster carer reviews',
		note: 'Annual reviews of foster carers held in the period, and the reports asked for them: the children’s social workers’ first, then the supervising social worker’s.',
		head: previous ? ['', 'Number (this quarter)', 'Number (previous quarter)'] : ['', 'Number'],
		rows,
		chart: null,
		empty: 'No foster carer reviews held and no reports asked for them in this period.'
	};
}
