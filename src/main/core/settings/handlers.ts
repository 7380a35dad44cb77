import type { Handlers } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { getSettings, updateSettings } from './repo';

export const settingsHandlers = {
  'settings/get': (_args, ctx) => getSettings(ctx.session.require().db),
  'settings/update': (patch, ctx) => {
    const ws = ctx.session.require();
    return updateSettings(ws.db, ws.sqlite, patch, ctx.now().toISOString(), ctx.config.host);
  },
} satisfies Partial<Handlers<CoreContext>>;
