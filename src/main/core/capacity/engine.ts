/**
 * The capacity engine (pure): available hours per person per day, committed
 * hours from assignments, utilization over any range. Dates are local calendar
 * dates in the person's own time zone, so a daylight-saving change never adds
 * or removes working hours: a working day is hoursPerDay long either way.
 */
import { type CapacityFigures, utilizationBand } from '../../../shared/capacity';
import { addDays, dateOfDayNumber, dayNumber, weekday } from '../../../shared/dates';
import { failure } from '../../../shared/errors';
import type { AppFailure } from '../../../shared/result';

export interface CalendarPerson {
  id: number;
  hoursPerDay: number;
  /** ISO weekdays as digits, Monday = 1: "12345". */
  workdays: string;
  startDate: string;
  endDate: string | null;
}

/** What takes a day away from a person: their hub's holidays and their own time off. */
export interface PersonCalendar {
  /** Active holidays of the person's hub: date → names. */
  holidays: ReadonlyMap<string, readonly string[]>;
  timeOff: readonly { startDate: string; endDate: string }[];
}

export interface DayAvailability {
  available: number;
  /** Time off takes this day, a working day (`isWorkingDay`) otherwise. */
  timeOff: boolean;
  holidays: readonly string[];
}

const NO_HOLIDAYS: readonly string[] = [];

const weekdays = new Map<string, string>();
/** The ISO weekday digit of a date, memoized (the matrix asks for the same dates for every person). */
function weekdayDigit(date: string): string {
  let d = weekdays.get(date);
  if (d === undefined) {
    d = String(weekday(date));
    weekdays.set(date, d);
  }
  return d;
}

export function employedOn(person: CalendarPerson, date: string): boolean {
  return date >= person.startDate && (person.endDate === null || date <= person.endDate);
}

/**
 * A working day of a person, time off aside: employed, one of their workdays
 * and no holiday of their hub. The one rule for what time off takes away and
 * for the hours a day holds.
 */
export function isWorkingDay(person: CalendarPerson, holidays: PersonCalendar['holidays'], date: string): boolean {
  return employedOn(person, date) && person.workdays.includes(weekdayDigit(date)) && !holidays.get(date)?.length;
}

/** How many working days (`isWorkingDay`) lie between two dates, both included: what time off over them takes. */
export function workingDaysBetween(
  person: CalendarPerson,
  holidays: PersonCalendar['holidays'],
  from: string,
  to: string,
): number {
  let count = 0;
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++)
    if (isWorkingDay(person, holidays, dateOfDayNumber(day))) count++;
  return count;
}

/** Hours a person can work on a local date: 0 outside employment, off days, hub holidays and time off. */
export function dayAvailability(person: CalendarPerson, calendar: PersonCalendar, date: string): DayAvailability {
  const holidays = calendar.holidays.get(date) ?? NO_HOLIDAYS;
  const workingDay = isWorkingDay(person, calendar.holidays, date);
  // Time off on a weekend or a holiday takes nothing: it counts only where it takes a working day.
  const timeOff = workingDay && calendar.timeOff.some((t) => date >= t.startDate && date <= t.endDate);
  return { available: workingDay && !timeOff ? person.hoursPerDay : 0, timeOff, holidays };
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface EngineAssignment {
  id: number;
  personId: number;
  projectId: number;
  plannedHours: number;
  startDate: string;
  endDate: string;
  /** Hours this person logged against this assignment (all time). */
  loggedHours: number;
  /** The project is delivered or cancelled: nothing remains, whatever was logged. */
  done?: boolean;
}

export const remainingHours = (a: EngineAssignment) => (a.done ? 0 : Math.max(0, a.plannedHours - a.loggedHours));

/** How many days from today overdue work may take to fill a person's free room (the matrix's calendars cover them). */
export const OVERDUE_HORIZON_DAYS = 60;
/** Below this, hours left to pour are rounding noise. */
const EPSILON = 1e-9;

/**
 * Spreads an assignment's remaining hours over its working days from today on,
 * in proportion to the hours available each day (a part-time day takes less).
 * Null when it is overdue: its end date passed with hours left, or no working
 * day is left inside its dates. Those hours are due now; `spreadPerson` pours
 * them into the person's free room.
 */
export function spreadRemaining(
  assignment: EngineAssignment,
  availableOn: (date: string) => number,
  today: string,
): Map<string, number> | null {
  const spread = new Map<string, number>();
  const remaining = remainingHours(assignment);
  if (remaining <= 0) return spread;
  const from = assignment.startDate > today ? assignment.startDate : today;
  let total = 0;
  for (let day = dayNumber(from), last = dayNumber(assignment.endDate); day <= last; day++) {
    const date = dateOfDayNumber(day);
    const hours = availableOn(date);
    if (hours > 0) {
      spread.set(date, hours);
      total += hours;
    }
  }
  if (total === 0) return null;
  for (const [date, hours] of spread) spread.set(date, (remaining * hours) / total);
  return spread;
}

/**
 * Where each of one person's assignments puts its remaining hours, by id.
 * Scheduled work spreads over its own dates first (`spreadRemaining`). Overdue
 * work is due now: oldest end date first (ties by id), it fills each working
 * day's free room in date order from today (or from its start, if that is
 * later): the day's available hours less what scheduled work, earlier overdue
 * work and, today, the hours already logged take. The person then reads as full
 * for as many days as the overdue work needs. What the free room of the next
 * OVERDUE_HORIZON_DAYS cannot hold spreads over that horizon's working days in
 * proportion to their hours, so it shows as overload instead of vanishing or
 * piling onto one day. With no working day at all in the horizon (someone who
 * has left), it stays on its first day, where it can still be seen.
 * `poured`, when given, gets the id of each assignment whose hours were poured
 * so (none of its own working days left): the only ones whose hours may fall
 * outside their dates.
 */
export function spreadPerson(
  assignments: readonly EngineAssignment[],
  availableOn: (date: string) => number,
  today: string,
  loggedToday = 0,
  poured?: Set<number>,
): Map<number, Map<string, number>> {
  const spreads = new Map<number, Map<string, number>>();
  const overdue: EngineAssignment[] = [];
  for (const a of assignments) {
    const spread = spreadRemaining(a, availableOn, today);
    if (spread === null) {
      overdue.push(a);
      poured?.add(a.id);
    } else spreads.set(a.id, spread);
  }
  if (overdue.length === 0) return spreads;
  // The room scheduled work (and today's logged hours) already takes, day by day.
  const used = new Map<string, number>();
  if (loggedToday > 0) used.set(today, loggedToday);
  for (const spread of spreads.values())
    for (const [date, hours] of spread) used.set(date, (used.get(date) ?? 0) + hours);
  overdue.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.id - b.id);
  for (const a of overdue) {
    const from = a.startDate > today ? a.startDate : today;
    const spread = new Map<string, number>();
    let left = remainingHours(a);
    const days: [string, number][] = [];
    let total = 0;
    for (let i = 0, date = from; i < OVERDUE_HORIZON_DAYS && left > EPSILON; i++, date = addDays(date, 1)) {
      const available = availableOn(date);
      if (available <= 0) continue;
      days.push([date, available]);
      total += available;
      const take = Math.min(left, Math.max(0, available - (used.get(date) ?? 0)));
      if (take <= 0) continue;
      spread.set(date, take);
      used.set(date, (used.get(date) ?? 0) + take);
      left -= take;
    }
    if (left > EPSILON) {
      // The free room ran out: the rest is overload, spread over the horizon's working days.
      // No working day at all (someone who has left): it stays on its first day, still in sight.
      const over: [string, number][] = days.length > 0 ? days : [[from, 1]];
      const weight = days.length > 0 ? total : 1;
      for (const [date, available] of over) {
        const extra = (left * available) / weight;
        spread.set(date, (spread.get(date) ?? 0) + extra);
        used.set(date, (used.get(date) ?? 0) + extra);
      }
    }
    spreads.set(a.id, spread);
  }
  return spreads;
}

