import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderQuarterlyPdf } from './quarterly-pdf';
import { oversightTables } from '../../oversight/tables';
import { quarterSummary } from '../../oversight/quarter-summary';
import { allegationFigures } from '../../domain/allegations';
import { missingFigures } from '../../domain/missing-figures';
import type { OversightFigures } from '../../oversight/figures-model';
import { meetingKinds } from '../../domain/vocabulary';

// poppler-utils reads the PDF as a person's viewer would: its words, and its pages as pictures.
const hasPoppler = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
})();

const figures = (scale: number): OversightFigures => ({
	from: '2026-07-01',
	to: '2026-09-30',
	asOf: '2026-10-01',
	meetingsHeld: meetingKinds.map((kind, i) => ({ kind, count: (i + 1) * scale })),
	plans: [
		{ month: '2026-07', started: 3 * scale, ended: 2, subject: 40 + scale },
		{ month: '2026-08', started: 2 * scale, ended: 4, subject: 41 + scale }
	],
	plansOut: { due: 20, onTime: 15 + scale, late: [] },
	notesOnTime: { due: 20, onTime: 20 - scale, late: [] },
	cicReviews: { held: 10, withinTimescale: 8, late: [], dueSoon: [] },
	agencies: [
		{
			agency: 'Riverside GP practice',
			invited: 10,
			attended: 3 + scale,
			apologies: 2,
			reportsRequested: 10,
			reportsReceived: 7,
			reportsBefore: 6,
			reportsAfter: 1,
			sharedBefore: 5
		}
	],
	advocacy: { eligible: 12, offered: 10, takenUp: 6, parentsOffered: 9 },
	challenges: { raised: 4, byStage: [{ stage: 'informal', count: 3 }], resolvedAfter: [] },
	caseloads: [{ userId: 'u', name: 'Priya Shah', count: 30 + scale, limit: 35 }],
	feedback: {
		responses: 0,
		listenedTo: 0,
		knowWhatNext: 0,
		byRole: { parent: 0, child: 0, professional: 0 },
		byKind: [],
		byChair: [],
		byMonth: [],
		comments: []
	},
	allegations: allegationFigures([], '2026-07-01', '2026-09-30'),
	reg33: { months: [], homes: [] },
	exploitation: { referrals: 0, sittings: 0, childrenDiscussed: 0, outputsSent: 0 },
	fosterCarerReviews: {
		held: 4 + scale,
		faceToFace: 1,
		recommended: 4,
		asked: 12,
		late: 3,
		chased: 2
	},
	missing: missingFigures([], new Date('2026-07-01'), new Date('2026-10-01'))
});

describe('the quarterly report’s PDF', () => {
	it.skipIf(!hasPoppler)(
		'opens on what went well and what did not, then carries every table with its chart, tagged',
		async () => {
			const now = figures(3);
			const before = figures(1);
			const bytes = await renderQuarterlyPdf({
				title: 'Quarterly report: July to September 2026',
				subtitle: 'Riverside Safeguarding Unit. Each figure with April to June 2026 beside it.',
				words: 'July to September 2026',
				previousWords: 'April to June 2026',
				tables: oversightTables(now, before),
				summary: quarterSummary(now, before)
			});
			const dir = mkdtempSync(path.join(tmpdir(), 'quarterly-pdf-'));
			const file = path.join(dir, 'report.pdf');
			writeFileSync(file, bytes);
			const pages = (first: number, last = first) =>
				execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-'], {
					encoding: 'utf8'
				});

			// The front page: the summary against last quarter, from the figures.
			const front = pages(1);
			expect(front).toContain('What went well');
			expect(front).toMatch(/24-hour plans sent within a working day: 90% \(last quarter 80%\)/);
			expect(front).toContain('What did not go well');
			expect(front).toMatch(/Notes finished within 15 working days: 85% \(last quarter 95%\)/);
			expect(front).not.toContain('Conferences, reviews and meetings held');

			// Every table, as a table: its heading row and its rows, every meeting kind held.
			const all = pages(2, 99);
			for (const table of oversightTables(now, before))
				expect(all, table.heading).toContain(table.heading);
			expect(all).toMatch(/Life Appreciation Day\s+18\s+6/);
			expect(all).toMatch(/Disruption meeting\s+21\s+7/);
			expect(all).toMatch(/Kind of meeting\s+Held \(this quarter\)/);
			expect(all).toMatch(/Reviews held\s+7\s+5/);

			// The charts are drawn (vector paths, not pictures) and tagged as figures with words.
			const raw = readFileSync(file).toString('latin1');
			expect(raw).toContain('/S /Figure');
			expect(raw).toContain('/S /Table');
			expect(raw).toContain('/S /TH');
			expect(raw).toMatch(/\/Alt \(Meetings held by kind\. /);
			expect(raw).not.toContain('/Subtype /Image');
			execFileSync('pdftoppm', [
				'-png',
				'-r',
				'60',
				'-f',
				'2',
				'-l',
				'2',
				file,
				path.join(dir, 'page')
			]);
			const png = readdirSync(dir).find((name) => name.startsWith('page') && name.endsWith('.png'));
			const picture = readFileSync(path.join(dir, png!));
			expect(picture.length).toBeGreaterThan(5000);
			writeFileSync(path.join(tmpdir(), 'quarterly-page-2.png'), picture);
		}
	);
});
