import { describe, expect, it } from 'vitest';
import { parseNamedAddress, readUnitAddArguments } from './arguments';

describe('npm run unit:add arguments', () => {
	it('reads the unit and its administrator', () => {
		expect(
			readUnitAddArguments([
				'--name',
				'Northfield Safeguarding Unit',
				'--admin',
				'Alex Morgan <alex.morgan@northfield.gov.uk>'
			])
		).toEqual({
			kind: 'add',
			name: 'Northfield Safeguarding Unit',
			admin: { name: 'Alex Morgan', email: 'alex.morgan@northfield.gov.uk' },
			existing: false
		});
		expect(readUnitAddArguments(['--name=North', '--admin="A Person" <a@b.test>'])).toEqual({
			kind: 'add',
			name: 'North',
			admin: { name: 'A Person', email: 'a@b.test' },
			existing: false
		});
		expect(readUnitAddArguments(['--existing', '--name=North', '--admin=A <a@b.test>'])).toEqual({
			kind: 'add',
			name: 'North',
			admin: { name: 'A', email: 'a@b.test' },
			existing: true
		});
	});

	it('asks for help', () => {
		expect(readUnitAddArguments(['--help'])).toEqual({ kind: 'help' });
		expect(readUnitAddArguments(['-h', '--name', 'x'])).toEqual({ kind: 'help' });
	});

	it('says in one line what is wrong', () => {
		const wrong = (argv: string[]) => {
			const read = readUnitAddArguments(argv);
			expect(read.kind).toBe('wrong');
			const problem = (read as { problem: string }).problem;
			expect(problem).not.toContain('\n');
			return problem;
		};
		expect(wrong([])).toMatch(/name of the unit with --name/);
		expect(wrong(['--name', '  '])).toMatch(/--name/);
		expect(wrong(['--name', 'North'])).toMatch(/administrator with --admin/);
		expect(wrong(['--name', 'North', '--admin', 'alex@north.test'])).toMatch(/angle brackets/);
		expect(wrong(['--name', 'North', '--admin', '<alex@north.test>'])).toMatch(/angle brackets/);
		expect(wrong(['--name', 'North', '--unit', 'x'])).toMatch(/--unit.*--help/);
		expect(wrong(['--name', 'North', 'stray'])).toMatch(/--help/);
		expect(wrong(['--name'])).toMatch(/--help/);
	});

	it('splits a named address', () => {
		expect(parseNamedAddress(' Dr Jo  Reid < jo@x.test > ')).toEqual({
			name: 'Dr Jo  Reid',
			email: 'jo@x.test'
		});
		expect(parseNamedAddress('Jo <a b@x.test>')).toBeNull();
		expect(parseNamedAddress('Jo <<jo@x.test>>')).toBeNull();
	});
});
