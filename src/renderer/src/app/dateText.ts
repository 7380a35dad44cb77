/**
 * Calendar dates (YYYY-MM-DD) as a person reads and types them in the app's language, for the date
 * fields (components/DateField.tsx). Chromium's <input type="date"> writes its mask and calendar in
 * Chromium's own UI language; these go through Intl in the app's.
 */
import { addDays, addMonths, lastDayOf, startOfIsoWeek } from '../../../shared/dates';

// Month arithmetic is shared with the core; the forms import it from here with the rest of the date text.
export { addMonths, lastDayOf };

import { dateFormat, formatDate, intlLocale } from './format';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a date that exists, written YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The date a year, month and day make, or null when there is no such day. */
function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return year >= 1000 && isIsoDate(iso) ? iso : null;
}

/** The order a language writes a numeric date in: 'mdy' (en-US: 12/7/2026) or 'dmy' (es-419: 7/12/2026). */
export function dateOrder(language: string): 'mdy' | 'dmy' {
  const parts = dateFormat(intlLocale(language), { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 11, 7)));
  const types = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
  return types[0] === 'day' ? 'dmy' : 'mdy';
}

/** What a date field shows for a date: the app's usual date, "Dec 7, 2026" / "7 dic 2026"; '' for none. */
export function formatDateText(value: string, language: string): string {
  return isIsoDate(value) ? formatDate(value, language) : '';
}

/** Lower case, no accents, no dots: "Dic." → "dic", "Sept." → "sept". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\./g, '').toLowerCase();

const monthWords = new Map<string, string[][]>();

/** Each month's long and short names in a language, folded, January first. */
function monthNamesOf(language: string): string[][] {
  const locale = intlLocale(language);
  let names = monthWords.get(locale);
  if (!names) {
    const long = dateFormat(locale, { month: 'long', timeZone: 'UTC' });
    const short = dateFormat(locale, { month: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(2026, i, 15));
      return [fold(long.format(d)), fold(short.format(d))];
    });
    monthWords.set(locale, names);
  }
  return names;
}

/** The month (1–12) a word names in a language: its name, its short name, or the first three letters or more of its name. */
function monthOfWord(word: string, language: string): number | null {
  const w = fold(word);
  if (w.length < 3) return null;
  const i = monthNamesOf(language).findIndex(([long, short]) => w === short || long?.startsWith(w));
  return i < 0 ? null : i + 1;
}

/** Little words a written date may hold: "7 de diciembre de 2026", "the 7th of December". */
const FILLERS = new Set(['de', 'del', 'of', 'the', 'st', 'nd', 'rd', 'th']);

const yearOf = (digits: string) =>
  digits.length === 2 ? 2000 + Number(digits) : digits.length === 4 ? Number(digits) : null;

/**
 * A date typed into a date field: `{ date: 'YYYY-MM-DD' }`, `{ date: '' }` for nothing typed, or null when the
 * text is not a date that exists. Read: ISO (2026-12-07) always; the language's numeric order (en 12/7/2026,
 * es 7/12/2026; with "/", ".", "-" or spaces, a two-digit year is 20xx); and the date as the field shows it
 * ("Dec 7, 2026", "7 dic 2026", "7 de diciembre de 2026").
 */
export function parseDateText(text: string, language: string): { date: string } | null {
  const s = text.trim();
  if (s === '') return { date: '' };
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (iso) {
    const date = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { date } : null;
  }
  const numeric = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{2}|\d{4})$/.exec(s);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const year = yearOf(numeric[3] ?? '');
    const [month, day] = dateOrder(language) === 'mdy' ? [a, b] : [b, a];
    const date = year === null ? null : isoOf(year, month, day);
    return date ? { date } : null;
  }
  // Written with the month's name: one month word, a day and a year, in either order.
  if (/[^\p{L}\d\s.,]/u.test(s)) return null;
  let month: number | null = null;
  const numbers: string[] = [];
  for (const token of s.match(/\p{L}+|\d+/gu) ?? []) {
    if (/^\d+$/.test(token)) numbers.push(token);
    else if (FILLERS.has(fold(token))) continue;
    else if (month !== null) return null;
    else {
      month = monthOfWord(token, language);
      if (month === null) return null;
    }
  }
  if (month === null || numbers.length !== 2) return null;
  const yearAt = numbers.findIndex((n) => n.length === 4);
  const [dayText, yearText] = yearAt === 0 ? [numbers[1], numbers[0]] : [numbers[0], numbers[1]];
  const year = yearOf(yearText ?? '');
  if (year === null || (dayText ?? '').length > 2) return null;
  const date = isoOf(year, month, Number(dayText));
  return date ? { date } : null;
}

/** Whether a date lies within the bounds given (YYYY-MM-DD, inclusive; a missing or unreadable bound is none). */
export function withinBounds(date: string, min?: string, max?: string): boolean {
  if (min && isIsoDate(min) && date < min) return false;
  if (max && isIsoDate(max) && date > max) return false;
  return true;
}

/** A date moved by whole months, its day kept or brought back to the month's last (Jan 31 + 1 month → Feb 28). */
export function addMonthsToDate(date: string, n: number): string {
  const month = addMonths(date.slice(0, 7), n);
  const last = lastDayOf(month);
  const day = Math.min(Number(date.slice(8, 10)), Number(last.slice(8, 10)));
  return `${month}-${pad(day)}`;
}

/**
 * The weeks a month's calendar shows, Monday first (the agency's weeks, as capacity counts them): six rows of
 * seven dates, the days before and after the month included, so the grid keeps its height from month to month.
 */
export function calendarWeeks(month: string): string[][] {
  const first = startOfIsoWeek(`${month}-01`);
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)));
}
