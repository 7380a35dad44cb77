import { describe, expect, it } from 'vitest';
import { answers, comparisonDates, periodDates, periodRangeLabel } from '../../src/renderer/src/app/period';

const custom = { from: '2026-03-02', to: '2026-04-15' };

describe('the top bar period as dates', () => {
  it('covers the whole day, ISO week or calendar month that holds today', () => {
    expect(periodDates('today', '2026-12-07', custom)).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    // Monday Dec 7 to Sunday Dec 13; a Sunday belongs to the week that began on the Monday before it.
    expect(periodDates('week', '2026-12-07', custom)).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodDates('week', '2026-12-13', custom)).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    // A week across a year's end.
    expect(periodDates('week', '2027-01-01', custom)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodDates('month', '2026-12-07', custom)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodDates('month', '2028-02-10', custom)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDates('custom', '2026-12-07', custom)).toEqual(custom);
  });

  it('compares with the same stretch of the period before, as far as the period has run', () => {
    const month = periodDates('month', '2026-12-07', custom);
    expect(comparisonDates('month', month, '2026-12-07')).toEqual({ from: '2026-11-01', to: '2026-11-07' });
    // March 31 against February's whole (28 days), not against days of March.
    const march = periodDates('month', '2027-03-31', custom);
    expect(comparisonDates('month', march, '2027-03-31')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    // A past month looked at later is compared whole with the month before it.
    expect(comparisonDates('month', { from: '2026-10-01', to: '2026-10-31' }, '2026-12-07')).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
    });
    const week = periodDates('week', '2026-12-09', custom);
    expect(comparisonDates('week', week, '2026-12-09')).toEqual({ from: '2026-11-30', to: '2026-12-02' });
    expect(comparisonDates('today', periodDates('today', '2027-01-01', custom), '2027-01-01')).toEqual({
      from: '2026-12-31',
      to: '2026-12-31',
    });
    // A custom range against as many days just before it (45 days: Jan 16 to Mar 1).
    expect(comparisonDates('custom', custom, '2026-12-07')).toEqual({ from: '2026-01-16', to: '2026-03-01' });
  });

  it('compares January with December, a leap day with the 28th, a future range with the days before it', () => {
    const january = periodDates('month', '2027-01-05', custom);
    expect(comparisonDates('month', january, '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    // March 29, 2028 against February's 29 days (a leap year), never a date that does not exist.
    const march = periodDates('month', '2028-03-30', custom);
    expect(comparisonDates('month', march, '2028-03-30')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    // A custom range partly ahead: compared as far as it has run, with as many days just before it.
    expect(comparisonDates('custom', { from: '2026-12-01', to: '2027-01-31' }, '2026-12-07')).toEqual({
      from: '2026-11-24',
      to: '2026-11-30',
    });
  });

  it("takes a reply as the figures of the strip only when it answers today's question", () => {
    const reply = { from: '2026-12-01', to: '2026-12-31', hubId: null, delivered: 3 };
    expect(answers(reply, { from: '2026-12-01', to: '2026-12-31' }, null)).toBe(true);
    // Last month's reply while this week's loads, or every hub's while one hub's loads: not shown as the answer.
    expect(answers(reply, { from: '2026-12-07', to: '2026-12-13' }, null)).toBe(false);
    expect(answers(reply, { from: '2026-12-01', to: '2026-12-31' }, 2)).toBe(false);
    expect(answers(null, { from: '2026-12-01', to: '2026-12-31' }, null)).toBe(false);
  });

  it('names the range in the app language', () => {
    // Intl puts thin or no-break spaces around the dash.
    const label = (from: string, to: string, lang: string) => periodRangeLabel(from, to, lang).replace(/\s/g, ' ');
    expect(label('2026-12-01', '2026-12-31', 'en')).toBe('Dec 1 – 31');
    expect(label('2026-12-07', '2026-12-07', 'en')).toBe('Dec 7');
    expect(label('2026-11-30', '2026-12-06', 'es')).toBe('30 de nov – 6 de dic');
  });
});
