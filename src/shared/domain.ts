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
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export const PERIODS = ['today', 'week', 'month', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
