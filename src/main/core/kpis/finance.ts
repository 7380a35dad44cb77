/**
 * Finance's KPIs of a period (KPIS.md: revenue, collected, DSO; and the period's
 * expenses). Projects are read through projects_delivered (their delivery is an
 * instant, bounded at the workspace zone's midnights); payments, expenses and
 * invoices carry calendar dates, compared with the period's dates as they are.
 * Hubs: a project's own, a subscription's client's, an invoice's (the hub that
 * issued it, as the invoices list filters), an expense's own (as the Expenses tab).
 * Dated records count up to lastCountedDay: "This month" is the whole month, but
 * a subscription's days and the expenses still ahead (scheduled) have not
 * happened yet, and the stretch it is compared with ends as far into its own
 * period as today is into this one.
 */
import { lastDayOf, localDate } from '../../../shared/dates';
import type { FinanceKpis, PeriodKpisRequest } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { occurrenceIn } from '../expenses/engine';
import { workspaceTimeZone } from '../fx/clock';
import { type Converter, roundMinor } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import { nextMonth, revenueParts } from '../subscriptions/engine';
import { keptSubscriptionReplays } from '../subscriptions/repo';
import { addGroups } from './convert';
import { instantGroups, lastCountedDay, queryInstants } from './period';

/** The period and, for dated records, the last day counted (possibly before `from`: nothing yet). */
type Query = PeriodKpisRequest & { until: string };
type Dated = { currency: string; date: string; valueMinor: number; n: number };

/** Sums amounts grouped per currency and date into the reporting currency; null once a rate is missing. */
function sumDated(converter: Converter, rows: readonly Dated[]): { valueMinor: number | null; n: number } {
  let valueMinor: number | null = 0;
  let n = 0;
  for (const r of rows) {
    const value = converter.toReporting(r.valueMinor, r.currency, r.date);
    valueMinor = value === null || valueMinor === null ? null : valueMinor + value;
    n += r.n;
  }
  return { valueMinor, n };
}

function projectsRevenue(sqlite: Sqlite, converter: Converter, query: Query, now: Date) {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = queryInstants(query, timeZone, now);
  const hub = query.hubId === null ? '' : ' AND hub_id = ?';
  const params = query.hubId === null ? [start, end] : [start, end, query.hubId];
  const groups = instantGroups(timeZone, start, end);
  // Cancelled projects count nowhere. Each project's value at the rate in force on its delivery date.
  const rows = cached(
    sqlite,
    `SELECT currency, ${groups.sql('delivered_at')} AS bucket, sum(value_minor) AS valueMinor, count(*) AS n
       FROM projects INDEXED BY projects_delivered
      WHERE delivered_at IS NOT NULL AND delivered_at >= ? AND delivered_at < ?${hub} AND stage <> 'cancelled'
      GROUP BY currency, bucket`,
  ).all(...params) as { currency: string; bucket: string; valueMinor: number; n: number }[];
  return {
    valueMinor: addGroups(converter, groups, rows, 0),
    projects: rows.reduce((n, r) => n + r.n, 0),
  };
}

/**
 * Each subscription's fee × (its active days in the period ÷ the days of that calendar month), per fee level
 * (subscriptions/engine's revenueParts over its activeSegments, the replay MRR and client revenue use too). A
 * calendar month's share is converted at one rate: the one in force on the month's last day (the latest rate known
 * while the month runs), so a month converts alike whichever period it is read in, and a rate entered during it
 * serves the whole month. The replays are kept until a subscription is written (keptSubscriptionReplays).
 */
function subscriptionsRevenue(sqlite: Sqlite, converter: Converter, query: Query) {
  let valueMinor: number | null = 0;
  let subscriptions = 0;
  // The rate's day of each month the period touches (a part always falls in one of them).
  const monthEnds = new Map<string, string>();
  for (let month = query.from.slice(0, 7); month <= query.until.slice(0, 7); month = nextMonth(month))
    monthEnds.set(month, lastDayOf(month));
  for (const sub of keptSubscriptionReplays(sqlite, query.hubId, query.until)) {
    const parts = revenueParts(sub.segments, query.from, query.until);
    if (parts.length === 0) continue;
    subscriptions++;
    const byMonth = new Map<string, number>();
    for (const p of parts) byMonth.set(p.from.slice(0, 7), (byMonth.get(p.from.slice(0, 7)) ?? 0) + p.minor);
    for (const [month, minor] of byMonth) {
      const value = converter.toReporting(minor, sub.currency, monthEnds.get(month)!);
      valueMinor = value === null || valueMinor === null ? null : valueMinor + value;
    }
  }
  return { valueMinor: valueMinor === null ? null : roundMinor(valueMinor), subscriptions };
}

/**
 * Payments received in the period (a payment's date is a calendar date), at the rate in force on that date: read
 * from payments_paid_on alone, grouped in its order.
 */
