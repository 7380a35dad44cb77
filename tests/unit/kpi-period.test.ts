import { describe, expect, it } from 'vitest';
import { instantGroups } from '../../src/main/core/kpis/period';

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
