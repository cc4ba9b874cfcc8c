/**
 * The meeting room's view of a child's risk history: fetched once from the server
 * (`GET /api/children/{childId}/risk-history`), with this meeting's live scores put in its place
 * on every change, so the plots move as scores are given.
 */
import { withMeeting, type ChildRiskHistory, type MeetingScores } from '$lib/risk';
import { calendarDateOf } from '$lib/domain/calendar-date';
import type { MeetingKind } from '$lib/server/db/schema/meetings';

/** This meeting's live record, as the plot needs it. */
export interface LiveScores {
	meetingId: string;
	/** The meeting's kind, when the view knows it (else taken from the server's history). */
	kind?: MeetingKind;
	/** False once the meeting has ended (its point is no longer "now"). */
	live?: boolean;
	concerns: MeetingScores['concerns'];
	ratings: MeetingScores['ratings'];
	participants: MeetingScores['participants'];
}

export class RiskHistories {
	/** childId → the history from the server (earlier meetings). */
	histories = $state<Record<string, ChildRiskHistory>>({});
	problem = $state<string | null>(null);

	/** Loads each child's history once; a failure leaves the live meeting's plot alone. */
	async load(childIds: readonly string[], fetcher: typeof fetch = fetch): Promise<void> {
		await Promise.all(
			childIds.map(async (childId) => {
				try {
					const response = await fetcher(`/api/children/${encodeURIComponent(childId)}/risk-history`, { headers: { accept: 'application/json' } });
					if (!response.ok) throw new Error(`The history could not be loaded (${response.status}).`);
					this.histories[childId] = (await response.json()) as ChildRiskHistory;
				} catch (error) {
					this.problem = error instanceof Error ? error.message : 'The history could not be loaded.';
				}
			})
		);
	}

	/** The child's history with this meeting's live record in place of what the server knew. */
	withLive(child: { id: string; name: string }, live: LiveScores): ChildRiskHistory {
		const base = this.histories[child.id] ?? { childId: child.id, childName: child.name, meetings: [], concerns: [] };
		const known = base.meetings.find((m) => m.id === live.meetingId);
		return withMeeting(base, {
			meeting: { id: live.meetingId, date: known?.date ?? calendarDateOf(new Date()), kind: known?.kind ?? live.kind ?? 'initial-conference', live: live.live ?? true },
			concerns: live.concerns,
			ratings: live.ratings,
			participants: live.participants
		});
	}
}
