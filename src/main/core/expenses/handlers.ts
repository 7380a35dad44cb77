/** Expenses: never deleted, voided (and un-voided) instead. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { createExpense, expenseMonth, getExpense, setExpenseVoided, stopExpense } from './repo';

export const expensesHandlers = {
  'expenses/month': ({ month, hubId, asOf }, ctx) => {
    const r = readScope(ctx);
    return expenseMonth(r.sqlite, month, asOf ?? r.today, hubId ?? null);
  },
  'expenses/create': (input, ctx) => act(ctx, (w) => getExpense(w.sqlite, createExpense(w.sqlite, input, w))),
  'expenses/void': ({ id }, ctx) =>
    act(ctx, (w) => {
      setExpenseVoided(w.sqlite, id, true, w);
      return getExpense(w.sqlite, id);
    }),
  'expenses/unvoid': ({ id }, ctx) =>
    act(ctx, (w) => {
      setExpenseVoided(w.sqlite, id, false, w);
      return getExpense(w.sqlite, id);
    }),
  'expenses/stop': ({ id, lastMonth }, ctx) =>
    act(ctx, (w) => {
      stopExpense(w.sqlite, id, lastMonth, w);
      return getExpense(w.sqlite, id);
    }),
} satisfies Partial<Handlers<CoreContext>>;
