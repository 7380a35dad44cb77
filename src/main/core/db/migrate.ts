import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { failure } from '../../../shared/errors';
import { AppFailure } from '../../../shared/result';
import { backupTo, timestampForFile } from './backup';
import { withFastIndexBuilds } from './bulk';
import { ATALAYA_APPLICATION_ID, type Sqlite } from './client';

const JOURNAL_TABLE = '__drizzle_migrations';

export interface MigrationOutcome {
  from: number;
  to: number;
  backupPath: string | null;
}

export function knownMigrations(migrationsDir: string) {
  return readMigrationFiles({ migrationsFolder: migrationsDir });
}

/** The schema version of a workspace = how many migrations it has applied. */
export function schemaVersionOf(sqlite: Sqlite): number {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(JOURNAL_TABLE);
  if (!table) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${JOURNAL_TABLE}"`).get() as { n: number }).n;
}

function userTableCount(sqlite: Sqlite): number {
  return (
    sqlite
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .get() as { n: number }
  ).n;
}

/** Refuses files that are not Atalaya workspaces, or that a newer Atalaya wrote. */
export function assertOpenable(sqlite: Sqlite, file: string, known: number): number {
  const appId = sqlite.pragma('application_id', { simple: true }) as number;
  const isEmpty = userTableCount(sqlite) === 0;
  if (appId !== ATALAYA_APPLICATION_ID && !isEmpty) {
    throw failure('WORKSPACE_INVALID', 'workspace.notAtalaya', { file: path.basename(file) });
  }
  const version = schemaVersionOf(sqlite);
  if (version > known) {
    throw failure('WORKSPACE_TOO_NEW', 'workspace.tooNew', { version, known });
  }
  return version;
}

/**
 * Brings a workspace to the newest schema. A workspace with data is backed up
 * first (SQLite online backup). All pending migrations run in one transaction
 * with foreign keys off (table rebuilds need that), and `foreign_key_check`
 * must come back clean before anything is committed.
 */
export async function migrateWorkspace(
  sqlite: Sqlite,
  file: string,
  migrationsDir: string,
  options: { backup?: boolean } = {},
): Promise<MigrationOutcome> {
  const migrations = knownMigrations(migrationsDir);
  const from = assertOpenable(sqlite, file, migrations.length);
  if (from === migrations.length) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  // `backup: false` only for a file that is itself a copy (the benchmarks' scratch workspace).
  if (from > 0 && options.backup !== false) {
    const dir = path.join(path.dirname(file), 'backups');
    mkdirSync(dir, { recursive: true });
    backupPath = path.join(
      dir,
      `${path.basename(file, path.extname(file))}-before-schema-${migrations.length}-${timestampForFile(new Date())}.atalaya`,
    );
    await backupTo(sqlite, backupPath);
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${JOURNAL_TABLE}" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
    );
    const record = sqlite.prepare(`INSERT INTO "${JOURNAL_TABLE}" (hash, created_at) VALUES (?, ?)`);
    sqlite
      .transaction(() => {
        // Migrations build indexes over whole tables: millions of rows on a large workspace.
        withFastIndexBuilds(sqlite, () => {
          for (const migration of migrations.slice(from)) {
            for (const statement of migration.sql) {
              if (statement.trim()) sqlite.exec(statement);
            }
            record.run(migration.hash, migration.folderMillis);
          }
        });
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw backupPath
            ? failure('WORKSPACE_INVALID', 'workspace.upgradeBreaksLinksBackup', {
                count: violations.length,
                backup: backupPath,
              })
            : failure('WORKSPACE_INVALID', 'workspace.upgradeBreaksLinks', { count: violations.length });
        }
        sqlite.pragma(`application_id = ${ATALAYA_APPLICATION_ID}`);
        sqlite.pragma(`user_version = ${migrations.length}`);
      })
      .immediate();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: migrations.length, backupPath };
}

/**
 * Where `drizzle/` lives: beside the app when packaged (extraResources), at
 * the project root in development and tests. Pure, so it is unit-tested.
 */
export function migrationsDirCandidates(env: {
  override?: string | undefined;
  resourcesPath?: string | undefined;
  moduleDir: string;
}): string[] {
  const list: string[] = [];
  if (env.override) list.push(env.override);
  if (env.resourcesPath) list.push(path.join(env.resourcesPath, 'drizzle'));
  // out/main/*.js → project root; src/main/core/db/*.ts → project root
  list.push(path.resolve(env.moduleDir, '..', '..', 'drizzle'));
  list.push(path.resolve(env.moduleDir, '..', '..', '..', '..', 'drizzle'));
  return list;
}

export function locateMigrationsDir(env: Parameters<typeof migrationsDirCandidates>[0]): string {
  const candidates = migrationsDirCandidates(env);
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) {
    throw new AppFailure(
      'INTERNAL',
      `Atalaya's database migrations are missing (looked in ${candidates.join(', ')}). Reinstall Atalaya.`,
    );
  }
  return found;
}
