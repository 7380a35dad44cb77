/** Domain vocabulary shared by the core, the hosts and the interface. */

export const CURRENCIES = ['USD', 'EUR', 'PEN', 'VES', 'DKK', 'GBP', 'COP', 'MXN'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Digits after the decimal point for each currency's minor unit (ISO 4217). */
export const MINOR_DIGITS: Record<Currency, number> = {
  USD: 2,
  EUR: 2,
  PEN: 2,
  VES: 2,
  DKK: 2,
  GBP: 2,
  COP: 2,
  MXN: 2,
};

export const EMPLOYMENT_TYPES = ['core', 'freelancer', 'partner'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

export const VERTICALS = [
  'ecommerce',
  'saas',
  'real_estate',
  'education',
  'hospitality',
  'health',
  'media',
  'other',
] as const;
export type Vertical = (typeof VERTICALS)[number];

export const LEAD_CHANNELS = ['email', 'linkedin', 'whatsapp', 'sms', 'referral', 'partner', 'inbound_form'] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const LEAD_STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** Won and lost leads are closed: their outcome is known. */
export function isClosedLead(stage: LeadStage): stage is 'won' | 'lost' {
  return stage === 'won' || stage === 'lost';
}

/** The open stages a lead can move on to (forward only; won and lost are their own actions). */
export function nextLeadStages(stage: LeadStage): ('qualified' | 'proposal')[] {
  return stage === 'new' ? ['qualified', 'proposal'] : stage === 'qualified' ? ['proposal'] : [];
}

/** Production pipeline of PRODUCT.md §3.1, in order; `cancelled` stands apart. */
export const PROJECT_STAGES = [
  'discovery',
  'production',
  'qa',
  'client_preview',
  'revision',
  'final_delivery',
  'invoiced',
  'paid',
  'cancelled',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const HUB_TARGET_KINDS = ['revenue', 'projects'] as const;
export type HubTargetKind = (typeof HUB_TARGET_KINDS)[number];

export const SERVICE_KINDS = ['project', 'subscription'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** ISO weekdays, Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const HUB_COLORS = ['amber', 'sky', 'emerald', 'violet', 'rose', 'teal'] as const;
export type HubColor = (typeof HUB_COLORS)[number];

/** Sections of the app shell, in sidebar order. */
export const SECTIONS = [
  'executive',
  'hubs',
  'pipeline',
  'projects',
  'capacity',
  'team',
  'scenarios',
  'clients',
  'finance',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export const PERIODS = ['today', 'week', 'month', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

// ---------- Clients and money (issue 3) ----------

/** What a client's health score is made of (KPIs and PRODUCT.md: churn risk, explained factor by factor). */
export const HEALTH_FACTORS = ['recency', 'frequency', 'satisfaction', 'revisions', 'payment', 'subscription'] as const;
export type HealthFactorKey = (typeof HEALTH_FACTORS)[number];

export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];

/** active: worked with us or subscribed lately; at_risk: active but unhealthy; lapsed: nothing for 180 days; prospect: no delivery yet. */
export const CLIENT_STATUSES = ['active', 'at_risk', 'lapsed', 'prospect'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const SUBSCRIPTION_CHANGE_KINDS = ['start', 'change', 'pause', 'resume', 'cancel'] as const;
export type SubscriptionChangeKind = (typeof SUBSCRIPTION_CHANGE_KINDS)[number];

/** A subscription's state on a date. `scheduled` = starts later. */
export const SUBSCRIPTION_STATUSES = ['scheduled', 'active', 'paused', 'cancelled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const MRR_MOVEMENTS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MrrMovementKind = (typeof MRR_MOVEMENTS)[number];

export const INVOICE_KINDS = ['deposit', 'delivery', 'subscription', 'manual', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Stored: draft, sent, paid, void. `due` (due within 7 days) and `overdue` (past due) are computed daily from a sent invoice. */
export const INVOICE_STATUSES = ['draft', 'sent', 'due', 'overdue', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Age of an open invoice in days since its issue date. */
export const AGING_BUCKETS = ['0-15', '16-30', '31-60', '60+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'paypal', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** KPIS.md: freelancer and partner costs are not expenses; they live on project assignments. */
export const EXPENSE_CATEGORIES = ['cost_of_delivery', 'tools', 'infrastructure', 'marketing_sales', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export const ALERT_PRIORITIES = ['URGENT', 'ATTENTION', 'OPPORTUNITY', 'INFO'] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

/** The rule that raised an alert; the UI words it from the rule and its params. */
export const ALERT_RULES = [
  'client_at_risk',
  'client_upsell',
  'lead_priority',
  'team_utilization_high',
  'person_overloaded',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** EU member states (ISO 3166-1 alpha-2), for the B2B reverse-charge note. */
export const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;
