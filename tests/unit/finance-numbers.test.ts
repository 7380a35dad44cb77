/**
 * Finance numbers (src/renderer/src/features/finance/numbers.ts): exchange rates
 * share one precision per column so their digits line up; a rate change gets
 * its sign after rounding ("0%", never "−0%"); the MRR chart's axis has round
 * steps and writes negatives with a true minus.
 */
import { describe, expect, it } from 'vitest';
import { formatMoneyCompact } from '../../src/renderer/src/app/format';
import {
  decimalsOf,
  formatChange,
  formatFixed,
  isZeroChange,
  mrrTicks,
  niceStep,
  niceTicks,
  ratePrecision,
} from '../../src/renderer/src/features/finance/numbers';
import type { MrrMonth } from '../../src/shared/money';

describe('rate precision', () => {
  it('counts the decimals a stored rate needs', () => {
    expect(decimalsOf(1.061)).toBe(3);
    expect(decimalsOf(1.0668)).toBe(4);
    expect(decimalsOf(0.148)).toBe(3);
    expect(decimalsOf(2)).toBe(0);
    expect(decimalsOf(Math.round(1.0565 * 10_000) / 10_000)).toBe(4);
    expect(decimalsOf(1 / 3)).toBe(10);
  });

  it('gives the whole column the decimals of its most precise rate', () => {
    const eur = [1.0668, 1.061, 1.067, 1.08, 1.0565];
    const p = ratePrecision(eur);
    expect(p).toEqual({ rate: 4, inverse: 5 });
    expect(eur.map((r) => formatFixed(r, p.rate, 'en'))).toEqual(['1.0668', '1.0610', '1.0670', '1.0800', '1.0565']);
    const inverses = eur.map((r) => formatFixed(1 / r, p.inverse, 'en'));
    expect(inverses).toEqual(['0.93738', '0.94251', '0.93721', '0.92593', '0.94652']);
    // Every cell of a column has the same number of digits after the separator.
    expect(new Set(inverses.map((s) => s.split('.')[1]?.length)).size).toBe(1);
  });

  it('keeps the significant digits of small rates in their large inverses', () => {
    expect(ratePrecision([0.1441, 0.148])).toEqual({ rate: 4, inverse: 3 });
    expect(formatFixed(1 / 0.148, 3, 'es')).toBe('6.757');
    // A bolívar-sized rate: tiny rate, inverse in the tens of thousands, no decimals.
    const ves = ratePrecision([0.00002734]);
    expect(ves.rate).toBe(8);
    expect(formatFixed(1 / 0.00002734, ves.inverse, 'en')).toBe('36,576');
  });

  it('falls back to four decimals with no rates', () => {
    expect(ratePrecision([])).toEqual({ rate: 4, inverse: 4 });
  });
});

describe('formatChange', () => {
  it('rounds before choosing the sign', () => {
    expect(formatChange(-0.0001, 'en')).toBe('0%');
    expect(formatChange(-0.0004, 'es')).toBe('0%');
    expect(formatChange(0.0004, 'en')).toBe('0%');
    expect(formatChange(0, 'en')).toBe('0%');
    expect(isZeroChange(formatChange(-0.0001, 'en'))).toBe(true);
  });

  it('signs real changes, negatives with a true minus', () => {
    expect(formatChange(0.005, 'en')).toBe('+0.5%');
    expect(formatChange(-0.003, 'en')).toBe('\u22120.3%');
    expect(formatChange(-0.0123, 'es')).toBe('\u22121.2%');
    expect(isZeroChange(formatChange(-0.003, 'en'))).toBe(false);
  });
});

describe('MRR axis ticks', () => {
  it('chooses the nearest step of 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(355)).toBe(500);
    expect(niceStep(180)).toBe(200);
    expect(niceStep(1000)).toBe(1000);
    expect(niceStep(1001)).toBe(1000);
    expect(niceStep(1500)).toBe(2000);
    expect(niceStep(7200)).toBe(10_000);
    expect(niceStep(0.3, 100)).toBe(100);
  });

  it('covers the data with round ticks through zero (the demo: −$350 to $1,700)', () => {
    const ticks = niceTicks(-35_000, 170_000, 4, 100);
    expect(ticks).toEqual([-50_000, 0, 50_000, 100_000, 150_000, 200_000]);
    expect(ticks.map((v) => formatMoneyCompact(v, 'USD', 'en'))).toEqual([
      '\u2212$500',
      '$0',
      '$500',
      '$1K',
      '$1.5K',
      '$2K',
    ]);
  });

  it('never shows an unround tick like 550 or 1.1K', () => {
    for (const [lo, hi] of [
      [-55_000, 165_000],
      [0, 142_500],
      [-12_500, 0],
      [-3_000_000, 12_345_600],
    ] as const) {
      const ticks = niceTicks(lo, hi, 4, 100);
      expect(ticks[0]).toBeLessThanOrEqual(lo);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(hi);
      expect(ticks).toContain(0);
      const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
      expect(step / 10 ** Math.floor(Math.log10(step))).toBeOneOf([1, 2, 5]);
    }
  });

  it('does not spend a whole big step below zero on a small dip', () => {
    // −$100 to $2,100: steps of $500 (7 ticks) rather than $1,000 with a −$1K tick.
    expect(niceTicks(-10_000, 210_000, 4, 100)).toEqual([-50_000, 0, 50_000, 100_000, 150_000, 200_000, 250_000]);
  });

  it('gives an empty chart an axis from zero', () => {
    expect(niceTicks(0, 0, 4, 100)).toEqual([0, 100]);
  });

  it('writes negative ticks with a true minus in both languages', () => {
    expect(formatMoneyCompact(-55_000, 'USD', 'en')).toBe('\u2212$550');
    expect(formatMoneyCompact(-50_000, 'USD', 'es')).toBe('\u2212USD\u00a0500');
    expect(formatMoneyCompact(150_000, 'USD', 'es')).toBe('USD\u00a01.5\u00a0K');
    expect(formatMoneyCompact(0, 'USD', 'es')).toBe('USD\u00a00');
  });
});

describe('mrrTicks', () => {
  const month = (m: Partial<MrrMonth>): MrrMonth => ({
    month: '2026-09',
    opening: 0,
    new: 0,
    expansion: 0,
    contraction: 0,
    churn: 0,
    reactivation: 0,
    closing: 0,
    ...m,
  });
  // The demo's last six months: the bars stack up to ~$750 and down to ~−$425, MRR closes at ~$1,700.
  const months = [
    month({ new: 45_000, closing: 45_000 }),
    month({ new: 17_500, closing: 62_500 }),
    month({ contraction: -2_500, churn: -40_000, closing: 20_000 }),
    month({ new: 75_000, closing: 95_000 }),
    month({ new: 50_000, expansion: 2_500, closing: 147_500 }),
    month({ expansion: 5_000, contraction: -2_500, churn: -12_500, closing: 142_500 }),
  ];

  it('spans the stacked bars and the closing line with round steps', () => {
    expect(mrrTicks(months, new Set(), 'USD')).toEqual([-50_000, 0, 50_000, 100_000, 150_000]);
  });

  it('follows the legend: hiding the closing line rescales to the bars', () => {
    expect(mrrTicks(months, new Set(['closing']), 'USD')).toEqual([-50_000, 0, 50_000, 100_000]);
  });

  it('keeps steps whole for currencies without cents', () => {
    const ticks = mrrTicks([month({ new: 3, closing: 3 })], new Set(), 'COP');
    expect(ticks.every(Number.isInteger)).toBe(true);
  });
});
