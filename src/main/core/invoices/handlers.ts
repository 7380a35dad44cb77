/** Invoices, credit notes and payments. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { assertHubExists } from '../hubs/repo';
import { subscriptionMonthDraft } from '../subscriptions/repo';
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
} from './repo';

export const invoicesHandlers = {
  'invoices/list': ({ asOf, ...query }, ctx) => {
    const r = readScope(ctx);
    // A hub that does not exist is NOT_FOUND, as for subscriptions, MRR and expenses, not an empty list.
    assertHubExists(r.sqlite, query.hubId);
    return listInvoices(r.sqlite, query, asOf ?? r.today);
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
} satisfies Partial<Handlers<CoreContext>>;
