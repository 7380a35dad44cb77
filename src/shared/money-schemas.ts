/** Input schemas of the clients-and-money methods (shared by the core and the forms). */
import { z } from 'zod';
import {
  AGING_BUCKETS,
  CURRENCIES,
  EXPENSE_CATEGORIES,
  INVOICE_STATUSES,
  PAYMENT_METHODS,
  TIERS,
  VERTICALS,
} from './domain';
import { INVOICE_SORT_COLUMNS } from './money';
import { countrySchema, currencySchema, isoDateSchema, monthSchema } from './schemas';

const id = z.number().int().positive();
const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} can be at most ${max} characters.`);
const optionalNote = z.string().trim().max(500, 'A note can be at most 500 characters.').nullable().default(null);

/**
 * A positive amount in minor units (cents). The size is checked before the cents: an amount typed past
 * 2^53 cents is no exact integer any more, and must read "too large", not "whole cents".
 */
export const amountSchema = z
  .number({ message: 'The amount must be a number.' })
  .positive('The amount must be more than zero.')
  .max(100_000_000_000, 'The amount is too large.')
  .int('The amount must be whole cents.');

const tierSchema = z.union(
  TIERS.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>],
  {
    message: 'The tier must be 1, 2 or 3.',
  },
);

export const asOfSchema = z.object({ asOf: isoDateSchema.optional() }).strict();

// ---------- Clients ----------

const clientFields = z.object({
  name: text('The client name', 120),
  tier: tierSchema,
  vertical: z.enum(VERTICALS),
  hubId: id.nullable(),
  country: countrySchema,
  email: z.email('That email address does not look right.').nullable(),
  paymentTermsDays: z
    .number({ message: 'Payment terms must be a number of days.' })
    .int('Payment terms must be whole days.')
    .min(0, 'Payment terms cannot be negative.')
    .max(180, 'Payment terms can be at most 180 days.'),
  depositPct: z
    .number({ message: 'The deposit must be a percentage.' })
    .int('The deposit must be a whole percentage.')
    .min(0, 'The deposit cannot be negative.')
    .max(100, 'The deposit cannot exceed 100%.'),
});

export const clientInputSchema = clientFields
  .extend({
    paymentTermsDays: clientFields.shape.paymentTermsDays.default(15),
    depositPct: clientFields.shape.depositPct.default(0),
  })
  .strict();
export type ClientInput = z.input<typeof clientInputSchema>;

export const clientUpdateSchema = z.object({ id, patch: clientFields.partial().strict() }).strict();
export type ClientUpdate = z.infer<typeof clientUpdateSchema>;

export const clientGetSchema = z.object({ id, asOf: isoDateSchema.optional() }).strict();

export const clientLookupSchema = z
  .object({
    search: z.string().trim().max(120, 'Search at most 120 characters.').default(''),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

// ---------- Saved views ----------

export const viewListSchema = z.object({ screen: text('The screen', 40) }).strict();
/** The longest saved view (segment) name. */
export const VIEW_NAME_MAX = 60;

export const viewSaveSchema = z
  .object({ screen: text('The screen', 40), name: text('The view name', VIEW_NAME_MAX), state: z.json() })
  .strict();

export const viewRenameSchema = z.object({ id, name: text('The view name', VIEW_NAME_MAX) }).strict();

// ---------- Subscriptions ----------

const feeSchema = amountSchema;

export const subscriptionCreateSchema = z
  .object({
    clientId: id,
    serviceId: id,
    feeMinor: feeSchema,
    currency: currencySchema,
    startOn: isoDateSchema,
    note: optionalNote,
  })
  .strict();
export type SubscriptionCreate = z.input<typeof subscriptionCreateSchema>;

/** An effective-dated change: a new fee, a pause, a resume or a cancellation. */
export const subscriptionChangeSchema = z.discriminatedUnion('kind', [
  z
    .object({ id, kind: z.literal('change'), effectiveOn: isoDateSchema, feeMinor: feeSchema, note: optionalNote })
    .strict(),
  z.object({ id, kind: z.literal('pause'), effectiveOn: isoDateSchema, note: optionalNote }).strict(),
  z.object({ id, kind: z.literal('resume'), effectiveOn: isoDateSchema, note: optionalNote }).strict(),
  z.object({ id, kind: z.literal('cancel'), effectiveOn: isoDateSchema, note: optionalNote }).strict(),
]);
export type SubscriptionChangeInput = z.input<typeof subscriptionChangeSchema>;

/** A hub (the top bar's hub filter): a subscription belongs to its client's hub, an expense to its own. */
const hubFilterSchema = z
  .number({ message: 'The hub must be a hub id (a whole number).' })
  .int('The hub must be a hub id (a whole number).')
  .positive('The hub must be a hub id (a whole number).');

export const subscriptionListSchema = z
  .object({ clientId: id.optional(), hubId: hubFilterSchema.nullish(), asOf: isoDateSchema.optional() })
  .strict();

/** Without `hubId` (or null), the whole agency's MRR; with it, the same figures over that hub's clients only. */
export const mrrRangeSchema = z
  .object({ from: monthSchema, to: monthSchema, hubId: hubFilterSchema.nullish() })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The range must end on or after its first month.', path: ['to'] });

// ---------- Invoices and payments ----------

export const invoiceLineSchema = z
  .object({
    description: text('The line description', 200),
    quantity: z
      .number({ message: 'The quantity must be a number.' })
      .int('The quantity must be a whole number.')
      .positive('The quantity must be at least 1.')
      .max(10_000, 'The quantity can be at most 10,000.'),
    /** Negative for a deduction (a deposit already invoiced). */
    unitPriceMinor: z
      .number({ message: 'The price must be a number.' })
      .int('The price must be whole cents.')
      .min(-100_000_000_000)
      .max(100_000_000_000),
    taxRateBp: z
      .number({ message: 'The tax rate must be a number.' })
      .int()
      .min(0, 'The tax rate cannot be negative.')
      .max(10_000, 'The tax rate cannot exceed 100%.')
      .default(0),
  })
  .strict();
export type InvoiceLineInput = z.input<typeof invoiceLineSchema>;

const linesSchema = z.array(invoiceLineSchema).min(1, 'An invoice needs at least one line.').max(200);

export const invoiceDraftSchema = z
  .object({
    clientId: id,
    currency: currencySchema,
    lines: linesSchema,
    notes: optionalNote,
    projectId: id.nullable().default(null),
  })
  .strict();
export type InvoiceDraftInput = z.input<typeof invoiceDraftSchema>;

export const invoiceUpdateDraftSchema = z
  .object({ id, currency: currencySchema.optional(), lines: linesSchema.optional(), notes: optionalNote.optional() })
  .strict();

/** Drafts computed from a record: a project's deposit or final invoice, a subscription month. */
export const invoiceFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deposit'), projectId: id }).strict(),
  z.object({ kind: z.literal('delivery'), projectId: id }).strict(),
  z.object({ kind: z.literal('subscription'), subscriptionId: id, month: monthSchema }).strict(),
]);
export type InvoiceFromInput = z.input<typeof invoiceFromSchema>;

export const invoiceIssueSchema = z.object({ id, issueDate: isoDateSchema.optional() }).strict();
export const invoiceVoidSchema = z.object({ id, reason: text('The reason', 300) }).strict();
export const creditNoteSchema = z
  .object({
    invoiceId: id,
    amountMinor: amountSchema,
    reason: text('The reason', 300),
    issueDate: isoDateSchema.optional(),
  })
  .strict();

/** Without `limit` every matching invoice comes back (the CLI and exports); the screen asks for the first rows. */
export const invoiceListSchema = z
  .object({
    status: z.enum(INVOICE_STATUSES).optional(),
    clientId: id.optional(),
    /** The issuing hub (the top bar's hub filter); null or left out: every hub. */
    hubId: hubFilterSchema.nullish(),
    asOf: isoDateSchema.optional(),
    bucket: z.enum(AGING_BUCKETS).optional(),
    search: z.string().trim().max(100, 'Search at most 100 characters.').optional(),
    sort: z
      .object({
        column: z.enum(INVOICE_SORT_COLUMNS),
        direction: z.enum(['asc', 'desc']),
        // Client names sort by this language's alphabet (Spanish puts Ñ after N, English with it); English if absent.
        language: z.enum(['en', 'es']).optional(),
      })
      .strict()
      .optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type InvoiceQuery = z.output<typeof invoiceListSchema>;

export const paymentSchema = z
  .object({
    invoiceId: id,
    paidOn: isoDateSchema,
    amountMinor: amountSchema,
    currency: currencySchema,
    method: z.enum(PAYMENT_METHODS).default('bank_transfer'),
    note: optionalNote,
  })
  .strict();
export type PaymentInput = z.input<typeof paymentSchema>;

// ---------- Expenses ----------

export const expenseInputSchema = z
  .object({
    date: isoDateSchema,
    category: z.enum(EXPENSE_CATEGORIES, { message: 'Choose a category.' }),
    hubId: id.nullable().default(null),
    description: text('The description', 200),
    amountMinor: amountSchema,
    currency: currencySchema,
    recurrence: z.enum(['none', 'monthly']).default('none'),
    recurrenceEndMonth: monthSchema.nullable().default(null),
  })
  .strict()
  .refine((e) => e.recurrenceEndMonth === null || e.recurrence === 'monthly', {
    message: 'Only a monthly expense can have a last month.',
    path: ['recurrenceEndMonth'],
  })
  .refine((e) => e.recurrenceEndMonth === null || e.recurrenceEndMonth >= e.date.slice(0, 7), {
    message: 'The last month cannot be before the first.',
    path: ['recurrenceEndMonth'],
  });
export type ExpenseInput = z.input<typeof expenseInputSchema>;

/**
 * `asOf` (default: the workspace's today) splits the month into spent and scheduled; `hubId` keeps
 * that hub's own (null or left out: every hub's).
 */
export const expenseMonthSchema = z
  .object({ month: monthSchema, hubId: hubFilterSchema.nullish(), asOf: isoDateSchema.optional() })
  .strict();
export const expenseStopSchema = z.object({ id, lastMonth: monthSchema }).strict();

// ---------- FX ----------

export const fxListSchema = z.object({ currency: z.enum(CURRENCIES).optional() }).strict();
export const fxSetSchema = z
  .object({
    currency: currencySchema,
    date: isoDateSchema,
    rate: z
      .number({ message: 'The rate must be a number.' })
      .positive('The rate must be more than zero.')
      .max(1_000_000, 'The rate is too large.'),
  })
  .strict();
export const fxDeleteSchema = z.object({ currency: currencySchema, date: isoDateSchema }).strict();
