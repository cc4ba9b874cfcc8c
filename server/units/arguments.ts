/**
 * The arguments of `npm run unit:add` (server/units/cli.ts), read without touching the database:
 * a usage request, the unit to add, or one line saying what is wrong with them.
 */
import { parseArgs } from 'node:util';

export const UNIT_ADD_USAGE = [
	'Adds a safeguarding unit and its first administrator (a manager of that unit), and prints',
	"the administrator's set-up link. Uses the configured database (DATABASE_URL or DATA_DIR).",
	'',
	'Usage:',
	'  npm run unit:add -- --name "Northfield Safeguarding Unit" --admin "Alex Morgan <alex.morgan@northfield.gov.uk>"',
	'',
	'  npm run unit:add -- --existing --name "Unit set up at /setup" --admin "Full Name <email>"',
	'',
	'Options:',
	'  --name      the name of the unit, as its people will see it',
	'  --admin     the first administrator, as "Full Name <email address>"',
	'  --existing  give a unit that already exists (set up at /setup) its first manager',
	'  --help      shows this'
].join('\n');

export type UnitAddArguments =
	| { kind: 'help' }
	| { kind: 'add'; name: string; admin: { name: string; email: string }; existing: boolean }
	| { kind: 'wrong'; problem: string };

/** "Full Name <name@example.org>" as its two parts, or null. */
export function parseNamedAddress(text: string): { name: string; email: string } | null {
	const match = /^\s*([^<>]*?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(text);
	if (!match) return null;
	const name = match[1].replace(/^"(.*)"$/, '$1').trim();
	return name ? { name, email: match[2] } : null;
}

/** Reads the command's arguments (without `node` and the script). */
export function readUnitAddArguments(argv: readonly string[]): UnitAddArguments {
	let values: { name?: string; admin?: string; existing?: boolean; help?: boolean };
	try {
		({ values } = parseArgs({
			args: [...argv],
			options: {
				name: { type: 'string' },
				admin: { type: 'string' },
				existing: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			},
			strict: true,
			allowPositionals: false
		}));
	} catch (error) {
		const why = (error as Error).message.split('\n')[0].replace(/\.$/, '');
		return { kind: 'wrong', problem: `${why}. Run with --help to see how to use it.` };
	}
	if (values.help) return { kind: 'help' };
	if (!values.name?.trim())
		return {
			kind: 'wrong',
			problem:
				'Give the name of the unit with --name "…" (for example --name "Northfield Safeguarding Unit").'
		};
	if (!values.admin?.trim())
		return {
			kind: 'wrong',
			problem:
				'Give the first administrator with --admin "Full Name <email address>" (for example --admin "Alex Morgan <alex.morgan@northfield.gov.uk>").'
		};
	const admin = parseNamedAddress(values.admin);
	if (!admin)
		return {
			kind: 'wrong',
			problem:
				'Write the administrator as "Full Name <email address>", with the address in angle brackets (for example "Alex Morgan <alex.morgan@northfield.gov.uk>").'
		};
	return { kind: 'add', name: values.name.trim(), admin, existing: values.existing === true };
}
