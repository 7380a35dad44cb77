import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CoreClient, startCore } from '../src/main/hosts/core-client';
import type { EventName, Events } from '../src/shared/contract';

export const ROOT = path.resolve(__dirname, '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle');
/** The build under test: `out/`, or the folder ATALAYA_BUILD_DIR names (see electron.vite.config.ts). */
export const BUILD_DIR = path.join(ROOT, process.env.ATALAYA_BUILD_DIR ?? 'out');
export const CLI = path.join(BUILD_DIR, 'main', 'cli.js');

/** The real, built core worker (tests run against what ships). */
export function builtWorker(): string {
  const file = path.join(BUILD_DIR, 'main', 'worker.js');
  if (!existsSync(file)) throw new Error('out/main/worker.js is missing: run `npm run build` (npm test does it).');
  return file;
}

const made: string[] = [];
export function tempDir(prefix = 'atalaya-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function cleanTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function testCore(
  userDataDir: string,
  extra: { workspacePath?: string; takeAppLock?: boolean } = {},
): CoreClient {
  return startCore(builtWorker(), {
    host: 'test',
    userDataDir,
    migrationsDir: MIGRATIONS_DIR,
    takeAppLock: extra.takeAppLock ?? true,
    workspacePath: extra.workspacePath,
    testHandlers: true,
    appVersion: '0.0.0-test',
  });
}

/** Resolves with the first event `name` whose payload satisfies `match`. */
export function nextEvent<E extends EventName>(
  core: CoreClient,
  name: E,
  match: (payload: Events[E]) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<Events[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = core.onEvent((n, payload) => {
      if (n === name && match(payload as Events[E])) {
        clearTimeout(timer);
        stop();
        resolve(payload as Events[E]);
      }
    });
  });
}

export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * How many leads carry reached_proposal, and how many of them (or of the others) disagree with their stage
 * history: the mark must say exactly whether the history holds a move to proposal.
 */
export function proposalMarks(sqlite: { prepare(sql: string): { get(): unknown } }): {
  marked: number;
  disagree: number;
} {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(reached_proposal), 0) AS marked,
              count(*) FILTER (WHERE reached_proposal <> EXISTS (SELECT 1 FROM lead_stage_changes AS c
                                                                  WHERE c.lead_id = l.id AND c.to_stage = 'proposal'))
                AS disagree
         FROM leads AS l`,
    )
    .get() as { marked: number; disagree: number };
}
