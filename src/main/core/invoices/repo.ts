/**
 * Invoices, credit notes and payments. Every action is one BEGIN IMMEDIATE
 * transaction (the handler wraps it), so two processes issuing at once are
 * serialized by SQLite and the next number is read and written atomically:
 * no gaps, no duplicates (a unique index on (series, seq) backs it up).
 */
import { addDays } from '../../../shared/dates';
import type { AgingBucket, Currency, InvoiceKind, PaymentMethod } from '../../../shared/domain';
import { AGING_BUCKETS, CURRENCIES } from '../../../shared/domain';
import { amountText, failure } from '../../../shared/errors';
import type { Invoice, InvoiceLine, InvoiceList, InvoiceSummary, Payment } from '../../../shared/money';
import type { InvoiceLineInput, InvoiceQuery } from '../../../shared/money-schemas';
import { audit } from '../audit/log';
import { cached, type Sqlite } from '../db/client';
import { convertMinor } from '../fx/engine';
import { loadConverter, rateTableOn } from '../fx/repo';
import { recordStage } from '../projects/history';
import {
  agingBucket,
  daysOverdue,
  defaultTaxRateBp,
  displayStatus,
  formatNumber,
  invoiceTotals,
  isReverseCharge,
  lineAmounts,
  type StoredStatus,
  seriesFor,
} from './engine';
import { buildLedger, selectLedger, sortLedger, workspaceLedger } from './ledger';

export interface Stamp {
  at: string;
  actor: string;
}

interface InvoiceRow {
  id: number;
  number: string | null;
  kind: InvoiceKind;
  client_id: number;
  client_name: string;
  project_id: number | null;
  subscription_id: number | null;
  credits_invoice_id: number | null;
  currency: Currency;
  issue_date: string | null;
  due_date: string | null;
  status: StoredStatus;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
  paid_minor: number;
  credited_minor: number;
  paid_on: string | null;
  reverse_charge: number;
}

const SUMMARY_SQL = `
  SELECT i.id, i.number, i.kind, i.client_id, c.name AS client_name, i.project_id, i.subscription_id,
         i.credits_invoice_id, i.currency, i.issue_date, i.due_date, i.status, i.net_minor, i.tax_minor,
         i.total_minor, i.paid_on, i.reverse_charge,
         coalesce((SELECT sum(p.applied_minor) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_minor,
         coalesce((SELECT sum(cn.total_minor) FROM invoices cn
                   WHERE cn.credits_invoice_id = i.id AND cn.status <> 'void'), 0) AS credited_minor
  FROM invoices i JOIN clients c ON c.id = i.client_id`;

function toSummary(r: InvoiceRow, today: string): InvoiceSummary {
  const open = r.status === 'sent' && r.kind !== 'credit_note';
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    clientId: r.client_id,
    clientName: r.client_name,
    projectId: r.project_id,
    subscriptionId: r.subscription_id,
    creditsInvoiceId: r.credits_invoice_id,
    currency: r.currency,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    status: displayStatus(r.status, r.due_date, today),
    netMinor: r.net_minor,
    taxMinor: r.tax_minor,
    totalMinor: r.total_minor,
    paidMinor: r.paid_minor,
    creditedMinor: r.credited_minor,
    balanceMinor: open ? r.total_minor - r.paid_minor - r.credited_minor : 0,
    daysOverdue: open ? daysOverdue(r.status, r.due_date, today) : 0,
    agingBucket: open && r.issue_date ? agingBucket(r.issue_date, today) : null,
    paidOn: r.paid_on,
    reverseCharge: r.reverse_charge === 1,
  };
}

function summaryRow(sqlite: Sqlite, id: number): InvoiceRow {
  const row = cached(sqlite, `${SUMMARY_SQL} WHERE i.id = ?`).get(id) as InvoiceRow | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.invoice', { id });
  return row;
}

