/**
 * The plan between meetings (the "tracker card"): each action of a meeting's plan, its owner's
 * progress on it, and how a family reads that progress. Pure: no database, no Svelte.
 */
import { compareDates, type CalendarDate } from './calendar-date';
import { dateInWords } from './plain-words';

/** Where an action stands; the owner (or the chair) moves it between meetings. */
export const actionStates = ['not-started', 'in-progress', 'done', 'stuck'] as const;
export type ActionState = (typeof actionStates)[number];

export const actionStateLabel: Record<ActionState, string> = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	done: 'Done',
	stuck: 'Stuck'
};

/** Late: not done and its date has passed (a date that is not a date is never late). */
export function isActionLate(
	action: { state: ActionState; dueBy: CalendarDate | null },
	today: CalendarDate
): boolean {
	return action.state !== 'done' && action.dueBy !== null && compareDates(action.dueBy, today) < 0;
}

/**
 * An action's progress in plain words for a family: "Sam has done this", "Sam is working on
 * this", "Sam is stuck with this", "Sam has not started this yet", with "— this is late" when
 * its date has passed and it is not done.
 */
export function actionProgressInWords(
	action: { who: string; state: ActionState; dueBy: CalendarDate | null },
	today: CalendarDate
): string {
	const who = action.who.trim() || 'Someone';
	const said: Record<ActionState, string> = {
		done: `${who} has done this`,
		'in-progress': `${who} is working on this`,
		stuck: `${who} is stuck with this`,
		'not-started': `${who} has not started this yet`
	};
	const late = isActionLate(action, today);
	const due =
		action.state === 'done' || !action.dueBy
			? ''
			: late
				? ' — this is late'
				: ` — due ${dateInWords(action.dueBy, today)}`;
	return `${said[action.state]}${due}.`;
}
