import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { knownMigrations } from '../db/migrate';

export const appHandlers = {
  'app/ping': (_args, ctx) => ({ pong: true as const, at: ctx.now().getTime() }),
  'app/info': (_args, ctx) => ({
    version: ctx.config.appVersion,
    host: ctx.config.host,
    schemaVersion: knownMigrations(ctx.config.migrationsDir).length,
    userDataDir: ctx.config.userDataDir,
    platform: process.platform,
  }),
  'prefs/get': (_args, ctx) => ctx.prefs.get(),
  'prefs/set': (patch, ctx) => {
    const prefs = ctx.prefs.update(patch);
    ctx.emit('prefs/changed', prefs);
    return prefs;
  },
} satisfies Partial<Handlers<CoreContext>>;
