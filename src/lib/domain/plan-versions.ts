/**
 * A plan's versions (issue 26): the conference that starts a plan makes version 1 from its
 * record's outcomes and actions; each core group that changes them makes the next, with what
 * changed in words (`planChanges`) and who agreed. Pure: the server stores them.
 */

/** An outcome of the plan, as a version keeps it. */
export interface VersionOutcome {
	id: string;
	childId: string;
	text: string;
	concernId: string | null;
}

/** An action of the plan, as a version keeps it. */
export interface VersionAction {
	id: string;
	outcomeId: string;
	what: string;
	who: string;
	byWhen: string;
}

export interface PlanContent {
	outcomes: VersionOutcome[];
	actions: VersionAction[];
}

/** The plan's content for one child: their outcomes and the actions under them. */
export function planContentFor(
	plan: { outcomes: readonly VersionOutcome[]; actions: readonly (VersionAction & object)[] },
	childId: string
): PlanContent {
	const outcomes = plan.outcomes
		.filter((o) => o.childId === childId)
		.map(({ id, childId: c, text, concernId }) => ({ id, childId: c, text, concernId }));
	const ids = new Set(outcomes.map((o) => o.id));
	const actions = plan.actions
		.filter((a) => ids.has(a.outcomeId))
		.map(({ id, outcomeId, what, who, byWhen }) => ({ id, outcomeId, what, who, byWhen }));
	return { outcomes, actions };
}

/**
 * What changed between two versions, in words, outcomes first then actions ("Added the action
 * “…”", "Removed the outcome “…”", "Changed the action “…”: who, by when"). Empty when nothing did.
 */
export function planChanges(before: PlanContent, after: PlanContent): string[] {
	const changes: string[] = [];
	const quote = (s: string) => `“${s.trim() || '(blank)'}”`;
	const diff = <T extends { id: string }>(
		what: string,
		a: readonly T[],
		b: readonly T[],
		label: (t: T) => string,
		fields: (keyof T)[],
		names: Record<string, string>
	) => {
		const old = new Map(a.map((x) => [x.id, x]));
		const now = new Map(b.map((x) => [x.id, x]));
		for (const x of b)
			if (!old.has(x.id)) changes.push(`Added the ${what} ${quote(label(x))}`);
			else {
				const was = old.get(x.id)!;
				const moved = fields.filter(
					(f) => String(was[f] ?? '').trim() !== String(x[f] ?? '').trim()
				);
				if (moved.length)
					changes.push(
						`Changed the ${what} ${quote(label(was))}: ${moved.map((f) => names[String(f)]).join(', ')}`
					);
			}
		for (const x of a) if (!now.has(x.id)) changes.push(`Removed the ${what} ${quote(label(x))}`);
	};
	diff('outcome', before.outcomes, after.outcomes, (o) => o.text, ['text'], { text: 'its words' });
	diff('action', before.actions, after.actions, (a) => a.what, ['what', 'who', 'byWhen'], {
		what: 'what',
		who: 'who',
		byWhen: 'by when'
	});
	return changes;
}
