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
  type PersonCalendar,
  remainingHours,
  spreadRemaining,
  sumFigures,
} from '../../src/main/core/capacity/engine';
import { utilizationBand } from '../../src/shared/capacity';

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
    expect([...spread]).toEqual([
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
    expect(dayAvailability(fullTime, calendar, '2026-03-07').timeOff).toBe(true);
    // 16 h from Thursday to Tuesday: Thursday and Tuesday are the only working days left.
    const on = (d: string) => dayAvailability(fullTime, calendar, d).available;
    const spread = spreadRemaining(
      assignment({ plannedHours: 16, startDate: '2026-03-05', endDate: '2026-03-10' }),
      on,
      '2026-03-02',
    );
    expect([...spread]).toEqual([
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
    expect([...spread.values()]).toEqual([6, 6, 6, 6, 6]);
    expect(spread.get('2026-10-25')).toBe(6);
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

  it('work past its end date with hours left lands on the next working day', () => {
    const overdue = assignment({ plannedHours: 5, startDate: '2026-02-23', endDate: '2026-02-27' });
    const on = (d: string) => dayAvailability(fullTime, noDays, d).available;
    // Today is Saturday 2026-03-07: the next working day is Monday.
    expect([...spreadRemaining(overdue, on, '2026-03-07')]).toEqual([['2026-03-09', 5]]);
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
