/** Where to go after signing in: only a same-site path, so a link cannot send someone elsewhere. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/meetings';
}
