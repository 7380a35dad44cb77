/** The top bar's period as dates: what "Today", "This week", "This month" or a custom range cover. */
import { addDays, daysBetween, startOfIsoWeek } from '../../../shared/dates';
import type { Period } from '../../../shared/domain';
import type { KpiScope } from '../../../shared/kpis';
import { addMonths, addMonthsToDate, lastDayOf } from './dateText';
import { dateFormat, intlLocale } from './format';
import { customRangeOf, type DateRange, useApp } from './store';
import { useWorkspaceToday } from './today';

/** The whole day, ISO week (Monday to Sunday) or calendar month that holds `today`, or the custom range. */
export function periodDates(period: Period, today: string, custom: DateRange): DateRange {
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const monday = startOfIsoWeek(today);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: lastDayOf(today.slice(0, 7)) };
    case 'custom':
      return custom;
  }
}

/**
 * What a period is compared with: the same stretch of the period before, as
 * far as the period has run (a month on its 7th day against the previous
 * month's first 7 days, not the whole of it). Today is compared with
 * yesterday, a week with the days of the week before, a custom range with
 * as many days just before it.
 */
export function comparisonDates(period: Period, range: DateRange, today: string): DateRange {
  const to = range.to < today ? range.to : today < range.from ? range.from : today;
  switch (period) {
    case 'month':
      return { from: `${addMonths(range.from.slice(0, 7), -1)}-01`, to: addMonthsToDate(to, -1) };
    case 'today':
    case 'week': {
      const days = period === 'week' ? 7 : 1;
      return { from: addDays(range.from, -days), to: addDays(to, -days) };
    }
    case 'custom': {
      const days = daysBetween(range.from, to) + 1;
      return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
    }
  }
}

/**
 * The chosen period's dates and what they are compared with, today being the workspace's; `underway` when
 * today is in the period (the comparison then counts only as far as now: this morning against yesterday morning).
 */
export function usePeriodDates(): DateRange & {
  period: Period;
  previous: DateRange;
  /** Today is on or after the period's first day (a period yet to begin has nothing to compare). */
  started: boolean;
  underway: boolean;
} {
  const prefs = useApp((s) => s.prefs);
  const today = useWorkspaceToday();
  const range = periodDates(prefs.period, today, customRangeOf(prefs));
  return {
    ...range,
    period: prefs.period,
    previous: comparisonDates(prefs.period, range, today),
    started: range.from <= today,
    underway: range.from <= today && today <= range.to,
  };
}

/** "Dec 1 – 31", "Nov 30 – Dec 6", "Dec 7" in the app's language; `numeric`: "12/1 – 12/31". */
export function periodRangeLabel(from: string, to: string, locale: string, numeric = false): string {
  const f = dateFormat(intlLocale(locale), { month: numeric ? 'numeric' : 'short', day: 'numeric', timeZone: 'UTC' });
  const a = new Date(`${from}T12:00:00Z`);
  const b = new Date(`${to}T12:00:00Z`);
  try {
    return f.formatRange(a, b);
  } catch {
    return `${f.format(a)} – ${f.format(b)}`;
  }
}

/**
 * A reply that answers what is asked now (the period, the stretch before it, the hub): while another one loads,
 * the last reply stays in hand, and a tile must not show last month's figures under this month's name.
 */
export function answers<T extends KpiScope>(reply: T | null, range: DateRange, hubId: number | null): reply is T {
  return reply !== null && reply.from === range.from && reply.to === range.to && reply.hubId === hubId;
}
