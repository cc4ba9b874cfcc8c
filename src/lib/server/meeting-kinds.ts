/**
 * The unit's meeting kinds (issue 25): the built-in kinds (version 1 of themselves, in the code)
 * and the unit's own copies, each save of which is a new version. A meeting keeps the version it
 * was scheduled with; `meetingTemplate` is the one way to read a meeting's template. Every query
 * is scoped to the unit.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from './db';
import { meetingKindVersions, type Meeting } from './db/schema';
import { audit } from './audit';
import { CommandError, badInput } from './command-error';
import { allTemplates, templateFor, type MeetingTemplate } from '../domain/templates';
import { checkKindDefinition, withWordsOf } from '../domain/templates/kind-definition';
import { meetingKinds, type MeetingKind } from '../domain/vocabulary';
import { mayShapeMeetingKinds, type Viewer } from '../policy';

/** One of the unit's kinds at its latest version. */
export interface UnitMeetingKind {
	/** A built-in kind's own id, or the unit's copy's (`core-group-copy-3f9a1c2e`). */
	id: string;
	/** The built-in kind whose rules it follows (itself for a built-in kind). */
	baseKind: MeetingKind;
	version: number;
	/** The stored version's id; null for a built-in kind. */
	versionId: string | null;
	builtIn: boolean;
	template: MeetingTemplate;
}

const isBuiltIn = (id: string): id is MeetingKind =>
	(meetingKinds as readonly string[]).includes(id);

const builtInKind = (template: MeetingTemplate): UnitMeetingKind => ({
	id: template.kind,
	baseKind: template.kind,
	version: 1,
	versionId: null,
	builtIn: true,
	template
});

type VersionRow = typeof meetingKindVersions.$inferSelect;

/** A stored version as the unit's kind: its words on its base's structure as the code has it. */
const storedKind = (row: VersionRow): UnitMeetingKind => ({
	id: row.kindId,
	baseKind: row.baseKind,
	version: row.version,
	versionId: row.id,
	builtIn: false,
	template: withWordsOf(templateFor(row.baseKind), row.definition)
});

/** The unit's kinds: the built-in ones, then its own copies in the order made, each at its latest version. */
export async function unitMeetingKinds(props: {
	db: Database;
	unitId: string;
}): Promise<UnitMeetingKind[]> {
	const rows = await props.db
		.select()
		.from(meetingKindVersions)
		.where(eq(meetingKindVersions.unitId, props.unitId))
		.orderBy(meetingKindVersions.createdAt, meetingKindVersions.version);
	const latest = new Map<string, VersionRow>();
	for (const row of rows) {
		const seen = latest.get(row.kindId);
		if (!seen || row.version > seen.version) latest.set(row.kindId, row);
	}
	return [...allTemplates.map(builtInKind), ...[...latest.values()].map(storedKind)];
}

/** One of the unit's kinds at its latest version; null when the unit has no such kind. */
export async function unitMeetingKind(props: {
	db: Database;
	unitId: string;
	kindId: string;
}): Promise<UnitMeetingKind | null> {
	if (isBuiltIn(props.kindId)) return builtInKind(templateFor(props.kindId));
	const [row] = await props.db
		.select()
		.from(meetingKindVersions)
		.where(
			and(
				eq(meetingKindVersions.unitId, props.unitId),
				eq(meetingKindVersions.kindId, props.kindId)
			)
		)
		.orderBy(desc(meetingKindVersions.version))
		.limit(1);
	return row ? storedKind(row) : null;
}

/** Every version of one of the unit's own kinds, newest first (empty for a built-in or unknown kind). */
export async function meetingKindHistory(props: {
	db: Database;
	unitId: string;
	kindId: string;
}): Promise<{ version: number; createdAt: Date }[]> {
	return props.db
		.select({ version: meetingKindVersions.version, createdAt: meetingKindVersions.createdAt })
		.from(meetingKindVersions)
		.where(
			and(
				eq(meetingKindVersions.unitId, props.unitId),
				eq(meetingKindVersions.kindId, props.kindId)
			)
		)
		.orderBy(desc(meetingKindVersions.version));
}

/**
 * The template a meeting runs on: the version of the unit's kind it was scheduled with, or its
 * built-in kind's. Wording (agenda, projector, family view, documents) comes from here; the
 * rules that key on the kind (timescales, decision checks) keep using `meeting.kind`.
 */
