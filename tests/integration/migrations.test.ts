/**
 * Migration safety: every released schema version has a committed fixture
 * workspace, and each must migrate to the newest schema with its data intact.
 * When a migration is added, create the new fixture with
 *   UPDATE_FIXTURES=1 npx vitest run tests/integration/migrations.test.ts
 * and commit it; CI fails while the newest schema has none.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knownMigrations, schemaVersionOf } from '../../src/main/core/db/migrate';
import { generateDemo } from '../../src/main/core/demo/generate';
import { tableFingerprints } from '../../src/main/core/workspace/dump';
import { createWorkspaceFile, openExisting, openWorkspaceFile } from '../../src/main/core/workspace/files';
import { cleanTempDirs, MIGRATIONS_DIR, proposalMarks, ROOT, tempDir } from '../helpers';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'workspaces');
const latest = knownMigrations(MIGRATIONS_DIR).length;
const fixture = (v: number) => path.join(FIXTURES, `schema-${v}.atalaya`);
const fingerprintFile = (v: number) => path.join(FIXTURES, `schema-${v}.json`);

afterAll(cleanTempDirs);

async function writeFixture(version: number) {
  const file = await createWorkspaceFile(fixture(version), { migrationsDir: MIGRATIONS_DIR }, (sqlite) =>
    generateDemo(sqlite, { profile: 'agency', seed: 'fixture', asOf: '2026-06-30' }),
  );
  // A fixture is one self-contained file: no WAL beside it.
  const writable = openExisting(file, {});
  writable.pragma('journal_mode = DELETE');
  writable.close();
  const sqlite = openExisting(file, { readonly: true });
  writeFileSync(fingerprintFile(version), `${JSON.stringify(tableFingerprints(sqlite), null, 2)}\n`);
  sqlite.close();
}

/** A copy of drizzle/ with one extra migration, to exercise upgrades of a real fixture. */
function migrationsWithExtra(sql: string): string {
  const dir = path.join(tempDir(), 'drizzle');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const tag = `${String(journal.entries.length).padStart(4, '0')}_test`;
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(path.join(dir, `${tag}.sql`), sql);
  return dir;
}

