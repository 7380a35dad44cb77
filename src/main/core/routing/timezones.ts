/**
 * Working windows in UTC (pure, no libraries): a local working day of a person
 * or a client as an epoch-ms interval, how two of them overlap, and which hours
 * of a client's day a person covers. Zone offsets come from Intl, so daylight
 * saving is honoured on the day it changes.
 */

/** A half-open interval of epoch milliseconds [start, end). */
export interface UtcInterval {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Client business hours, local: 09:00 for 8 hours. */
export const CLIENT_DAY_START_MINUTE = 9 * 60;
export const CLIENT_DAY_HOURS = 8;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    partFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (Copenhagen in summer: +7,200,000). */
export function zoneOffset(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of partFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local wall time, `minute` minutes after midnight of `date`
 * (may run past 24:00). Like Temporal's 'compatible': a time skipped by a
 * spring-forward gap moves forward by the gap, a time repeated in autumn takes
 * its first occurrence.
 */
export function localToUtc(date: string, timeZone: string, minute: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE_MS;
  // Zones change offset at most once within a day either side of any instant we care about.
  const before = zoneOffset(timeZone, wall - DAY_MS);
  const after = zoneOffset(timeZone, wall + DAY_MS);
  const fits = (offset: number) => zoneOffset(timeZone, wall - offset) === offset;
  const valid = [before, after].filter(fits);
  if (valid.length === 0) return wall - before;
  return Math.min(...valid.map((offset) => wall - offset));
}

/**
 * A working day as a UTC interval: it starts `startMinute` minutes after local
 * midnight of `date` and lasts `hours` elapsed hours, so a shift that spans a
 * daylight-saving change still holds its full length.
 */
export function utcWindow(date: string, timeZone: string, startMinute: number, hours: number): UtcInterval {
  const start = localToUtc(date, timeZone, startMinute);
  return { start, end: start + Math.max(0, hours) * HOUR_MS };
}

/** Hours two intervals share (0 when they do not meet). */
export function overlapHours(a: UtcInterval, b: UtcInterval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / HOUR_MS;
}

/** The client's business hours on a local date: 09:00–17:00. */
export function clientDayWindow(date: string, timeZone: string): UtcInterval {
  return utcWindow(date, timeZone, CLIENT_DAY_START_MINUTE, CLIENT_DAY_HOURS);
}

/**
 * The client-local hours 0–23 of `date` that a person's window (or windows, e.g.
 * the person's days around it) covers; an hour counts when at least 30 minutes
 * of it are worked. An hour a spring-forward skips is never covered.
 */
export function hoursCovered(
  date: string,
  clientTimeZone: string,
  window: UtcInterval | readonly UtcInterval[],
): number[] {
  const windows: readonly UtcInterval[] = Array.isArray(window) ? window : [window as UtcInterval];
  const out: number[] = [];
  let hourStart = localToUtc(date, clientTimeZone, 0);
  for (let hour = 0; hour < 24; hour++) {
    const hourEnd = localToUtc(date, clientTimeZone, (hour + 1) * 60);
    const slot = { start: hourStart, end: hourEnd };
    const worked = windows.reduce((s, w) => s + overlapHours(slot, w), 0);
    if (hourEnd > hourStart && worked >= 0.5 - 1e-9) out.push(hour);
    hourStart = hourEnd;
  }
  return out;
}