export async function meetingTemplate(props: {
	db: Database;
	meeting: Pick<Meeting, 'kind' | 'kindVersionId' | 'unitId'>;
}): Promise<MeetingTemplate> {
	const { meeting } = props;
	const base = templateFor(meeting.kind);
	if (!meeting.kindVersionId || !meeting.unitId) return base;
	const [row] = await props.db
		.select({ definition: meetingKindVersions.definition })
		.from(meetingKindVersions)
		.where(
			and(
				eq(meetingKindVersions.id, meeting.kindVersionId),
				eq(meetingKindVersions.unitId, meeting.unitId),
				eq(meetingKindVersions.baseKind, meeting.kind)
			)
		);
	return row ? withWordsOf(base, row.definition) : base;
}

/**
 * The kind a scheduler chose, by id: a built-in kind, or the latest version of one of the unit's
 * own; 400 naming `kind` for anything else (another unit's copy included).
 */
export async function chosenMeetingKind(props: {
	db: Database;
	unitId: string;
	kindId: string;
}): Promise<{ kind: MeetingKind; kindVersionId: string | null; label: string }> {
	const found = await unitMeetingKind(props);
	if (!found) throw badInput('kind', 'Choose one of your unit’s kinds of meeting.');
	return { kind: found.baseKind, kindVersionId: found.versionId, label: found.template.label };
}

function shaperOf(viewer: Viewer): string {
	// Another unit's or no unit's person is answered as if there were nothing here.
	if (!mayShapeMeetingKinds(viewer) || !viewer.unitId) throw new CommandError(404, 'Not found');
	return viewer.unitId;
}

/**
 * Copies one of the unit's kinds (built-in or its own) as a new kind of the unit, version 1,
 * named `{base}-copy-{random}` and labelled "… (copy)". Business support and managers of the unit.
 */
export async function copyMeetingKind(props: {
	db: Database;
	viewer: Viewer;
	from: string;
}): Promise<UnitMeetingKind> {
	const { db, viewer } = props;
	const unitId = shaperOf(viewer);
	const source = await unitMeetingKind({ db, unitId, kindId: props.from });
	if (!source) throw badInput('from', 'Choose one of your unit’s kinds of meeting to copy.');
	// Its own name: the base kind and a random part, so no two units' copies share one (an id
	// in another unit's hands then names nothing of theirs, as with every other id).
	const kindId = `${source.baseKind}-copy-${crypto.randomUUID().slice(0, 8)}`;
	const definition: MeetingTemplate = {
		...source.template,
		label: `${source.template.label} (copy)`.slice(0, 200)
	};
	const [row] = await db
		.insert(meetingKindVersions)
		.values({
			unitId,
			kindId,
			baseKind: source.baseKind,
			version: 1,
			definition,
			createdBy: viewer.id
		})
		.returning();
	await audit({
		db,
		userId: viewer.id,
		action: 'meeting-kind-copied',
		targetType: 'unit',
		targetId: unitId,
		detail: { kindId, from: props.from, version: 1 }
	});
	return storedKind(row);
}

/**
 * Saves new words for one of the unit's own kinds as its next version (earlier meetings keep
 * theirs). 400 with every problem (`details.errors` by field, the first as the message) for a definition
 * `checkKindDefinition` refuses, or for a built-in kind (copy it first); 404 for a kind that is
 * not the unit's.
 */
export async function saveMeetingKind(props: {
	db: Database;
	viewer: Viewer;
	kindId: string;
	definition: unknown;
}): Promise<UnitMeetingKind> {
	const { db, viewer, kindId } = props;
	const unitId = shaperOf(viewer);
	if (isBuiltIn(kindId))
		throw badInput('kind', 'A built-in kind stays as it is: copy it, then change the copy.');
	const current = await unitMeetingKind({ db, unitId, kindId });
	if (!current) throw new CommandError(404, 'Not found');
	const checked = checkKindDefinition(props.definition, templateFor(current.baseKind));
	if (!checked.ok) {
		// Every field's problem (the JSON edge answers them all as `errors`), the first as the message.
		const errors: Record<string, string> = {};
		for (const p of checked.problems) errors[p.field] ??= p.message;
		const [first] = checked.problems;
		throw new CommandError(400, first.message, first.field, { errors });
	}
	const version = current.version + 1;
	const [row] = await db
		.insert(meetingKindVersions)
		.values({
			unitId,
			kindId,
			baseKind: current.baseKind,
			version,
			definition: checked.template,
			createdBy: viewer.id
		})
		.returning();
	await audit({
		db,
		userId: viewer.id,
		action: 'meeting-kind-saved',
		targetType: 'unit',
		targetId: unitId,
		detail: { kindId, version }
	});
	return storedKind(row);
}

/** The contract's view of a kind (`GET /api/meeting-kinds`). */
export function meetingKindSummary(kind: UnitMeetingKind) {
	return {
		id: kind.id,
		label: kind.template.label,
		version: kind.version,
		sections: kind.template.sections.map((s) => ({
			id: s.key,
			title: s.title,
			restricted: s.restrictedAllowed === true
		}))
	};
}
