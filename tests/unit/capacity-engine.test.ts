/** The capacity engine against hand-computed cases (PRODUCT.md §3.3, KPIS.md "Utilization"). */
import { describe, expect, it } from 'vitest';
import { libraryHolidays } from '../../src/main/core/capacity/calendar';
import {
  allocateLogged,
  assignmentDatesProblem,
  type CalendarPerson,
  committedByDay,
  datesBetween,
  dayAvailability,
  type EngineAssignment,
  figures,
  OVERDUE_HORIZON_DAYS,
  type PersonCalendar,
  remainingHours,
  spreadPerson,
  spreadRemaining,
  sumFigures,
  workingDaysBetween,
} from '../../src/main/core/capacity/engine';
import { movedDates, utilizationBand } from '../../src/shared/capacity';
import { addDays } from '../../src/shared/dates';

const fullTime: CalendarPerson = { id: 1, hoursPerDay: 8, workdays: '12345', startDate: '2026-01-01', endDate: null };
const noDays: PersonCalendar = { holidays: new Map(), timeOff: [] };

const availableOver = (person: CalendarPerson, calendar: PersonCalendar, from: string, to: string) =>
  datesBetween(from, to).map((d) => dayAvailability(person, calendar, d).available);

const assignment = (over: Partial<EngineAssignment>): EngineAssignment => ({
  id: 1,
  personId: 1,
  projectId: 1,
  plannedHours: 10,
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  loggedHours: 0,
  ...over,
});

describe('available hours', () => {
  it('a part-time person (4 h, Monday to Wednesday) has 12 h a week, and an assignment spreads over those days only', () => {
    const partTime: CalendarPerson = { ...fullTime, hoursPerDay: 4, workdays: '123' };
    // 2026-03-02 is a Monday.
    expect(availableOver(partTime, noDays, '2026-03-02', '2026-03-08')).toEqual([4, 4, 4, 0, 0, 0, 0]);
    const on = (d: string) => dayAvailability(partTime, noDays, d).available;
    const spread = spreadRemaining(assignment({ plannedHours: 6 }), on, '2026-03-02');
    expect([...spread!]).toEqual([
      ['2026-03-02', 2],
      ['2026-03-03', 2],
      ['2026-03-04', 2],
    ]);
  });

  it('time off over a weekend takes only the working days it covers', () => {
    const calendar: PersonCalendar = {
      holidays: new Map(),
      timeOff: [{ startDate: '2026-03-06', endDate: '2026-03-09' }],
    };
    // Friday and Monday are off; the weekend was never a working day.
    expect(availableOver(fullTime, calendar, '2026-03-02', '2026-03-10')).toEqual([8, 8, 8, 8, 0, 0, 0, 0, 8]);
    // Time off takes Friday and Monday; Saturday was never a working day, so it takes nothing there.
    expect(dayAvailability(fullTime, calendar, '2026-03-06').timeOff).toBe(true);
    expect(dayAvailability(fullTime, calendar, '2026-03-07').timeOff).toBe(false);
    expect(workingDaysBetween(fullTime, calendar.holidays, '2026-03-06', '2026-03-09')).toBe(2);
    // A hub holiday on the Monday is not a working day either.
    expect(workingDaysBetween(fullTime, new Map([['2026-03-09', ['Holiday']]]), '2026-03-06', '2026-03-09')).toBe(1);
    // 16 h from Thursday to Tuesday: Thursday and Tuesday are the only working days left.
    const on = (d: string) => dayAvailability(fullTime, calendar, d).available;
    const spread = spreadRemaining(
      assignment({ plannedHours: 16, startDate: '2026-03-05', endDate: '2026-03-10' }),
      on,
      '2026-03-02',
    );
    expect([...spread!]).toEqual([
      ['2026-03-05', 8],
      ['2026-03-10', 8],
    ]);
  });

  it("a public holiday of the person's hub country is not a working day", () => {
    const dk = libraryHolidays('DK', 2026);
    expect(dk).toContainEqual({ date: '2026-04-03', name: 'Langfredag' });
    const holidays = new Map<string, string[]>();
    for (const h of dk) holidays.set(h.date, [...(holidays.get(h.date) ?? []), h.name]);
    const copenhagen: PersonCalendar = { holidays, timeOff: [] };
    // Easter week 2026 in Denmark: Thursday, Friday and Monday are holidays.
    expect(availableOver(fullTime, copenhagen, '2026-03-30', '2026-04-06')).toEqual([8, 8, 8, 0, 0, 0, 0, 0]);
    expect(dayAvailability(fullTime, copenhagen, '2026-04-03').holidays).toEqual(['Langfredag']);
    // The same days in Peru are holidays too (Jueves/Viernes Santo) but Easter Monday is not.
    const pe = new Map(libraryHolidays('PE', 2026).map((h) => [h.date, [h.name]]));
    expect(availableOver(fullTime, { holidays: pe, timeOff: [] }, '2026-04-02', '2026-04-06')).toEqual([0, 0, 0, 0, 8]);
  });

  it('a daylight-saving change inside an assignment neither adds nor removes working hours', () => {
    // Europe/Copenhagen leaves summer time on Sunday 2026-10-25 (a 25-hour day). Dates are local: every working day is 8 h.
    const everyDay: CalendarPerson = { ...fullTime, workdays: '1234567' };
    expect(availableOver(everyDay, noDays, '2026-10-23', '2026-10-27')).toEqual([8, 8, 8, 8, 8]);
    const on = (d: string) => dayAvailability(everyDay, noDays, d).available;
    const spread = spreadRemaining(
      assignment({ plannedHours: 30, startDate: '2026-10-23', endDate: '2026-10-27' }),
      on,
      '2026-10-23',
    );
    expect([...spread!.values()]).toEqual([6, 6, 6, 6, 6]);
    expect(spread!.get('2026-10-25')).toBe(6);
  });

  it('nobody is available before they start or after they leave', () => {
    const leaver: CalendarPerson = { ...fullTime, startDate: '2026-03-03', endDate: '2026-03-05' };
    expect(availableOver(leaver, noDays, '2026-03-02', '2026-03-06')).toEqual([0, 8, 8, 8, 0]);
  });
});

