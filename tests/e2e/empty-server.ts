/** Where the browser tests' second server listens: the app on an empty database (serve-empty.ts). */
export const emptyServerPort = Number(
	process.env.E2E_EMPTY_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 1
);
export const emptyServerURL = `http://127.0.0.1:${emptyServerPort}`;
