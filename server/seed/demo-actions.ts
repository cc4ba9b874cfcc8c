/**
 * The demo's plan between meetings: the first child in need review's actions for Chrissie,
 * written from its record as End meeting writes them, with the progress their owners have
 * marked since (the breakfast club is done; Mum's alarms are under way). Loading again changes
 * nothing already written or marked.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { planActions } from '../../src/lib/server/db/schema';
import { readStoredRecord } from '../../src/lib/server/records';
import { writePlanActions } from '../../src/lib/server/actions/commands/write-plan-actions';
import { demoIds } from './demo-ids';

const progress: { match: RegExp; state: 'done' | 'in-progress'; note: string }[] = [
	{
		match: /breakfast club/i,
		state: 'done',
		note: 'Chrissie has had breakfast at school every day since.'
	},
	{ match: /alarms/i, state: 'in-progress', note: 'Late twice last week; better than before.' }
];

export async function seedDemoActions(props: { db: Database; today: Date }): Promise<void> {
	const { db } = props;
	const meetingId = demoIds.cinReviewFirst;
	const main = await readStoredRecord({ db, meetingId });
	try {
		await writePlanActions({ db, meetingId, main });
	} finally {
		main.destroy();
	}
	const rows = await db.select().from(planActions).where(eq(planActions.meetingId, meetingId));
	for (const row of rows) {
		const mark = progress.find((p) => p.match.test(row.text));
		if (!mark) continue;
		await db
			.update(planActions)
			.set({
				state: mark.state,
				note: mark.note,
				updatedBy: row.ownerId,
				updatedAt: new Date(props.today.getTime() - 3 * 24 * 60 * 60 * 1000)
			})
			.where(and(eq(planActions.id, row.id), isNull(planActions.updatedAt)));
	}
}
