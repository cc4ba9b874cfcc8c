import { documentPrintStyles, documentStyles } from '$lib/documents/html';
import type { RequestHandler } from './$types';

/**
 * The document pages' stylesheet, served from our own origin so the Content-Security-Policy
 * needs no inline `<style>` (style-src 'self'). Static text, no personal data: cacheable.
 */
export const GET: RequestHandler = () =>
	new Response(`${documentStyles}${documentPrintStyles}`, {
		headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
