/**
 * `npm run unit:add -- --name "…" --admin "Full Name <email>"`: adds a unit and its first
 * administrator on the configured database (DATABASE_URL or DATA_DIR, migrations applied as at
 * start-up) and prints the administrator's set-up link. Wrong arguments: one line and exit
 * code 2; a refusal (a unit of that name): one line and exit code 1.
 */
import { readUnitAddArguments, UNIT_ADD_USAGE } from './arguments';

const read = readUnitAddArguments(process.argv.slice(2));
if (read.kind === 'help') {
	console.log(UNIT_ADD_USAGE);
	process.exit(0);
}
if (read.kind === 'wrong') {
	console.error(read.problem);
	process.exit(2);
}

const { closeSharedDatabase, sharedDatabase } = await import('../../src/lib/server/db');
const { addUnit, addUnitInput } = await import('../../src/lib/server/units/add-unit');
const { calendarDateOf, formatCalendarDate } = await import('../../src/lib/domain/calendar-date');

// Input the unit cannot have (a name too long, an address that is not one) is a wrong
// argument too (exit 2), found before the database is opened.
const checked = addUnitInput.safeParse({ name: read.name, admin: read.admin });
if (!checked.success) {
	console.error(checked.error.issues[0].message);
	process.exit(2);
}

try {
	const { db } = await sharedDatabase();
	const added = await addUnit({ db, unit: checked.data, existing: read.existing });
	await closeSharedDatabase();
	if (!added.ok) {
		console.error(added.problem);
		process.exit(1);
	}
	console.log(
		[
			read.existing
				? `Added ${checked.data.admin.name} as a manager of the unit "${checked.data.name}".`
				: `Added the unit "${checked.data.name}" and its administrator, ${checked.data.admin.name} (a manager of the unit).`,
			`Send them this set-up link; it works once, until ${formatCalendarDate(calendarDateOf(added.expiresAt))}:`,
			added.inviteUrl
		].join('\n')
	);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
