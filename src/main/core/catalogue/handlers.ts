import type { Handlers } from '../../../shared/contract';
import { type CoreContext, writeScope } from '../context';
import { listServices, updateService } from './repo';

export const catalogueHandlers = {
  'catalogue/list': (_args, ctx) => listServices(ctx.session.require().db),
  'catalogue/update': (input, ctx) => {
    const w = writeScope(ctx);
    return updateService(w.db, w.sqlite, input, w.at, w.actor);
  },
} satisfies Partial<Handlers<CoreContext>>;
