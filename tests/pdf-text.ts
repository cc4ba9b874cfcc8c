/**
 * The text of a PDF made by pdfkit with its standard fonts, for tests: inflates each content
 * stream and decodes its text-showing operators (hex strings in WinAnsi). Not a general PDF
 * reader — enough to assert what a person would read in the file.
 */
import { inflateSync } from 'node:zlib';

const winAnsiHigh: Record<number, string> = {
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0xb7: '·'
};

function decodeHex(hex: string): string {
	let out = '';
	for (let i = 0; i + 1 < hex.length; i += 2) {
		const code = parseInt(hex.slice(i, i + 2), 16);
		out += winAnsiHigh[code] ?? String.fromCharCode(code);
	}
	return out;
}

/** The text of every page, one line per text-positioning operator. */
export function pdfText(bytes: Uint8Array): string {
	const raw = Buffer.from(bytes).toString('latin1');
	const lines: string[] = [];
	const streamPattern = /stream\r?\n/g;
	let match: RegExpExecArray | null;
	while ((match = streamPattern.exec(raw))) {
		const start = match.index + match[0].length;
		const end = raw.indexOf('endstream', start);
		if (end === -1) break;
		const data = Buffer.from(raw.slice(start, end), 'latin1');
		let content: string;
		try {
			content = inflateSync(data).toString('latin1');
		} catch {
			content = data.toString('latin1');
		}
		for (const op of content.matchAll(
			/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|(T[dmD*]|BT)/g
		)) {
			if (op[3]) lines.push('\n');
			else if (op[1] !== undefined)
				lines.push([...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => decodeHex(m[1])).join(''));
			else lines.push(decodeHex(op[2]));
		}
		streamPattern.lastIndex = end;
	}
	return lines
		.join('')
		.replace(/\n+/g, '\n')
		.replace(/[ \t]+/g, ' ');
}
