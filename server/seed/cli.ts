/** `npm run seed`: loads the demo data into the configured database (DATABASE_URL or DATA_DIR) and exits. */
import { closeSharedDatabase, sharedDatabase } from '../../src/lib/server/db';
import { seedDemo } from './demo';

try {
	const { db } = await sharedDatabase();
	const { created } = await seedDemo({ db });
	console.log(
		created ? 'Loaded the demo data.' : 'Demo data already loaded; added anything missing.'
	);
	await closeSharedDatabase();
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
