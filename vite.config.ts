import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin, ViteDevServer } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Attaches the collaboration socket to the dev server's HTTP server, exactly as
 * server/index.ts does in production, so dev and production behave alike.
 * The module is loaded through Vite so it shares SvelteKit's module graph.
 */
function collaborationSocket(): Plugin {
	return {
		name: 'roundtable-collaboration-socket',
		configureServer(server: ViteDevServer) {
			server.httpServer?.on('upgrade', async (request, socket, head) => {
				if (!request.url?.startsWith('/collab/')) return; // leave Vite's HMR socket alone
				try {
					const mod = await server.ssrLoadModule('/server/collab/index.ts');
					const collab = await mod.sharedCollabServer();
					collab.handleUpgrade(request, socket, head);
				} catch (error) {
					console.error('collaboration socket failed to load:', (error as Error).message);
					socket.destroy();
				}
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), collaborationSocket()],
	test: {
		include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: false,
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
