import { describe, expect, it } from 'vitest';
import { instantGroups, queryInstants } from '../../src/main/core/kpis/period';

describe('stored instants grouped by local date', () => {
  it('groups by UTC hour where every zone is whole hours off UTC, by minute where one is not', () => {
    const start = '2026-12-01T00:00:00.000Z';
    const end = '2027-01-01T00:00:00.000Z';
    const hourly = instantGroups(['America/Caracas', 'Europe/Copenhagen'], start, end);
    expect(hourly.sql('at')).toBe('substr(at, 1, 13)');
    // 03:xx UTC is the evening before in Caracas (UTC−4), the same morning in Copenhagen.
    expect(hourly.dateOf('2026-12-02T03', 'America/Caracas')).toBe('2026-12-01');
    expect(hourly.dateOf('2026-12-02T03', 'Europe/Copenhagen')).toBe('2026-12-02');
    // Kolkata is UTC+5:30: its midnight falls in the middle of a UTC hour.
    const minutes = instantGroups(['America/Caracas', 'Asia/Kolkata'], start, end);
    expect(minutes.sql('at')).toBe('substr(at, 1, 16)');
    expect(minutes.dateOf('2026-12-01T18:29', 'Asia/Kolkata')).toBe('2026-12-01');
    expect(minutes.dateOf('2026-12-01T18:30', 'Asia/Kolkata')).toBe('2026-12-02');
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
