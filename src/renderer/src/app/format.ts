/**
 * Numbers, money and dates in the chosen language, always through Intl.
 * Money arrives in integer minor units (see MINOR_DIGITS); nothing here
 * rounds money silently except where a compact display is asked for.
 */
import { type Currency, MINOR_DIGITS } from '../../../shared/domain';

export type Language = 'en' | 'es';

/**
 * The Intl locale used for a UI language. The Spanish UI is Latin-American
 * Spanish, so its numbers, money and dates are es-419 ("USD 2,347.50",
 * "22 nov 2026"), not Spain's ("2347,50 US$").
 */
export function intlLocale(language: Language | string): string {
  return language.startsWith('es') ? 'es-419' : 'en-US';
}

const formatters = new Map<string, unknown>();

/** One formatter per kind, locale and options: building an Intl formatter costs ~0.2 ms. */
function shared<T>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A shared Intl.DateTimeFormat for an Intl locale (a board or a table formats thousands of dates). */
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  shared('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

/** A shared Intl.NumberFormat for an Intl locale. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  shared('number', locale, options, () => new Intl.NumberFormat(locale, options));

/**
 * The shared collator for names and labels in a UI language: case and accents
 * do not split the order ("álvaro" sits with "Alvaro"), letters the language
 * has of its own keep their place (Spanish puts "Ñandú" after "Nube"), and
 * numbers in names sort as numbers ("Hub 2" before "Hub 10"). For text a person
 * reads, not ISO dates or keys.
 */
export const textCollator = (language: string): Intl.Collator =>
  shared(
    'collator',
    intlLocale(language),
    {},
    () => new Intl.Collator(intlLocale(language), { sensitivity: 'base', numeric: true }),
  );

/** The shared number format of a UI language. */
const uiNumberFormat = (language: string, options: Intl.NumberFormatOptions) =>
  numberFormat(intlLocale(language), options);

function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency as Currency] ?? 2;
}

/** Minor units → major units as a number (e.g. 12345 USD cents → 123.45). */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Major units → integer minor units, rounding half away from zero. */
export function majorToMinor(major: number, currency: string): number {
  const factor = 10 ** minorDigits(currency);
  return Math.sign(major) * Math.round(Math.abs(major) * factor);
}

/** A true minus sign (U+2212), as money and changes write negatives. */
export const MINUS = '\u2212';

const NONZERO = /[1-9]/;

/**
 * A number through `format` with the true minus every money figure on screen uses: Intl writes an ASCII
 * hyphen ("-$325.00", "-USD 325.00") while axes and changes wrote "−", so a table and the chart above it
 * disagreed. The sign keeps Intl's place (before the currency). A value that shows as zero ("-0", or
 * rounded to "$0") has no sign.
 */
export function withTrueMinus(format: Intl.NumberFormat, value: number): string {
  if (!(value < 0)) return format.format(value === 0 ? 0 : value);
  const parts = format.formatToParts(value);
  const zero = !parts.some((p) => (p.type === 'integer' || p.type === 'fraction') && NONZERO.test(p.value));
  return parts.map((p) => (p.type === 'minusSign' ? (zero ? '' : MINUS) : p.value)).join('');
}

/** The shared currency format of a UI language with a fixed number of fraction digits. */
const currencyFormat = (locale: string, currency: string, digits: number, options: Intl.NumberFormatOptions = {}) =>
  uiNumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    ...options,
  });

/** The fraction digits an amount shows: the currency's, or none for a whole amount where cents are noise. */
const moneyDigits = (major: number, currency: string, whole: boolean) =>
  whole && Number.isInteger(major) ? 0 : minorDigits(currency);

/** `formatMoney(234750, 'USD', 'en')` → "$2,347.50"; negatives with a true minus: "−$325.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return withTrueMinus(currencyFormat(locale, currency, minorDigits(currency)), minorToMajor(minor, currency));
}

/** Whole-unit money for ranges and tables where cents are noise: "$1,200", "−$325". */
export function formatMoneyWhole(minor: number, currency: string, locale: string): string {
  const major = minorToMajor(minor, currency);
  return withTrueMinus(currencyFormat(locale, currency, moneyDigits(major, currency, true)), major);
}

