/** Calendar helpers. Instants are UTC ISO strings; dates are local YYYY-MM-DD strings. */

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

const DAY_MS = 86_400_000;

// Capacity walks the same dates for hundreds of people: day numbers and their
// strings are computed once and remembered. A long-lived process (the web host,
// the demo generator) can meet any number of distinct dates, so each memo is
// emptied when it reaches DATE_MEMO_LIMIT entries: simpler than an LRU, and a
// capacity pass (a few thousand dates) fills it again at once.
export const DATE_MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= DATE_MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** How many entries each date memo holds (for tests of the bound). */
export const dateMemoSizes = () => ({ dayNumbers: dayNumbers.size, dayStrings: dayStrings.size });

/** Days since 1970-01-01 of a date. */
export function dayNumber(date: string): number {
  return dayNumbers.get(date) ?? remember(dayNumbers, date, Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS));
}

export function dateOfDayNumber(n: number): string {
  return dayStrings.get(n) ?? remember(dayStrings, n, new Date(n * DAY_MS).toISOString().slice(0, 10));
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before a date. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - weekday(date));
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * A UTC instant as ISO 8601 without zero milliseconds ("2026-05-01T13:45:00Z",
 * "…:12.345Z" when there are some): what `toISOString()` gives, built from
 * the memoized day string (the demo generator formats millions of these).
 */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  const fraction = milli === 0 ? '' : `.${String(milli).padStart(3, '0')}`;
  return `${dateOfDayNumber(day)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}${fraction}Z`;
}

export const laterDate = (a: string, b: string) => (a > b ? a : b);
/** The earlier of two ISO dates or instants (alike in form: they compare as text). */
export const earlierDate = (a: string, b: string) => (a < b ? a : b);

/** A month (YYYY-MM) moved by whole months: "2026-11" + 2 → "2027-01". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month ("2026-02" → "2026-02-28"). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
