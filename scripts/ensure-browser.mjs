// Before the browser tests: make sure the Chromium they drive (and a font for it to draw text
// with) is on this machine. Like Playwright's own `install --with-deps`: as root on Debian or
// Ubuntu the missing packages are installed, with a line saying so; anywhere else the command
// stops with one line saying exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

// The same choice as tests/e2e/browser.ts: CHROMIUM_PATH, else Debian's headless shell, else its
// full Chromium; when neither is there, the shell is installed.
const shell = '/usr/bin/chromium-headless-shell';
const full = '/usr/bin/chromium';
const browser =
	process.env.CHROMIUM_PATH ?? (existsSync(shell) || !existsSync(full) ? shell : full);
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const missing = [];
if (!existsSync(browser)) {
	if (process.env.CHROMIUM_PATH) {
		console.error(
			`The browser tests need Chromium at CHROMIUM_PATH=${browser}, which does not exist: fix the path or unset it.`
		);
		process.exit(1);
	}
	missing.push('chromium-headless-shell');
}
if (!existsSync(font)) missing.push('fonts-dejavu-core');
if (missing.length === 0) process.exit(0);

const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const debianLike =
	/^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease) && existsSync('/usr/bin/apt-get');
const root = typeof process.getuid === 'function' && process.getuid() === 0;

if (!debianLike || !root) {
	const how = debianLike
		? `sudo apt-get install -y ${missing.join(' ')}`
		: `install ${missing.join(' and ')} (Debian package names), or set CHROMIUM_PATH to a Chromium`;
	console.error(
		`The browser tests need ${missing.join(' and ')}, which this machine lacks: ${how}, then run npm test again.`
	);
	process.exit(1);
}

console.log(
	`Installing Debian's ${missing.join(' and ')} for the browser tests (apt-get, as Playwright's install --with-deps would)…`
);
const apt = (args) =>
	execFileSync('apt-get', args, {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
try {
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', ...missing]);
} catch {
	console.error(
		`Installing ${missing.join(' and ')} failed: run apt-get install -y ${missing.join(' ')} by hand, then npm test again.`
	);
	process.exit(1);
}
if (!existsSync(browser)) {
	console.error(
		`apt-get installed chromium-headless-shell but ${browser} is still missing: set CHROMIUM_PATH to the browser.`
	);
	process.exit(1);
}
