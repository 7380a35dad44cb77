import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/** Marks a SQLite file as an Atalaya workspace ("ATLY"). */
export const ATALAYA_APPLICATION_ID = 0x41544c59;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (the Electron shell). */
  nativeBinding?: string | undefined;
  /** Create the file when it does not exist. */
  create?: boolean;
  readonly?: boolean;
}

export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const sqlite = new Database(file, {
    fileMustExist: !options.create,
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  sqlite.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

export function toDrizzle(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema });
}

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction: the write lock is taken up
 * front, so two processes writing at once queue on busy_timeout instead of
 * failing half-way.
 */
export function writeTransaction<T>(sqlite: Sqlite, work: () => T): T {
  return sqlite.transaction(work).immediate();
}

/**
 * Names the data of some tables as this connection sees it: writes here to
 * those tables, counted by temporary triggers (a rolled-back write rolls its
 * count back), and other processes' commits (`data_version`). Writes to other
 * tables (a lead, an alert, a temp table) leave it as it is. `name` is the counter's (one per set of tables). Inside a read
 * transaction call it first: its query pins the snapshot it names.
 */
export function tablesVersion(
  sqlite: Sqlite,
  name: string,
  tables: readonly string[],
  /** Per table, the columns whose updates count (an update of others leaves the version); every column when absent. */
  updateOf: Readonly<Record<string, readonly string[]>> = {},
): string {
  const counter = `${name}_writes`;
  const statements = [`CREATE TEMP TABLE IF NOT EXISTS ${counter} (n INTEGER NOT NULL)`];
  for (const table of tables)
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const columns = event === 'UPDATE' ? updateOf[table] : undefined;
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${name}_${table}_${event.toLowerCase()}
         AFTER ${event}${columns ? ` OF ${columns.join(', ')}` : ''} ON main.${table}
         BEGIN UPDATE ${counter} SET n = n + 1; END`,
      );
    }
  sqlite.exec(statements.join(';\n'));
  const writes = sqlite
    .prepare(`SELECT (SELECT n FROM temp.${counter}) FROM main.sqlite_schema LIMIT 1`)
    .pluck()
    .get() as number | null;
  if (writes === null) sqlite.exec(`INSERT INTO temp.${counter} (n) VALUES (0)`);
  return `${sqlite.pragma('data_version', { simple: true })}:${writes ?? 0}`;
}

/** `%` and `_` match themselves in a LIKE pattern built from what a person typed (with `ESCAPE '\\'`). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const statementCache = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/**
 * A prepared statement reused per connection: preparing costs more than running
 * a small statement, and the services run the same few SQL strings many times.
 * Only for statements used as they are (not switched to raw/pluck mode).
 */
export function cached(sqlite: Sqlite, sql: string): Database.Statement {
  let statements = statementCache.get(sqlite);
  if (!statements) {
    statements = new Map();
    statementCache.set(sqlite, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
