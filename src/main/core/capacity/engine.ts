/**
 * The capacity engine (pure): available hours per person per day, committed
 * hours from assignments, utilization over any range. Dates are local calendar
 * dates in the person's own time zone, so a daylight-saving change never adds
 * or removes working hours: a working day is hoursPerDay long either way.
 */
import { type CapacityFigures, utilizationBand } from '../../../shared/capacity';
import { addDays, weekday } from '../../../shared/dates';
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

/** Hours a person can work on a local date: 0 outside employment, off days, hub holidays and time off. */
export function dayAvailability(person: CalendarPerson, calendar: PersonCalendar, date: string): DayAvailability {
  const holidays = calendar.holidays.get(date) ?? NO_HOLIDAYS;
  const timeOff = calendar.timeOff.some((t) => date >= t.startDate && date <= t.endDate);
  const works =
    employedOn(person, date) && person.workdays.includes(weekdayDigit(date)) && holidays.length === 0 && !timeOff;
  return { available: works ? person.hoursPerDay : 0, timeOff, holidays };
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

/**
 * Spreads an assignment's remaining hours over its working days from today on,
 * in proportion to the hours available each day (a part-time day takes less).
 * Work past its end date with hours left is not forgotten: it lands on the
 * person's next working day from today.
 */
export function spreadRemaining(
  assignment: EngineAssignment,
  availableOn: (date: string) => number,
  today: string,
): Map<string, number> {
  const spread = new Map<string, number>();
  const remaining = remainingHours(assignment);
  if (remaining <= 0) return spread;
  const from = assignment.startDate > today ? assignment.startDate : today;
  const days: [string, number][] = [];
  let total = 0;
  if (from <= assignment.endDate)
    for (const date of datesBetween(from, assignment.endDate)) {
      const hours = availableOn(date);
      if (hours > 0) {
        days.push([date, hours]);
        total += hours;
      }
    }
  if (total === 0) {
    // Overdue, or no working day left inside its dates: it is due now.
    for (let i = 0, d = from > assignment.endDate ? today : from; i < 366; i++, d = addDays(d, 1))
      if (availableOn(d) > 0) {
        spread.set(d, remaining);
        return spread;
      }
    spread.set(from > assignment.endDate ? today : from, remaining);
    return spread;
  }
  for (const [date, hours] of days) spread.set(date, (remaining * hours) / total);
  return spread;
}

/**
 * Committed hours of one person per day over a range: what was logged on days
 * up to today, plus the share of every assignment's remaining hours from today on.
 */
export function committedByDay(
  assignments: readonly EngineAssignment[],
  loggedByDate: ReadonlyMap<string, number>,
  availableOn: (date: string) => number,
  today: string,
  from: string,
  to: string,
): Map<string, number> {
  const committed = new Map<string, number>();
  for (const [date, hours] of loggedByDate)
    if (date >= from && date <= to && date <= today) committed.set(date, (committed.get(date) ?? 0) + hours);
  for (const a of assignments)
    for (const [date, hours] of spreadRemaining(a, availableOn, today))
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
