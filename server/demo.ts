/**
 * `npm run demo` (scripts/demo.mjs builds the app first if it is missing or older than its
 * sources, then runs this file as compiled into build/roundtable/demo.js): loads the demo data
 * into the database (embedded by default, on its worker thread) and starts the server.
 */
import { sharedDatabase } from '../src/lib/server/db';
import { seedDemo, demoLogins, DEMO_PASSWORD } from './seed/demo';
import { main } from './index';

try {
	const { db } = await sharedDatabase({ offTheEventLoop: true });
	// With a generated year of the unit's work, so the oversight pages are never empty.
	const { created } = await seedDemo({ db, year: true });
	console.log(created ? 'Loaded the demo data.' : 'Demo data already loaded.');
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
await main();
console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
for (const login of demoLogins) console.log(`  ${login.email.padEnd(26)} ${login.role}`);
