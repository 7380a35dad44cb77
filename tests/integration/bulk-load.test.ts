import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deferIndexes, withFastIndexBuilds } from '../../src/main/core/db/bulk';
import { openSqlite, type Sqlite } from '../../src/main/core/db/client';
import { migrateWorkspace } from '../../src/main/core/db/migrate';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterEach(cleanTempDirs);

async function workspace(): Promise<Sqlite> {
  const file = path.join(tempDir(), 'bulk.atalaya');
  const sqlite = openSqlite(file, { create: true });
  await migrateWorkspace(sqlite, file, MIGRATIONS_DIR);
  return sqlite;
}

const schemaOf = (sqlite: Sqlite, table: string) =>
  sqlite
    .prepare('SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type, name')
    .all(table);

const sorterSettings = (sqlite: Sqlite) => ({
  cacheSize: sqlite.pragma('cache_size', { simple: true }),
  threads: sqlite.pragma('threads', { simple: true }),
});

describe('bulk loading', () => {
  it('builds indexes with a small cache sorted on helper threads, then puts the connection back as it was', async () => {
    const sqlite = await workspace();
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('threads = 0');
    const during = withFastIndexBuilds(sqlite, () => sorterSettings(sqlite));
    expect(during).toEqual({ cacheSize: -4096, threads: Math.min(4, availableParallelism()) });
    expect(sorterSettings(sqlite)).toEqual({ cacheSize: -65536, threads: 0 });

    expect(() =>
      withFastIndexBuilds(sqlite, () => {
        throw new Error('build failed');
      }),
    ).toThrow('build failed');
    expect(sorterSettings(sqlite)).toEqual({ cacheSize: -65536, threads: 0 });
    sqlite.close();
  });

  it('restores exactly the deferred indexes and full-text triggers, with the rows added meanwhile searchable', async () => {
    const sqlite = await workspace();
    const before = schemaOf(sqlite, 'leads');
    expect(before.some((o) => (o as { name: string }).name === 'leads_score')).toBe(true);
    const insert = sqlite.prepare(
      `INSERT INTO leads (company, contact_name, channel, vertical, tier, stage, expected_value_minor, currency, created_at)
       VALUES (?, ?, 'email', 'tech', 2, 'new', 100000, 'USD', '2026-12-01T10:00:00Z')`,
    );
    sqlite.transaction(() => {
      const deferred = deferIndexes(sqlite, ['leads']);
      expect(schemaOf(sqlite, 'leads').map((o) => (o as { type: string }).type)).toEqual(['table']);
      for (let i = 0; i < 500; i++) insert.run(`Quetzal Studio ${i}`, `Ana ${i}`);
      deferred.restore();
    })();
    expect(schemaOf(sqlite, 'leads')).toEqual(before);
    const found = sqlite.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'quetzal'").pluck().get();
    expect(found).toBe(500);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });
});
