/**
 * Client health 0–100, explained factor by factor (points of a maximum):
 *   recency 25      full when the last delivery is ≤ 21 days old, none at ≥ 90 days, linear between
 *   frequency 15    deliveries in the last 90 days, full at 4
 *   satisfaction 20 mean of the last 3 ratings on the 1–10 scale; −4 when it fell by more than a point
 *                   against the 3 before; 10 (neutral) without ratings
 *   revisions 10    mean revision cycles of the last 5 deliveries: 0 → full, ≥ 3 → none; 5 without deliveries
 *   payment 20      mean days late over invoices already due (paid late, or still open): 0 → full, ≥ 30 → none
 *   subscription 10 active 10, paused 4, none 5, cancelled 0
 * Churn risk: low ≥ 70, medium 50–69, high < 50. A client is at risk when the
 * risk is high and there is something to lose: a repeat client (≥ 2 deliveries)
 * or a live subscription, with activity in the last 180 days.
 */
import { daysBetween } from '../../../shared/dates';
import type { ChurnRisk, ClientStatus, Tier } from '../../../shared/domain';
import type { ClientHealth, HealthFactor } from '../../../shared/money';

export interface HealthDelivery {
  /** Delivery date, YYYY-MM-DD. */
  date: string;
  satisfaction: number | null;
  revisionCycles: number;
}

export interface HealthInvoice {
  dueDate: string;
  /** Null while unpaid. */
  paidOn: string | null;
}

export interface HealthInput {
  asOf: string;
  /** Delivered projects, any order. */
  deliveries: HealthDelivery[];
  /** Issued (not void) invoices of the client, credit notes excluded. */
  invoices: HealthInvoice[];
  subscription: 'active' | 'paused' | 'cancelled' | 'none';
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function clientHealth(input: HealthInput): ClientHealth {
  const deliveries = input.deliveries.filter((d) => d.date <= input.asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const last = deliveries[deliveries.length - 1];
  const sinceLast = last ? daysBetween(last.date, input.asOf) : null;

  const recency: HealthFactor = {
    key: 'recency',
    max: 25,
    points: sinceLast === null ? 0 : Math.round(25 * clamp((90 - sinceLast) / (90 - 21), 0, 1)),
    inputs: { daysSinceLastDelivery: sinceLast },
  };

  const recent90 = deliveries.filter((d) => daysBetween(d.date, input.asOf) < 90).length;
  const frequency: HealthFactor = {
    key: 'frequency',
    max: 15,
    points: Math.round((15 * Math.min(recent90, 4)) / 4),
    inputs: { deliveredLast90Days: recent90 },
  };

  const ratings = deliveries.flatMap((d) => (d.satisfaction === null ? [] : [d.satisfaction]));
  const recentMean = mean(ratings.slice(-3));
  const previousMean = mean(ratings.slice(-6, -3));
  let satisfactionPoints = 10;
  if (recentMean !== null) {
    satisfactionPoints = Math.round((20 * (recentMean - 1)) / 9);
    if (previousMean !== null && recentMean < previousMean - 1)
      satisfactionPoints = Math.max(0, satisfactionPoints - 4);
  }
  const satisfaction: HealthFactor = {
    key: 'satisfaction',
    max: 20,
    points: satisfactionPoints,
    inputs: { recentMean: round1(recentMean), previousMean: round1(previousMean), ratings: ratings.length },
  };

  const lastFive = deliveries.slice(-5);
  const meanCycles = mean(lastFive.map((d) => d.revisionCycles));
  const revisions: HealthFactor = {
    key: 'revisions',
    max: 10,
    points: meanCycles === null ? 5 : Math.round(10 * (1 - Math.min(meanCycles, 3) / 3)),
    inputs: { meanCycles: round1(meanCycles), projects: lastFive.length },
  };

  const due = input.invoices.filter((i) => i.dueDate < input.asOf || (i.paidOn !== null && i.paidOn > i.dueDate));
  const lateDays = due.map((i) => {
    const settled = i.paidOn !== null && i.paidOn <= input.asOf ? i.paidOn : input.asOf;
    return Math.max(0, daysBetween(i.dueDate, settled));
  });
  const meanLate = mean(lateDays);
  const overdueNow = input.invoices.filter(
    (i) => (i.paidOn === null || i.paidOn > input.asOf) && i.dueDate < input.asOf,
  ).length;
  const payment: HealthFactor = {
    key: 'payment',
    max: 20,
    points: meanLate === null ? 20 : Math.round(20 * (1 - Math.min(meanLate, 30) / 30)),
    inputs: { meanDaysLate: round1(meanLate), invoices: due.length, overdueNow },
  };

  const subscription: HealthFactor = {
    key: 'subscription',
    max: 10,
    points: { active: 10, paused: 4, none: 5, cancelled: 0 }[input.subscription],
    inputs: { status: input.subscription },
  };

  const factors = [recency, frequency, satisfaction, revisions, payment, subscription];
  const score = factors.reduce((s, f) => s + f.points, 0);
  const risk: ChurnRisk = score >= 70 ? 'low' : score >= 50 ? 'medium' : 'high';
  const live = input.subscription === 'active' || input.subscription === 'paused';
  let status: ClientStatus;
  if (deliveries.length === 0 && !live) status = 'prospect';
  else if (!live && (sinceLast === null || sinceLast > 180)) status = 'lapsed';
  else if (risk === 'high' && (deliveries.length >= 2 || live)) status = 'at_risk';
  else status = 'active';
  return { score, risk, status, factors };
}

/** A repeat pattern without a subscription: ≥ 3 deliveries in the last 90 days and no live subscription. */
export function isUpsellCandidate(input: HealthInput): boolean {
  const recent = input.deliveries.filter((d) => d.date <= input.asOf && daysBetween(d.date, input.asOf) < 90).length;
  return recent >= 3 && input.subscription !== 'active' && input.subscription !== 'paused';
}

/** Tier ranges of PRODUCT.md §1 in reporting-currency minor units: Tier 1 ≥ 500, Tier 2 ≥ 100, Tier 3 below. */
export function tierForAverage(averageMinor: number): Tier {
  return averageMinor >= 50_000 ? 1 : averageMinor >= 10_000 ? 2 : 3;
}

/** The tier the client's spend suggests (needs ≥ 2 deliveries), or null when it matches the current one. */
export function suggestTier(
  current: Tier,
  deliveredValues: number[],
): { tier: Tier | null; averageMinor: number | null } {
  const avg = mean(deliveredValues);
  if (avg === null) return { tier: null, averageMinor: null };
  const averageMinor = Math.round(avg);
  const tier = tierForAverage(averageMinor);
  return { tier: deliveredValues.length >= 2 && tier !== current ? tier : null, averageMinor };
}
