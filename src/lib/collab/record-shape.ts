/**
 * The shape of a meeting's live record (one Y.Doc) and the typed ways to read and change it.
 * Plain TypeScript over Yjs: the browser, the collaboration server (pre-filling a review,
 * checking decisions) and the document generators all use these, so no code spells the
 * record's structure by hand. Root names come from ./roots.
 */
import * as Y from 'yjs';
import { roots } from './roots';
import {
	checkDecision,
	type ChairOutcome,
	type DecisionContext,
	type ChildProtectionCategory,
	type PlanRecommendation,
	type Problem
} from '../domain';

/** A concern card: the child's journey, in the child's terms (DESIGN §5). */
export interface Concern {
	id: string;
	childId: string;
	/** What happens to the child, e.g. "Chrissie is often an hour late for school". */
	title: string;
	dayToDay: string;
	impactNow: string;
	impactLater: string;
	childSays: string;
	/** What needs to be true for everyone to stop worrying about this. */
	safetyGoal: string;
	status: 'open' | 'closed';
	/** The meeting the concern was first raised in. */
	raisedInMeetingId: string | null;
}

export interface Decision {
	/** An option value of the meeting's decision ('plan' | 'no-plan' for a conference). */
	recommendation: string;
	reason: string;
	recordedAt: number;
}

export interface Outcome {
	outcome: PlanRecommendation;
	category?: ChildProtectionCategory;
	/** The chair's own "why" ('' for an outcome recorded before it was required). */
	reason: string;
	recordedAt: number;
}

export interface PlanOutcomeItem {
	id: string;
	childId: string;
	text: string;
	concernId: string | null;
}

export interface PlanActionItem {
	id: string;
	outcomeId: string;
	what: string;
	who: string;
	byWhen: string;
	/**
	 * Progress since the meeting that made it (not-started, in-progress, done, stuck) and its
	 * owner's line of words: set by the server when a later meeting opens with this action.
	 */
	state?: string;
	note?: string;
}

export interface PlanSnapshot {
	outcomes: PlanOutcomeItem[];
	actions: PlanActionItem[];
	coreGroup: string[];
	leadSocialWorker: string;
	firstCoreGroup: string;
	reviewDate: string;
	contingency: string;
}

export interface MetaSnapshot {
	currentSection: string | null;
	sectionStartedAt: number | null;
	/** Whether the child gives scores too (the chair decides). */
	childScores: boolean;
}

/** Everything in the record except the rich text, as plain data. */
export interface RecordSnapshot {
	meta: MetaSnapshot;
	concerns: Concern[];
	/** participantId → concernId → 0..10 */
	ratings: Record<string, Record<string, number>>;
	/** participantId → childId → decision */
	decisions: Record<string, Record<string, Decision>>;
	/** childId → the chair's outcome */
	outcomes: Record<string, Outcome>;
	plan: PlanSnapshot;
}

/**
 * The fields of a concern card that people type into. Each is a shared text (a Y.Text in the
 * card's Y.Map), so two people typing in one field both keep their words. Cards stored before
 * that hold plain strings; they are read alike and become shared text at their first edit.
 */
export const concernTextFields = [
	'title',
	'dayToDay',
	'impactNow',
	'impactLater',
	'childSays',
	'safetyGoal'
] as const;
export type ConcernTextField = (typeof concernTextFields)[number];

function str(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** A shared text's words (an XmlText is rich text, not a card's field), or a plain string. */
function textOf(value: unknown): string {
	if (value instanceof Y.Text && !(value instanceof Y.XmlText)) return value.toString();
	return str(value);
}

/** A short random id for cards, outcomes and actions. */
export function newItemId(): string {
	return crypto.randomUUID().slice(0, 12).replace(/-/g, '');
}

/**
 * The entries of a list of maps, each read by `read`. An id seen twice keeps its first entry:
 * views key their lists by id, and a duplicate (which the server refuses for concern cards)
 * must not break them.
 */
function readMapArray<T extends { id: string }>(
	array: Y.Array<unknown> | null,
	read: (map: Y.Map<unknown>) => T | null
): T[] {
	const out: T[] = [];
	const seen = new Set<string>();
	// null: the list was never created (a detached Y.Array would warn when read)
	for (const item of array?.toArray() ?? []) {
		if (item instanceof Y.Map) {
			const value = read(item);
			if (value && !seen.has(value.id)) {
				seen.add(value.id);
				out.push(value);
			}
		}
	}
	return out;
}