/**
 * The invoices a filter keeps, in the order asked for (drafts first, then the
 * newest issued, without one), with the counts per status and the aging of
 * open receivables. With a `limit`, only the first rows become summaries.
 */
export function listInvoices(sqlite: Sqlite, query: InvoiceQuery, today: string): InvoiceList {
  // One read transaction: the ledger's order and counts and the rows' amounts come from the same data.
  if (sqlite.inTransaction) return listWithin(sqlite, query, today, false);
  return sqlite.transaction(() => listWithin(sqlite, query, today, true))();
}

function listWithin(sqlite: Sqlite, query: InvoiceQuery, today: string, readOnly: boolean): InvoiceList {
  const ledger =
    query.clientId === undefined
      ? workspaceLedger(sqlite, today, readOnly)
      : buildLedger(sqlite, today, query.clientId);
  const { matches, counts, open } = selectLedger(ledger, query);
  const ordered = query.sort ? sortLedger(ledger, matches, query.sort) : matches;
  const shown = query.limit === undefined ? ordered : ordered.slice(0, query.limit);
  const converter = loadConverter(sqlite);
  const aging = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, { count: 0, parts: [] as { minor: number; currency: string; date: string }[] }]),
  ) as Record<AgingBucket, { count: number; parts: { minor: number; currency: string; date: string }[] }>;
  for (const i of open) {
    const bucket = aging[AGING_BUCKETS[ledger.bucket[i]!]!];
    bucket.count++;
    bucket.parts.push({ minor: ledger.balance[i]!, currency: CURRENCIES[ledger.currency[i]!]!, date: today });
  }
  return {
    asOf: today,
    reportingCurrency: converter.reporting,
    invoices: summariesOf(
      sqlite,
      shown.map((i) => ledger.ids[i]!),
      today,
    ),
    total: matches.length,
    counts,
    aging: Object.fromEntries(
      AGING_BUCKETS.map((b) => [b, { count: aging[b].count, balanceMinor: converter.sum(aging[b].parts) }]),
    ) as InvoiceList['aging'],
    missingRates: converter.missingRates(),
  };
}

/** Summaries of the invoices named, in the order named. */
function summariesOf(sqlite: Sqlite, ids: number[], today: string): InvoiceSummary[] {
  const byId = new Map<number, InvoiceSummary>();
  // Iterated, not read whole: the CLI asks for every invoice (~240k rows at the massive profile).
  const rows = cached(sqlite, `${SUMMARY_SQL} WHERE i.id IN (SELECT value FROM json_each(?))`).iterate(
    JSON.stringify(ids),
  ) as IterableIterator<InvoiceRow>;
  for (const r of rows) byId.set(r.id, toSummary(r, today));
  return ids.map((id) => byId.get(id)!);
}

/** One invoice's summary (amounts, balance, status) without its lines, payments and issuer. */
export function invoiceSummary(sqlite: Sqlite, id: number, today: string): InvoiceSummary {
  return toSummary(summaryRow(sqlite, id), today);
}

