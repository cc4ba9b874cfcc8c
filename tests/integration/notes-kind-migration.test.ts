/**
 * Migration 0022 (issue 23): the professionals' notes were stored as kind `draft-notes` in every
 * state, final ones included; the migration names them `notes` and leaves every other kind alone.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

describe('the notes_kind migration', () => {
	// Migrating a fresh database twice takes a while on a busy machine.
	it(
		'renames the stored notes from draft-notes to notes, in every state',
		{ timeout: 180_000 },
		async () => {
			// Migrate a database up to the migration before, store documents, then migrate on.
			const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-notes-kind-'));
			const client = new PGlite();
			try {
				cpSync('drizzle', dir, { recursive: true });
				const journalPath = path.join(dir, 'meta', '_journal.json');
				const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
					entries: { tag: string }[];
				};
				const at = journal.entries.findIndex((e) => e.tag.endsWith('_notes_kind'));
				expect(at).toBeGreaterThan(0);
				writeFileSync(
					journalPath,
					JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) })
				);
				const db = drizzle(client);
				await migrate(db, { migrationsFolder: dir });
				// No meeting rows: the documents' foreign key is not what this test is about.
				await client.query(`set session_replication_role = replica`);
				const rows: [string, string, string, number][] = [
					['a', 'draft-notes', 'final', 1],
					['b', 'draft-notes', 'with-chair', 2],
					['c', 'draft-notes', 'draft', 3],
					['d', 'notes-family', 'final', 1],
					['e', 'plan-24h', 'final', 1]
				];
				for (const [id, kind, state, version] of rows)
					await client.query(
						`insert into documents (id, meeting_id, kind, audience, version, generator_name,
					   generator_version, title, file_name, content_hash, html, content, state)
					 values ($1, 'm', $2, 'professionals', $4, 'g', '1', 't', 'f', 'h', '<p></p>', '{}', $3)`,
						[id, kind, state, version]
					);
				await migrate(db, { migrationsFolder: 'drizzle' });
				const after = await client.query<{ id: string; kind: string; state: string }>(
					'select id, kind, state from documents order by id'
				);
				expect(after.rows.map((r) => `${r.id} ${r.kind} ${r.state}`)).toEqual([
					'a notes final',
					'b notes with-chair',
					'c notes draft',
					'd notes-family final',
					'e plan-24h final'
				]);
			} finally {
				await client.close();
				rmSync(dir, { recursive: true, force: true });
			}
		}
	);
});
