import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addConcern, concernText, readRecord } from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import { carryOver } from './server-writes';

describe('a review’s pre-fill', () => {
	it('copies the open cards’ text fields as shared text, from older plain-string cards too', () => {
		const previous = new Y.Doc();
		addConcern(previous, {
			id: 'shared',
			childId: 'c1',
			title: 'Late for school',
			dayToDay: 'Misses breakfast.',
			raisedInMeetingId: 'm0'
		});
		previous.transact(() => {
			const card = new Y.Map<unknown>();
			for (const [key, value] of Object.entries({
				id: 'plain',
				childId: 'c1',
				title: 'No winter coat',
				dayToDay: '',
				impactNow: 'Cold at playtime.',
				impactLater: '',
				childSays: '',
				safetyGoal: '',
				status: 'open',
				raisedInMeetingId: null
			})) {
				card.set(key, value);
			}
			previous.getArray(roots.concerns).push([card]);
		});
		const review = new Y.Doc();
		expect(carryOver({ doc: review, previous, previousMeetingId: 'm1' })).toBe(true);
		expect(readRecord(review, []).concerns).toEqual([
			expect.objectContaining({
				id: 'shared',
				title: 'Late for school',
				dayToDay: 'Misses breakfast.',
				raisedInMeetingId: 'm0'
			}),
			expect.objectContaining({
				id: 'plain',
				title: 'No winter coat',
				impactNow: 'Cold at playtime.',
				raisedInMeetingId: 'm1'
			})
		]);
		for (const id of ['shared', 'plain']) {
			for (const field of ['title', 'impactNow'] as const)
				expect(concernText(review, id, field)).toBeInstanceOf(Y.Text);
		}
		// A copy, not the previous record's own types: editing the review leaves the previous one alone.
		(concernText(review, 'shared', 'title') as Y.Text).insert(0, 'Still ');
		expect(readRecord(previous, []).concerns[0].title).toBe('Late for school');
	});
});
