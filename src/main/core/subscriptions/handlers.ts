/** Subscriptions (effective-dated changes) and the MRR report. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { changeSubscription, createSubscription, loadSubscriptions, mrrReport, toSubscription } from './repo';

export const subscriptionsHandlers = {
  'subscriptions/list': ({ clientId, asOf }, ctx) => {
    const r = readScope(ctx);
    return loadSubscriptions(r.sqlite, { clientId }).map((s) => toSubscription(s, asOf ?? r.today));
  },
  'subscriptions/create': (input, ctx) =>
    act(ctx, (w) => {
      const id = createSubscription(w.sqlite, input, w);
      return toSubscription(loadSubscriptions(w.sqlite, { id })[0]!, w.today);
    }),
  'subscriptions/change': (input, ctx) =>
    act(ctx, (w) => {
      changeSubscription(w.sqlite, input, w);
      return toSubscription(loadSubscriptions(w.sqlite, { id: input.id })[0]!, w.today);
    }),
  'mrr/report': ({ from, to }, ctx) => mrrReport(readScope(ctx).sqlite, from, to),
} satisfies Partial<Handlers<CoreContext>>;
