import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set; else Debian's
 * `chromium-headless-shell` (the same Chromium built for headless use only — what Playwright's
 * own headless mode runs, and about a fifth less CPU per spec than the full browser: see
 * docs/testing.md); else Debian's full `chromium`. `scripts/ensure-browser.mjs` installs the
 * shell when neither is there.
 */
const headlessShellPath = '/usr/bin/chromium-headless-shell';
const fullChromiumPath = '/usr/bin/chromium';

export const chromiumPath =
	process.env.CHROMIUM_PATH ??
	(existsSync(headlessShellPath) || !existsSync(fullChromiumPath)
		? headlessShellPath
		: fullChromiumPath);
