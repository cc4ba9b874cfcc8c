import { afterAll, describe, expect, it } from 'vitest';
import type { Block, MeetingDocument } from '../../documents/model';
import { pdfInfo, pdfPageTexts, pdfPagesText } from '../../../../tests/pdf-pages-text';
import { generateDocument } from '../../documents';
import { fixtureInput } from '../../documents/fixture';
import {
	PdfPool,
	PdfTimeoutError,
	closeSharedPdfPool,
	isPdfUnavailable,
	renderDocumentPdf
} from './pdf';

function documentWith(title: string, blocks: Block[]): MeetingDocument {
	return {
		kind: 'notes',
		audience: 'professionals',
		title,
		subtitle: 'Initial child protection conference · Chrissie Walker · 6 January 2027',
		fileName: 'chrissie-walker-draft-notes',
		containsRestricted: false,
		sections: [{ heading: 'Contributions', blocks }],
		generator: { name: 'notes', version: '1' }
	};
}

/** `count` paragraphs, each one unbroken 40,000-letter word: what the attacker typed. */
function longWords(count: number): Block[] {
	return Array.from({ length: count }, (_, i) => ({
		type: 'paragraph',
		author: 'Kim Lee',
		text: String.fromCharCode(97 + (i % 26)).repeat(40_000)
	}));
}

/** Runs `work` while a 5 ms timer keeps ticking; the longest gap between ticks is how long the event loop was blocked. */
async function longestStall<T>(
	work: () => Promise<T>
): Promise<{ result: T; stallMs: number; elapsedMs: number }> {
	let last = performance.now();
	let stallMs = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		stallMs = Math.max(stallMs, now - last);
		last = now;
	}, 5);
	const started = performance.now();
	try {
		const result = await work();
		return {
			result,
			stallMs: Math.max(stallMs, performance.now() - last),
			elapsedMs: performance.now() - started
		};
	} finally {
		clearInterval(ticker);
	}
}

afterAll(closeSharedPdfPool);

describe('renderDocumentPdf', () => {
	it('makes a PDF with a 40,000-letter word in it, quickly, with all of its text', async () => {
		await renderDocumentPdf(documentWith('Warm-up', [{ type: 'paragraph', text: 'Hello.' }])); // the worker starts once
		const word = 'abcdefghij'.repeat(4000);
		const started = performance.now();
		const pdf = await renderDocumentPdf(
			documentWith('Draft notes', [{ type: 'paragraph', author: 'Kim Lee', text: word }])
		);
		const elapsed = performance.now() - started;
		const text = pdfPagesText(pdf);
		expect(text).toContain('Draft notes');
		expect(
			text
				.split('\n')
				.filter((line) => /^[a-j]+$/.test(line))
				.join('')
		).toBe(word);
		// On the server's thread, before words were cut: 1.3 s here and 3 s on the machine.
		expect(elapsed).toBeLessThan(800);
		console.info(`40,000-letter word: ${Math.round(elapsed)} ms`);
	});

	it('makes the 24-hour plan in the worker as a tagged PDF of 2 pages, both with text', async () => {
		const doc = generateDocument('plan-24h', fixtureInput());
		const pdf = await renderDocumentPdf(doc);
		const pages = pdfPageTexts(pdf);
		expect(pages).toHaveLength(2); // was 4: each footer spilled onto a blank page
		for (const page of pages) expect(page.split('\n').length).toBeGreaterThan(10);
		const raw = Buffer.from(pdf).toString('latin1');
		expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
		expect(raw).toContain('/Lang (en-GB)');
		expect(pdfInfo(pdf).Title).toBe(doc.title);
	});

	it('keeps the event loop free while a large PDF is made', async () => {
		const doc = documentWith('Draft notes', longWords(50)); // 2,000,000 letters in long words
		const { result, stallMs, elapsedMs } = await longestStall(() => renderDocumentPdf(doc));
		expect(pdfPagesText(result)).toContain('Kim Lee');
		console.info(
			`2 MB of long words: made in ${Math.round(elapsedMs)} ms; the event loop's longest stall was ${Math.round(stallMs)} ms`
		);
		expect(elapsedMs).toBeGreaterThan(200); // long enough for the measurement to mean something
		expect(stallMs).toBeLessThan(200);
	});
});

describe('PdfPool', () => {
	it('stops a job that runs past its time limit with a clear error, and makes the next PDF with a new worker', async () => {
		const pool = new PdfPool({ size: 1 });
		try {
			await pool.render(documentWith('Warm-up', [])); // the worker is ready: the limit times the work alone
			const big = documentWith('Draft notes', longWords(50));
			const started = performance.now();
			const failure = await pool.render(big, { timeLimitMs: 50 }).then(
				() => null,
				(error: unknown) => error
			);
			const stoppedAfter = performance.now() - started;
			expect(failure).toBeInstanceOf(PdfTimeoutError);
			expect(isPdfUnavailable(failure)).toBe(true);
			expect((failure as Error).message).toBe(
				'The PDF took longer than 0.05 seconds to make and was stopped. Read the document on its page, or try again later.'
			);
			expect(stoppedAfter).toBeLessThan(1000);
			expect(pool.workers).toBe(0); // terminated, not left running

			const next = await pool.render(
				documentWith('Parent plan', [
					{ type: 'paragraph', text: 'Dawn will walk Chrissie to school.' }
				])
			);
			expect(pdfPagesText(next)).toContain('Dawn will walk Chrissie to school.');
			expect(pool.workers).toBe(1);
		} finally {
			await pool.close();
		}
	});

	it('shares its workers between jobs and refuses more waiting jobs than it holds', async () => {
		const pool = new PdfPool({ size: 1, maxQueue: 2 });
		try {
			const jobs = [1, 2].map((n) =>
				pool.render(documentWith(`Document ${n}`, [{ type: 'paragraph', text: `Paragraph ${n}.` }]))
			);
			const refused = pool.render(documentWith('Document 3', []));
			await expect(refused).rejects.toThrow(
				'The server is busy making other PDFs. Try again in a minute.'
			);
			const texts = (await Promise.all(jobs)).map(pdfPagesText);
			expect(texts[0]).toContain('Paragraph 1.');
			expect(texts[1]).toContain('Paragraph 2.');
			expect(pool.workers).toBe(1);
		} finally {
			await pool.close();
		}
	});
});
