import { createHash } from 'node:crypto';
import type { Sqlite } from '../db/client';

/**
 * The logical content of a workspace, independent of file layout: every
 * table (bar SQLite's and the migration journal's timestamps) with its rows
 * in primary-key order. Two workspaces with equal hashes hold the same data.
 */
export function canonicalContentHash(sqlite: Sqlite): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\u0000table ${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
      hash.update(`${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest('hex');
}

export interface TableFingerprint {
  columns: string[];
  rows: number;
  hash: string;
}

/** Per table: its columns, row count and a hash of those columns' values, so data can be checked after migrations add columns. */
export function tableFingerprints(sqlite: Sqlite, only?: Record<string, { columns: string[] }>) {
  const result: Record<string, TableFingerprint> = {};
  const tables = only
    ? Object.keys(only)
    : (sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' AND name NOT LIKE '%\\_fts%' ESCAPE '\\' ORDER BY name",
        )
        .pluck()
        .all() as string[]);
  for (const table of tables) {
    const columns =
      only?.[table]?.columns ??
      (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    const hash = createHash('sha256');
    let rows = 0;
    const select = `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`;
    for (const row of sqlite.prepare(select).raw().iterate()) {
      hash.update(`${JSON.stringify(row)}\n`);
      rows++;
    }
    result[table] = { columns, rows, hash: hash.digest('hex') };
  }
  return result;
}
