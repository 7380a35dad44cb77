import { describe, expect, it } from 'vitest';
import { instantGroups, lastCountedDay, queryInstants } from '../../src/main/core/kpis/period';

describe('stored instants grouped by local date', () => {
  const start = '2026-12-01T00:00:00.000Z';
  const end = '2027-01-01T00:00:00.000Z';

  it('groups by UTC hour where the zone is whole hours off UTC', () => {
    const caracas = instantGroups('America/Caracas', start, end);
    expect(caracas.sql('at')).toBe('substr(at, 1, 13)');
    // 03:xx UTC is the evening before in Caracas (UTC−4), the same morning in Copenhagen.
    expect(caracas.dateOf('2026-12-02T03')).toBe('2026-12-01');
    expect(instantGroups('Europe/Copenhagen', start, end).dateOf('2026-12-02T03')).toBe('2026-12-02');
  });

  it('groups by minute where the zone is not, now or at any time in the period', () => {
    // Kolkata is UTC+5:30: its midnight falls in the middle of a UTC hour.
    const kolkata = instantGroups('Asia/Kolkata', start, end);
    expect(kolkata.sql('at')).toBe('substr(at, 1, 16)');
    expect(kolkata.dateOf('2026-12-01T18:29')).toBe('2026-12-01');
    expect(kolkata.dateOf('2026-12-01T18:30')).toBe('2026-12-02');
    // Caracas was UTC−4:30 from December 2007 to May 2016, though UTC−4 at both ends of this period.
    const years = instantGroups('America/Caracas', '2007-06-01T04:00:00.000Z', '2016-06-01T04:00:00.000Z');
    expect(years.sql('at')).toBe('substr(at, 1, 16)');
    expect(years.dateOf('2010-03-10T04:45')).toBe('2010-03-10');
  });
});

describe('a period compared with one under way', () => {
  // Wednesday Dec 3, 2026, noon in Lima (UTC−5): December is 2 days and 12 hours old there.
  const now = new Date('2026-12-03T17:00:00Z');

  it('counts only as far into the period as now is into the one under way', () => {
    expect(queryInstants({ from: '2026-11-01', to: '2026-11-03', alignTo: '2026-12-01' }, 'America/Lima', now)).toEqual(
      ['2026-11-01T05:00:00.000Z', '2026-11-03T17:00:00.000Z'],
    );
    // Yesterday to this hour.
    expect(queryInstants({ from: '2026-12-02', to: '2026-12-02', alignTo: '2026-12-03' }, 'America/Lima', now)).toEqual(
      ['2026-12-02T05:00:00.000Z', '2026-12-02T17:00:00.000Z'],
    );
  });

  it('covers the whole period when nothing is under way, or when the cut falls after its end', () => {
    expect(queryInstants({ from: '2026-11-01', to: '2026-11-30' }, 'America/Lima', now)).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-12-01T05:00:00.000Z',
    ]);
    // A period that starts after now: nothing is elapsed yet, so nothing is cut.
    expect(queryInstants({ from: '2026-11-01', to: '2026-11-03', alignTo: '2026-12-10' }, 'America/Lima', now)).toEqual(
      ['2026-11-01T05:00:00.000Z', '2026-11-04T05:00:00.000Z'],
    );
    // A one-day comparison for a long period under way: the cut lies past the day's end.
    expect(queryInstants({ from: '2026-11-30', to: '2026-11-30', alignTo: '2026-11-01' }, 'America/Lima', now)).toEqual(
      ['2026-11-30T05:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    );
  });
});

describe('the last day a KPI query counts dated records on', () => {
  it('is the period end, today at the latest, and as far into a compared period as today is into its own', () => {
    expect(lastCountedDay({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-07')).toBe('2026-11-30');
    // This month, on the 7th: scheduled expenses of the 20th have not happened.
    expect(lastCountedDay({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07')).toBe('2026-12-07');
    // November compared with December on its 7th: up to Nov 7.
    expect(lastCountedDay({ from: '2026-11-01', to: '2026-11-30', alignTo: '2026-12-01' }, '2026-12-07')).toBe(
      '2026-11-07',
    );
    // A period ahead: its last counted day falls before it, so nothing counts.
    expect(lastCountedDay({ from: '2027-02-01', to: '2027-02-28' }, '2026-12-07')).toBe('2026-12-07');
  });
});
