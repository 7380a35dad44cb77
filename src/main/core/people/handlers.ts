import type { Handlers } from '../../../shared/contract';
import { type CoreContext, writeScope } from '../context';
import { createPerson, listPeople } from './repo';

export const peopleHandlers = {
  'people/list': (_args, ctx) => listPeople(ctx.session.require().db),
  'people/create': (input, ctx) => {
    const w = writeScope(ctx);
    return createPerson(w.db, w.sqlite, input, w.at, w.actor);
  },
} satisfies Partial<Handlers<CoreContext>>;
