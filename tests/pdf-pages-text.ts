/**
 * The text of every page of a PDF made by pdfkit, for tests. `pdfText` (./pdf-text) decodes the
 * first content stream correctly but then resumes its search inside that stream's `endstream`
 * and so misses the pages after the first; this hands it one stream at a time.
 */
import { inflateSync } from 'node:zlib';
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

/** The body of indirect object `id` ("12 0 obj … endobj"), or null. */
function pdfObject(raw: string, id: number): string | null {
	const start = raw.search(new RegExp(`(?:^|\\n)${id} 0 obj\\b`));
	if (start === -1) return null;
	const end = raw.indexOf('endobj', start);
	return raw.slice(raw.indexOf('obj', start) + 3, end).trim();
}

/** A PDF string as text: a literal `(…)` in PDFDocEncoding or UTF-16BE (with its BOM). */
function pdfString(literal: string): string {
	const body = literal
		.replace(/^\(|\)$/g, '')
		.replace(/\\([()\\])/g, '$1')
		.replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
	if (body.startsWith('\u00fe\u00ff'))
		return Buffer.from(body.slice(2), 'latin1').swap16().toString('utf16le');
	return body;
}

/** Each page's content stream, inflated (its operators as text), in page order (/Kids). */
export function pdfPageContents(bytes: Uint8Array): string[] {
	const raw = Buffer.from(bytes).toString('latin1');
	const kids = /\/Type \/Pages\s*\/Count \d+\s*\/Kids \[([^\]]*)\]/.exec(raw)?.[1] ?? '';
	return [...kids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
		const page = pdfObject(raw, Number(pageId)) ?? '';
		const contents = /\/Contents (\d+) 0 R/.exec(page)?.[1];
		const stream = contents ? pdfObject(raw, Number(contents)) : null;
		if (!stream) return '';
		const start = stream.indexOf('stream') + 'stream'.length;
		const data = Buffer.from(
			stream.slice(start, stream.lastIndexOf('endstream')).replace(/^\r?\n/, ''),
			'latin1'
		);
		try {
			return inflateSync(data).toString('latin1');
		} catch {
			return data.toString('latin1');
		}
	});
}

/**
 * The text of each page of a PDF made by pdfkit, in page order, from each page's own content
 * stream: for asserting that no page is blank.
 */
export function pdfPageTexts(bytes: Uint8Array): string[] {
	return pdfPageContents(bytes).map((content) =>
		pdfText(Buffer.from(`stream\n${content}endstream`, 'latin1'))
			.replace(/\n+/g, '\n')
			.trim()
	);
}

/** The document information dictionary's entries (Title, Author…) as text. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
	const raw = Buffer.from(bytes).toString('latin1');
	const infoId = /\/Info (\d+) 0 R/.exec(raw)?.[1];
	const info = infoId ? (pdfObject(raw, Number(infoId)) ?? '') : '';
	const out: Record<string, string> = {};
	for (const [, key, ref, literal] of info.matchAll(/\/(\w+) (?:(\d+) 0 R|(\([^\n]*\)))/g)) {
		const value = ref ? pdfObject(raw, Number(ref)) : literal;
		if (value?.startsWith('(')) out[key] = pdfString(value);
	}
	return out;
}
