/** Messages between a host and the core worker (seq-numbered, plain data). */
import type { EventName, Events, HostKind, Result } from '../../shared/contract';

/** Passed to the worker as `workerData`; the worker never asks Electron for paths. */
export interface CoreConfig {
  host: HostKind;
  /** Folder for preferences, app-created workspaces and backups. */
  userDataDir: string;
  /** drizzle/ migrations folder; located by the host (packaged or not). */
  migrationsDir: string;
  /** better-sqlite3 binary built for the running runtime (Electron), if not Node's. */
  nativeBinding?: string | undefined;
  /** Open this workspace instead of the last one used. */
  workspacePath?: string | undefined;
  /** App hosts take the per-workspace instance lock; the CLI does not. */
  takeAppLock: boolean;
  /** Registers `debug/*` methods used by the contract tests only. */
  testHandlers?: boolean;
  appVersion: string;
}

export type HostToCore = { type: 'call'; seq: number; method: string; args: unknown } | { type: 'shutdown' };

export type CoreToHost =
  | { type: 'ready' }
  | { type: 'reply'; seq: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: Events[EventName] };
