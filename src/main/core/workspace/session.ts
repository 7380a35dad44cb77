import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EventName, Events, WorkspaceSummary } from '../../../shared/contract';
import { failure } from '../../../shared/errors';
import { type Db, type Sqlite, toDrizzle } from '../db/client';
import type { PrefsStore } from '../prefs/store';
import {
  countTables,
  type DbLocation,
  isSyncedOrNetworkPath,
  openWorkspaceFile,
  releaseAppLock,
  takeAppLock,
} from './files';

export interface OpenWorkspace {
  file: string;
  sqlite: Sqlite;
  db: Db;
  migratedFrom: number | null;
}

type Emit = <E extends EventName>(name: E, payload: Events[E]) => void;

/** The workspace the core has open (at most one), its lock and its change watcher. */
export class WorkspaceSession {
  private current: OpenWorkspace | null = null;
  private watcher: NodeJS.Timeout | null = null;
  private readonly instance = randomUUID();
  /** Why no workspace is open, when opening the last one failed. */
  lastProblem: string | null = null;

  constructor(
    private readonly where: DbLocation & { takeAppLock: boolean; host: string },
    private readonly prefs: PrefsStore,
    private readonly emit: Emit,
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  require(): OpenWorkspace {
    if (!this.current) {
      throw failure('NO_WORKSPACE', 'workspace.none');
    }
    return this.current;
  }

  async open(file: string): Promise<WorkspaceSummary> {
    const absolute = path.resolve(file);
    if (this.current?.file === absolute) return this.summary();
    if (!existsSync(absolute)) throw failure('NOT_FOUND', 'notFound.workspaceFile', { path: absolute });
    if (this.where.takeAppLock) takeAppLock(absolute, this.instance, this.where.host);
    let opened: Awaited<ReturnType<typeof openWorkspaceFile>>;
    try {
      opened = await openWorkspaceFile(absolute, this.where);
    } catch (error) {
      if (this.where.takeAppLock) releaseAppLock(absolute, this.instance);
      throw error;
    }
    this.close({ silent: true });
    this.current = {
      file: opened.file,
      sqlite: opened.sqlite,
      db: toDrizzle(opened.sqlite),
      migratedFrom:
        opened.migration.from < opened.migration.to && opened.migration.from > 0 ? opened.migration.from : null,
    };
    this.lastProblem = null;
    this.prefs.rememberWorkspace(opened.file);
    this.watchForOutsideChanges();
    this.emit('workspace/changed', { reason: 'opened' });
    return this.summary();
  }

  /** Opens the workspace used last time; a failure is kept as the reason shown on the welcome screen. */
  async openLast(explicit?: string): Promise<void> {
    const file = explicit ?? this.prefs.get().lastWorkspace;
    if (!file) return;
    try {
      await this.open(file);
    } catch (error) {
      this.lastProblem = error instanceof Error ? error.message : String(error);
    }
  }

  close(options: { silent?: boolean } = {}): boolean {
    if (!this.current) return false;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
    const { file, sqlite } = this.current;
    this.current = null;
    try {
      sqlite.close();
    } finally {
      if (this.where.takeAppLock) releaseAppLock(file, this.instance);
    }
    if (!options.silent) {
      this.prefs.rememberWorkspace(null);
      this.emit('workspace/changed', { reason: 'closed' });
    }
    return true;
  }

  summary(): WorkspaceSummary {
    const ws = this.require();
    const settings = ws.sqlite.prepare('SELECT name FROM workspace_settings WHERE id = 1').get() as { name: string };
    const version = ws.sqlite.pragma('user_version', { simple: true }) as number;
    return {
      path: ws.file,
      name: settings.name,
      schemaVersion: version,
      counts: countTables(ws.sqlite),
      onSyncedFolder: isSyncedOrNetworkPath(ws.file),
      migratedFrom: ws.migratedFrom,
    };
  }

  /** Another process (the CLI, say) committed to the file: tell the interface to refresh. */
  private watchForOutsideChanges(): void {
    const ws = this.current;
    if (!ws) return;
    let seen = ws.sqlite.pragma('data_version', { simple: true });
    this.watcher = setInterval(() => {
      if (!ws.sqlite.open) return;
      const now = ws.sqlite.pragma('data_version', { simple: true });
      if (now !== seen) {
        seen = now;
        this.emit('workspace/changed', { reason: 'external' });
      }
    }, 1000);
    this.watcher.unref();
  }
}
