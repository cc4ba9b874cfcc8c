import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			/** The stored session id (a hash), for sign-out. */
			sessionId: string | null;
		}
		interface Error {
			message: string;
			/** Quoted to support so a failure can be found in the logs without personal data. */
			reference?: string;
		}
	}
}

export {};
