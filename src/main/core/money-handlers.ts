/**
 * Handlers of the clients-and-money methods (issue 3). Each write is one
 * BEGIN IMMEDIATE transaction that also records its audit line and brings
 * the client alerts up to date.
 */
import type { Handlers } from '../../shared/contract';
import {
  clientRow,
  createClient,
  dismissAlert,
  getClient,
  listAlerts,
  listClients,
  syncClientAlerts,
  updateClient,
} from './clients/repo';
import { type CoreContext, writeScope } from './context';
import { writeTransaction } from './db/client';
import { createExpense, expenseMonth, getExpense, setExpenseVoided, stopExpense } from './expenses/repo';
import { workspaceToday } from './fx/clock';
import { deleteRate, listRates, setRate } from './fx/repo';
import {
  creditNote,
  deliveryDraft,
  depositDraft,
  getInvoice,
  insertDraft,
  issueInvoice,
  listInvoices,
  recordPayment,
  updateDraft,
  voidInvoice,
} from './invoices/repo';
import {
  changeSubscription,
  createSubscription,
  loadSubscriptions,
  mrrReport,
  subscriptionMonthDraft,
  toSubscription,
} from './subscriptions/repo';
import { deleteView, listViews, saveView } from './views/repo';

/** The open workspace for reading, and today's date in its reporting time zone. */
function readScope(ctx: CoreContext) {
  const ws = ctx.session.require();
  return { sqlite: ws.sqlite, today: workspaceToday(ws.sqlite, ctx.now()) };
}

/** Runs one user action in a transaction and refreshes the client alerts before it commits. */
function act<T>(ctx: CoreContext, work: (w: ReturnType<typeof writeScope> & { today: string }) => T): T {
  const w = writeScope(ctx);
  const today = workspaceToday(w.sqlite, ctx.now());
  return writeTransaction(w.sqlite, () => {
    const result = work({ ...w, today });
    syncClientAlerts(w.sqlite, today, w.at);
    return result;
  });
}

export const moneyHandlers = {
  'clients/list': ({ asOf }, ctx) => {
    const r = readScope(ctx);
    return listClients(r.sqlite, asOf ?? r.today);
  },
  'clients/get': ({ id, asOf }, ctx) => {
    const r = readScope(ctx);
    return getClient(r.sqlite, id, asOf ?? r.today);
  },
  'clients/create': (input, ctx) => act(ctx, (w) => clientRow(w.sqlite, createClient(w.sqlite, input, w), w.today)),
  'clients/update': (input, ctx) =>
    act(ctx, (w) => {
      updateClient(w.sqlite, input, w);
      return clientRow(w.sqlite, input.id, w.today);
    }),

  'views/list': ({ screen }, ctx) => listViews(readScope(ctx).sqlite, screen),
  'views/save': (input, ctx) => {
    const w = writeScope(ctx);
    return writeTransaction(w.sqlite, () => saveView(w.sqlite, input, w.at));
  },
  'views/delete': ({ id }, ctx) => {
    const w = writeScope(ctx);
    return { deleted: writeTransaction(w.sqlite, () => deleteView(w.sqlite, id)) };
  },

  // Listing brings the alerts up to date first: health changes with the calendar, not only with writes.
  'alerts/list': (_args, ctx) => {
    const w = writeScope(ctx);
    const today = workspaceToday(w.sqlite, ctx.now());
    return writeTransaction(w.sqlite, () => {
      syncClientAlerts(w.sqlite, today, w.at);
      return listAlerts(w.sqlite);
    });
  },
  'alerts/dismiss': ({ id }, ctx) => {
    const w = writeScope(ctx);
    return { dismissed: writeTransaction(w.sqlite, () => dismissAlert(w.sqlite, id, w.at)) };
  },

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

  'invoices/list': ({ status, clientId, asOf }, ctx) => {
    const r = readScope(ctx);
    return listInvoices(r.sqlite, { status, clientId }, asOf ?? r.today);
  },
  'invoices/get': ({ id }, ctx) => {
    const r = readScope(ctx);
    return getInvoice(r.sqlite, id, r.today);
  },
  'invoices/createDraft': (input, ctx) =>
    act(ctx, (w) => {
      const id = insertDraft(w.sqlite, { ...input, kind: 'manual' }, w);
      return getInvoice(w.sqlite, id, w.today);
    }),
  'invoices/draftFrom': (input, ctx) =>
    act(ctx, (w) => {
      const id =
        input.kind === 'subscription'
          ? subscriptionMonthDraft(w.sqlite, input.subscriptionId, input.month, w)
          : input.kind === 'deposit'
            ? depositDraft(w.sqlite, input.projectId, w)
            : deliveryDraft(w.sqlite, input.projectId, w);
      return getInvoice(w.sqlite, id, w.today);
    }),
  'invoices/updateDraft': (input, ctx) =>
    act(ctx, (w) => {
      updateDraft(w.sqlite, input, w);
      return getInvoice(w.sqlite, input.id, w.today);
    }),
  'invoices/issue': ({ id, issueDate }, ctx) =>
    act(ctx, (w) => {
      issueInvoice(w.sqlite, id, issueDate ?? w.today, w);
      return getInvoice(w.sqlite, id, w.today);
    }),
  'invoices/void': ({ id, reason }, ctx) =>
    act(ctx, (w) => {
      voidInvoice(w.sqlite, id, reason, w);
      return getInvoice(w.sqlite, id, w.today);
    }),
  'invoices/creditNote': ({ invoiceId, amountMinor, reason, issueDate }, ctx) =>
    act(ctx, (w) => {
      const id = creditNote(w.sqlite, { invoiceId, amountMinor, reason, issueDate: issueDate ?? w.today }, w.today, w);
      return getInvoice(w.sqlite, id, w.today);
    }),
  'payments/record': (input, ctx) =>
    act(ctx, (w) => {
      recordPayment(w.sqlite, input, w.today, w);
      return getInvoice(w.sqlite, input.invoiceId, w.today);
    }),

  'expenses/month': ({ month }, ctx) => expenseMonth(readScope(ctx).sqlite, month),
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

  'fx/list': ({ currency }, ctx) => listRates(readScope(ctx).sqlite, currency),
  'fx/set': (input, ctx) => act(ctx, (w) => setRate(w.sqlite, input, w)),
  'fx/delete': ({ currency, date }, ctx) => act(ctx, (w) => ({ deleted: deleteRate(w.sqlite, currency, date, w) })),
} satisfies Partial<Handlers<CoreContext>>;
