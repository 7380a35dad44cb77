/** Pure helpers of the Capacity section: the board's window, where a date or an assignment falls, lanes. */
import type { Assignment, CapacityMatrix, DemandWeek, UtilizationBand } from '../../../../shared/capacity';
import { addDays, daysBetween, localDate, startOfIsoWeek, weekday } from '../../../../shared/dates';
import type { Alert } from '../../../../shared/money';
import { dateFormat, intlLocale } from '../../app/format';
import type { Scale } from './store';

export const WEEKS_SHOWN = 13;
export const DAYS_SHOWN = 14;
/** How far Previous / Next move the window: four weeks, or one week of days. */
export const STEP = { week: 4, day: 7 } as const;

/** Today in a time zone (the workspace's), as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined): string {
  try {
    return localDate(new Date(), timeZone || 'UTC');
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** The board's first date and how many periods it shows: weeks from this week, or days from this Monday. */
export function boardWindow(scale: Scale, today: string, offset: number): { from: string; count: number } {
  const monday = startOfIsoWeek(today);
  return scale === 'week'
    ? { from: addDays(monday, 7 * offset), count: WEEKS_SHOWN }
    : { from: addDays(monday, offset), count: DAYS_SHOWN };
}

/** The index of the period a date falls in (may be outside 0…n−1). */
export function periodOf(matrix: Pick<CapacityMatrix, 'from' | 'granularity'>, date: string): number {
  if (matrix.granularity === 'month')
    return (
      (Number(date.slice(0, 4)) - Number(matrix.from.slice(0, 4))) * 12 +
      Number(date.slice(5, 7)) -
      Number(matrix.from.slice(5, 7))
    );
  const days = daysBetween(matrix.from, date);
  return matrix.granularity === 'week' ? Math.floor(days / 7) : days;
}

/** Where "today" sits: its column and the fraction across it (a week column is seven days wide). */
export function todayMarker(matrix: CapacityMatrix): { index: number; fraction: number } | null {
  const index = periodOf(matrix, matrix.today);
  if (index < 0 || index >= matrix.periods.length) return null;
  const day = Number(matrix.today.slice(8, 10));
  const monthStart = `${matrix.today.slice(0, 7)}-01`;
  const monthDays = daysBetween(monthStart, `${addDays(monthStart, 32).slice(0, 7)}-01`);
  const fraction =
    matrix.granularity === 'week'
      ? (weekday(matrix.today) - 0.5) / 7
      : matrix.granularity === 'month'
        ? (day - 0.5) / monthDays
        : 0.5;
  return { index, fraction };
}

export interface BarSpan {
  start: number;
  end: number;
  /** The bar goes on before / after the window. */
  before: boolean;
  after: boolean;
  /**
   * No working day of its own is left (its end date passed, or every day left in its dates is off)
   * and hours remain: the core poured them into the person's free hours (`Assignment.overdue`).
   * The bar then shows where those hours fall (`hoursFrom`…`hoursTo`), not the assignment's dates.
   */
  overdue: boolean;
  done: boolean;
}

/** An assignment's columns on the board (clamped to the window): its dates, or where overdue hours fall. */
export function barSpan(a: Assignment, matrix: CapacityMatrix): BarSpan {
  const n = matrix.periods.length;
  const overdue = a.overdue === true && a.remainingHours > 0;
  const done = a.remainingHours <= 0;
  // Overdue hours fill the person's free room from today on, maybe weeks out; without those dates, today.
  // (The core says which: the board's own date test missed work with only days off left in its dates.)
  const [from, to] = overdue ? [a.hoursFrom ?? matrix.today, a.hoursTo ?? matrix.today] : [a.startDate, a.endDate];
  const s = periodOf(matrix, from);
  const e = periodOf(matrix, to);
  return {
    start: Math.min(Math.max(s, 0), n - 1),
    end: Math.min(Math.max(e, 0), n - 1),
    before: s < 0,
    after: e > n - 1,
    overdue,
    done,
  };
}

/** Columns a narrow bar's label needs beside it (the bar and its label together). */
export const LABEL_COLS = 5;

/** Where a bar's label goes: inside a wide bar, or beside a narrow one (to the right, or left at the edge). */
export function barLayout(
  span: BarSpan,
  n: number,
): { label: 'inside' | 'right' | 'left'; start: number; end: number } {
  const cols = span.end - span.start + 1;
  if (cols >= LABEL_COLS || n < LABEL_COLS) return { label: 'inside', start: span.start, end: span.end };
  if (span.start + LABEL_COLS <= n) return { label: 'right', start: span.start, end: span.start + LABEL_COLS - 1 };
  return { label: 'left', start: span.end - LABEL_COLS + 1, end: span.end };
}

/** Bars packed into as few lanes as possible (first fit, in start order) by the columns they take with their labels. */
export function packLanes<T extends { extent: { start: number; end: number } }>(bars: T[]): T[][] {
  const lanes: { end: number; items: T[] }[] = [];
  const sorted = [...bars].sort((a, b) => a.extent.start - b.extent.start || b.extent.end - a.extent.end);
  for (const bar of sorted) {
    const lane = lanes.find((l) => l.end < bar.extent.start);
    if (lane) {
      lane.items.push(bar);
      lane.end = bar.extent.end;
    } else lanes.push({ end: bar.extent.end, items: [bar] });
  }
  return lanes.map((l) => l.items);
}

