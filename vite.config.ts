import { sveltekit } from '@sveltejs/kit/vite';
import { build as esbuild } from 'esbuild';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

type CollabUpgrade = (
	request: import('node:http').IncomingMessage,
	socket: import('node:stream').Duplex,
	head: Buffer
) => void;

/**
 * Attaches the collaboration socket to the dev server's HTTP server, exactly as
 * server/index.ts does in production, so dev and production behave alike.
 * The module is loaded through Vite so it shares SvelteKit's module graph (one record store and
 * one database for the pages and the socket). The server is kept here, made once: Vite may load
 * the module again after an edit, and a second server would not see the first one's sockets.
 */
function collaborationSocket(): Plugin {
	let collabServer: Promise<{ handleUpgrade: CollabUpgrade }> | undefined;
	return {
		name: 'roundtable-collaboration-socket',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return; // leave Vite's HMR socket alone
				try {
					collabServer ??= server
						.ssrLoadModule('/server/collab/index.ts')
						.then((mod) => mod.sharedCollabServer());
					const collab = await collabServer.catch((error: unknown) => {
						collabServer = undefined; // try again with the next upgrade
						throw error;
					});
					collab.handleUpgrade(request, socket, head);
				} catch (error) {
					console.error('collaboration socket failed to load:', (error as Error).message);
					socket.destroy();
				}
			});
		}
	};
}

/**
 * The server's own entries compiled at build time into build/roundtable/ (after adapter-node has
 * written build/, which it empties first): `npm start`, `npm run demo` and the browser tests'
 * servers run this JavaScript, not TypeScript compiled by tsx at every start. Our modules are
 * bundled (ES modules, shared code split into chunks); every package stays external and is
 * loaded from node_modules as it is. The worker threads' plain .mjs files are found on disk.
 */
function compiledServer(): Plugin {
	let ssrBuild = false;
	return {
		name: 'roundtable-compiled-server',
		apply: 'build',
		configResolved(config) {
			ssrBuild = Boolean(config.build.ssr);
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (!ssrBuild) return;
				await esbuild({
					entryPoints: {
						start: 'server/start.ts',
						demo: 'server/demo.ts',
						'e2e-serve': 'tests/e2e/serve.ts',
						'e2e-serve-empty': 'tests/e2e/serve-empty.ts'
					},
					outdir: 'build/roundtable',
					bundle: true,
					splitting: true,
					format: 'esm',
					platform: 'node',
					target: 'node20',
					packages: 'external',
					chunkNames: 'chunks/[name]-[hash]',
					logLevel: 'warning'
				});
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), collaborationSocket(), compiledServer()],
	test: {
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Two projects: the pure unit tests beside the code run in parallel and first; the
		// integration files (tests/integration and any `*.db.test.ts` beside the code, which
		// open a real database) run two at a time after them, each file on its own database
		// (tests/setup/worker-database.ts). src/lib/test-layout.test.ts keeps files in their place.
		// Neither project isolates its files: a worker imports the app's modules once and runs
		// file after file in them (no test mocks a module or stubs a global; each integration file
		// makes its own database), which cut the integration project's import and set-up time from
		// about 180 to 30 worker-seconds and the unit project's CPU by half (docs/testing.md).
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
					exclude: ['**/*.db.test.ts'],
					isolate: false,
					sequence: { groupOrder: 0 }
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: [
						'tests/integration/**/*.test.ts',
						'src/**/*.db.test.ts',
						'server/**/*.db.test.ts'
					],
					setupFiles: ['tests/setup/worker-database.ts'],
					globalSetup: ['tests/setup/template-database.ts'],
					maxWorkers: 2,
					isolate: false,
					sequence: { groupOrder: 1 }
				}
			}
		],
		// CI adds a JSON report so .ci/run can print one closing line of counts.
		reporters: process.env.CI_REPORT_DIR
			? [
					'default',
					[
						'json',
						{
							outputFile: `${process.env.CI_REPORT_DIR}/vitest-${process.env.CI_REPORT_SUFFIX ?? 'main'}.json`
						}
					]
				]
			: ['default']
	}
});
