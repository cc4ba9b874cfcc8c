/**
 * The demo's allegations against adults who work with children (issue 25, the LADO's cases):
 * one concluded (a PE teacher, about Chrissie: unsubstantiated within the month), one open about
 * Tyler — in care, placed here by a London borough, not seen by it within three days, with no
 * address recorded for it — and one received yesterday whose initial consideration is still to
 * make. Written after Tyler's own space (he is in care from there). Idempotent: fixed ids.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	allegationChildren,
	allegationEmployerActions,
	allegations,
	children
} from '../../src/lib/server/db/schema';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { considerationDueBy } from '../../src/lib/domain/allegations';
import { demoIds, demoUserIds, id } from './demo-ids';

const DAY = 86_400_000;

export const demoAllegationIds = { concluded: id(601), placedChild: id(602), new: id(603) };

export async function seedDemoAllegations(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	const [existing] = await db
		.select({ id: allegations.id })
		.from(allegations)
		.where(eq(allegations.id, demoAllegationIds.concluded));
	if (existing) return;
	const daysAgo = (days: number, hour = 10) => {
		const at = new Date(today.getTime() - days * DAY);
		at.setUTCHours(hour, 0, 0, 0);
		return at;
	};
	const dayOf = (at: Date) => calendarDateOf(at);
	const concludedReceived = daysAgo(60);
	const placedReceived = daysAgo(6);
	const newReceived = daysAgo(1, 15);
	await db.transaction(async (tx) => {
		// Tyler was placed here by a London borough (the annual report: most such allegations are).
		await tx
			.update(children)
			.set({ placedByAuthority: 'London Borough of Lambeth' })
			.where(eq(children.id, demoIds.tyler));
		await tx.insert(allegations).values([
			{
				id: demoAllegationIds.concluded,
				unitId: demoIds.unit,
				adultName: 'Gary Booth',
				adultRole: 'PE teacher',
				adultEmployer: 'Oakfield Primary School',
				adultSector: 'education',
				nature: 'physical',
				receivedAt: concludedReceived,
				referrerName: 'Mrs Clare Dunn',
				referrerAgency: 'Oakfield Primary School',
				considerationDueBy: considerationDueBy(dayOf(concludedReceived)),
				consideredAt: new Date(concludedReceived.getTime() + 3 * 60 * 60_000),
				thresholdMet: true,
				thresholdReasons:
					'Chrissie says she was grabbed by the arm in a PE lesson and a mark was seen: an allegation of physical harm by an adult working with children.',
				outcome: 'unsubstantiated',
				outcomeReason:
					'The school’s investigation and the strategy meeting found not enough evidence to prove or disprove it; no mark was seen by the school nurse the next day.',
				outcomeAt: daysAgo(38),
				createdBy: demoUserIds.chair
			},
			{
				id: demoAllegationIds.placedChild,
				unitId: demoIds.unit,
				adultName: 'Dean Carter',
				adultRole: 'Residential support worker',
				adultEmployer: 'Brookside Children’s Home',
				adultSector: 'residential-care',
				nature: 'physical',
				receivedAt: placedReceived,
				referrerName: 'Tina Marsh',
				referrerAgency: 'Brookside Children’s Home',
				considerationDueBy: considerationDueBy(dayOf(placedReceived)),
				consideredAt: new Date(placedReceived.getTime() + 5 * 60 * 60_000),
				thresholdMet: true,
				thresholdReasons:
					'Tyler says a member of staff pushed him against a wall during a restraint: the threshold for a strategy discussion is met.',
				createdBy: demoUserIds.chair
			},
			{
				id: demoAllegationIds.new,
				unitId: demoIds.unit,
				adultName: 'Lisa Harper',
				adultRole: 'Nursery practitioner',
				adultEmployer: 'Little Acorns Nursery',
				adultSector: 'early-years',
				nature: 'conduct',
				receivedAt: newReceived,
				referrerName: 'A parent at the nursery',
				referrerAgency: 'Member of the public',
				considerationDueBy: considerationDueBy(dayOf(newReceived)),
				createdBy: demoUserIds.admin
			}
		]);
		await tx.insert(allegationChildren).values([
			{
				allegationId: demoAllegationIds.concluded,
				childId: demoIds.chrissie,
				inCare: false,
				placedByOtherAuthority: false,
				disabled: false
			},
			{
				allegationId: demoAllegationIds.placedChild,
				childId: demoIds.tyler,
				inCare: true,
				placedByOtherAuthority: true,
				disabled: false
			},
			{
				allegationId: demoAllegationIds.new,
				childId: demoIds.amelia,
				inCare: false,
				placedByOtherAuthority: false,
				disabled: false
			}
		]);
		await tx.insert(allegationEmployerActions).values([
			{
				allegationId: demoAllegationIds.concluded,
				action: 'investigation',
				on: dayOf(daysAgo(57)),
				note: 'The head teacher began the school’s own investigation after the strategy meeting.',
				recordedBy: demoUserIds.chair
			},
			{
				allegationId: demoAllegationIds.concluded,
				action: 'no-further-action',
				on: dayOf(daysAgo(40)),
				note: 'The school took no further action once the investigation ended.',
				recordedBy: demoUserIds.chair
			},
			{
				allegationId: demoAllegationIds.placedChild,
				action: 'suspension',
				on: dayOf(daysAgo(5)),
				note: 'The home’s registered manager suspended him pending the police enquiry.',
				recordedBy: demoUserIds.admin
			}
		]);
	});
}
