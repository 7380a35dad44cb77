import { addDays } from '../../../shared/dates';
import type { Currency, SubscriptionChangeKind } from '../../../shared/domain';
import { failure, keysUnder, refFor } from '../../../shared/errors';
import type { MrrReport, Subscription, SubscriptionChange } from '../../../shared/money';
import type { SubscriptionChangeInput, SubscriptionCreate } from '../../../shared/money-schemas';
import { AppFailure } from '../../../shared/result';
import { audit } from '../audit/log';
import { cached, type Sqlite, tablesVersion } from '../db/client';
import { roundMinor } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import { assertHubExists } from '../hubs/repo';
import { insertDraft, type Stamp, taxRateFor } from '../invoices/repo';
import {
  type ActiveSegment,
  activeSegments,
  type ChangeEvent,
  changeProblem,
  type MrrStep,
  monthlyMrr,
  mrrMovements,
  mrrSteps,
  nextMonth,
  revenueParts,
  stateOn,
} from './engine';

interface SubRow {
  id: number;
  client_id: number;
  client_name: string;
  service_id: number;
  service_code: string;
  service_name: string;
  currency: Currency;
}

export interface LoadedSubscription extends SubRow {
  changes: SubscriptionChange[];
}

/** A subscription as revenue and the client KPIs replay it: its client, currency and history, nothing to show. */
export interface SubscriptionHistory {
  id: number;
  clientId: number;
  currency: Currency;
  changes: (ChangeEvent & { id: number })[];
}

/**
 * The histories of a hub's clients' subscriptions (every hub's when null), up to and including `until`: what
 * revenue over a period ending then replays. Lighter than loadSubscriptions (no names, no order by client), for the
 * finance and client KPIs that read every subscription each time.
 */
export function subscriptionHistories(sqlite: Sqlite, hubId: number | null, until: string): SubscriptionHistory[] {
  const rows = cached(
    sqlite,
    `SELECT s.id, s.client_id, s.currency, ch.id, ch.kind, ch.effective_on, ch.fee_minor
       FROM subscriptions AS s
       ${hubId === null ? '' : 'JOIN clients AS c ON c.id = s.client_id AND c.hub_id = @hubId'}
       JOIN subscription_changes AS ch ON ch.subscription_id = s.id AND ch.effective_on <= @until
      ORDER BY s.id, ch.effective_on, ch.id`,
  )
    .raw()
    .all(hubId === null ? { until } : { hubId, until }) as [
    number,
    number,
    Currency,
    number,
    SubscriptionChangeKind,
    string,
    number | null,
  ][];
  const out: SubscriptionHistory[] = [];
  for (const [id, clientId, currency, changeId, kind, effectiveOn, feeMinor] of rows) {
    if (out.at(-1)?.id !== id) out.push({ id, clientId, currency, changes: [] });
    out.at(-1)!.changes.push({ id: changeId, kind, effectiveOn, feeMinor });
  }
  return out;
}

/** A subscription's history and its active stretches up to a day (engine's activeSegments). */
export interface ReplayedSubscription {
  clientId: number;
  currency: Currency;
  segments: ActiveSegment[];
}

interface Kept {
  key: string;
  histories: Map<number | null, SubscriptionHistory[]>;
  /** By hub and last day; a few days at a time (a strip's period and the one before, of a screen or two). */
  replays: Map<string, ReplayedSubscription[]>;
}
const kept = new WeakMap<Sqlite, Kept>();
const KEPT_REPLAYS = 16;

/**
 * Every subscription of a hub's clients (every hub's when null) with its active stretches up to and including
 * `until`, kept until a subscription, a change or a client's hub is written (here or by another connection): the
 * KPI strips replay every subscription for each period they show and the one before, and reading and replaying
 * ~10k changes (the massive profile) costs more than what they then do with them. Read only, never changed.
 */
export function keptSubscriptionReplays(
  sqlite: Sqlite,
  hubId: number | null,
  until: string,
): readonly ReplayedSubscription[] {
  const key = tablesVersion(sqlite, 'subscription_histories', ['subscriptions', 'subscription_changes', 'clients'], {
    clients: ['hub_id'],
  });
  let k = kept.get(sqlite);
  if (k?.key !== key) {
    k = { key, histories: new Map(), replays: new Map() };
    kept.set(sqlite, k);
  }
  const replayKey = `${hubId}:${until}`;
  let replays = k.replays.get(replayKey);
  if (!replays) {
    let histories = k.histories.get(hubId);
    if (!histories) {
      // Every change: a replay up to `until` ignores those after it.
      histories = subscriptionHistories(sqlite, hubId, '9999-12-31');
      k.histories.set(hubId, histories);
    }
    replays = [];
    for (const h of histories) {
      const segments = activeSegments(h.changes, until);
      if (segments.length > 0) replays.push({ clientId: h.clientId, currency: h.currency, segments });
    }
    if (k.replays.size >= KEPT_REPLAYS) k.replays.clear();
    k.replays.set(replayKey, replays);
  }
  return replays;
}

