/**
 * The text of every page of a PDF made by pdfkit, for tests. `pdfText` (./pdf-text) decodes the
 * first content stream correctly but then resumes its search inside that stream's `endstream`
 * and so misses the pages after the first; this hands it one stream at a time.
 */
import { pdfText } from './pdf-text';

export function pdfPagesText(bytes: Uint8Array): string {
	const raw = Buffer.from(bytes).toString('latin1');
	const pages: string[] = [];
	for (const match of raw.matchAll(/(?<!end)stream\r?\n/g)) {
		const start = match.index + match[0].length;
		const end = raw.indexOf('endstream', start);
		if (end === -1) break;
		pages.push(pdfText(Buffer.from(`stream\n${raw.slice(start, end)}endstream`, 'latin1')));
	}
	return pages.join('\n').replace(/\n+/g, '\n');
}