function collected(sqlite: Sqlite, converter: Converter, query: Query) {
  const rows = cached(
    sqlite,
    `SELECT p.currency, p.paid_on AS date, sum(p.amount_minor) AS valueMinor, count(*) AS n
       FROM payments AS p INDEXED BY payments_paid_on${query.hubId === null ? '' : ' JOIN invoices AS i ON i.id = p.invoice_id'}
      WHERE p.paid_on >= ? AND p.paid_on <= ?${query.hubId === null ? '' : ' AND i.hub_id = ?'}
      GROUP BY p.paid_on, p.currency`,
  ).all(query.from, query.until, ...(query.hubId === null ? [] : [query.hubId])) as Dated[];
  const sum = sumDated(converter, rows);
  return { valueMinor: sum.valueMinor, payments: sum.n };
}

/**
 * Live expenses dated in the period, each at the rate in force on its date: one-off ones on their date, monthly
 * ones once in every month of the period they fall in (expenses/engine's occurrenceIn, as the Expenses tab counts).
 */
function expenses(sqlite: Sqlite, converter: Converter, query: Query) {
  const hub = query.hubId === null ? '' : ' AND hub_id = ?';
  const hubParams = query.hubId === null ? [] : [query.hubId];
  const once = cached(
    sqlite,
    `SELECT currency, date, sum(amount_minor) AS valueMinor, count(*) AS n
       FROM expenses INDEXED BY expenses_date
      WHERE date >= ? AND date <= ? AND recurrence = 'none' AND voided_at IS NULL${hub}
      GROUP BY currency, date`,
  ).all(query.from, query.until, ...hubParams) as Dated[];
  const monthly = cached(
    sqlite,
    `SELECT date, amount_minor AS amountMinor, currency, recurrence, recurrence_end_month AS recurrenceEndMonth,
            voided_at AS voidedAt
       FROM expenses INDEXED BY expenses_date
      WHERE date <= ? AND recurrence = 'monthly' AND voided_at IS NULL
        AND (recurrence_end_month IS NULL OR recurrence_end_month >= ?)${hub}`,
  ).all(query.until, query.from.slice(0, 7), ...hubParams) as {
    date: string;
    amountMinor: number;
    currency: string;
    recurrence: 'monthly';
    recurrenceEndMonth: string | null;
    voidedAt: null;
  }[];
  const occurrences: Dated[] = [];
  for (let month = query.from.slice(0, 7); month <= query.until.slice(0, 7); month = nextMonth(month))
    for (const e of monthly) {
      const date = occurrenceIn(e, month);
      if (date !== null && date >= query.from && date <= query.until)
        occurrences.push({ currency: e.currency, date, valueMinor: e.amountMinor, n: 1 });
    }
  const sum = sumDated(converter, [...once, ...occurrences]);
  return { valueMinor: sum.valueMinor, expenses: sum.n };
}

/**
 * DSO: the mean of (payment date − invoice date) in days over the invoices fully paid in the period: those whose
 * paid date (the day the last payment, or a credit note, settled them) falls in it. Credit notes are not invoices
 * to collect (one is settled the day it is issued) and count nowhere here.
 */
function dso(sqlite: Sqlite, query: Query) {
  const row = cached(
    sqlite,
    `SELECT count(*) AS invoices, coalesce(sum(julianday(paid_on) - julianday(issue_date)), 0) AS totalDays
       FROM invoices INDEXED BY invoices_paid
      WHERE status = 'paid' AND paid_on >= ? AND paid_on <= ? AND kind <> 'credit_note'${
        query.hubId === null ? '' : ' AND hub_id = ?'
      }`,
  ).get(query.from, query.until, ...(query.hubId === null ? [] : [query.hubId])) as {
    invoices: number;
    totalDays: number;
  };
  const totalDays = Math.round(row.totalDays);
  return { days: row.invoices === 0 ? null : totalDays / row.invoices, invoices: row.invoices, totalDays };
}

/** `now`: the core's clock; dated records after the workspace's today are not counted yet. */
export function financeKpis(sqlite: Sqlite, request: PeriodKpisRequest, now: Date): FinanceKpis {
  const converter = loadConverter(sqlite);
  const query = { ...request, until: lastCountedDay(request, localDate(now, workspaceTimeZone(sqlite))) };
  const projects = projectsRevenue(sqlite, converter, query, now);
  const subs = subscriptionsRevenue(sqlite, converter, query);
  return {
    from: query.from,
    to: query.to,
    hubId: query.hubId,
    currency: converter.reporting,
    revenue: {
      valueMinor:
        projects.valueMinor === null || subs.valueMinor === null ? null : projects.valueMinor + subs.valueMinor,
      projectsMinor: projects.valueMinor,
      projects: projects.projects,
      subscriptionsMinor: subs.valueMinor,
      subscriptions: subs.subscriptions,
    },
    collected: collected(sqlite, converter, query),
    expenses: expenses(sqlite, converter, query),
    dso: dso(sqlite, query),
    missingRates: converter.missingRates(),
  };
}
