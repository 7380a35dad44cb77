import { z } from 'zod';
import type { EventName, Events } from '../../shared/contract';
import type { CoreContext } from './context';
import { dispatch, type HandlerTable, handlerTable } from './dispatch';
import { handlers } from './handlers';
import { JobRunner } from './jobs/runner';
import { PrefsStore } from './prefs/store';
import type { CoreConfig } from './protocol';
import { WorkspaceSession } from './workspace/session';

export interface Core {
  ctx: CoreContext;
  call(method: unknown, args: unknown): ReturnType<typeof dispatch>;
}

/** Handlers that exist only for the contract tests (a handler that throws, a slow one). */
const testHandlers: HandlerTable = {
  'debug/throw': {
    args: z.object({}).loose(),
    run: () => {
      throw new Error('deliberate failure for the contract test');
    },
  },
};

export async function createCore(
  config: CoreConfig,
  emit: <E extends EventName>(name: E, payload: Events[E]) => void,
): Promise<Core> {
  const prefs = new PrefsStore(config.userDataDir);
  const session = new WorkspaceSession(
    {
      migrationsDir: config.migrationsDir,
      nativeBinding: config.nativeBinding,
      takeAppLock: config.takeAppLock,
      host: config.host,
    },
    prefs,
    emit,
  );
  const ctx: CoreContext = { config, prefs, session, jobs: new JobRunner(emit), emit, now: () => new Date() };
  const table = handlerTable(handlers);
  if (config.testHandlers) Object.assign(table, testHandlers);
  await session.openLast(config.workspacePath);
  return { ctx, call: (method, args) => dispatch(table, ctx, method, args) };
}