describe('committed hours', () => {
  it('logged hours reduce what remains, and the rest spreads from today on', () => {
    // 20 h planned Monday to Friday; 12 h logged on Monday and Tuesday; today is Wednesday.
    const a = assignment({ plannedHours: 20, loggedHours: 12 });
    expect(remainingHours(a)).toBe(8);
    const logged = new Map([
      ['2026-03-02', 6],
      ['2026-03-03', 6],
    ]);
    const on = (d: string) => dayAvailability(fullTime, noDays, d).available;
    const committed = committedByDay([a], logged, on, '2026-03-04', '2026-03-02', '2026-03-08');
    // Past days count what was logged; Wednesday to Friday share the 8 h left.
    expect(committed.get('2026-03-02')).toBe(6);
    expect(committed.get('2026-03-03')).toBe(6);
    expect(committed.get('2026-03-04')).toBeCloseTo(8 / 3, 10);
    expect(committed.get('2026-03-06')).toBeCloseTo(8 / 3, 10);
    expect(committed.get('2026-03-07')).toBeUndefined();
    const week = sumFigures(datesBetween('2026-03-02', '2026-03-08').map((d) => figures(on(d), committed.get(d) ?? 0)));
    expect(week).toEqual({ available: 40, committed: 20, utilization: 0.5 });
  });

  it('logged hours fill a person’s assignments on a project in date order', () => {
    const split = allocateLogged(
      [
        { id: 2, plannedHours: 5, startDate: '2026-03-09' },
        { id: 1, plannedHours: 4, startDate: '2026-03-02' },
      ],
      6,
    );
    expect(split).toEqual(
      new Map([
        [1, 4],
        [2, 2],
      ]),
    );
  });

  it('an assignment after the person’s end date is refused with a clear message', () => {
    const leaver = { ...fullTime, name: 'Ana Beltrán', endDate: '2026-03-31' };
    const problem = assignmentDatesProblem(leaver, '2026-03-30', '2026-04-10');
    expect(problem?.message).toBe('Ana Beltrán leaves on 2026-03-31; the assignment cannot end on 2026-04-10.');
    expect(problem?.field).toBe('endDate');
    expect(assignmentDatesProblem(leaver, '2025-12-01', '2025-12-05')?.message).toBe(
      'Ana Beltrán starts on 2026-01-01; the assignment cannot start on 2025-12-01.',
    );
    expect(assignmentDatesProblem(leaver, '2026-03-02', '2026-03-31')).toBeNull();
  });
});

describe('utilization bands', () => {
  it('healthy from 75%, warning from 85%, overloaded only above 100%', () => {
    expect(utilizationBand(null)).toBe('idle');
    expect(utilizationBand(0.74)).toBe('under');
    expect(utilizationBand(0.75)).toBe('healthy');
    expect(utilizationBand(0.85)).toBe('warning');
    expect(utilizationBand(1)).toBe('warning');
    expect(utilizationBand(1.01)).toBe('overloaded');
  });
});

