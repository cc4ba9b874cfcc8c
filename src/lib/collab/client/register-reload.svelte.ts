import { invalidateAll } from '$app/navigation';
import type { MeetingSession } from './meeting-session.svelte';

/**
 * Reloads the page's data (the register and the quorum) whenever someone takes the register,
 * which the session hears as a new stamp; at most one needless reload, when an earlier stamp is
 * first seen on connecting. Call it while a component starts; `saved` is for the screen that
 * took the register itself: it tells the others and reloads its own data once.
 */
export function reloadOnRegister(session: MeetingSession): { saved(): Promise<void> } {
	let seen = 0;
	$effect(() => {
		const stamp = session.registerStamp;
		if (stamp !== seen) {
			seen = stamp;
			void invalidateAll();
		}
	});
	return {
		async saved() {
			session.announceRegister();
			seen = session.registerStamp;
			await invalidateAll();
		}
	};
}