/** One card as plain data: shared text and the plain strings of older cards read alike. */
function readConcern(map: Y.Map<unknown>): Concern | null {
	const id = str(map.get('id'));
	if (!id) return null;
	return {
		id,
		childId: str(map.get('childId')),
		title: textOf(map.get('title')),
		dayToDay: textOf(map.get('dayToDay')),
		impactNow: textOf(map.get('impactNow')),
		impactLater: textOf(map.get('impactLater')),
		childSays: textOf(map.get('childSays')),
		safetyGoal: textOf(map.get('safetyGoal')),
		status: map.get('status') === 'closed' ? 'closed' : 'open',
		raisedInMeetingId: str(map.get('raisedInMeetingId')) || null
	};
}

function planMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(roots.plan);
}

function planArray(doc: Y.Doc, key: 'outcomes' | 'actions' | 'coreGroup'): Y.Array<unknown> | null {
	const value = planMap(doc).get(key);
	return value instanceof Y.Array ? value : null;
}

/** Reads the whole record (less its rich text) as plain data. */
export function readRecord(doc: Y.Doc, participantIds: readonly string[]): RecordSnapshot {
	const meta = doc.getMap(roots.meta);
	const ratings: RecordSnapshot['ratings'] = {};
	const decisions: RecordSnapshot['decisions'] = {};
	for (const pid of participantIds) {
		const r: Record<string, number> = {};
		doc.getMap(roots.ratings(pid)).forEach((value, concernId) => {
			if (typeof value === 'number' && value >= 0 && value <= 10) r[concernId] = value;
		});
		if (Object.keys(r).length) ratings[pid] = r;
		const d: Record<string, Decision> = {};
		doc.getMap(roots.decision(pid)).forEach((value, childId) => {
			const v = value as Partial<Decision> | null;
			if (v && typeof v.recommendation === 'string' && typeof v.reason === 'string') {
				d[childId] = {
					recommendation: v.recommendation,
					reason: v.reason,
					recordedAt: Number(v.recordedAt) || 0
				};
			}
		});
		if (Object.keys(d).length) decisions[pid] = d;
	}
	const outcomes: RecordSnapshot['outcomes'] = {};
	doc.getMap(roots.outcome).forEach((value, childId) => {
		const v = value as Partial<Outcome> | null;
		if (v && (v.outcome === 'plan' || v.outcome === 'no-plan')) {
			outcomes[childId] = {
				outcome: v.outcome,
				category: v.category,
				reason: typeof v.reason === 'string' ? v.reason : '',
				recordedAt: Number(v.recordedAt) || 0
			};
		}
	});
	const plan = planMap(doc);
	return {
		meta: {
			currentSection: str(meta.get('currentSection')) || null,
			sectionStartedAt:
				typeof meta.get('sectionStartedAt') === 'number'
					? (meta.get('sectionStartedAt') as number)
					: null,
			childScores: meta.get('childScores') === true
		},
		concerns: readMapArray(doc.getArray(roots.concerns), readConcern),
		ratings,
		decisions,
		outcomes,
		plan: {
			outcomes: readMapArray(planArray(doc, 'outcomes'), (m) =>
				str(m.get('id'))
					? {
							id: str(m.get('id')),
							childId: str(m.get('childId')),
							text: str(m.get('text')),
							concernId: str(m.get('concernId')) || null
						}
					: null
			),
			actions: readMapArray(planArray(doc, 'actions'), (m) =>
				str(m.get('id'))
					? {
							id: str(m.get('id')),
							outcomeId: str(m.get('outcomeId')),
							what: str(m.get('what')),
							who: str(m.get('who')),
							byWhen: str(m.get('byWhen')),
							...(str(m.get('state'))
								? { state: str(m.get('state')), note: str(m.get('note')) }
								: {})
						}
					: null
			),
			coreGroup: (planArray(doc, 'coreGroup')?.toArray() ?? []).filter(
				(v): v is string => typeof v === 'string'
			),
			leadSocialWorker: str(plan.get('leadSocialWorker')),
			firstCoreGroup: str(plan.get('firstCoreGroup')),
			reviewDate: str(plan.get('reviewDate')),
			contingency: str(plan.get('contingency'))
		}
	};
}

/** The plain text of a rich-text root, paragraph by paragraph. */
export function fragmentParagraphs(fragment: Y.XmlFragment): string[] {
	const paragraphs: string[] = [];
	const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, out: string[]): string => {
		if (node instanceof Y.XmlText) return node.toString().replace(/<[^>]+>/g, '');
		let text = '';
		for (const child of node.toArray()) text += walk(child as Y.XmlElement | Y.XmlText, out);
		return text;
	};
	for (const block of fragment.toArray()) {
		const text = walk(block as Y.XmlElement | Y.XmlText, paragraphs).trim();
		if (text) paragraphs.push(text);
	}
	return paragraphs;
}

