/**
 * The meeting room's view of a child's risk history: fetched once from the server
 * (`GET /api/children/{childId}/risk-history`), with this meeting's live scores put in its place
 * on every change, so the plots move as scores are given.
 */
import { withMeeting, type ChildRiskHistory, type MeetingScores } from '$lib/risk';
import { todayIn } from '$lib/domain/calendar-date';
import type { MeetingKind } from '$lib/domain/vocabulary';

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
					const response = await fetcher(
						`/api/children/${encodeURIComponent(childId)}/risk-history`,
						{ headers: { accept: 'application/json' } }
					);
					if (!response.ok)
						throw new Error(`The history could not be loaded (${response.status}).`);
					this.histories[childId] = (await response.json()) as ChildRiskHistory;
				} catch (error) {
					this.problem =
						error instanceof Error ? error.message : 'The history could not be loaded.';
				}
			})
		);
	}

	/** The child's history with this meeting's live record in place of what the server knew. */
	withLive(child: { id: string; name: string }, live: LiveScores): ChildRiskHistory {
		const base = this.histories[child.id] ?? {
			childId: child.id,
			childName: child.name,
			meetings: [],
			concerns: []
		};
		const known = base.meetings.find((m) => m.id === live.meetingId);
		return withMeeting(base, {
			meeting: {
				id: live.meetingId,
				date: known?.date ?? todayIn(),
				kind: known?.kind ?? live.kind ?? 'initial-conference',
				live: live.live ?? true
			},
			concerns: live.concerns,
			ratings: live.ratings,
			participants: live.participants
		});
	}
}

/**
 * The plots a meeting view draws: each child's history from the server with this meeting's live
 * scores in place, re-derived whenever the record changes. `props` is read lazily, so a
 * component passes a getter over its props.
 */
export class LiveRiskPlots {
	readonly #risk = new RiskHistories();
	readonly #props: () => { children: readonly { id: string; name: string }[]; live: LiveScores };
	readonly #plotted = $derived.by(() => {
		const { children, live } = this.#props();
		return Object.fromEntries(
			children.map((child) => [child.id, this.#risk.withLive(child, live)])
		);
	});

	constructor(
		props: () => { children: readonly { id: string; name: string }[]; live: LiveScores }
	) {
		this.#props = props;
	}

	/** Fetches each child's history; call once the view is mounted. */
	load(): Promise<void> {
		return this.#risk.load(this.#props().children.map((c) => c.id));
	}

	/** One concern's plot for one child, or undefined before its history is known. */
	plotOf(childId: string, concernId: string) {
		return this.#plotted[childId]?.concerns.find((c) => c.concernId === concernId);
	}

	/** One child's whole history (for an overview of all their concerns). */
	childPlot(childId: string): ChildRiskHistory | undefined {
		return this.#plotted[childId];
	}
}