/**
 * Committed hours of one person per day over a range: what was logged on days
 * up to today, plus where every assignment's remaining hours fall from today on
 * (`spreadPerson`, or the spreads it already gave).
 */
export function committedByDay(
  assignments: readonly EngineAssignment[],
  loggedByDate: ReadonlyMap<string, number>,
  availableOn: (date: string) => number,
  today: string,
  from: string,
  to: string,
  spreads: ReadonlyMap<number, ReadonlyMap<string, number>> = spreadPerson(
    assignments,
    availableOn,
    today,
    loggedByDate.get(today) ?? 0,
  ),
): Map<string, number> {
  const committed = new Map<string, number>();
  for (const [date, hours] of loggedByDate)
    if (date >= from && date <= to && date <= today) committed.set(date, (committed.get(date) ?? 0) + hours);
  for (const spread of spreads.values())
    for (const [date, hours] of spread)
      if (date >= from && date <= to) committed.set(date, (committed.get(date) ?? 0) + hours);
  return committed;
}

export function figures(available: number, committed: number): CapacityFigures {
  return { available, committed, utilization: available > 0 ? committed / available : null };
}

/** Hours to the hundredth for a reply (sums are taken before rounding, so totals stay exact). */
export function roundFigures<T extends CapacityFigures>(f: T): T {
  const round = (h: number) => Math.round(h * 100) / 100;
  return { ...f, available: round(f.available), committed: round(f.committed) };
}

export function sumFigures(all: readonly CapacityFigures[]): CapacityFigures {
  let available = 0;
  let committed = 0;
  for (const f of all) {
    available += f.available;
    committed += f.committed;
  }
  return figures(available, committed);
}

export const isOverloaded = (f: CapacityFigures) => utilizationBand(f.utilization) === 'overloaded';

/** An assignment must fall inside the person's employment (a clear message names the dates). */
export function assignmentDatesProblem(
  person: CalendarPerson & { name: string },
  startDate: string,
  endDate: string,
): AppFailure | null {
  if (endDate < startDate) return failure('BAD_REQUEST', 'assignment.endBeforeStart', {}, 'endDate');
  if (startDate < person.startDate)
    return failure(
      'BAD_REQUEST',
      'assignment.beforePersonStart',
      { person: person.name, personStart: person.startDate, start: startDate },
      'startDate',
    );
  if (person.endDate !== null && endDate > person.endDate)
    return failure(
      'BAD_REQUEST',
      'assignment.afterPersonEnd',
      { person: person.name, personEnd: person.endDate, end: endDate },
      'endDate',
    );
  return null;
}

/**
 * Logged hours of a person on a project, given to their assignments on it in
 * date order (each filled up to its planned hours, the last one takes the rest).
 */
export function allocateLogged(
  assignments: readonly { id: number; plannedHours: number; startDate: string }[],
  logged: number,
): Map<number, number> {
  const out = new Map<number, number>();
  const ordered = [...assignments].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  let left = logged;
  ordered.forEach((a, i) => {
    const take = i === ordered.length - 1 ? left : Math.min(left, a.plannedHours);
    out.set(a.id, take);
    left -= take;
  });
  return out;
}
