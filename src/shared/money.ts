/**
 * What the clients-and-money methods reply with. Money is integer minor units
 * with its currency. Figures in the reporting currency are `null` when an FX
 * rate they need is missing, and the reply lists those rates in `missingRates`:
 * a missing rate is never treated as 1.
 */
import type {
  AgingBucket,
  AlertPriority,
  AlertRule,
  ChurnRisk,
  ClientStatus,
  Currency,
  ExpenseCategory,
  HealthFactorKey,
  InvoiceKind,
  InvoiceStatus,
  MrrMovementKind,
  PaymentMethod,
  ProjectStage,
  SubscriptionChangeKind,
  SubscriptionStatus,
  Tier,
  Vertical,
} from './domain';

/** An FX rate that a figure needed and the table does not have (no rate on or before `date`). */
export interface MissingRate {
  currency: Currency;
  date: string;
}

// ---------- Clients ----------

export interface HealthFactor {
  key: HealthFactorKey;
  points: number;
  max: number;
  /** The inputs behind the points, for the explanation (days, counts, means); null when there is no data. */
  inputs: Record<string, number | string | null>;
}

export interface ClientHealth {
  /** 0–100, the sum of the factors' points. */
  score: number;
  risk: ChurnRisk;
  status: ClientStatus;
  factors: HealthFactor[];
}

/** A client's health as the list shows it; the detail adds the factors behind the score. */
export type ClientHealthSummary = Omit<ClientHealth, 'factors'>;

export interface ClientSubscriptionSummary {
  status: SubscriptionStatus | 'none';
  /** Monthly fee of the active subscriptions, reporting currency. */
  mrrMinor: number | null;
}

export interface ClientRow {
  id: number;
  name: string;
  tier: Tier;
  vertical: Vertical;
  hubId: number | null;
  country: string;
  email: string | null;
  createdAt: string;
  paymentTermsDays: number;
  /** Deposit asked at contract, percent of the project value (0 = none). */
  depositPct: number;
  /** Delivered projects' value + subscription revenue to date, reporting currency. */
  revenueToDateMinor: number | null;
  projectsDelivered: number;
  projectsOpen: number;
  lastDeliveryDate: string | null;
  subscription: ClientSubscriptionSummary;
  health: ClientHealthSummary;
  /** The tier the client's actual spend suggests, when it differs from `tier`. */
  suggestedTier: Tier | null;
  /** Mean value of the client's delivered projects, reporting currency (basis of the suggestion). */
  averageProjectMinor: number | null;
}

/** A client as a picker shows it: found by name without computing anyone's health. */
export interface ClientOption {
  id: number;
  name: string;
  tier: Tier;
  hubId: number | null;
}

export interface ClientLookup {
  /** Best first: the exact name, then names starting with the search, then names containing it; A→Z within each. */
  matches: ClientOption[];
  /** How many clients match in all (`matches` holds at most the limit). */
  total: number;
  /** The client named exactly the search (case aside): the one winning a lead of that company links to. */
  sameName: ClientOption | null;
}

export interface ClientList {
  asOf: string;
  reportingCurrency: Currency;
  clients: ClientRow[];
  missingRates: MissingRate[];
}

export interface ClientProject {
  id: number;
  name: string;
  stage: ProjectStage;
  valueMinor: number;
  currency: Currency;
  startDate: string;
  dueDate: string;
  deliveredAt: string | null;
  satisfaction: number | null;
  revisionCycles: number;
}

export interface ClientLead {
  id: number;
  company: string;
  stage: string;
  channel: string;
  expectedValueMinor: number;
  currency: Currency;
  createdAt: string;
  closedAt: string | null;
}

export interface ClientActivity {
  at: string;
  /** e.g. 'project_delivered', 'invoice_issued', 'payment_recorded', 'subscription_change', 'lead_created'. */
  kind: string;
  /** Values for the UI's translated sentence. */
  params: Record<string, string | number | null>;
}