export function getInvoice(sqlite: Sqlite, id: number, today: string): Invoice {
  const summary = invoiceSummary(sqlite, id, today);
  const extra = cached(
    sqlite,
    `SELECT i.notes, i.void_reason, i.hub_id, c.country AS client_country, c.email AS client_email,
              c.payment_terms_days AS client_terms_days,
              h.name AS hub_name, h.country AS hub_country, s.name AS ws_name, s.logo_data_url
       FROM invoices i JOIN clients c ON c.id = i.client_id LEFT JOIN hubs h ON h.id = i.hub_id
       JOIN workspace_settings s ON s.id = 1 WHERE i.id = ?`,
  ).get(id) as {
    notes: string | null;
    void_reason: string | null;
    client_country: string;
    client_email: string | null;
    client_terms_days: number;
    hub_name: string | null;
    hub_country: string | null;
    ws_name: string;
    logo_data_url: string | null;
  };
  const lines = cached(
    sqlite,
    `SELECT id, description, quantity, unit_price_minor AS unitPriceMinor, tax_rate_bp AS taxRateBp,
              net_minor AS netMinor, tax_minor AS taxMinor
       FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
  ).all(id) as InvoiceLine[];
  const payments = cached(
    sqlite,
    `SELECT id, invoice_id AS invoiceId, paid_on AS paidOn, amount_minor AS amountMinor, currency,
              applied_minor AS appliedMinor, method, note, created_at AS createdAt
       FROM payments WHERE invoice_id = ? ORDER BY paid_on, id`,
  ).all(id) as Payment[];
  const creditNotes = cached(
    sqlite,
    `SELECT id, number, total_minor AS totalMinor, issue_date AS issueDate FROM invoices
       WHERE credits_invoice_id = ? AND status <> 'void' ORDER BY id`,
  ).all(id) as Invoice['creditNotes'];
  return {
    ...summary,
    lines,
    payments,
    creditNotes,
    notes: extra.notes,
    voidReason: extra.void_reason,
    client: { name: summary.clientName, country: extra.client_country, email: extra.client_email },
    clientTermsDays: extra.client_terms_days,
    issuer: {
      name: extra.ws_name,
      country: extra.hub_country ?? '',
      email: null,
      logoDataUrl: extra.logo_data_url,
      hubName: extra.hub_name,
    },
  };
}

// ---------- writing ----------

interface ClientBilling {
  id: number;
  name: string;
  country: string;
  hub_id: number | null;
  hub_country: string | null;
  payment_terms_days: number;
  deposit_pct: number;
}

function clientBilling(sqlite: Sqlite, clientId: number): ClientBilling {
  const row = cached(
    sqlite,
    `SELECT c.id, c.name, c.country, c.hub_id, h.country AS hub_country, c.payment_terms_days, c.deposit_pct
       FROM clients c LEFT JOIN hubs h ON h.id = c.hub_id WHERE c.id = ?`,
  ).get(clientId) as ClientBilling | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.client', { id: clientId }, 'clientId');
  return row;
}

function writeLines(sqlite: Sqlite, invoiceId: number, lines: readonly Required<InvoiceLineInput>[]): void {
  cached(sqlite, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoiceId);
  const insert = cached(
    sqlite,
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, tax_rate_bp, net_minor, tax_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) => {
    const a = lineAmounts(l);
    insert.run(invoiceId, i + 1, l.description, l.quantity, l.unitPriceMinor, l.taxRateBp, a.netMinor, a.taxMinor);
  });
  const t = invoiceTotals(lines);
  cached(sqlite, 'UPDATE invoices SET net_minor = ?, tax_minor = ?, total_minor = ? WHERE id = ?').run(
    t.netMinor,
    t.taxMinor,
    t.totalMinor,
    invoiceId,
  );
}

export interface DraftInput {
  kind: InvoiceKind;
  clientId: number;
  currency: Currency;
  lines: Required<InvoiceLineInput>[];
  notes: string | null;
  projectId: number | null;
  subscriptionId?: number | null;
  periodMonth?: string | null;
  creditsInvoiceId?: number | null;
  /** Defaults to the client's hub. */
  hubId?: number | null;
}

function assertPositive(lines: readonly Required<InvoiceLineInput>[]): void {
  if (invoiceTotals(lines).totalMinor <= 0) throw failure('BAD_REQUEST', 'invoice.totalNotPositive', {}, 'lines');
}

export function insertDraft(sqlite: Sqlite, input: DraftInput, stamp: Stamp): number {
  const client = clientBilling(sqlite, input.clientId);
  if (input.projectId !== null) {
    const p = cached(sqlite, 'SELECT client_id FROM projects WHERE id = ?').get(input.projectId) as
      | { client_id: number }
      | undefined;
    if (!p) throw failure('NOT_FOUND', 'notFound.project', { id: input.projectId }, 'projectId');
    if (p.client_id !== input.clientId) throw failure('BAD_REQUEST', 'invoice.projectOtherClient', {}, 'projectId');
  }
  if (input.kind !== 'credit_note') assertPositive(input.lines);
  const hubId = input.hubId === undefined ? client.hub_id : input.hubId;
  const hubCountry =
    hubId === null
      ? null
      : ((cached(sqlite, 'SELECT country FROM hubs WHERE id = ?').get(hubId) as { country: string } | undefined)
          ?.country ?? null);
  const r = cached(
    sqlite,
    `INSERT INTO invoices (kind, client_id, hub_id, project_id, subscription_id, period_month, credits_invoice_id,
         currency, status, reverse_charge, net_minor, tax_minor, total_minor, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, 0, 0, 0, ?, ?, ?)`,
  ).run(
    input.kind,
    input.clientId,
    hubId,
    input.projectId,
    input.subscriptionId ?? null,
    input.periodMonth ?? null,
    input.creditsInvoiceId ?? null,
    input.currency,
    isReverseCharge(hubCountry, client.country) ? 1 : 0,
    input.notes,
    stamp.at,
    stamp.at,
  );
  const id = Number(r.lastInsertRowid);
  writeLines(sqlite, id, input.lines);
  audit(sqlite, { ...stamp, action: 'create_draft', entity: 'invoice', entityId: id, detail: { kind: input.kind } });
  return id;
}

function requireStored(sqlite: Sqlite, id: number) {
  const row = cached(
    sqlite,
    'SELECT id, status, kind, client_id, project_id, currency, issue_date, credits_invoice_id FROM invoices WHERE id = ?',
  ).get(id) as
    | {
        id: number;
        status: StoredStatus;
        kind: InvoiceKind;
        client_id: number;
        project_id: number | null;
        currency: Currency;
        issue_date: string | null;
        credits_invoice_id: number | null;
      }
    | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.invoice', { id });
  return row;
}

export function updateDraft(
  sqlite: Sqlite,
  input: {
    id: number;
    currency?: Currency | undefined;
    lines?: Required<InvoiceLineInput>[] | undefined;
    notes?: string | null | undefined;
  },
  stamp: Stamp,
): void {
  const row = requireStored(sqlite, input.id);
  if (row.status !== 'draft') throw failure('CONFLICT', 'invoice.onlyDraftEditable');
  if (input.lines) {
    if (row.kind !== 'credit_note') assertPositive(input.lines);
    writeLines(sqlite, input.id, input.lines);
  }
  if (input.currency !== undefined)
    cached(sqlite, 'UPDATE invoices SET currency = ? WHERE id = ?').run(input.currency, input.id);
  if (input.notes !== undefined)
    cached(sqlite, 'UPDATE invoices SET notes = ? WHERE id = ?').run(input.notes, input.id);
  cached(sqlite, 'UPDATE invoices SET updated_at = ? WHERE id = ?').run(stamp.at, input.id);
  audit(sqlite, { ...stamp, action: 'update_draft', entity: 'invoice', entityId: input.id });
}

/** Gives a draft the next number of its series and sends it. */
export function issueInvoice(sqlite: Sqlite, id: number, issueDate: string, stamp: Stamp): string {
  const row = requireStored(sqlite, id);
  if (row.status !== 'draft') throw failure('CONFLICT', 'invoice.alreadyIssued');
  const series = seriesFor(row.kind === 'credit_note' ? 'credit_note' : 'invoice', issueDate);
  // Numbers follow dates, so the highest number carries the latest issue date (an index lookup).
  const last = (cached(
    sqlite,
    'SELECT seq, issue_date AS date FROM invoices WHERE series = ? ORDER BY seq DESC LIMIT 1',
  ).get(series) as { seq: number; date: string } | undefined) ?? { seq: null, date: null };
  if (last.date !== null && issueDate < last.date)
    throw failure('BAD_REQUEST', 'invoice.numberOrder', { series, date: last.date }, 'issueDate');
  const seq = (last.seq ?? 0) + 1;
  const number = formatNumber(series, seq);
  const client = cached(sqlite, 'SELECT payment_terms_days AS days FROM clients WHERE id = ?').get(row.client_id) as {
    days: number;
  };
  const credit = row.kind === 'credit_note';
  cached(
    sqlite,
    `UPDATE invoices SET series = ?, seq = ?, number = ?, status = ?, issue_date = ?, due_date = ?, paid_on = ?,
         updated_at = ? WHERE id = ?`,
  ).run(
    series,
    seq,
    number,
    // A credit note is settled the moment it is issued: it reduces what the client owes.
    credit ? 'paid' : 'sent',
    issueDate,
    credit ? issueDate : addDays(issueDate, client.days),
    credit ? issueDate : null,
    stamp.at,
    id,
  );
  audit(sqlite, { ...stamp, action: 'issue', entity: 'invoice', entityId: id, detail: { number } });
  if (row.kind === 'delivery' && row.project_id !== null)
    recordStage(sqlite, row.project_id, 'invoiced', stamp.at, stamp.actor);
  return number;
}

export function voidInvoice(sqlite: Sqlite, id: number, reason: string, stamp: Stamp): void {
  const row = requireStored(sqlite, id);
  if (row.status === 'void') throw failure('CONFLICT', 'invoice.alreadyVoid');
  if (row.kind === 'credit_note') throw failure('CONFLICT', 'invoice.creditNoteNoVoid');
  const money = cached(
    sqlite,
    `SELECT (SELECT count(*) FROM payments WHERE invoice_id = ?) AS payments,
              (SELECT count(*) FROM invoices WHERE credits_invoice_id = ? AND status <> 'void') AS credits`,
  ).get(id, id) as { payments: number; credits: number };
  if (money.payments > 0) throw failure('CONFLICT', 'invoice.paidNoVoid');
  if (money.credits > 0) throw failure('CONFLICT', 'invoice.creditedNoVoid');
  cached(sqlite, "UPDATE invoices SET status = 'void', void_reason = ?, updated_at = ? WHERE id = ?").run(
    reason,
    stamp.at,
    id,
  );
  audit(sqlite, { ...stamp, action: 'void', entity: 'invoice', entityId: id, detail: { reason } });
}

function openBalance(sqlite: Sqlite, id: number, today: string): InvoiceSummary {
  return requireOpen(invoiceSummary(sqlite, id, today));
}

/** The invoice, when payments and credits can still be recorded against it. */
function requireOpen(s: InvoiceSummary): InvoiceSummary {
  if (s.kind === 'credit_note') throw failure('CONFLICT', 'invoice.creditNoteNoPayments');
  if (s.status === 'draft') throw failure('CONFLICT', 'invoice.draftNoPayments');
  if (s.status === 'void') throw failure('CONFLICT', 'invoice.isVoid');
  if (s.status === 'paid') throw failure('CONFLICT', 'invoice.alreadyPaid');
  return s;
}

/** Settles an open invoice once `received` (a payment or credit just recorded against it) covers its balance. */
function settleIfPaid(sqlite: Sqlite, inv: InvoiceSummary, received: number, on: string, stamp: Stamp): void {
  if (inv.balanceMinor - received > 0) return;
  cached(sqlite, "UPDATE invoices SET status = 'paid', paid_on = ?, updated_at = ? WHERE id = ?").run(
    on,
    stamp.at,
    inv.id,
  );
  // The final invoice settled: the project reaches PAID (PRODUCT.md §3.1).
  if (inv.kind === 'delivery' && inv.projectId !== null)
    recordStage(sqlite, inv.projectId, 'paid', stamp.at, stamp.actor);
}

/** Issues a credit note against an open invoice; returns its id. */
export function creditNote(
  sqlite: Sqlite,
  input: { invoiceId: number; amountMinor: number; reason: string; issueDate: string },
  today: string,
  stamp: Stamp,
): number {
  const inv = openBalance(sqlite, input.invoiceId, today);
  if (input.amountMinor > inv.balanceMinor)
    throw failure(
      'BAD_REQUEST',
      'invoice.creditOverBalance',
      {
        amount: amountText(input.amountMinor, inv.currency),
        balance: amountText(inv.balanceMinor, inv.currency),
        currency: inv.currency,
      },
      'amountMinor',
    );
  if (inv.issueDate && input.issueDate < inv.issueDate)
    throw failure('BAD_REQUEST', 'invoice.creditBeforeInvoice', {}, 'issueDate');
  const id = insertDraft(
    sqlite,
    {
      kind: 'credit_note',
      clientId: inv.clientId,
      currency: inv.currency,
      lines: [
        {
          description: `Credit for ${inv.number}: ${input.reason}`,
          quantity: 1,
          unitPriceMinor: input.amountMinor,
          taxRateBp: 0,
        },
      ],
      notes: input.reason,
      projectId: inv.projectId,
      creditsInvoiceId: inv.id,
    },
    stamp,
  );
  issueInvoice(sqlite, id, input.issueDate, stamp);
  settleIfPaid(sqlite, inv, input.amountMinor, input.issueDate, stamp);
  return id;
}

type PaymentInput = {
  invoiceId: number;
  paidOn: string;
  amountMinor: number;
  currency: Currency;
  method: PaymentMethod;
  note: string | null;
};

export function recordPayment(sqlite: Sqlite, input: PaymentInput, today: string, stamp: Stamp): void {
  recordPaymentAgainst(sqlite, invoiceSummary(sqlite, input.invoiceId, today), input, today, stamp);
}

/** recordPayment for a caller that has just read the invoice's summary (the demo reads it to size the payment). */
export function recordPaymentAgainst(
  sqlite: Sqlite,
  summary: InvoiceSummary,
  input: Omit<PaymentInput, 'invoiceId'>,
  today: string,
  stamp: Stamp,
): void {
  const inv = requireOpen(summary);
  if (inv.issueDate && input.paidOn < inv.issueDate)
    throw failure('BAD_REQUEST', 'invoice.paymentBeforeInvoice', { date: inv.issueDate }, 'paidOn');
  if (input.paidOn > today) throw failure('BAD_REQUEST', 'invoice.paymentInFuture', {}, 'paidOn');
  let applied = input.amountMinor;
  if (input.currency !== inv.currency) {
    const converted = convertMinor(
      rateTableOn(sqlite, [input.currency, inv.currency], input.paidOn),
      input.amountMinor,
      input.currency,
      inv.currency,
      input.paidOn,
    );
    if (converted === null)
      throw failure(
        'FX_RATE_MISSING',
        'invoice.paymentRateMissing',
        { from: input.currency, to: inv.currency, date: input.paidOn },
        'currency',
      );
    // A cent of rounding on a payment that settles the invoice is not an overpayment.
    applied = Math.abs(converted - inv.balanceMinor) <= 1 ? inv.balanceMinor : converted;
  }
  if (applied <= 0) throw failure('BAD_REQUEST', 'invoice.paymentTooSmall', {}, 'amountMinor');
  if (applied > inv.balanceMinor)
    throw failure(
      'BAD_REQUEST',
      'invoice.paymentOverBalance',
      {
        amount: amountText(applied, inv.currency),
        balance: amountText(inv.balanceMinor, inv.currency),
        currency: inv.currency,
      },
      'amountMinor',
    );
  const r = cached(
    sqlite,
    `INSERT INTO payments (invoice_id, paid_on, amount_minor, currency, applied_minor, method, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(inv.id, input.paidOn, input.amountMinor, input.currency, applied, input.method, input.note, stamp.at);
  settleIfPaid(sqlite, inv, applied, input.paidOn, stamp);
  audit(sqlite, {
    ...stamp,
    action: 'record_payment',
    entity: 'invoice',
    entityId: inv.id,
    detail: { paymentId: Number(r.lastInsertRowid), amountMinor: input.amountMinor, currency: input.currency },
  });
}

// ---------- drafts computed from records ----------

export function taxRateFor(sqlite: Sqlite, clientId: number): number {
  const c = clientBilling(sqlite, clientId);
  return isReverseCharge(c.hub_country, c.country) ? 0 : defaultTaxRateBp(c.hub_country, c.country);
}

interface ProjectForBilling {
  id: number;
  name: string;
  client_id: number;
  hub_id: number;
  value_minor: number;
  currency: Currency;
  stage: string;
}

function projectForBilling(sqlite: Sqlite, projectId: number): ProjectForBilling {
  const p = cached(
    sqlite,
    'SELECT id, name, client_id, hub_id, value_minor, currency, stage FROM projects WHERE id = ?',
  ).get(projectId) as ProjectForBilling | undefined;
  if (!p) throw failure('NOT_FOUND', 'notFound.project', { id: projectId }, 'projectId');
  if (p.stage === 'cancelled') throw failure('CONFLICT', 'invoice.projectCancelled');
  return p;
}

/** The deposit: the client's deposit % of the project value. */
export function depositDraft(sqlite: Sqlite, projectId: number, stamp: Stamp): number {
  const p = projectForBilling(sqlite, projectId);
  const client = clientBilling(sqlite, p.client_id);
  if (client.deposit_pct === 0) throw failure('CONFLICT', 'invoice.noDepositTerms', { client: client.name });
  const existing = cached(
    sqlite,
    "SELECT count(*) AS n FROM invoices WHERE project_id = ? AND kind = 'deposit' AND status <> 'void'",
  ).get(projectId) as { n: number };
  if (existing.n > 0) throw failure('CONFLICT', 'invoice.depositExists');
  const amount = Math.round((p.value_minor * client.deposit_pct) / 100);
  return insertDraft(
    sqlite,
    {
      kind: 'deposit',
      clientId: p.client_id,
      currency: p.currency,
      lines: [
        {
          description: `Deposit ${client.deposit_pct}% · ${p.name}`,
          quantity: 1,
          unitPriceMinor: amount,
          taxRateBp: taxRateFor(sqlite, p.client_id),
        },
      ],
      notes: null,
      projectId,
      hubId: p.hub_id,
    },
    stamp,
  );
}

/** The final invoice: the project value less every live deposit invoiced for it. */
export function deliveryDraft(sqlite: Sqlite, projectId: number, stamp: Stamp): number {
  const p = projectForBilling(sqlite, projectId);
  const existing = cached(
    sqlite,
    "SELECT count(*) AS n FROM invoices WHERE project_id = ? AND kind = 'delivery' AND status <> 'void'",
  ).get(projectId) as { n: number };
  if (existing.n > 0) throw failure('CONFLICT', 'invoice.finalExists');
  const tax = taxRateFor(sqlite, p.client_id);
  const deposits = cached(
    sqlite,
    "SELECT number, net_minor FROM invoices WHERE project_id = ? AND kind = 'deposit' AND status <> 'void' ORDER BY id",
  ).all(projectId) as { number: string | null; net_minor: number }[];
  const lines: Required<InvoiceLineInput>[] = [
    { description: p.name, quantity: 1, unitPriceMinor: p.value_minor, taxRateBp: tax },
    ...deposits.map((d) => ({
      description: `Less deposit ${d.number ?? '(draft)'}`,
      quantity: 1,
      unitPriceMinor: -d.net_minor,
      taxRateBp: tax,
    })),
  ];
  return insertDraft(
    sqlite,
    { kind: 'delivery', clientId: p.client_id, currency: p.currency, lines, notes: null, projectId, hubId: p.hub_id },
    stamp,
  );
}
