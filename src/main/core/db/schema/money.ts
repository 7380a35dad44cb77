/**
 * Clients and money (issue 3): subscriptions with an effective-dated change
 * history, invoices with gapless numbers, payments, expenses, FX rates, and
 * the alerts and saved views later screens share. No money record is ever
 * deleted: invoices are voided or credited, expenses are voided.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { hubs, services } from './org';
import { clients, projects } from './sales';

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    currency: text('currency').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('subscriptions_client').on(t.clientId)],
);

/** The history of a subscription: its fee and state are replayed from these rows, never overwritten. */
export const subscriptionChanges = sqliteTable(
  'subscription_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    /** 'start' | 'change' | 'pause' | 'resume' | 'cancel'. */
    kind: text('kind').notNull(),
    /** Local calendar date the change takes effect, YYYY-MM-DD. */
    effectiveOn: text('effective_on').notNull(),
    /** The monthly fee from this change on (start, change only). */
    feeMinor: integer('fee_minor'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('subscription_changes_sub').on(t.subscriptionId, t.effectiveOn),
    check(
      'subscription_changes_fee',
      sql`(${t.kind} IN ('start', 'change')) = (${t.feeMinor} IS NOT NULL) AND (${t.feeMinor} IS NULL OR ${t.feeMinor} > 0)`,
    ),
  ],
);

export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Numbering series, e.g. 'INV-2026' or 'CN-2026'; null while a draft. */
    series: text('series'),
    /** Position in the series: 1, 2, 3 … with no gaps. */
    seq: integer('seq'),
    /** `${series}-${seq padded}`, e.g. INV-2026-0007. */
    number: text('number'),
    /** 'deposit' | 'delivery' | 'subscription' | 'manual' | 'credit_note'. */
    kind: text('kind').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    hubId: integer('hub_id').references(() => hubs.id),
    projectId: integer('project_id').references(() => projects.id),
    subscriptionId: integer('subscription_id').references(() => subscriptions.id),
    /** The subscription month billed, YYYY-MM. */
    periodMonth: text('period_month'),
    creditsInvoiceId: integer('credits_invoice_id').references((): AnySQLiteColumn => invoices.id),
    currency: text('currency').notNull(),
    /** Stored: 'draft' | 'sent' | 'paid' | 'void'; due and overdue are computed from the due date. */
    status: text('status').notNull(),
    issueDate: text('issue_date'),
    dueDate: text('due_date'),
    paidOn: text('paid_on'),
    reverseCharge: integer('reverse_charge', { mode: 'boolean' }).notNull().default(false),
    netMinor: integer('net_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    notes: text('notes'),
    voidReason: text('void_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoices_series_seq').on(t.series, t.seq),
    uniqueIndex('invoices_number').on(t.number),
    // One live final invoice per project, and one live invoice per subscription month.
    uniqueIndex('invoices_project_delivery').on(t.projectId).where(sql`kind = 'delivery' AND status <> 'void'`),
    uniqueIndex('invoices_subscription_month')
      .on(t.subscriptionId, t.periodMonth)
      .where(sql`kind = 'subscription' AND status <> 'void'`),
    index('invoices_client').on(t.clientId),
    index('invoices_project').on(t.projectId),
    index('invoices_credits').on(t.creditsInvoiceId),
    index('invoices_status').on(t.status, t.dueDate),
    // Days to collect (DSO) of a period: the invoices settled in it, with what the mean needs.
    index('invoices_paid').on(t.paidOn, t.hubId, t.issueDate).where(sql`status = 'paid' AND kind <> 'credit_note'`),
    check('invoices_status_known', sql`${t.status} IN ('draft', 'sent', 'paid', 'void')`),
    check('invoices_numbered', sql`(${t.status} = 'draft') = (${t.number} IS NULL)`),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull(),
    netMinor: integer('net_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
  },
  (t) => [index('invoice_lines_invoice').on(t.invoiceId, t.position)],
);

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paidOn: text('paid_on').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** The amount in the invoice's currency, converted at the rates in force on `paid_on`. */
    appliedMinor: integer('applied_minor').notNull(),
    method: text('method').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_invoice').on(t.invoiceId),
    // Payments by date, with what the finance KPIs' "collected" sums (and the invoice, for a hub): read from it alone.
    index('payments_paid_on').on(t.paidOn, t.currency, t.amountMinor, t.invoiceId),
    check('payments_positive', sql`${t.amountMinor} > 0 AND ${t.appliedMinor} > 0`),
  ],
);

export const expenses = sqliteTable(
  'expenses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    /** 'cost_of_delivery' | 'tools' | 'infrastructure' | 'marketing_sales' | 'other'. */
    category: text('category').notNull(),
    hubId: integer('hub_id').references(() => hubs.id),
    description: text('description').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    /** 'none' | 'monthly' (recurs on the same day each month, clamped to short months). */
    recurrence: text('recurrence').notNull(),
    recurrenceEndMonth: text('recurrence_end_month'),
    voidedAt: text('voided_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('expenses_date').on(t.date), check('expenses_positive', sql`${t.amountMinor} > 0`)],
);

/** Units of the reporting currency for one unit of `currency`; the rate in force is the latest on or before a date. */
export const fxRates = sqliteTable(
  'fx_rates',
  {
    currency: text('currency').notNull(),
    date: text('date').notNull(),
    rate: real('rate').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.date] }), check('fx_rates_positive', sql`${t.rate} > 0`)],
);

/** Named filter/sort states of a screen (clients table views, lead segments). */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    screen: text('screen').notNull(),
    name: text('name').notNull(),
    /** JSON. */
    state: text('state').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('saved_views_name').on(t.screen, sql`lower(${t.name})`)],
);

/** Alerts raised by rules (shared by every dashboard). One open alert per rule and record. */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'URGENT' | 'ATTENTION' | 'OPPORTUNITY' | 'INFO'. */
    priority: text('priority').notNull(),
    rule: text('rule').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    /** JSON values for the sentence. */
    params: text('params').notNull(),
    raisedAt: text('raised_at').notNull(),
    dismissedAt: text('dismissed_at'),
    /** Set when the condition no longer holds. */
    resolvedAt: text('resolved_at'),
  },
  (t) => [uniqueIndex('alerts_open').on(t.rule, t.entity, t.entityId).where(sql`resolved_at IS NULL`)],
);