describe('migration safety', () => {
  it('has a committed fixture for every schema version, the newest included', async () => {
    if (process.env.UPDATE_FIXTURES && !existsSync(fixture(latest))) await writeFixture(latest);
    const missing = Array.from({ length: latest }, (_, i) => i + 1).filter(
      (v) => !existsSync(fixture(v)) || !existsSync(fingerprintFile(v)),
    );
    expect(missing, 'create it: UPDATE_FIXTURES=1 npx vitest run tests/integration/migrations.test.ts').toEqual([]);
  });

  const versions = existsSync(FIXTURES)
    ? readdirSync(FIXTURES)
        .map((f) => /^schema-(\d+)\.atalaya$/.exec(f)?.[1])
        .filter((v): v is string => v !== undefined)
        .map(Number)
    : [];
  for (const version of versions) {
    it(`migrates the schema-${version} fixture to schema ${latest} with its data intact`, async () => {
      const copy = path.join(tempDir(), 'workspace.atalaya');
      copyFileSync(fixture(version), copy);
      const before = JSON.parse(readFileSync(fingerprintFile(version), 'utf8'));
      const opened = await openWorkspaceFile(copy, { migrationsDir: MIGRATIONS_DIR });
      try {
        expect(schemaVersionOf(opened.sqlite)).toBe(latest);
        expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
        expect(tableFingerprints(opened.sqlite, before)).toEqual(before);
      } finally {
        opened.sqlite.close();
      }
    });
  }

  it('marks the leads whose stage history reached a proposal (0013), from a workspace made before', async () => {
    const copy = path.join(tempDir(), 'before-0013.atalaya');
    copyFileSync(fixture(13), copy);
    const opened = await openWorkspaceFile(copy, { migrationsDir: MIGRATIONS_DIR });
    try {
      const marks = proposalMarks(opened.sqlite);
      expect(marks.marked).toBeGreaterThan(0);
      expect(marks.disagree).toBe(0);
    } finally {
      opened.sqlite.close();
    }
  });

  it('backs the workspace up before migrating, and keeps every row', async () => {
    const dir = tempDir();
    const copy = path.join(dir, 'workspace.atalaya');
    copyFileSync(fixture(latest), copy);
    const migrationsDir = migrationsWithExtra('ALTER TABLE `clients` ADD `notes` text;');
    const opened = await openWorkspaceFile(copy, { migrationsDir });
    try {
      expect(opened.migration).toMatchObject({ from: latest, to: latest + 1 });
      expect(opened.migration.backupPath && existsSync(opened.migration.backupPath)).toBe(true);
      const before = JSON.parse(readFileSync(fingerprintFile(latest), 'utf8'));
      expect(tableFingerprints(opened.sqlite, before)).toEqual(before);
      expect(
        opened.sqlite.prepare("SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'notes'").pluck().get(),
      ).toBe(1);
    } finally {
      opened.sqlite.close();
    }
  });

  it('changes nothing when a migration would break links between records', async () => {
    const copy = path.join(tempDir(), 'workspace.atalaya');
    copyFileSync(fixture(latest), copy);
    const migrationsDir = migrationsWithExtra(
      "INSERT INTO `projects` (name, client_id, hub_id, service_id, value_minor, currency, stage, created_at, start_date, due_date) VALUES ('orphan', 999999, 1, 1, 0, 'USD', 'discovery', '', '', '');",
    );
    await expect(openWorkspaceFile(copy, { migrationsDir })).rejects.toMatchObject({ code: 'WORKSPACE_INVALID' });
    const sqlite = openExisting(copy, { readonly: true });
    expect(schemaVersionOf(sqlite)).toBe(latest);
    expect(sqlite.prepare("SELECT count(*) FROM projects WHERE name = 'orphan'").pluck().get()).toBe(0);
    sqlite.close();
  });

  it('refuses a workspace from a newer version and leaves it untouched', async () => {
    const copy = path.join(tempDir(), 'workspace.atalaya');
    copyFileSync(fixture(latest), copy);
    const olderApp = path.join(tempDir(), 'drizzle');
    cpSync(MIGRATIONS_DIR, olderApp, { recursive: true });
    const journalPath = path.join(olderApp, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    journal.entries = journal.entries.slice(0, latest - 1);
    writeFileSync(journalPath, JSON.stringify(journal));
    await expect(openWorkspaceFile(copy, { migrationsDir: olderApp })).rejects.toMatchObject({
      code: 'WORKSPACE_TOO_NEW',
    });
  });
});

describe('bulk-loaded workspaces', () => {
  it('end with exactly the schema a migration gives, a full-text index that matches the leads, and WAL on', async () => {
    const dir = tempDir();
    const where = { migrationsDir: MIGRATIONS_DIR };
    const empty = await createWorkspaceFile(path.join(dir, 'empty.atalaya'), where, () => {});
    const demo = await createWorkspaceFile(path.join(dir, 'demo.atalaya'), where, (sqlite) =>
      generateDemo(sqlite, { profile: 'agency', seed: 'bulk', asOf: '2026-06-30' }),
    );
    const schemaOf = (file: string) => {
      const sqlite = openExisting(file, { readonly: true });
      const rows = sqlite
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
        .all();
      const journal = sqlite.pragma('journal_mode', { simple: true });
      sqlite.close();
      return { rows, journal };
    };
    const expected = schemaOf(empty);
    expect(expected.rows.length).toBeGreaterThan(20);
    expect(schemaOf(demo)).toEqual({ rows: expected.rows, journal: 'wal' });

    const sqlite = openExisting(demo, {});
    // Checks the index against the leads table itself (rank 1: external content).
    expect(() => sqlite.exec("INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    const lead = sqlite.prepare('SELECT id, company FROM leads ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      company: string;
    };
    const found = sqlite
      .prepare('SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?')
      .all(`"${lead.company.split(' ')[0]}"*`) as { rowid: number }[];
    expect(found.map((r) => r.rowid)).toContain(lead.id);
    sqlite.close();
  });
});
