/**
 * A meeting document as plain data: a title, a file name and sections of blocks. Generators
 * build it from the record; the HTML page, the stored copy and the PDF all render this one
 * model, so every format says the same thing.
 */
import type { DocumentAudience, DocumentKind } from '../domain/vocabulary';
import type { ConcernHistory } from '../risk/history';

/** One score in the risk summary. */
export interface RiskScore {
	name: string;
	score: number;
}

/** One concern in the risk summary: the slot the risk plot (issue 5) fills. */
export interface RiskConcern {
	id: string;
	childName: string;
	title: string;
	scores: RiskScore[];
	/** Lowest and highest score given; null when nobody scored it. */
	lowest: number | null;
	highest: number | null;
}

export type Block =
	/** A paragraph; `author` names who said or wrote it. */
	| { type: 'paragraph'; text: string; author?: string }
	/** Third-party information: professionals' documents only, always marked. */
	| { type: 'restricted'; author: string; paragraphs: string[] }
	| { type: 'list'; items: string[] }
	/** A labelled list of facts (term → value). */
	| { type: 'facts'; items: { term: string; value: string }[] }
	| { type: 'table'; caption: string; head: string[]; rows: string[][] }
	/**
	 * The risk plot slot: this meeting's scores (`concerns`) and, per concern, its history across
	 * the child's meetings (`history`, in the same order) that ./html draws as SVG and ./pdf
	 * writes as the plot's text alternative.
	 */
	| { type: 'risk-plot'; concerns: RiskConcern[]; plain: boolean; history?: ConcernHistory[] };

export interface DocumentSection {
	heading: string;
	/** The agenda section it comes from, if any. */
	key?: string;
	blocks: Block[];
}

/** A generated document, ready to render as HTML or PDF. */
export interface MeetingDocument {
	kind: DocumentKind;
	audience: DocumentAudience;
	title: string;
	/** One line under the title: the meeting, the children, the date. */
	subtitle: string;
	/** Without extension: "chrissie-walker-initial-child-protection-conference-2027-01-06". */
	fileName: string;
	/** Marked on every page of professionals' documents that hold restricted information. */
	containsRestricted: boolean;
	sections: DocumentSection[];
	/** Family documents: the jargon the record used that was replaced with plain words. */
	jargonReplaced?: { term: string; plain: string; count: number }[];
	generator: { name: string; version: string };
}

/** Lower-case words joined by hyphens, for file names. */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** "child-meeting-date": the children's names, the meeting and its date. */
export function documentFileName(props: {
	children: { name: string }[];
	meetingTitle: string;
	date: string;
	kind?: DocumentKind;
}): string {
	const kids =
		props.children
			.map((c) => slug(c.name))
			.filter(Boolean)
			.join('-') || 'child';
	const parts = [kids, slug(props.meetingTitle) || 'meeting', props.date];
	if (props.kind) parts.push(props.kind);
	return parts.join('-');
}