// ——— Changes. Each runs in one transaction so a peer never sees half of it. ———

/** The chair moves the meeting to a section: every device follows. */
export function setCurrentSection(doc: Y.Doc, key: string, now = Date.now()): void {
	doc.transact(() => {
		const meta = doc.getMap(roots.meta);
		meta.set('currentSection', key);
		meta.set('sectionStartedAt', now);
	});
}

export function setChildScores(doc: Y.Doc, allowed: boolean): void {
	doc.getMap(roots.meta).set('childScores', allowed);
}

/** Adds a concern card and returns its id; its text fields are shared text. */
export function addConcern(
	doc: Y.Doc,
	concern: Partial<Concern> & { childId: string; title: string }
): string {
	const id = concern.id ?? newItemId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		map.set('id', id);
		map.set('childId', concern.childId);
		for (const field of concernTextFields) map.set(field, new Y.Text(concern[field] ?? ''));
		map.set('status', concern.status ?? 'open');
		map.set('raisedInMeetingId', concern.raisedInMeetingId ?? null);
		doc.getArray(roots.concerns).push([map]);
	});
	return id;
}

function concernMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
	for (const item of doc.getArray(roots.concerns).toArray()) {
		if (item instanceof Y.Map && item.get('id') === id) return item;
	}
	return null;
}

/**
 * One text field of a card as the record holds it: its shared text, the plain string of a card
 * stored before fields were shared, or null when there is no such card.
 */
export function concernText(
	doc: Y.Doc,
	id: string,
	field: ConcernTextField
): Y.Text | string | null {
	const map = concernMap(doc, id);
	if (!map) return null;
	const value = map.get(field);
	return value instanceof Y.Text && !(value instanceof Y.XmlText) ? value : str(value);
}

/**
 * The smallest change from `before` to `after`: what is common at the start and the end is
 * kept. `cursor`, where the caret stands in `after` once typed, places an insertion among equal
 * letters where it was typed. Never splits a surrogate pair.
 */
export function textChange(
	before: string,
	after: string,
	cursor?: number
): { index: number; remove: number; insert: string } {
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	if (cursor !== undefined)
		start = Math.max(0, Math.min(start, cursor - Math.max(0, after.length - before.length)));
	let end = 0;
	while (
		end < shortest - start &&
		before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
	)
		end++;
	if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
	if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
	return {
		index: start,
		remove: before.length - start - end,
		insert: after.slice(start, after.length - end)
	};
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Makes one text field of a card read `next` by the smallest edit to its shared text, so what
 * others type meanwhile elsewhere in the field is kept; an older card's plain string becomes
 * shared text. `origin` marks the transaction (an input binding skips its own changes).
 */
export function editConcernText(
	doc: Y.Doc,
	id: string,
	field: ConcernTextField,
	next: string,
	options: { cursor?: number; origin?: unknown } = {}
): void {
	doc.transact(() => {
		const map = concernMap(doc, id);
		if (!map) return;
		const value = map.get(field);
		if (!(value instanceof Y.Text) || value instanceof Y.XmlText) {
			if (value !== next || typeof value !== 'string') map.set(field, new Y.Text(next));
			return;
		}
		const change = textChange(value.toString(), next, options.cursor);
		if (change.remove > 0) value.delete(change.index, change.remove);
		if (change.insert) value.insert(change.index, change.insert);
	}, options.origin ?? null);
}

/** Changes fields of one concern card; concurrent edits to other fields, and elsewhere in a text field, are kept. */
export function updateConcern(doc: Y.Doc, id: string, fields: Partial<Omit<Concern, 'id'>>): void {
	doc.transact(() => {
		const map = concernMap(doc, id);
		if (!map) return;
		for (const [key, value] of Object.entries(fields)) {
			if ((concernTextFields as readonly string[]).includes(key))
				editConcernText(doc, id, key as ConcernTextField, String(value ?? ''));
			else if (map.get(key) !== value) map.set(key, value);
		}
	});
}

/** One person's 0–10 score for one concern. */
export function setRating(
	doc: Y.Doc,
	participantId: string,
	concernId: string,
	score: number
): void {
	if (!Number.isInteger(score) || score < 0 || score > 10)
		throw new RangeError('A score is a whole number from 0 to 10.');
	doc.getMap(roots.ratings(participantId)).set(concernId, score);
}

/** Records a professional's decision and reason for one child; refuses one without a reason. */
export function recordDecision(
	doc: Y.Doc,
	participantId: string,
	input: { childId: string; recommendation: unknown; reason: unknown },
	now = Date.now(),
	context: DecisionContext = {}
): { ok: true } | { ok: false; problems: Problem[] } {
	const checked = checkDecision(input, context);
	if (!checked.ok) return { ok: false, problems: checked.problems };
	const { childId, recommendation, reason } = checked.decision;
	doc
		.getMap(roots.decision(participantId))
		.set(childId, { recommendation, reason, recordedAt: now });
	return { ok: true };
}

/** The chair's outcome, category and reason for one child (the server refuses it without a reason). */
export function recordOutcome(doc: Y.Doc, outcome: ChairOutcome, now = Date.now()): void {
	doc.getMap(roots.outcome).set(outcome.childId, {
		outcome: outcome.outcome,
		...(outcome.outcome === 'plan' && outcome.category ? { category: outcome.category } : {}),
		reason: outcome.reason,
		recordedAt: now
	});
}

function ensurePlanArray(doc: Y.Doc, key: 'outcomes' | 'actions' | 'coreGroup'): Y.Array<unknown> {
	const plan = planMap(doc);
	let array = plan.get(key);
	if (!(array instanceof Y.Array)) {
		array = new Y.Array<unknown>();
		plan.set(key, array);
	}
	return array as Y.Array<unknown>;
}

/** Adds an outcome for the child to the plan and returns its id. */
export function addPlanOutcome(
	doc: Y.Doc,
	item: Omit<PlanOutcomeItem, 'id'> & { id?: string }
): string {
	const id = item.id ?? newItemId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		map.set('id', id);
		map.set('childId', item.childId);
		map.set('text', item.text);
		map.set('concernId', item.concernId ?? '');
		ensurePlanArray(doc, 'outcomes').push([map]);
	});
	return id;
}

