/** Where the Time off form opens: the first day no booked time off covers. */
import { describe, expect, it } from 'vitest';
import { firstFreeDay } from '../../src/renderer/src/features/capacity/model';

describe('firstFreeDay', () => {
  it('is the day itself when nothing covers it', () => {
    expect(firstFreeDay('2026-12-07', [])).toBe('2026-12-07');
    expect(firstFreeDay('2026-12-07', [{ startDate: '2026-12-08', endDate: '2026-12-11' }])).toBe('2026-12-07');
    expect(firstFreeDay('2026-12-07', [{ startDate: '2026-11-30', endDate: '2026-12-06' }])).toBe('2026-12-07');
  });

  it('is the day after the booking that covers it, across bookings back to back in any order', () => {
    expect(firstFreeDay('2026-12-07', [{ startDate: '2026-12-07', endDate: '2026-12-07' }])).toBe('2026-12-08');
    const booked = [
      { startDate: '2026-12-14', endDate: '2026-12-18' },
      { startDate: '2026-12-28', endDate: '2027-01-01' },
      { startDate: '2026-12-03', endDate: '2026-12-13' },
    ];
    expect(firstFreeDay('2026-12-07', booked)).toBe('2026-12-19');
    expect(firstFreeDay('2026-12-30', booked)).toBe('2027-01-02');
  });
});
