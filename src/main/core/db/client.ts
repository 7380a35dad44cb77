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
 * Names the data this connection sees: it changes when another connection
 * commits (data_version) or this one writes (total_changes()). Inside a read
 * transaction, call it first: its read pins the snapshot it names.
 */
export function snapshotKey(sqlite: Sqlite): string {
  const changes = sqlite.prepare('SELECT total_changes() FROM sqlite_schema LIMIT 1').pluck().get();
  return `${sqlite.pragma('data_version', { simple: true })}:${changes}`;
}

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
