import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TableCounts } from '../../../shared/contract';
import { failure } from '../../../shared/errors';
import { AppFailure } from '../../../shared/result';
import { openSqlite, type Sqlite } from '../db/client';
import { type MigrationOutcome, migrateWorkspace } from '../db/migrate';

export interface DbLocation {
  migrationsDir: string;
  nativeBinding?: string | undefined;
}

export interface OpenedWorkspace {
  file: string;
  sqlite: Sqlite;
  migration: MigrationOutcome;
}

function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * Opens an existing file as SQLite and reads from it once, so a missing file
 * or one that is not a database fails here with a clear message.
 */
export function openExisting(
  file: string,
  options: { readonly?: boolean; nativeBinding?: string | undefined },
): Sqlite {
  if (!existsSync(file)) throw failure('NOT_FOUND', 'notFound.workspaceFile', { path: file });
  let sqlite: Sqlite | null = null;
  try {
    sqlite = openSqlite(file, options);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (error) {
    if (sqlite?.open) sqlite.close();
    throw failure('WORKSPACE_INVALID', 'workspace.cannotOpen', {
      file: path.basename(file),
      detail: (error as Error).message,
    });
  }
}

/** Opens an existing workspace file and brings its schema up to date. */
export async function openWorkspaceFile(file: string, where: DbLocation): Promise<OpenedWorkspace> {
  const absolute = path.resolve(file);
  const sqlite = openExisting(absolute, { nativeBinding: where.nativeBinding });
  try {
    const migration = await migrateWorkspace(sqlite, absolute, where.migrationsDir);
    const profile = sqlite.prepare('SELECT count(*) AS n FROM workspace_settings').get() as { n: number };
    if (profile.n !== 1) {
      throw failure('WORKSPACE_INVALID', 'workspace.noProfile', { file: path.basename(absolute) });
    }
    return { file: absolute, sqlite, migration };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Creates a new workspace file: builds it under a temporary name (schema +
 * `fill`) and renames it into place only when complete, so a failure or a
 * cancelled job never leaves a half-made workspace.
 */
export async function createWorkspaceFile(
  file: string,
  where: DbLocation,
  fill: (sqlite: Sqlite) => void | Promise<void>,
  options: { overwrite?: boolean } = {},
): Promise<string> {
  const absolute = path.resolve(file);
  if (existsSync(absolute) && !options.overwrite) {
    throw failure('FILE_EXISTS', 'workspace.fileExists', { path: absolute });
  }
  mkdirSync(path.dirname(absolute), { recursive: true });
  const temporary = `${absolute}.creating-${randomUUID().slice(0, 8)}`;
  const sqlite = openSqlite(temporary, { create: true, nativeBinding: where.nativeBinding });
  try {
    await migrateWorkspace(sqlite, temporary, where.migrationsDir);
    // Nobody else can see the temporary file, so it is filled as a bulk load: a
    // large page cache and an in-memory rollback journal, no fsync until it is complete.
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -1048576');
    await fill(sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.close();
    if (options.overwrite) removeDbFiles(absolute);
    renameSync(temporary, absolute);
    return absolute;
  } catch (error) {
    if (sqlite.open) sqlite.close();
    removeDbFiles(temporary);
    throw error;
  }
}

const COUNTED_TABLES = [
  'hubs',
  'people',
  'services',
  'clients',
  'projects',
  'leads',
  'subscriptions',
  'invoices',
  'payments',
  'expenses',
  'fx_rates',
  'audit_log',
] as const satisfies readonly (keyof TableCounts)[];

/** Rows per table; a table an older schema does not have yet counts 0 (the CLI reads without migrating). */
export function countTables(sqlite: Sqlite): TableCounts {
  const present = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  const counts = {} as TableCounts;
  for (const table of COUNTED_TABLES)
    counts[table] = present.has(table)
      ? (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      : 0;
  return counts;
}

/**
 * SQLite's locking is not safe on network shares or in folders that a sync
 * client rewrites behind its back; PRODUCT.md §4 asks for a warning there.
 */
export function isSyncedOrNetworkPath(file: string): boolean {
  const p = file.replace(/\\/g, '/');
  if (p.startsWith('//')) return true; // UNC share
  return /\/(Dropbox|OneDrive[^/]*|Google Drive|GoogleDrive|My Drive|iCloud Drive|Mobile Documents|Box|Box Sync|pCloud Drive|Nextcloud|ownCloud|MEGA)\//i.test(
    `${p}/`,
  );
}

/** A unique, readable file name for a new workspace inside `dir`. */
export function freeWorkspacePath(dir: string, name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase() || 'workspace';
  let candidate = path.join(dir, `${base}.atalaya`);
  for (let n = 2; existsSync(candidate); n++) candidate = path.join(dir, `${base}-${n}.atalaya`);
  return candidate;
}

// ---------- The app lock: one Atalaya window per workspace ----------

interface LockContent {
  pid: number;
  instance: string;
  host: string;
  at: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

/**
 * Takes the per-workspace lock of an app host (the CLI does not take it: it
 * may work beside the app, SQLite serializes writers). A lock left by a
 * process that no longer runs is taken over.
 */
export function takeAppLock(file: string, instance: string, host: string): void {
  const lockFile = lockPathFor(file);
  try {
    const held = JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
    if (held.instance !== instance && isAlive(held.pid)) {
      throw failure('WORKSPACE_IN_USE', 'workspace.inUse', { host: held.host, pid: held.pid });
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
  }
  const content: LockContent = { pid: process.pid, instance, host, at: new Date().toISOString() };
  writeFileSync(lockFile, JSON.stringify(content));
}

export function releaseAppLock(file: string, instance: string): void {
  const lockFile = lockPathFor(file);
  try {
    const held = JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
    if (held.instance === instance) rmSync(lockFile, { force: true });
  } catch {
    // No lock or unreadable: nothing of ours to release.
  }
}
