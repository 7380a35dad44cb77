/** Where an assignment's bar sits on the capacity board: its dates, or where overdue hours fall. */
import { describe, expect, it } from 'vitest';
import { barSpan } from '../../src/renderer/src/features/capacity/model';
import type { Assignment, CapacityMatrix } from '../../src/shared/capacity';
import { addDays } from '../../src/shared/dates';

// Sunday 6 December 2026: the week board starts on Monday 30 November.
const today = '2026-12-06';

function board(granularity: 'week' | 'day', from: string, count: number): CapacityMatrix {
  return {
    granularity,
    from,
    to: '',
    today,
    periods: Array.from({ length: count }, (_, i) => {
      const step = granularity === 'week' ? 7 : 1;
      return { start: addDays(from, i * step), end: addDays(from, i * step + step - 1) };
    }),
    people: [],
    hubs: [],
    team: { hubId: null, name: 'team', cells: [], total: { available: 0, committed: 0, utilization: null } },
  };
}

const assignment = (over: Partial<Assignment>): Assignment => ({
  id: 1,
  projectId: 1,
  projectName: 'Explainer',
  clientName: 'Kiwi Bowls',
  personId: 1,
  personName: 'Jonas Holm',
  plannedHours: 40,
  loggedHours: 16,
  remainingHours: 24,
  startDate: '2026-11-09',
  endDate: '2026-11-20',
  projectDueDate: '2026-12-18',
  hoursFrom: null,
  hoursTo: null,
  overdue: true,
  late: true,
  costMinor: null,
  costCurrency: null,
  skill: 'video_editing',
  ...over,
});

describe('barSpan', () => {
  const weeks = board('week', '2026-11-30', 13);

  it('draws overdue work where its hours land: a full week now puts them in the next two weeks', () => {
    const a = assignment({ hoursFrom: '2026-12-07', hoursTo: '2026-12-16' });
    expect(barSpan(a, weeks)).toEqual({ start: 1, end: 2, before: false, after: false, overdue: true, done: false });
  });

  it('spans every week overdue hours spread over, up to the window edge, and marks the edge', () => {
    const a = assignment({ remainingHours: 500, hoursFrom: '2026-12-07', hoursTo: '2027-03-05' });
    expect(barSpan(a, weeks)).toEqual({ start: 1, end: 12, before: false, after: true, overdue: true, done: false });
    // A window that starts after the hours begin: clamped to its first column, going on before it.
    const later = board('week', '2026-12-28', 13);
    expect(barSpan(a, later)).toMatchObject({ start: 0, end: 9, before: true, after: false });
  });

  it('does so in days too, with an end date inside the window', () => {
    const days = board('day', '2026-11-30', 14);
    const a = assignment({
      startDate: '2026-11-25',
      endDate: '2026-12-02',
      hoursFrom: '2026-12-08',
      hoursTo: '2026-12-10',
    });
    expect(barSpan(a, days)).toMatchObject({ start: 8, end: 10, before: false, after: false, overdue: true });
  });

  it("falls back to today's column without the dates, and leaves scheduled and finished work on their own dates", () => {
    expect(barSpan(assignment({}), weeks)).toMatchObject({ start: 0, end: 0, overdue: true });
    const scheduled = assignment({
      startDate: '2026-12-14',
      endDate: '2027-01-08',
      hoursFrom: '2026-12-14',
      hoursTo: '2027-01-08',
      overdue: false,
    });
    expect(barSpan(scheduled, weeks)).toEqual({
      start: 2,
      end: 5,
      before: false,
      after: false,
      overdue: false,
      done: false,
    });
    const done = assignment({ remainingHours: 0, loggedHours: 40, hoursFrom: null, hoursTo: null, overdue: false });
    expect(barSpan(done, weeks)).toMatchObject({ start: 0, end: 0, before: true, overdue: false, done: true });
  });

  it('takes overdue from the core: work ending today, a Sunday, with no working day left goes where its hours land', () => {
    // Its end date has not passed, yet none of its days is a working day: the core poured its hours into next week.
    const a = assignment({
      startDate: '2026-12-05',
      endDate: today,
      hoursFrom: '2026-12-07',
      hoursTo: '2026-12-08',
    });
    expect(barSpan(a, weeks)).toEqual({ start: 1, end: 1, before: false, after: false, overdue: true, done: false });
    const days = board('day', '2026-11-30', 14);
    // Wholly in time off later on: its hours land after it.
    const away = assignment({
      startDate: '2026-12-09',
      endDate: '2026-12-10',
      hoursFrom: '2026-12-11',
      hoursTo: '2026-12-14',
    });
    expect(barSpan(away, days)).toMatchObject({ start: 11, end: 13, after: true, overdue: true });
    // And work the core spread over its own days is on its dates, whatever they are.
    expect(barSpan({ ...away, overdue: false }, days)).toMatchObject({ start: 9, end: 10, overdue: false });
  });
});