/** Adds an action (what, who, by when) under an outcome and returns its id. */
export function addPlanAction(
	doc: Y.Doc,
	item: Omit<PlanActionItem, 'id'> & { id?: string }
): string {
	const id = item.id ?? newItemId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		for (const [key, value] of Object.entries({ ...item, id })) map.set(key, value);
		ensurePlanArray(doc, 'actions').push([map]);
	});
	return id;
}

/**
 * Sets an action's progress as it stood at the start of a later meeting (the server's write);
 * an action the record does not hold is added with it. Returns whether anything changed.
 */
export function setPlanActionProgress(
	doc: Y.Doc,
	item: Omit<PlanActionItem, 'state' | 'note'> & { state: string; note: string }
): boolean {
	let changed = false;
	doc.transact(() => {
		const existing = ensurePlanArray(doc, 'actions')
			.toArray()
			.find((m): m is Y.Map<unknown> => m instanceof Y.Map && m.get('id') === item.id);
		if (!existing) {
			addPlanAction(doc, item);
			changed = true;
			return;
		}
		for (const key of ['state', 'note'] as const)
			if (existing.get(key) !== item[key]) {
				existing.set(key, item[key]);
				changed = true;
			}
	});
	return changed;
}

/** Changes fields of one plan outcome or action. */
export function updatePlanItem(
	doc: Y.Doc,
	list: 'outcomes' | 'actions',
	id: string,
	fields: Record<string, string>
): void {
	doc.transact(() => {
		for (const item of ensurePlanArray(doc, list).toArray()) {
			if (item instanceof Y.Map && item.get('id') === id) {
				for (const [key, value] of Object.entries(fields))
					if (item.get(key) !== value) item.set(key, value);
			}
		}
	});
}

/** Removes a plan outcome (with its actions) or one action. */
export function removePlanItem(doc: Y.Doc, list: 'outcomes' | 'actions', id: string): void {
	doc.transact(() => {
		const remove = (array: Y.Array<unknown>, match: (m: Y.Map<unknown>) => boolean) => {
			const items = array.toArray();
			for (let i = items.length - 1; i >= 0; i--) {
				const item = items[i];
				if (item instanceof Y.Map && match(item)) array.delete(i, 1);
			}
		};
		remove(ensurePlanArray(doc, list), (m) => m.get('id') === id);
		if (list === 'outcomes')
			remove(ensurePlanArray(doc, 'actions'), (m) => m.get('outcomeId') === id);
	});
}

/** Sets one of the plan's single fields. */
export function setPlanField(
	doc: Y.Doc,
	field: 'leadSocialWorker' | 'firstCoreGroup' | 'reviewDate' | 'contingency',
	value: string
): void {
	if (planMap(doc).get(field) !== value) planMap(doc).set(field, value);
}

/** Replaces the core group's member names. */
export function setCoreGroup(doc: Y.Doc, names: string[]): void {
	doc.transact(() => {
		const array = ensurePlanArray(doc, 'coreGroup');
		array.delete(0, array.length);
		array.push(names);
	});
}
