import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { demoMadeNow, generateDemo } from '../demo/generate';
import { createWorkspaceFile, freeWorkspacePath } from './files';
import { backupWorkspace, fillFromOnboarding } from './service';

const workspacesDir = (ctx: CoreContext) => path.join(ctx.config.userDataDir, 'workspaces');

export const workspaceHandlers = {
  'workspace/current': (_args, ctx) =>
    ctx.session.isOpen
      ? { state: 'open' as const, ...ctx.session.summary() }
      : { state: 'none' as const, reason: ctx.session.lastProblem },

  'workspace/createDemo': (options, ctx) => {
    const jobId = ctx.jobs.start('demo', async (job) => {
      const file = freeWorkspacePath(workspacesDir(ctx), 'Demo agency');
      // Made for today, the history ends now rather than at midnight.
      const plan = {
        profile: options.profile,
        seed: options.seed,
        ...(options.asOf ? { asOf: options.asOf } : demoMadeNow(ctx.now())),
      };
      await createWorkspaceFile(file, ctx.config, (sqlite) => generateDemo(sqlite, plan, job));
      return ctx.session.open(file);
    });
    return { jobId };
  },

  'workspace/createEmpty': async (input, ctx) => {
    const file = freeWorkspacePath(workspacesDir(ctx), input.name);
    await createWorkspaceFile(file, ctx.config, (sqlite) =>
      fillFromOnboarding(sqlite, input, ctx.now(), ctx.config.host),
    );
    return ctx.session.open(file);
  },

  'workspace/open': ({ path: file }, ctx) => ctx.session.open(file),

  'workspace/close': (_args, ctx) => ({ closed: ctx.session.close() }),

  'workspace/backup': (_args, ctx) => {
    const ws = ctx.session.require();
    return backupWorkspace(ws.sqlite, ws.file, path.join(ctx.config.userDataDir, 'backups'), ctx.now());
  },

  'jobs/cancel': ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
} satisfies Partial<Handlers<CoreContext>>;
