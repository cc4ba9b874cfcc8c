import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('start-up', () => {
	it('stops with one clear line when DATABASE_URL cannot be reached', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env: {
				...process.env,
				DATABASE_URL: 'postgres://nobody:secret-pw@127.0.0.1:1/roundtable',
				PORT: '0'
			},
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		const lines = result.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/roundtable/);
		expect(lines[0]).toMatch(/DATABASE_URL/);
		expect(result.stderr).not.toContain('secret-pw');
	});

	it('stops with one clear line when DATABASE_URL is not a postgres URL', () => {
		const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env: { ...process.env, DATABASE_URL: 'mysql://localhost/x', PORT: '0' },
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/DATABASE_URL must start with postgres:\/\//);
	});
});