export function shortDate(date: string, lang: string, withYear = false): string {
  return dateFormat(intlLocale(lang), {
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function weekdayShort(date: string, lang: string): string {
  return dateFormat(intlLocale(lang), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** ISO week number of a date. */
export function isoWeek(date: string): number {
  const thursday = addDays(date, 4 - weekday(date));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor(daysBetween(jan1, thursday) / 7) + 1;
}

/** "Nov 30 – Dec 6" (a week) or "Mon, Nov 30" (a day). */
export function periodName(start: string, end: string, lang: string): string {
  if (start === end)
    return dateFormat(intlLocale(lang), {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${start}T12:00:00Z`));
  return `${shortDate(start, lang)} – ${shortDate(end, lang, start.slice(0, 4) !== end.slice(0, 4))}`;
}

/**
 * A Demand gap as the screen shows it, rounded to `decimals` (whole hours, people to one decimal), with
 * no negative zero: short, spare or even is decided from this, so a gap of 0.2 h that reads "0 h", or
 * of 0.04 people that reads "0.0", is neither red nor "Short by 0 people".
 */
export function shownGap(gap: number, decimals: 0 | 1): number {
  const scale = 10 ** decimals;
  // Halves away from zero, as Intl rounds what the screen writes (Math.round takes −0.5 to −0).
  return (Math.sign(gap) * Math.round(Math.abs(gap) * scale)) / scale || 0;
}

/** Tailwind classes of a utilization band: cell background and text, and the fill of its small bar. */
export const BAND_CELL: Record<UtilizationBand, string> = {
  idle: 'bg-subtle/70 text-faint',
  under: 'bg-sky-50 text-sky-900 dark:bg-sky-400/10 dark:text-sky-100',
  healthy: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-400/20 dark:text-emerald-50',
  warning: 'bg-amber-100 text-amber-950 dark:bg-amber-400/25 dark:text-amber-50',
  overloaded: 'bg-red-100 text-red-900 dark:bg-red-500/30 dark:text-red-50',
};

export const BAND_FILL: Record<UtilizationBand, string> = {
  idle: 'bg-line-strong',
  under: 'bg-sky-500 dark:bg-sky-400',
  healthy: 'bg-emerald-600 dark:bg-emerald-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  overloaded: 'bg-red-600 dark:bg-red-400',
};

/** Hatching for days nobody can work (time off, holidays): a background image that tints with the text colour. */
export const HATCH = {
  backgroundImage:
    'repeating-linear-gradient(135deg, color-mix(in srgb, currentColor 14%, transparent) 0 2px, transparent 2px 7px)',
};

/** The load (%) a capacity alert reports. */
export const alertLoad = (a: Alert) => Number(a.params.utilizationPct ?? 0);

/** The open capacity alerts that concern the people on the board (and the team's, when the board shows everyone). */
export function capacityAlertsFor(
  people: readonly Alert[],
  team: readonly Alert[],
  shown: ReadonlySet<number>,
  allHubs: boolean,
) {
  return {
    people: people
      .filter((a) => a.rule === 'person_overloaded' && shown.has(a.entityId))
      .sort((a, b) => alertLoad(b) - alertLoad(a) || a.entityId - b.entityId),
    team: allHubs ? (team.find((a) => a.rule === 'team_utilization_high') ?? null) : null,
  };
}

/**
 * Whole numbers that add up to the rounded sum of `values` (non-negative),
 * each the floor or the ceiling of its value: the largest-remainder method.
 * The floors take what their sum falls short of the rounded total, one each,
 * largest fraction first (ties to the earlier).
 */
export function roundToTotal(values: readonly number[]): number[] {
  const floors = values.map(Math.floor);
  let short = Math.round(values.reduce((s, v) => s + v, 0)) - floors.reduce((s, v) => s + v, 0);
  const order = values.map((v, i) => ({ i, rest: v - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (short <= 0) break;
    floors[i] = floors[i]! + 1;
    short -= 1;
  }
  return floors;
}

/**
 * A week of demand in the whole hours the Demand tab writes, each row adding
 * up as shown: projects + pipeline = demand (`roundToTotal`), demand −
 * capacity = gap. The tab's totals are sums of these.
 */
export function shownDemandWeek(w: DemandWeek): DemandWeek {
  const [projectHours, pipelineHours] = roundToTotal([w.projectHours, w.pipelineHours]) as [number, number];
  const capacityHours = Math.round(w.capacityHours);
  const demandHours = projectHours + pipelineHours;
  return { ...w, capacityHours, projectHours, pipelineHours, demandHours, gapHours: demandHours - capacityHours };
}

/**
 * The first day on or after `from` that no booked time off covers: where the Time off form opens, so it does not
 * start on days already booked (the core would refuse them as an overlap).
 */
export function firstFreeDay(from: string, booked: readonly { startDate: string; endDate: string }[]): string {
  let day = from;
  for (let moved = true; moved; ) {
    moved = false;
    for (const b of booked)
      if (b.startDate <= day && day <= b.endDate) {
        day = addDays(b.endDate, 1);
        moved = true;
      }
  }
  return day;
}