/** A client row with the factors behind its health (the detail, the CLI's report). */
export interface ExplainedClientRow extends ClientRow {
  health: ClientHealth;
}

export interface ClientDetail extends ExplainedClientRow {
  projects: ClientProject[];
  leads: ClientLead[];
  invoices: InvoiceSummary[];
  subscriptions: Subscription[];
  /** Satisfaction (1–10) of delivered projects, oldest first. */
  satisfaction: { date: string; score: number; projectId: number }[];
  activity: ClientActivity[];
  missingRates: MissingRate[];
}

// ---------- Saved views and alerts ----------

export interface SavedView {
  id: number;
  screen: string;
  name: string;
  /** The screen's own filter/sort state, as JSON-compatible data. */
  state: unknown;
  createdAt: string;
}

export interface Alert {
  id: number;
  priority: AlertPriority;
  rule: AlertRule;
  /** 'team' alerts have entityId 0. */
  entity: 'client' | 'lead' | 'person' | 'team';
  entityId: number;
  /** Values for the UI's translated sentence (client name, score, …). */
  params: Record<string, string | number | null>;
  raisedAt: string;
}

// ---------- Subscriptions and MRR ----------

export interface SubscriptionChange {
  id: number;
  kind: SubscriptionChangeKind;
  effectiveOn: string;
  /** The monthly fee from this change on (start, change); null for pause, resume, cancel. */
  feeMinor: number | null;
  note: string | null;
  createdAt: string;
}

export interface Subscription {
  id: number;
  clientId: number;
  clientName: string;
  serviceId: number;
  serviceCode: string;
  serviceName: string;
  currency: Currency;
  /** State on the reply's as-of date. */
  status: SubscriptionStatus;
  /** The fee in force (the last start/change on or before as-of, or the first one if scheduled). */
  feeMinor: number;
  startedOn: string;
  endedOn: string | null;
  changes: SubscriptionChange[];
}

export interface MrrMonth {
  month: string;
  /** MRR at the start of the month's first day; signed movements sum to closing − opening. */
  opening: number;
  new: number;
  expansion: number;
  /** ≤ 0 */
  contraction: number;
  /** ≤ 0 */
  churn: number;
  reactivation: number;
  /** MRR at the end of the month's last day. */
  closing: number;
}

export interface MrrMovement {
  date: string;
  clientId: number;
  clientName: string;
  subscriptionId: number;
  kind: MrrMovementKind;
  /** Signed, reporting currency. */
  amountMinor: number;
}

export interface MrrReport {
  currency: Currency;
  months: MrrMonth[];
  /** The movements of the months asked for, in date order. */
  movements: MrrMovement[];
  missingRates: MissingRate[];
}

// ---------- Invoices and payments ----------

export interface InvoiceLine {
  id: number;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  /** Basis points: 2500 = 25%. */
  taxRateBp: number;
  netMinor: number;
  taxMinor: number;
}

export interface InvoiceSummary {
  id: number;
  /** Null while a draft: the number is given when the invoice is issued. */
  number: string | null;
  kind: InvoiceKind;
  clientId: number;
  clientName: string;
  projectId: number | null;
  subscriptionId: number | null;
  /** For a credit note: the invoice it credits. */
  creditsInvoiceId: number | null;
  currency: Currency;
  issueDate: string | null;
  dueDate: string | null;
  status: InvoiceStatus;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  creditedMinor: number;
  /** total − paid − credited (0 when paid or void). */
  balanceMinor: number;
  /** Days past the due date while open; 0 otherwise. */
  daysOverdue: number;
  /** Open invoices only: age since the issue date. */
  agingBucket: AgingBucket | null;
  paidOn: string | null;
  reverseCharge: boolean;
}

