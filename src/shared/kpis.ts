/**
 * KPIs of a period (KPIS.md holds their one definition). A period is a range
 * of calendar dates, both ends included, in the workspace's reporting time zone.
 */
import { z } from 'zod';
import type { Currency } from './domain';
import type { MissingRate } from './money';
import { isoDateSchema } from './schemas';

/** The longest period a KPI is asked for: ten years of days. */
export const MAX_PERIOD_DAYS = 3660;

export const periodKpisSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    /** One hub's records only (the hub filter), or every hub's. */
    hubId: z.number().int().positive().nullable().default(null),
    /**
     * The first day of a period under way that this one is compared with: count only as far into this period
     * as now is into that one (this morning against yesterday morning, not the whole of yesterday).
     */
    alignTo: isoDateSchema.optional(),
  })
  .strict()
  .refine((p) => p.from >= '1900-01-01' && p.to <= '2999-12-31', {
    message: 'A period must lie between the years 1900 and 2999.',
    path: ['from'],
  })
  .refine((p) => p.from <= p.to, { message: 'The period must end on or after the day it starts.', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_PERIOD_DAYS, {
    message: 'A period can be at most ten years long.',
    path: ['to'],
  });
export type PeriodKpisQuery = z.input<typeof periodKpisSchema>;
/** A query as the core receives it (defaults applied). */
export type PeriodKpisRequest = z.output<typeof periodKpisSchema>;

/** A share: its parts, and null when there is nothing to divide by (the interface says why, never 0%). */
export interface KpiShare {
  part: number;
  whole: number;
  share: number | null;
}

/** What every KPI reply says it is about: the period and the hub (null: every hub). */
export interface KpiScope {
  from: string;
  to: string;
  hubId: number | null;
}

/** The pipeline in a period: what came in, what was won, how often leads convert. */
export interface PipelineKpis extends KpiScope {
  /** The reporting currency `booked` is in. */
  currency: Currency;
  /** Leads created in the period. */
  newLeads: number;
  /** Booked: Σ value of the leads won in the period (null when a rate is missing: see missingRates). */
  booked: { valueMinor: number | null; leads: number };
  /** Lead-to-client conversion: leads won ÷ (won + lost), by close date in the period. */
  conversion: KpiShare;
  /** Proposal win rate: of the leads closed in the period that reached the proposal stage, the share won. */
  proposalWinRate: KpiShare;
  missingRates: MissingRate[];
}

/** A mean with its parts: null when nothing was there to average. */
export interface KpiMean {
  total: number;
  count: number;
  mean: number | null;
}

/** Production in a period: what was delivered, and how well (cancelled projects count nowhere). */
export interface ProjectKpis extends KpiScope {
  /** Projects delivered in the period. */
  delivered: number;
  /** On-time delivery rate: delivered on or before the due date ÷ delivered. */
  onTime: KpiShare;
  /** First-pass approval rate: delivered with zero revision cycles ÷ delivered. */
  firstPass: KpiShare;
  /** Revision cycles: their mean over the projects delivered. */
  revisionCycles: KpiMean;
  /** Client satisfaction: mean (1–10) of the projects delivered that have one. */
  satisfaction: KpiMean;
}

/** Finance in a period: what was earned, collected and spent, and how long invoices took to be paid. */
export interface FinanceKpis extends KpiScope {
  /** The reporting currency every amount is in. */
  currency: Currency;
  /**
   * Revenue: Σ value of the projects delivered in the period + each subscription's monthly fee × (its active days
   * in the period ÷ the days of that calendar month). Null parts and total when a rate is missing.
   */
  revenue: {
    valueMinor: number | null;
    projectsMinor: number | null;
    projects: number;
    subscriptionsMinor: number | null;
    /** Subscriptions active on at least one day of the period. */
    subscriptions: number;
  };
  /** Collected: Σ payments received in the period. */
  collected: { valueMinor: number | null; payments: number };
  /** Expenses: Σ live (not void) expenses dated in the period, a monthly one once per month it falls in. */
  expenses: { valueMinor: number | null; expenses: number };
  /** DSO: mean days from invoice date to payment date over the invoices fully paid in the period; null when none. */
  dso: { days: number | null; invoices: number; totalDays: number };
  missingRates: MissingRate[];
}

/** Clients in a period: who became one, who came back, who bought more, who stayed (cancelled projects count nowhere). */
export interface ClientKpis extends KpiScope {
  /** New clients: clients whose first project (made by their first won lead) was created in the period. */
  newClients: number;
  /** Repeat-client rate: of the clients with a delivery in the period, the share with ≥ 2 delivered projects to date. */
  repeatRate: KpiShare;
  /**
   * Upsell rate: of the clients with a delivery in the period, the share that to date bought more than one service
   * type or holds a subscription active on the period's last counted day. `services`: those that bought more than one
   * service type; `subscribers`: the others, that hold a subscription (services + subscribers = part).
   */
  upsellRate: KpiShare & { services: number; subscribers: number };
  /**
   * Client retention in the calendar month holding the period's last counted day (`month`, counted from its first
   * day through `through`) against the whole month before (`previousMonth`): of the clients active in the month
   * before, the share active in this one; `active`: the clients active in this one. Active = a delivery or a
   * subscription active on some day of the month. Null while the period has not begun.
   */
  retention: { month: string; previousMonth: string; through: string; retained: KpiShare; active: number } | null;
}
