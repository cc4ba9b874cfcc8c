/**
 * Runs the beforeApply checks over one incoming update, in the assembly's order: the first
 * refusal ends the judgement, and nothing of the update is applied (Yjs clocks must stay
 * contiguous, so there is no partial acceptance). A check that waited (the binding step) may
 * find its socket closed or its channel unloaded meanwhile: then the judgement is `gone`.
 */
import type { AcceptedUpdate, CheckVerdict, UpdateCheck, UpdateContext } from './hooks';

export type Judgement =
	| { outcome: 'apply'; accepted: AcceptedUpdate }
	| { outcome: 'refuse'; verdict: Extract<CheckVerdict, { ok: false }> }
	| { outcome: 'gone' };

export async function judgeUpdate(props: {
	checks: readonly UpdateCheck[];
	context: Omit<UpdateContext, 'accepted'>;
	/** False once the socket closed or left this channel while a check waited. */
	stillCurrent: () => boolean;
}): Promise<Judgement> {
	let context: UpdateContext = { ...props.context, accepted: null };
	for (const step of props.checks) {
		const pending = step.check(context);
		const verdict = pending instanceof Promise ? await pending : pending;
		if (pending instanceof Promise && !props.stillCurrent()) return { outcome: 'gone' };
		if (!verdict.ok) return { outcome: 'refuse', verdict };
		if (verdict.accepted) context = { ...context, accepted: verdict.accepted };
	}
	if (!context.accepted) throw new Error('no check accepted the update: the gate must come first');
	return { outcome: 'apply', accepted: context.accepted };
}
