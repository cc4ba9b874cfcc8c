/**
 * From "End meeting" to every document stored, for a conference about three children with
 * twelve participants (DESIGN §6: under 2 s).
 *   node --import tsx bench/end-meeting.ts      (BENCH_RUNS=7; BENCH_DATABASE_URL for PostgreSQL)
 * Each run seeds a fresh live meeting whose record is filled as a real conference would be —
 * every participant's contribution, restricted passages, nine concern cards scored by all,
 * decisions with reasons per child, the chair's outcomes and a 24-action plan — stored as Yjs
 * updates in the database, as the collaboration server leaves them. It then times the chair's
 * endMeeting command (policy, live → ended, read both documents, generate, render HTML, hash,
 * store, audit) and, as a same-run peer, reading the two stored documents alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase, type Database } from '../src/lib/server/db';
import { collabUpdates } from '../src/lib/server/db/schema';
import { roots } from '../src/lib/collab/roots';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	recordDecision,
	recordOutcome,
	setCoreGroup,
	setPlanField,
	setRating
} from '../src/lib/collab/record-shape';
import { endMeeting } from '../src/lib/server/meetings/commands/end-meeting';
import { readStoredRecord } from '../src/lib/server/records';
import { makeFamily, makeMeeting, makeUnit, makeUser } from '../tests/factories';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const sentence =
	'Since the last visit the home has been calmer and the children have been to school most days, though mornings are still hard and breakfast is often missed.';

function paragraph(doc: Y.Doc, root: string, text: string) {
	const fragment = doc.getXmlFragment(root);
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	fragment.insert(fragment.length, [p]);
}

async function seedConference(db: Database, n: number) {
	const unit = await makeUnit(db, `Bench unit ${n}`);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	const minutes = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Alan Brooks' });
	const pros = [];
	for (let i = 0; i < 8; i++)
		pros.push(await makeUser(db, { role: 'professional', name: `Professional ${i + 1}` }));
	const mum = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	const dad = await makeUser(db, { role: 'parent', name: 'Lee Walker' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker', 'Leo Walker', 'Amy Walker'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: children.map((c) => c.id),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: minutes, role: 'minute-taker' },
			...pros.map((user) => ({ user, role: 'professional' as const })),
			{ user: mum, role: 'parent' },
			{ user: dad, role: 'parent' }
		]
	});
	const participants = made.participants;
	const main = new Y.Doc();
	const restricted = new Y.Doc();
	for (const p of participants)
		for (let i = 0; i < 3; i++) paragraph(main, roots.contribution(p.id), `${p.name}: ${sentence}`);
	for (const key of [
		'welcome',
		'parents-first',
		'child-journey',
		'strengths-worries',
		'decision',
		'summary'
	])
		paragraph(main, roots.section(key), sentence);
	for (const p of participants.filter((x) => x.role === 'professional').slice(0, 3))
		paragraph(
			restricted,
			roots.restricted(p.id),
			'Third-party information that must not reach the family.'
		);
	const concerns = children.flatMap((c) =>
		[1, 2, 3].map((k) =>
			addConcern(main, {
				childId: c.id,
				title: `${c.name}: worry ${k}`,
				dayToDay: sentence,
				impactNow: sentence,
				impactLater: sentence,
				childSays: 'I like school.'
			})
		)
	);
	for (const p of participants)
		for (const [i, concern] of concerns.entries())
			setRating(main, p.id, concern, (i + p.id.length) % 11);
	for (const p of participants.filter((x) => x.role === 'professional')) {
		for (const c of children)
			recordDecision(main, p.id, {
				childId: c.id,
				recommendation: p.name.endsWith('8') ? 'no-plan' : 'plan',
				reason: 'The children miss school and meals and the home is not yet safe enough.'
			});
	}
	for (const c of children) {
		recordOutcome(main, {
			childId: c.id,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The children miss school and meals most weeks.'
		});
		for (let o = 0; o < 2; o++) {
			const outcome = addPlanOutcome(main, {
				childId: c.id,
				text: `${c.name} outcome ${o + 1}`,
				concernId: null
			});
			for (let a = 0; a < 4; a++)
				addPlanAction(main, {
					outcomeId: outcome,
					what: `Action ${a + 1} for ${c.name}`,
					who: `Professional ${a + 1}`,
					byWhen: `2027-02-0${a + 1}`
				});
		}
	}
	setCoreGroup(
		main,
		participants.slice(2, 8).map((p) => p.name)
	);
	setPlanField(main, 'leadSocialWorker', 'Professional 1');
	setPlanField(main, 'firstCoreGroup', '2027-01-18');
	setPlanField(main, 'reviewDate', '2027-04-05');
	setPlanField(
		main,
		'contingency',
		'If things do not improve the local authority will seek legal advice.'
	);
	await db.insert(collabUpdates).values([
		{ meetingId: made.meeting.id, document: 'main', update: Y.encodeStateAsUpdate(main) },
		{
			meetingId: made.meeting.id,
			document: 'restricted',
			update: Y.encodeStateAsUpdate(restricted)
		}
	]);
	main.destroy();
	restricted.destroy();
	return { meetingId: made.meeting.id, chair };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
	const url = process.env.BENCH_DATABASE_URL;
	const dataDir = url ? null : mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-end-'));
	const handle = await openDatabase(
		url ? { url, migrationsDir: 'drizzle' } : { dataDir: dataDir!, migrationsDir: 'drizzle' }
	);
	const { db } = handle;
	const ends: number[] = [];
	const reads: number[] = [];
	try {
		for (let run = 0; run <= RUNS; run++) {
			const { meetingId, chair } = await seedConference(db, run);
			let t = performance.now();
			const [a, b] = await Promise.all([
				readStoredRecord({ db, meetingId }),
				readStoredRecord({ db, meetingId, channel: 'restricted' })
			]);
			const read = performance.now() - t;
			a.destroy();
			b.destroy();
			t = performance.now();
			const { documents } = await endMeeting({
				db,
				user: {
					id: chair.id,
					name: chair.name,
					email: chair.email,
					role: chair.role,
					unitId: chair.unitId,
					agencyId: chair.agencyId
				},
				meetingId,
				// The bench's meeting has no register or agencies: end it all the same, as a chair may.
				confirmation: { reason: 'A benchmark run: no register was taken.' }
			});
			const end = performance.now() - t;
			if (documents.length !== 3) throw new Error(`expected 3 documents, got ${documents.length}`);
			// The first run warms up the module and query caches.
			if (run > 0) {
				ends.push(end);
				reads.push(read);
			}
			console.log(
				`run ${run}${run === 0 ? ' (warm-up)' : ''}: end meeting ${ms(end)}; read the record ${ms(read)}`
			);
		}
		console.log(
			`\nmedian of ${RUNS}: end meeting → 3 documents stored ${ms(median(ends))} (max ${ms(Math.max(...ends))}); reading the record alone ${ms(median(reads))}`
		);
		console.log(
			`database: ${url ? 'PostgreSQL' : 'PGlite (embedded)'}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`
		);
	} finally {
		await handle.close();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
