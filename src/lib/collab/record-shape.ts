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

const concernFields = ['id', 'childId', 'title', 'dayToDay', 'impactNow', 'impactLater', 'childSays', 'safetyGoal', 'status', 'raisedInMeetingId'] as const;

function str(value: unknown): string {
	return typeof value === 'string' ? value : '';
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
function readMapArray<T extends { id: string }>(array: Y.Array<unknown> | null, read: (map: Y.Map<unknown>) => T | null): T[] {
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

function readConcern(map: Y.Map<unknown>): Concern | null {
	const id = str(map.get('id'));
	if (!id) return null;
	return {
		id,
		childId: str(map.get('childId')),
		title: str(map.get('title')),
		dayToDay: str(map.get('dayToDay')),
		impactNow: str(map.get('impactNow')),
		impactLater: str(map.get('impactLater')),
		childSays: str(map.get('childSays')),
		safetyGoal: str(map.get('safetyGoal')),
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
				d[childId] = { recommendation: v.recommendation, reason: v.reason, recordedAt: Number(v.recordedAt) || 0 };
			}
		});
		if (Object.keys(d).length) decisions[pid] = d;
	}
	const outcomes: RecordSnapshot['outcomes'] = {};
	doc.getMap(roots.outcome).forEach((value, childId) => {
		const v = value as Partial<Outcome> | null;
		if (v && (v.outcome === 'plan' || v.outcome === 'no-plan')) {
			outcomes[childId] = { outcome: v.outcome, category: v.category, recordedAt: Number(v.recordedAt) || 0 };
		}
	});
	const plan = planMap(doc);
	return {
		meta: {
			currentSection: str(meta.get('currentSection')) || null,
			sectionStartedAt: typeof meta.get('sectionStartedAt') === 'number' ? (meta.get('sectionStartedAt') as number) : null,
			childScores: meta.get('childScores') === true
		},
		concerns: readMapArray(doc.getArray(roots.concerns), readConcern),
		ratings,
		decisions,
		outcomes,
		plan: {
			outcomes: readMapArray(planArray(doc, 'outcomes'), (m) =>
				str(m.get('id')) ? { id: str(m.get('id')), childId: str(m.get('childId')), text: str(m.get('text')), concernId: str(m.get('concernId')) || null } : null
			),
			actions: readMapArray(planArray(doc, 'actions'), (m) =>
				str(m.get('id'))
					? { id: str(m.get('id')), outcomeId: str(m.get('outcomeId')), what: str(m.get('what')), who: str(m.get('who')), byWhen: str(m.get('byWhen')) }
					: null
			),
			coreGroup: (planArray(doc, 'coreGroup')?.toArray() ?? []).filter((v): v is string => typeof v === 'string'),
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

/** Adds a concern card and returns its id. */
export function addConcern(doc: Y.Doc, concern: Partial<Concern> & { childId: string; title: string }): string {
	const id = concern.id ?? newItemId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		for (const field of concernFields) {
			const value = field === 'id' ? id : concern[field];
			map.set(field, value ?? (field === 'status' ? 'open' : field === 'raisedInMeetingId' ? null : ''));
		}
		doc.getArray(roots.concerns).push([map]);
	});
	return id;
}

/** Changes fields of one concern card; concurrent edits to other fields are kept. */
export function updateConcern(doc: Y.Doc, id: string, fields: Partial<Omit<Concern, 'id'>>): void {
	doc.transact(() => {
		for (const item of doc.getArray(roots.concerns).toArray()) {
			if (item instanceof Y.Map && item.get('id') === id) {
				for (const [key, value] of Object.entries(fields)) if (item.get(key) !== value) item.set(key, value);
			}
		}
	});
}

/** One person's 0–10 score for one concern. */
export function setRating(doc: Y.Doc, participantId: string, concernId: string, score: number): void {
	if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError('A score is a whole number from 0 to 10.');
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
	doc.getMap(roots.decision(participantId)).set(childId, { recommendation, reason, recordedAt: now });
	return { ok: true };
}

/** The chair's outcome and category for one child. */
export function recordOutcome(doc: Y.Doc, outcome: ChairOutcome, now = Date.now()): void {
	doc.getMap(roots.outcome).set(outcome.childId, {
		outcome: outcome.outcome,
		...(outcome.outcome === 'plan' && outcome.category ? { category: outcome.category } : {}),
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
export function addPlanOutcome(doc: Y.Doc, item: Omit<PlanOutcomeItem, 'id'> & { id?: string }): string {
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
export function addPlanAction(doc: Y.Doc, item: Omit<PlanActionItem, 'id'> & { id?: string }): string {
	const id = item.id ?? newItemId();
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		for (const [key, value] of Object.entries({ ...item, id })) map.set(key, value);
		ensurePlanArray(doc, 'actions').push([map]);
	});
	return id;
}

/** Changes fields of one plan outcome or action. */
export function updatePlanItem(doc: Y.Doc, list: 'outcomes' | 'actions', id: string, fields: Record<string, string>): void {
	doc.transact(() => {
		for (const item of ensurePlanArray(doc, list).toArray()) {
			if (item instanceof Y.Map && item.get('id') === id) {
				for (const [key, value] of Object.entries(fields)) if (item.get(key) !== value) item.set(key, value);
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
		if (list === 'outcomes') remove(ensurePlanArray(doc, 'actions'), (m) => m.get('outcomeId') === id);
	});
}

/** Sets one of the plan's single fields. */
export function setPlanField(doc: Y.Doc, field: 'leadSocialWorker' | 'firstCoreGroup' | 'reviewDate' | 'contingency', value: string): void {
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
