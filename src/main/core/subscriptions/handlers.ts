/** Subscriptions (effective-dated changes) and the MRR report. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { assertHubExists } from '../hubs/repo';
import { changeSubscription, createSubscription, loadSubscriptions, mrrReport, toSubscription } from './repo';

export const subscriptionsHandlers = {
  'subscriptions/list': ({ clientId, hubId, asOf }, ctx) => {
    const r = readScope(ctx);
    assertHubExists(r.sqlite, hubId);
    return loadSubscriptions(r.sqlite, { clientId, hubId }).map((s) => toSubscription(s, asOf ?? r.today));
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
  'mrr/report': ({ from, to, hubId }, ctx) => mrrReport(readScope(ctx).sqlite, from, to, hubId),
} satisfies Partial<Handlers<CoreContext>>;