export interface Payment {
  id: number;
  invoiceId: number;
  paidOn: string;
  amountMinor: number;
  currency: Currency;
  /** The amount in the invoice's currency (equal to amountMinor when the currencies match). */
  appliedMinor: number;
  method: PaymentMethod;
  note: string | null;
  createdAt: string;
}

export interface InvoiceParty {
  name: string;
  country: string;
  email: string | null;
}

export interface Invoice extends InvoiceSummary {
  lines: InvoiceLine[];
  payments: Payment[];
  /** Credit notes issued against this invoice. */
  creditNotes: { id: number; number: string | null; totalMinor: number; issueDate: string | null }[];
  notes: string | null;
  voidReason: string | null;
  client: InvoiceParty;
  /** The client's payment terms now, in days: what issuing a draft dates it due by. */
  clientTermsDays: number;
  /** The workspace (and the hub that bills) as the issuer. */
  issuer: InvoiceParty & { logoDataUrl: string | null; hubName: string | null };
}

/** What the invoice list sorts by; without a sort, drafts first, then the newest issued. */
export const INVOICE_SORT_COLUMNS = [
  'number',
  'client',
  'kind',
  'issued',
  'due',
  'status',
  'total',
  'balance',
  'overdue',
] as const;
export type InvoiceSortColumn = (typeof INVOICE_SORT_COLUMNS)[number];
/** How many invoices the list screen shows at first, and adds with each "Show more". */
export const INVOICES_SHOWN = 500;

export interface InvoiceList {
  asOf: string;
  reportingCurrency: Currency;
  /** The matching invoices in order; only the first `limit` when one was asked for. */
  invoices: InvoiceSummary[];
  /** How many invoices match every filter (`invoices` may hold fewer). */
  total: number;
  /** Invoices per status matching every filter but the status one; `all` is their sum. */
  counts: Record<'all' | InvoiceStatus, number>;
  /** Open receivables per aging bucket, reporting currency. */
  aging: Record<AgingBucket, { count: number; balanceMinor: number | null }>;
  missingRates: MissingRate[];
}

// ---------- Expenses and FX ----------

export interface Expense {
  id: number;
  date: string;
  category: ExpenseCategory;
  hubId: number | null;
  description: string;
  amountMinor: number;
  currency: Currency;
  recurrence: 'none' | 'monthly';
  /** Last month (YYYY-MM) a monthly expense recurs in; null = until stopped. */
  recurrenceEndMonth: string | null;
  voidedAt: string | null;
  createdAt: string;
}

/** One expense as it falls in a month (a monthly expense occurs once per month). */
export interface ExpenseOccurrence {
  expenseId: number;
  date: string;
  category: ExpenseCategory;
  hubId: number | null;
  description: string;
  amountMinor: number;
  currency: Currency;
  /** In the reporting currency at the rate in force on `date`. */
  reportingMinor: number | null;
  recurring: boolean;
  /** Dated after the reply's `asOf` (a monthly expense's occurrence still ahead, a future one-off): not spent yet. */
  scheduled: boolean;
}

export interface ExpenseMonth {
  month: string;
  /** The day that splits spent from scheduled (the workspace's today unless asked for another). */
  asOf: string;
  /** The hub asked for (its own expenses only); null = every expense, agency-wide ones included. */
  hubId: number | null;
  reportingCurrency: Currency;
  occurrences: ExpenseOccurrence[];
  /** Per category, every occurrence of the month (spent and scheduled alike), reporting currency. */
  totals: Record<ExpenseCategory, number | null>;
  /** Every occurrence of the month, spent and scheduled: `spentMinor + scheduledMinor`. */
  totalMinor: number | null;
  /** The occurrences dated on or before `asOf`. */
  spentMinor: number | null;
  /** The occurrences dated after `asOf` (all of a future month's). */
  scheduledMinor: number | null;
  missingRates: MissingRate[];
}

export interface FxRate {
  currency: Currency;
  date: string;
  /** Units of the reporting currency for one unit of `currency`. */
  rate: number;
}