describe('overdue work', () => {
  const on = (d: string) => dayAvailability(fullTime, noDays, d).available;
  const total = (spread: ReadonlyMap<string, number> | undefined) => [...(spread ?? [])].reduce((s, [, h]) => s + h, 0);
  // Today is Monday 2026-03-02 unless a case says otherwise.
  const today = '2026-03-02';
  const overdue = (over: Partial<EngineAssignment>) =>
    assignment({ id: 2, plannedHours: 30, startDate: '2026-02-16', endDate: '2026-02-20', ...over });
  // 5 h a day over the two weeks from today (10 working days × 5 h).
  const scheduled = assignment({ id: 1, plannedHours: 50, startDate: '2026-03-02', endDate: '2026-03-13' });

  it('is not spread over its own dates: spreadRemaining says it is overdue', () => {
    expect(spreadRemaining(overdue({}), on, today)).toBeNull();
    // Ends today, but today is a Sunday: no working day is left inside its dates.
    expect(spreadRemaining(overdue({ endDate: '2026-03-08' }), on, '2026-03-08')).toBeNull();
  });

  it('fills the free room of the coming working days: 30 h with 3 h free a day take ten days at 100%', () => {
    const spreads = spreadPerson([scheduled, overdue({})], on, today);
    const poured = spreads.get(2)!;
    // 3 h on each working day of the two weeks, none on the weekend, none after.
    expect([...poured.keys()]).toEqual([
      ...datesBetween('2026-03-02', '2026-03-06'),
      ...datesBetween('2026-03-09', '2026-03-13'),
    ]);
    for (const h of poured.values()) expect(h).toBeCloseTo(3, 10);
    // The scheduled assignment keeps its own spread: 5 h a day.
    expect(spreads.get(1)).toEqual(spreadRemaining(scheduled, on, today));
    const committed = committedByDay([scheduled, overdue({})], new Map(), on, today, '2026-03-02', '2026-03-22');
    for (const d of datesBetween('2026-03-02', '2026-03-13')) expect(committed.get(d) ?? 0, d).toBeCloseTo(on(d), 10);
    expect(committed.get('2026-03-16')).toBeUndefined();
    // The weeks say the same as the days: 40 of 40, twice.
    const week = (from: string) =>
      sumFigures(datesBetween(from, addDays(from, 6)).map((d) => figures(on(d), committed.get(d) ?? 0)));
    expect(week('2026-03-02').committed).toBeCloseTo(40, 10);
    expect(week('2026-03-09').committed).toBeCloseTo(40, 10);
    expect(week('2026-03-16').committed).toBe(0);
  });

  it('skips weekends and time off, and starts on the next working day when today is not one', () => {
    const calendar: PersonCalendar = {
      holidays: new Map(),
      timeOff: [{ startDate: '2026-03-10', endDate: '2026-03-11' }],
    };
    const onLeave = (d: string) => dayAvailability(fullTime, calendar, d).available;
    // Today is Saturday 2026-03-07: 20 h go to Monday (8), then Thursday (8) and Friday (4).
    const poured = spreadPerson([overdue({ plannedHours: 20 })], onLeave, '2026-03-07').get(2)!;
    expect([...poured]).toEqual([
      ['2026-03-09', 8],
      ['2026-03-12', 8],
      ['2026-03-13', 4],
    ]);
  });

  it('leaves room for the hours logged today', () => {
    // 2 h logged today: 6 h of the day are free, the other 4 h go to Tuesday.
    const logged = new Map([[today, 2]]);
    expect([...spreadPerson([overdue({ plannedHours: 10 })], on, today, 2).get(2)!]).toEqual([
      ['2026-03-02', 6],
      ['2026-03-03', 4],
    ]);
    const committed = committedByDay([overdue({ plannedHours: 10 })], logged, on, today, today, '2026-03-08');
    expect(committed.get(today)).toBe(8);
    expect(committed.get('2026-03-03')).toBe(4);
  });

  it('pours the oldest end date first, ties by id', () => {
    const older = overdue({ id: 5, plannedHours: 12, endDate: '2026-02-20' });
    const newer = overdue({ id: 3, plannedHours: 10, endDate: '2026-02-27' });
    const spreads = spreadPerson([newer, older], on, today);
    expect([...spreads.get(5)!]).toEqual([
      ['2026-03-02', 8],
      ['2026-03-03', 4],
    ]);
    expect([...spreads.get(3)!]).toEqual([
      ['2026-03-03', 4],
      ['2026-03-04', 6],
    ]);
    // Same end date: the lower id goes first.
    const tied = spreadPerson([overdue({ id: 5, plannedHours: 8 }), overdue({ id: 3, plannedHours: 8 })], on, today);
    expect([...tied.get(3)!]).toEqual([['2026-03-02', 8]]);
    expect([...tied.get(5)!]).toEqual([['2026-03-03', 8]]);
  });

  it('spreads what the free room of the next 60 days cannot hold over their working days, as overload', () => {
    // Scheduled work fills every working day from today to 2026-04-29 (43 days × 8 h); 2026-04-30 is free.
    // The 60 days from today end on 2026-04-30 and hold 44 working days.
    const full = assignment({ id: 1, plannedHours: 344, startDate: '2026-03-02', endDate: '2026-04-29' });
    const late = overdue({ plannedHours: 52 });
    const horizon = datesBetween(today, addDays(today, OVERDUE_HORIZON_DAYS - 1));
    expect(horizon.at(-1)).toBe('2026-04-30');
    const workdays = horizon.filter((d) => on(d) > 0);
    expect(workdays).toHaveLength(44);
    const poured = spreadPerson([full, late], on, today).get(2)!;
    // 8 h fill 2026-04-30; the other 44 h are 1 h on each of the 44 working days.
    expect([...poured.keys()].sort()).toEqual(workdays);
    for (const d of workdays) expect(poured.get(d), d).toBeCloseTo(d === '2026-04-30' ? 9 : 1, 10);
    expect(total(poured)).toBeCloseTo(52, 10);
    // Nothing falls past the horizon, nothing on a weekend.
    expect(poured.get('2026-05-01')).toBeUndefined();
    expect(poured.get('2026-03-07')).toBeUndefined();
  });

  it('never drops the hours of someone with no working day left', () => {
    const leaver: CalendarPerson = { ...fullTime, endDate: '2026-02-27' };
    const gone = (d: string) => dayAvailability(leaver, noDays, d).available;
    expect([...spreadPerson([overdue({ plannedHours: 7 })], gone, today).get(2)!]).toEqual([[today, 7]]);
  });

  it('an assignment with no working day inside its future dates waits for its start', () => {
    // Saturday and Sunday two weeks ahead: its 6 h go to the Monday after, not to today.
    const weekend = overdue({ plannedHours: 6, startDate: '2026-03-14', endDate: '2026-03-15' });
    expect([...spreadPerson([weekend], on, today).get(2)!]).toEqual([['2026-03-16', 6]]);
  });

  it('says which assignments it poured: past their end, or with only days off left in their dates', () => {
    const poured = new Set<number>();
    const sunday = '2026-03-08';
    const endsToday = overdue({ id: 3, plannedHours: 4, startDate: '2026-03-07', endDate: sunday });
    const inWeekend = overdue({ id: 4, plannedHours: 6, startDate: '2026-03-14', endDate: '2026-03-15' });
    const spreads = spreadPerson(
      [scheduled, overdue({}), endsToday, inWeekend, overdue({ id: 5, done: true })],
      on,
      sunday,
      0,
      poured,
    );
    expect([...poured].sort()).toEqual([2, 3, 4]);
    // Their hours fall after their dates.
    expect([...spreads.get(3)!.keys()].every((d) => d > sunday)).toBe(true);
    expect([...spreads.get(4)!.keys()].every((d) => d > '2026-03-15')).toBe(true);
  });

  it('leaves work that is not overdue where it was, and nothing remains of done work', () => {
    const spreads = spreadPerson([scheduled, overdue({ done: true })], on, today);
    expect(spreads.get(1)).toEqual(spreadRemaining(scheduled, on, today));
    for (const h of spreads.get(1)!.values()) expect(h).toBeCloseTo(5, 10);
    expect(total(spreads.get(2))).toBe(0);
  });
});

describe('movedDates (the Move dialog and the core agree)', () => {
  const a = { personId: 1, startDate: '2026-11-02', endDate: '2026-11-06', loggedHours: 3 };
  it('shifts the dates as they are for the same person, or for another when nothing is logged', () => {
    expect(movedDates(a, 1, 7, '2026-12-07')).toEqual({ startDate: '2026-11-09', endDate: '2026-11-13', split: false });
    expect(movedDates({ ...a, loggedHours: 0 }, 2, 0, '2026-12-07')).toMatchObject({ startDate: '2026-11-02' });
  });
  it('starts the remaining hours today at the earliest when another person takes over logged work', () => {
    expect(movedDates(a, 2, 7, '2026-12-07')).toEqual({ startDate: '2026-12-07', endDate: '2026-12-07', split: true });
    expect(movedDates(a, 2, 35, '2026-12-07')).toEqual({ startDate: '2026-12-07', endDate: '2026-12-11', split: true });
  });
});
