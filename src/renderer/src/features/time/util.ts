/** Small helpers shared by assignments, routing, time logging and holidays. */
import { addDays, startOfIsoWeek } from '../../../../shared/dates';
import { dateFormat, formatNumber, intlLocale } from '../../app/format';

/** The week (its Monday) to open for an assignment: this week, kept inside the assignment's dates. */
export function weekFor(today: string, startDate: string, endDate: string): string {
  const day = today < startDate ? startDate : today > endDate ? endDate : today;
  return startOfIsoWeek(day);
}

/** Hours as a plain number in the language ("4.5", "4,5"), quarter hours kept. */
export function hoursNumber(hours: number, lang: string): string {
  return formatNumber(hours, lang, 2);
}

/** "Mon 30" style labels for a week's columns. */
export function dayLabel(iso: string, lang: string): { weekday: string; day: string; long: string } {
  const date = new Date(`${iso}T12:00:00Z`);
  const locale = intlLocale(lang);
  return {
    weekday: dateFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date),
    day: dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date),
    long: dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date),
  };
}

/** "Nov 30 – Dec 6, 2026" for a week starting on a Monday. */
export function weekRange(weekStart: string, lang: string): string {
  const f = dateFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const a = new Date(`${weekStart}T12:00:00Z`);
  const b = new Date(`${addDays(weekStart, 6)}T12:00:00Z`);
  return typeof f.formatRange === 'function' ? f.formatRange(a, b) : `${f.format(a)} – ${f.format(b)}`;
}

/** "Thu, Dec 24" (the year is in the picker). */
export function shortDay(iso: string, lang: string): string {
  return dateFormat(intlLocale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** The current wall-clock time in a time zone ("3:04 PM"), or null for an unknown zone. */
export function clockIn(timeZone: string, lang: string): string | null {
  try {
    return dateFormat(intlLocale(lang), { timeStyle: 'short', timeZone }).format(new Date());
  } catch {
    return null;
  }
}

/** Quarter-hour check for typed hours. */
export const isQuarter = (h: number) => Math.abs(Math.round(h * 4) - h * 4) < 1e-9;

/** The later of two ISO dates. */
export const laterDate = (a: string, b: string): string => (a.localeCompare(b) >= 0 ? a : b);

/** "Dec 4 – 24, 2026", "Nov 30 – Dec 6, 2026": a date range as compact as the locale allows. */
export function dateRange(start: string, end: string, lang: string): string {
  const f = dateFormat(intlLocale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const a = new Date(`${start}T12:00:00Z`);
  const b = new Date(`${end}T12:00:00Z`);
  if (start === end) return f.format(a);
  return typeof f.formatRange === 'function' ? f.formatRange(a, b) : `${f.format(a)} – ${f.format(b)}`;
}

/** "Dec 4 → Dec 24, 2026": the start without its year when it is the end's year. */
export function arrowRange(start: string, end: string, lang: string): { start: string; end: string } {
  const locale = intlLocale(lang);
  const withYear = dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const noYear = dateFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const a = new Date(`${start}T12:00:00Z`);
  return {
    start: start.slice(0, 4) === end.slice(0, 4) ? noYear.format(a) : withYear.format(a),
    end: withYear.format(new Date(`${end}T12:00:00Z`)),
  };
}