/**
 * A change in money with its sign before the currency: "+$50.00", "−$25.00" (en); "+USD 50.00" (es); and
 * "$0.00" for what rounds to zero (the sign is chosen after rounding, as in formatSignedNumber). `whole`
 * drops the cents of a whole amount, as formatMoneyWhole does: "+$1,200".
 */
export function formatSignedMoney(minor: number, currency: string, locale: string, { whole = false } = {}): string {
  const major = minorToMajor(minor, currency);
  const format = currencyFormat(locale, currency, moneyDigits(major, currency, whole), { signDisplay: 'exceptZero' });
  return withTrueMinus(format, major);
}

/**
 * Compact money for axes and tiles: "$2.3K", "$500", "−$500" (en); "USD 2.3 K" (es). Negatives take a true minus
 * like the rest of the money on screen, and a value that rounds to zero has no sign.
 */
export function formatMoneyCompact(minor: number, currency: string, locale: string): string {
  const format = uiNumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return withTrueMinus(format, minorToMajor(minor, currency));
}

/** Between the two ends of a range: an en dash with narrow no-break spaces, so it never wraps. */
export const RANGE_DASH = '\u202f–\u202f';

/**
 * A price range in the locale's range style but always with the same dash:
 * "$25 – $75", "DKK 25 – 75", "USD 25 – 75" (es-419). Intl's own separator
 * varies by locale and currency (" – ", "–", "-"); it is replaced by RANGE_DASH.
 */
export function formatMoneyRange(min: number, max: number, currency: string, locale: string): string {
  if (min === max) return formatMoneyWhole(min, currency, locale);
  const a = minorToMajor(min, currency);
  const b = minorToMajor(max, currency);
  const whole = Number.isInteger(a) && Number.isInteger(b);
  const f = currencyFormat(locale, currency, whole ? 0 : minorDigits(currency));
  if (typeof f.formatRangeToParts !== 'function') return `${withTrueMinus(f, a)}${RANGE_DASH}${withTrueMinus(f, b)}`;
  return f
    .formatRangeToParts(a, b)
    .map((p) =>
      p.type === 'minusSign' ? MINUS : p.type === 'literal' && /^\s*[-–—]\s*$/.test(p.value) ? RANGE_DASH : p.value,
    )
    .join('');
}

/**
 * A fraction as a percentage with at most one decimal: 0.785 → "78.5%"; a negative with the true minus
 * money uses ("−12%", not Intl's "-12%"), and no sign on what rounds to zero.
 */
export function formatPercent(fraction: number, locale: string, maxDigits = 1): string {
  return withTrueMinus(
    uiNumberFormat(locale, { style: 'percent', maximumFractionDigits: Math.min(maxDigits, 1) }),
    fraction,
  );
}

/** A change as a signed whole percentage: "+12%", "−8%", and "0%" for what rounds to zero. */
export function formatSignedPercent(fraction: number, locale: string): string {
  return withTrueMinus(
    uiNumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
    fraction,
  );
}

/** A percentage given in points (30 → "30%", −5 → "−5%"). */
export function formatPercentPoints(points: number, locale: string): string {
  return formatPercent(points / 100, locale);
}

/** A number in the UI language: "1,234.5", "−3.5" (a true minus, like money). */
export function formatNumber(value: number, locale: string, maxDigits = 1): string {
  return withTrueMinus(uiNumberFormat(locale, { maximumFractionDigits: maxDigits }), value);
}

/** A compact number for axes and tiles: "2.3K", "−1.2K". */
export function formatCompactNumber(value: number, locale: string): string {
  return withTrueMinus(uiNumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }), value);
}

/**
 * A change as a signed number: "+3", "−2", and "0" for what rounds to zero (the sign is chosen after
 * rounding, so 0.04 with one decimal is "0", never "+0").
 */
