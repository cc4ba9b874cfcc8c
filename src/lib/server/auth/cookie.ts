import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from './session';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(props: {
	cookies: Cookies;
	token: string;
	secure: boolean;
}): void {
	props.cookies.set(SESSION_COOKIE, props.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: props.secure,
		maxAge: SESSION_LIFETIME_MS / 1000
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
