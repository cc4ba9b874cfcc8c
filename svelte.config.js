import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content-Security-Policy of every page (docs/security.md, "Headers"). SvelteKit adds a
 * nonce (a hash on prerendered pages) for its own inline start-up script, so no other inline
 * script runs. Style attributes are allowed (`style-src-attr 'unsafe-inline'`) because the
 * risk plots — on pages and inside documents already stored — size their SVG with one, and an
 * attribute cannot select or load anything; `<style>` elements still need SvelteKit's nonce or a
 * hash: the one hash allowed is Tiptap's own base stylesheet (@tiptap/core 3.31.3 injects it
 * into every editor page; tests/e2e/live-record.spec.ts fails, naming the new hash, if it changes).
 * `connect-src 'self'` covers the collaboration socket: CSP Level 3 matches ws:/wss: on the
 * page's own host and port with 'self'.
 */
/** @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']} */
export const contentSecurityPolicy = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='],
	'style-src-attr': ['unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Forms post from the same origin only; the socket checks Origin itself.
		csrf: { trustedOrigins: [] },
		csp: { mode: 'auto', directives: contentSecurityPolicy }
	}
};

export default config;
