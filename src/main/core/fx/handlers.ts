/** The FX table. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { deleteRate, listRates, setRate } from './repo';

export const fxHandlers = {
  'fx/list': ({ currency }, ctx) => listRates(readScope(ctx).sqlite, currency),
  'fx/set': (input, ctx) => act(ctx, (w) => setRate(w.sqlite, input, w)),
  'fx/delete': ({ currency, date }, ctx) => act(ctx, (w) => ({ deleted: deleteRate(w.sqlite, currency, date, w) })),
} satisfies Partial<Handlers<CoreContext>>;
