import type { EventName, Events } from '../../shared/contract';
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
