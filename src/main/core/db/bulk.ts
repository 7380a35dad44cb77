/**
 * Bulk loading (the demo generator's large profiles): the secondary indexes of
 * tables that a fill only appends to are dropped first and built once at the
 * end — one sort per index instead of a random B-tree insert per row — and
 * the leads' full-text index is rebuilt in one pass instead of row by row
 * through its triggers. Call inside the fill's transaction; `restore` puts back
 * exactly the indexes and triggers that were there. Keeping an index live costs
 * a seek per row even when its keys arrive in order, more than its share of a
 * build; `keepLive` names the ones the fill itself reads through.
 */
import { availableParallelism } from 'node:os';
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './client';

/**
 * SQLite sorts an index build in memory up to the page cache's size, on one
 * thread. A small cache instead makes it sort runs of a few MB on helper
 * threads and merge them: at the massive profile the three widest lead
 * indexes build in ~4 s instead of ~10 s with the bulk load's 1 GB cache.
 */
const BUILD_CACHE_KIB = 4096;

/** Runs `build` (CREATE INDEX statements) with the sorter set for speed, then puts the connection's settings back. */
export function withFastIndexBuilds<T>(sqlite: Sqlite, build: () => T): T {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const threads = sqlite.pragma('threads', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  sqlite.pragma(`threads = ${Math.min(4, availableParallelism())}`);
  try {
    return build();
  } finally {
    try {
      sqlite.pragma(`cache_size = ${cacheSize}`);
      sqlite.pragma(`threads = ${threads}`);
    } catch {
      // A connection that cannot take a pragma any more: the build's own error (if any) is the one to report.
    }
  }
}

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  table: string;
  sql: string;
}

/** External-content FTS5 tables kept in step with their table by triggers. */
const FULL_TEXT: Record<string, string> = { leads: 'leads_fts' };

export function deferIndexes(
  sqlite: Sqlite,
  tables: readonly string[],
  options: { keepLive?: readonly string[] } = {},
): { restore: () => void } {
  const placeholders = tables.map(() => '?').join(', ');
  const keepLive = new Set(options.keepLive ?? []);
  const objects = (
    sqlite
      .prepare(
        `SELECT type, name, tbl_name AS "table", sql FROM sqlite_master
       WHERE sql IS NOT NULL AND tbl_name IN (${placeholders})
         AND (type = 'index' OR (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'))
       ORDER BY type, name`,
      )
      .all(...tables) as SchemaObject[]
  ).filter((o) => !keepLive.has(o.name));
  for (const o of objects) sqlite.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`);
  return {
    restore() {
      withFastIndexBuilds(sqlite, () => {
        for (const o of objects) sqlite.exec(o.sql);
      });
      for (const table of tables) {
        const fts = FULL_TEXT[table];
        if (fts && objects.some((o) => o.type === 'trigger' && o.table === table))
          sqlite.exec(`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`);
      }
    },
  };
}

/**
 * Rows appended through multi-row INSERTs, `batch` rows per statement: about
 * half the cost per row of one statement per row. Nothing may read the rows
 * before `flush()`; children only (nothing references them meanwhile).
 */
export class BatchedInsert {
  private readonly values: unknown[] = [];
  private readonly full: Statement;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly batch = 32,
  ) {
    this.full = this.statement(batch);
  }

  add(...row: unknown[]): void {
    this.values.push(...row);
    if (this.values.length === this.batch * this.columns.length) {
      this.full.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    if (this.values.length === 0) return;
    this.statement(this.values.length / this.columns.length).run(this.values);
    this.values.length = 0;
  }

  private statement(rows: number): Statement {
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    return this.sqlite.prepare(
      `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`,
    );
  }
}
