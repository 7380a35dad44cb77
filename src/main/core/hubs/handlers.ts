import type { Handlers } from '../../../shared/contract';
import { type CoreContext, writeScope as write } from '../context';
import { createHub, deleteHub, listHubs, updateHub } from './repo';

export const hubHandlers = {
  'hubs/list': (_args, ctx) => listHubs(ctx.session.require().db),
  'hubs/create': (input, ctx) => {
    const w = write(ctx);
    return createHub(w.db, w.sqlite, input, w.at, w.actor);
  },
  'hubs/update': (input, ctx) => {
    const w = write(ctx);
    return updateHub(w.db, w.sqlite, input, w.at, w.actor);
  },
  'hubs/delete': ({ id }, ctx) => {
    const w = write(ctx);
    return deleteHub(w.db, w.sqlite, id, w.at, w.actor);
  },
} satisfies Partial<Handlers<CoreContext>>;
