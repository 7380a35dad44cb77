/** What the KPIs of a period share: its bounds as instants, shares, and local dates of stored instants. */
import { addDays, daysBetween, localDate } from '../../../shared/dates';
import type { KpiShare } from '../../../shared/kpis';
import { localToUtc, zoneOffset } from '../routing/timezones';

export function share(part: number, whole: number): KpiShare {
  return { part, whole, share: whole === 0 ? null : part / whole };
}

/**
 * The UTC instants that bound a period of local dates: from the first day's
 * midnight (included) to the midnight after the last day (excluded). Written
 * with milliseconds, they compare as text with stored instants written with or
 * without them ('…00Z' sorts after '…00.000Z', so an instant on a bound lands
 * on the side it belongs to).
 */
export function periodInstants(from: string, to: string, timeZone: string): [start: string, end: string] {
  const instant = (date: string) => new Date(localToUtc(date, timeZone, 0)).toISOString();
  return [instant(from), instant(addDays(to, 1))];
}

/**
 * The instants a KPI query covers: its whole period, or, compared with a
 * period under way (`alignTo`, that period's first day), only as far into it
 * as `now` is into that one.
 */
export function queryInstants(
  query: { from: string; to: string; alignTo?: string | undefined },
  timeZone: string,
  now: Date,
): [start: string, end: string] {
  const [start, end] = periodInstants(query.from, query.to, timeZone);
  if (query.alignTo === undefined) return [start, end];
  const elapsed = now.getTime() - Date.parse(periodInstants(query.alignTo, query.alignTo, timeZone)[0]);
  if (elapsed < 0) return [start, end];
  return [start, new Date(Math.min(Date.parse(start) + elapsed, Date.parse(end))).toISOString()];
}

/**
 * The last day a KPI query counts dated records on (payments, expenses, a
 * subscription's days): the period's end, today at the latest (an expense
 * scheduled for later this month has not happened), and compared with a
 * period under way, as many days into its own period as today is into that
 * one. It may fall before the period's first day: nothing counts yet.
 */
export function lastCountedDay(query: { from: string; to: string; alignTo?: string | undefined }, today: string) {
  let last = query.to < today ? query.to : today;
  if (query.alignTo !== undefined && query.alignTo <= today) {
    const aligned = addDays(query.from, daysBetween(query.alignTo, today));
    if (aligned < last) last = aligned;
  }
  return last;
}

/**
 * Stored instants grouped so that each group falls on one local date in
 * `timeZone`: by UTC hour (`substr(at, 1, 13)`), or by minute when the zone's
 * offset at some time in the period is not whole hours (India, Newfoundland,
 * Caracas from 2007 to 2016). Grouping in SQL and reading one date per group
 * spares an Intl call per row.
 */
export function instantGroups(timeZone: string, start: string, end: string) {
  // Offsets sampled weekly through the period and at its end, not only at its two ends.
  const samples: number[] = [];
  for (let at = Date.parse(start); at < Date.parse(end); at += 7 * 86_400_000) samples.push(at);
  samples.push(Date.parse(end));
  const wholeHours = samples.every((at) => zoneOffset(timeZone, at) % 3_600_000 === 0);
  const length = wholeHours ? 13 : 16;
  const dates = new Map<string, string>();
  return {
    /** SQL for the group of the instant column `column`. */
    sql: (column: string) => `substr(${column}, 1, ${length})`,
    /** The local date of every instant in a group. */
    dateOf(group: string): string {
      let date = dates.get(group);
      if (date === undefined) {
        date = localDate(new Date(wholeHours ? `${group}:00:00Z` : `${group}:00Z`), timeZone);
        dates.set(group, date);
      }
      return date;
    },
  };
}
