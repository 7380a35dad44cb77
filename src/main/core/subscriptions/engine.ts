/**
 * Subscriptions are replayed from their effective-dated change history.
 * A change effective on day D applies from the start of D; a cancellation on
 * D means the last day of service was D − 1. MRR movements are event based:
 * every day a client's total MRR changes is one movement, classified as
 * new (first MRR ever), reactivation (back from zero), expansion,
 * contraction or churn (down to zero; a pause counts as churn and its resume
 * as reactivation). So opening + movements = closing for any month.
 */
import { addDays, addMonths, earlierDate, lastDayOf } from '../../../shared/dates';
import type { MrrMovementKind, SubscriptionChangeKind, SubscriptionStatus } from '../../../shared/domain';

export interface ChangeEvent {
  kind: SubscriptionChangeKind;
  effectiveOn: string;
  feeMinor: number | null;
}

export interface SubscriptionState {
  status: SubscriptionStatus;
  /** The fee level in force (also while paused; the first fee while scheduled). */
  feeMinor: number;
  /** The date the fee level took effect (for FX). */
  feeSince: string;
}

/** Orders a history: by date, then in the order the changes were recorded. */
export function sortChanges<T extends ChangeEvent & { id?: number }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) =>
    a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : (a.id ?? 0) - (b.id ?? 0),
  );
}

export function stateOn(changes: readonly ChangeEvent[], date: string): SubscriptionState {
  const sorted = sortChanges(changes);
  const first = sorted[0];
  if (first?.kind !== 'start') throw new Error('a subscription history must begin with its start');
  let state: SubscriptionState = { status: 'scheduled', feeMinor: first.feeMinor ?? 0, feeSince: first.effectiveOn };
  for (const c of sorted) {
    if (c.effectiveOn > date) break;
    state = apply(state, c);
  }
  return state;
}

function apply(state: SubscriptionState, c: ChangeEvent): SubscriptionState {
  switch (c.kind) {
    case 'start':
      return { status: 'active', feeMinor: c.feeMinor ?? 0, feeSince: c.effectiveOn };
    case 'change':
      return { ...state, feeMinor: c.feeMinor ?? state.feeMinor, feeSince: c.effectiveOn };
    case 'pause':
      return { ...state, status: 'paused' };
    case 'resume':
      return { ...state, status: 'active' };
    case 'cancel':
      return { ...state, status: 'cancelled' };
  }
}

/** Why a new change cannot follow a history, or null when it can. */
export function changeProblem(changes: readonly ChangeEvent[], next: ChangeEvent): string | null {
  const sorted = sortChanges(changes);
  const last = sorted[sorted.length - 1];
  if (!last) return 'The subscription has no start.';
  if (next.effectiveOn < last.effectiveOn)
    return `Changes are effective-dated in order: this one cannot take effect before ${last.effectiveOn}, the date of the last change.`;
  const state = stateOn(sorted, next.effectiveOn);
  if (state.status === 'cancelled') return 'The subscription is cancelled; start a new one instead.';
  switch (next.kind) {
    case 'start':
      return 'The subscription has already started.';
    case 'change':
      return next.feeMinor === state.feeMinor ? 'The new fee is the same as the current one.' : null;
    case 'pause':
      return state.status === 'active' ? null : 'Only an active subscription can be paused.';
    case 'resume':
      return state.status === 'paused' ? null : 'Only a paused subscription can be resumed.';
    case 'cancel':
      return null;
  }
}

/** A stretch of days with one active fee. */
export interface ActiveSegment {
  from: string;
  /** Inclusive. */
  to: string;
  feeMinor: number;
  feeSince: string;
}

/** The active stretches up to and including `until`. */
export function activeSegments(changes: readonly ChangeEvent[], until: string): ActiveSegment[] {
  const sorted = sortChanges(changes).filter((c) => c.effectiveOn <= until);
  const out: ActiveSegment[] = [];
  let state: SubscriptionState = { status: 'scheduled', feeMinor: 0, feeSince: '' };
  let open: { from: string; feeMinor: number; feeSince: string } | null = null;
  const close = (endExclusive: string) => {
    if (open && endExclusive > open.from) out.push({ ...open, to: addDays(endExclusive, -1) });
    open = null;
  };
  for (const c of sorted) {
    state = apply(state, c);
    close(c.effectiveOn);
    if (state.status === 'active') open = { from: c.effectiveOn, feeMinor: state.feeMinor, feeSince: state.feeSince };
  }
  close(addDays(until, 1));
  return out;
}

const daysInMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * Subscription revenue (KPIS.md): for each active stretch, the monthly fee ×
 * (days active in each calendar month ÷ days in that month), per fee level so
 * each part can be converted at its own rate. Between `from` and `to` inclusive;
 * each part also says the first day it covers (`from`, in the month it falls in).
 */
export function revenueParts(
  segments: readonly ActiveSegment[],
  from: string,
  to: string,
): { minor: number; feeSince: string; from: string }[] {
  const parts: { minor: number; feeSince: string; from: string }[] = [];
  for (const s of segments) {
    let start = s.from > from ? s.from : from;
    const end = s.to < to ? s.to : to;
    while (start <= end) {
      const month = start.slice(0, 7);
      const stop = earlierDate(lastDayOf(month), end);
      const days = Number(stop.slice(8)) - Number(start.slice(8)) + 1;
      parts.push({ minor: (s.feeMinor * days) / daysInMonth(month), feeSince: s.feeSince, from: start });
      start = addDays(stop, 1);
    }
  }
  return parts;
}

// ---------- MRR movements ----------

/** A subscription's fee timeline in the reporting currency: the MRR it contributes from each date on. */
export interface MrrStep {
  date: string;
  subscriptionId: number;
  clientId: number;
  /** 0 when not active from this date on. */
  mrrMinor: number;
}

export function mrrSteps(
  subscriptionId: number,
  clientId: number,
  changes: readonly ChangeEvent[],
  convert: (feeMinor: number, feeSince: string) => number,
): MrrStep[] {
  let state: SubscriptionState = { status: 'scheduled', feeMinor: 0, feeSince: '' };
  return sortChanges(changes).map((c) => {
    state = apply(state, c);
    return {
      date: c.effectiveOn,
      subscriptionId,
      clientId,
      mrrMinor: state.status === 'active' ? convert(state.feeMinor, state.feeSince) : 0,
    };
  });
}

export interface Movement {
  date: string;
  clientId: number;
  subscriptionId: number;
  kind: MrrMovementKind;
  amountMinor: number;
}

/** Every MRR movement over all time, in date order, with the client totals they move between. */
export function mrrMovements(steps: readonly MrrStep[]): Movement[] {
  const sorted = [...steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.clientId - b.clientId));
  const perSub = new Map<number, number>();
  const perClient = new Map<number, number>();
  const everHad = new Set<number>();
  const out: Movement[] = [];
  let i = 0;
  while (i < sorted.length) {
    const date = sorted[i]!.date;
    const clientId = sorted[i]!.clientId;
    const before = perClient.get(clientId) ?? 0;
    const firstSub = sorted[i]!.subscriptionId;
    // All steps of one client on one day make one movement.
    while (i < sorted.length && sorted[i]!.date === date && sorted[i]!.clientId === clientId) {
      const s = sorted[i]!;
      const old = perSub.get(s.subscriptionId) ?? 0;
      perSub.set(s.subscriptionId, s.mrrMinor);
      perClient.set(clientId, (perClient.get(clientId) ?? 0) - old + s.mrrMinor);
      i++;
    }
    const after = perClient.get(clientId) ?? 0;
    if (after === before) continue;
    let kind: MrrMovementKind;
    if (before === 0) kind = everHad.has(clientId) ? 'reactivation' : 'new';
    else if (after === 0) kind = 'churn';
    else kind = after > before ? 'expansion' : 'contraction';
    if (after > 0) everHad.add(clientId);
    out.push({ date, clientId, subscriptionId: firstSub, kind, amountMinor: after - before });
  }
  return out;
}

export interface MonthSummary {
  month: string;
  opening: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  closing: number;
}

/** Months from `from` to `to` (YYYY-MM), each opening at the previous closing. */
export function monthlyMrr(movements: readonly Movement[], from: string, to: string): MonthSummary[] {
  let running = 0;
  let i = 0;
  while (i < movements.length && movements[i]!.date.slice(0, 7) < from) running += movements[i++]!.amountMinor;
  const months: MonthSummary[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) {
    const m: MonthSummary = {
      month,
      opening: running,
      new: 0,
      expansion: 0,
      contraction: 0,
      churn: 0,
      reactivation: 0,
      closing: 0,
    };
    while (i < movements.length && movements[i]!.date.slice(0, 7) === month) {
      const mv = movements[i++]!;
      m[mv.kind] += mv.amountMinor;
      running += mv.amountMinor;
    }
    m.closing = running;
    months.push(m);
  }
  return months;
}

export const nextMonth = (month: string): string => addMonths(month, 1);