export function formatSignedNumber(value: number, locale: string, maxDigits = 1): string {
  return withTrueMinus(uiNumberFormat(locale, { maximumFractionDigits: maxDigits, signDisplay: 'exceptZero' }), value);
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return uiNumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** A calendar day (YYYY-MM-DD) as an instant: its noon UTC, which no time zone moves to another day. */
export const calendarDay = (date: string): Date => new Date(`${date}T12:00:00Z`);

function toDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return calendarDay(value);
  return new Date(value);
}

/** "Nov 22, 2026" / "22 nov 2026". */
export function formatDate(value: Date | string | number, locale: string, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  // A calendar date ("2026-11-22") is the same day everywhere; only instants move with the zone.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) opts.timeZone = 'UTC';
  else if (timeZone) opts.timeZone = timeZone;
  return dateFormat(intlLocale(locale), opts).format(toDate(value));
}

/** "Nov 22, 2026, 3:04 PM". */
export function formatDateTime(value: Date | string | number, locale: string, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (timeZone) opts.timeZone = timeZone;
  return dateFormat(intlLocale(locale), opts).format(toDate(value));
}

/** "November 2026" from "2026-11". */
/**
 * Monday to Sunday in a language: each day's `name` in the given width ("L" narrow, "lun" short; a short name's
 * trailing period dropped) and its `long` name ("lunes").
 */
export function weekdayNames(language: string, width: 'narrow' | 'short'): { name: string; long: string }[] {
  const locale = intlLocale(language);
  const named = dateFormat(locale, { weekday: width, timeZone: 'UTC' });
  const long = dateFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2026-12-07 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 11, 7 + i, 12));
    return { name: named.format(day).replace(/\.$/, ''), long: long.format(day) };
  });
}

export function formatMonth(month: string, locale: string): string {
  return dateFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** The current wall-clock time in a time zone, e.g. "3:04 PM". */
export function formatTimeIn(timeZone: string, locale: string, now = new Date()): string {
  try {
    return dateFormat(intlLocale(locale), { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return '—';
  }
}

/** A human list: "A, B and C" / "A, B y C". */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/** Localised currency name ("US dollar" / "dólar estadounidense"). */
export function currencyName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Localised country name from an ISO code ("DK" → "Denmark" / "Dinamarca"). */
/** Country names by locale and code: a table of 36k clients asks for the same few dozen again and again. */
const countryNames = new Map<string, Map<string, string>>();

export function countryName(code: string, locale: string): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Map();
    countryNames.set(locale, names);
  }
  let name = names.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
    } catch {
      name = code;
    }
    names.set(code, name);
  }
  return name;
}

/**
 * Parse a decimal typed by a person in either convention ("1.234,5", "1,234.5",
 * "12,5", "12.5"). A lone separator followed by exactly three digits is read as
 * the grouping the UI shows ("1,234" in English and in es-419 Spanish). Returns NaN
 * when the text is not a number; '' → null.
 */
export function parseDecimal(input: string, locale = 'en'): number | null {
  // A pasted "−12" (the true minus the UI shows) reads as "-12".
  const s = input
    .trim()
    .replace(/[\s\u00a0']/g, '')
    .replace(/^\u2212/, '-');
  if (s === '') return null;
  // The grouping separator the UI shows for this language (es-419 groups with ",", like English).
  const groupSep =
    uiNumberFormat(locale, {})
      .formatToParts(1234567)
      .find((p) => p.type === 'group')?.value ?? ',';
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalised = s;
  if (lastComma >= 0 && lastDot >= 0) {
    normalised = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = s.split(sep);
    const grouping =
      parts.length > 2 || (sep === groupSep && parts[1]?.length === 3 && parts[0] !== '0' && parts[0] !== '');
    normalised = grouping ? parts.join('') : parts.join('.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** A number for an input field in the chosen language ("12.5" / "12,5"), without grouping. */
export function numberForInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return uiNumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(value);
}

/** All IANA time zones this runtime knows, for pickers. */
export function timeZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC', 'America/Caracas', 'America/Lima', 'Europe/Copenhagen'];
  }
}

/** The system's time zone, for defaults. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
