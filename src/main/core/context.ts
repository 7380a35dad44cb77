import type { EventName, Events } from '../../shared/contract';
import { writeTransaction } from './db/client';
import { workspaceToday } from './fx/clock';
import type { JobRunner } from './jobs/runner';
import type { PrefsStore } from './prefs/store';
import type { CoreConfig } from './protocol';
import type { WorkspaceSession } from './workspace/session';

/** What every handler receives besides its validated arguments. */
export interface CoreContext {
  config: CoreConfig;
  prefs: PrefsStore;
  session: WorkspaceSession;
  jobs: JobRunner;
  emit: <E extends EventName>(name: E, payload: Events[E]) => void;
  /** The clock; tests and the demo pass their own. */
  now: () => Date;
}

/** The open workspace plus the stamp (time, actor) every write records in the audit log. */
export function writeScope(ctx: CoreContext) {
  const ws = ctx.session.require();
  return { db: ws.db, sqlite: ws.sqlite, at: ctx.now().toISOString(), actor: ctx.config.host };
}

/** The open workspace for reading, and today's date in its reporting time zone. */
export function readScope(ctx: CoreContext) {
  const ws = ctx.session.require();
  return { sqlite: ws.sqlite, today: workspaceToday(ws.sqlite, ctx.now()) };
}

type AfterWrite = (sqlite: ReturnType<typeof writeScope>['sqlite'], today: string, at: string) => void;
const afterWrites: AfterWrite[] = [];

/** Registers work every user action runs before it commits (e.g. bringing alerts up to date). */
export function onEveryWrite(hook: AfterWrite): void {
  afterWrites.push(hook);
}

/** Runs one user action as one BEGIN IMMEDIATE transaction, with the write hooks before it commits. */
export function act<T>(ctx: CoreContext, work: (w: ReturnType<typeof writeScope> & { today: string }) => T): T {
  const w = writeScope(ctx);
  const today = workspaceToday(w.sqlite, ctx.now());
  return writeTransaction(w.sqlite, () => {
    const result = work({ ...w, today });
    for (const hook of afterWrites) hook(w.sqlite, today, w.at);
    return result;
  });
}