/**
 * One subscription, a client's, a hub's (a subscription belongs to its client's hub), or all of them
 * (hubId null or left out: every hub).
 */
export function loadSubscriptions(
  sqlite: Sqlite,
  filter: { clientId?: number | undefined; hubId?: number | null | undefined; id?: number } = {},
): LoadedSubscription[] {
  const conditions: string[] = [];
  const params: number[] = [];
  if (filter.id !== undefined) {
    conditions.push('s.id = ?');
    params.push(filter.id);
  }
  if (filter.clientId !== undefined) {
    conditions.push('s.client_id = ?');
    params.push(filter.clientId);
  }
  if (filter.hubId !== undefined && filter.hubId !== null) {
    conditions.push('c.hub_id = ?');
    params.push(filter.hubId);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const subs = cached(
    sqlite,
    `SELECT s.id, s.client_id, c.name AS client_name, s.service_id, v.code AS service_code, v.name AS service_name, s.currency
       FROM subscriptions s JOIN clients c ON c.id = s.client_id JOIN services v ON v.id = s.service_id ${where}
       ORDER BY c.name, s.id`,
  ).all(...params) as SubRow[];
  // The histories of the subscriptions chosen.
  const changes = cached(
    sqlite,
    `SELECT id, subscription_id AS subscriptionId, kind, effective_on AS effectiveOn, fee_minor AS feeMinor, note,
              created_at AS createdAt
       FROM subscription_changes ${
         where
           ? `WHERE subscription_id IN (SELECT s.id FROM subscriptions s JOIN clients c ON c.id = s.client_id ${where})`
           : ''
       }
       ORDER BY subscription_id, effective_on, id`,
  ).all(...params) as (SubscriptionChange & { subscriptionId: number })[];
  const bySub = new Map<number, SubscriptionChange[]>();
  for (const { subscriptionId, ...c } of changes) {
    const list = bySub.get(subscriptionId) ?? [];
    list.push(c);
    bySub.set(subscriptionId, list);
  }
  return subs.map((s) => ({ ...s, changes: bySub.get(s.id) ?? [] }));
}

export function toSubscription(s: LoadedSubscription, asOf: string): Subscription {
  const state = stateOn(s.changes, asOf);
  const start = s.changes[0]!;
  const cancel = s.changes.find((c) => c.kind === 'cancel');
  return {
    id: s.id,
    clientId: s.client_id,
    clientName: s.client_name,
    serviceId: s.service_id,
    serviceCode: s.service_code,
    serviceName: s.service_name,
    currency: s.currency,
    status: state.status,
    feeMinor: state.feeMinor,
    startedOn: start.effectiveOn,
    endedOn: cancel ? addDays(cancel.effectiveOn, -1) : null,
    changes: s.changes,
  };
}

export function createSubscription(sqlite: Sqlite, input: Required<SubscriptionCreate>, stamp: Stamp): number {
  const client = cached(sqlite, 'SELECT id FROM clients WHERE id = ?').get(input.clientId);
  if (!client) throw failure('NOT_FOUND', 'notFound.client', { id: input.clientId }, 'clientId');
  const service = cached(sqlite, 'SELECT kind, active FROM services WHERE id = ?').get(input.serviceId) as
    | { kind: string; active: number }
    | undefined;
  if (!service) throw failure('NOT_FOUND', 'notFound.service', { id: input.serviceId }, 'serviceId');
  if (service.kind !== 'subscription')
    throw failure('BAD_REQUEST', 'subscription.needsRecurringService', {}, 'serviceId');
  const r = cached(
    sqlite,
    'INSERT INTO subscriptions (client_id, service_id, currency, created_at) VALUES (?, ?, ?, ?)',
  ).run(input.clientId, input.serviceId, input.currency, stamp.at);
  const id = Number(r.lastInsertRowid);
  insertChange(sqlite, id, 'start', input.startOn, input.feeMinor, input.note, stamp.at);
  audit(sqlite, {
    ...stamp,
    action: 'create',
    entity: 'subscription',
    entityId: id,
    detail: { feeMinor: input.feeMinor },
  });
  return id;
}

function insertChange(
  sqlite: Sqlite,
  subscriptionId: number,
  kind: SubscriptionChangeKind,
  effectiveOn: string,
  feeMinor: number | null,
  note: string | null,
  at: string,
): void {
  cached(
    sqlite,
    'INSERT INTO subscription_changes (subscription_id, kind, effective_on, fee_minor, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(subscriptionId, kind, effectiveOn, feeMinor, note, at);
}

export function changeSubscription(sqlite: Sqlite, input: SubscriptionChangeInput, stamp: Stamp): void {
  const [sub] = loadSubscriptions(sqlite, { id: input.id });
  if (!sub) throw failure('NOT_FOUND', 'notFound.subscription', { id: input.id });
  const feeMinor = input.kind === 'change' ? input.feeMinor : null;
  const problem = changeProblem(sub.changes, { kind: input.kind, effectiveOn: input.effectiveOn, feeMinor });
  if (problem) {
    // The rule names the last change's date; one of the history's dates is it.
    const dates = sub.changes.map((c) => ({ last: c.effectiveOn }));
    throw new AppFailure(
      'CONFLICT',
      problem,
      'effectiveOn',
      refFor(problem, keysUnder('subscription.change.', ...dates)),
    );
  }
  insertChange(sqlite, sub.id, input.kind, input.effectiveOn, feeMinor, input.note ?? null, stamp.at);
  audit(sqlite, {
    ...stamp,
    action: input.kind,
    entity: 'subscription',
    entityId: sub.id,
    detail: { effectiveOn: input.effectiveOn, feeMinor },
  });
}

/**
 * MRR per month between two months, with every movement of those months. With `hubId`, the same
 * figures over that hub's clients' subscriptions only (a subscription belongs to its client's hub).
 */
export function mrrReport(sqlite: Sqlite, from: string, to: string, hubId?: number | null): MrrReport {
  assertHubExists(sqlite, hubId);
  const converter = loadConverter(sqlite);
  const subs = loadSubscriptions(sqlite, { hubId });
  const unconvertible = new Set<number>();
  const steps: MrrStep[] = subs.flatMap((s) =>
    mrrSteps(s.id, s.client_id, s.changes, (fee, since) => {
      const v = converter.toReporting(fee, s.currency, since);
      if (v === null) unconvertible.add(s.id);
      return v ?? 0;
    }),
  );
  // Subscriptions whose fee has no rate are left out entirely (and reported), never counted at 1.
  const movements = mrrMovements(steps.filter((s) => !unconvertible.has(s.subscriptionId)));
  const names = new Map(subs.map((s) => [s.client_id, s.client_name]));
  return {
    currency: converter.reporting,
    months: monthlyMrr(movements, from, to),
    movements: movements
      .filter((m) => m.date.slice(0, 7) >= from && m.date.slice(0, 7) <= to)
      .map((m) => ({ ...m, clientName: names.get(m.clientId) ?? '' })),
    missingRates: converter.missingRates(),
  };
}

/** The draft invoice of one subscription month: the fee for the days it was active that month. */
export function subscriptionMonthDraft(sqlite: Sqlite, subscriptionId: number, month: string, stamp: Stamp): number {
  const [sub] = loadSubscriptions(sqlite, { id: subscriptionId });
  if (!sub) throw failure('NOT_FOUND', 'notFound.subscription', { id: subscriptionId }, 'subscriptionId');
  const first = `${month}-01`;
  const last = addDays(`${nextMonth(month)}-01`, -1);
  const amount = roundMinor(
    revenueParts(activeSegments(sub.changes, last), first, last).reduce((s, p) => s + p.minor, 0),
  );
  if (amount <= 0) throw failure('CONFLICT', 'subscription.notActiveInMonth', { month }, 'month');
  const existing = cached(
    sqlite,
    "SELECT count(*) AS n FROM invoices WHERE subscription_id = ? AND period_month = ? AND kind = 'subscription' AND status <> 'void'",
  ).get(subscriptionId, month) as { n: number };
  if (existing.n > 0) throw failure('CONFLICT', 'subscription.monthInvoiced', { month }, 'month');
  return insertDraft(
    sqlite,
    {
      kind: 'subscription',
      clientId: sub.client_id,
      currency: sub.currency,
      lines: [
        {
          description: `${sub.service_name} · ${month}`,
          quantity: 1,
          unitPriceMinor: amount,
          taxRateBp: taxRateFor(sqlite, sub.client_id),
        },
      ],
      notes: null,
      projectId: null,
      subscriptionId,
      periodMonth: month,
    },
    stamp,
  );
}
