/** The Demand tab's gaps: short (red), spare or even as the rounded figure it shows reads, never "Short by 0". */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatSignedNumber } from '../../src/renderer/src/app/format';
import { roundToTotal, shownDemandWeek, shownGap } from '../../src/renderer/src/features/capacity/model';

describe('shownGap', () => {
  it('gives the gap in hours as the table writes it, whole hours: red only from "+1 h"', () => {
    for (const [gap, shown, short] of [
      [0.2, '0', false],
      [0.49, '0', false],
      [0.5, '+1', true],
      [12.4, '+12', true],
      [0, '0', false],
      [-0.4, '0', false],
      [-3, '−3', false],
      [-0.5, '−1', false],
    ] as const) {
      // The cell writes the gap with formatSignedNumber(v, lang, 0): the colour follows that text.
      expect(formatSignedNumber(gap, 'en', 0), String(gap)).toBe(shown);
      expect(shownGap(gap, 0) > 0, String(gap)).toBe(short);
    }
  });

  it('gives the gap in people to one decimal: short, spare or even as "0.0" reads', () => {
    for (const [gap, shown, state] of [
      [0.04, '0', 'even'],
      [-0.04, '0', 'even'],
      [0.05, '0.1', 'short'],
      [1.26, '1.3', 'short'],
      [-0.06, '0.1', 'spare'],
      [-0.05, '0.1', 'spare'],
      [-2, '2', 'spare'],
    ] as const) {
      const v = shownGap(gap, 1);
      expect(Object.is(v, -0), `${gap} is not −0`).toBe(false);
      expect(v > 0 ? 'short' : v < 0 ? 'spare' : 'even', String(gap)).toBe(state);
      // The badge and the spare text write the size of the gap with formatNumber(|v|, lang, 1).
      expect(formatNumber(Math.abs(v), 'en', 1), String(gap)).toBe(shown);
      expect(formatNumber(Math.abs(gap), 'en', 1), String(gap)).toBe(shown);
    }
  });
});

describe('roundToTotal and shownDemandWeek', () => {
  it('rounds parts to whole numbers that add up to the rounded total, largest remainder first', () => {
    // Rounded one by one these read 10 + 20 = 30 beside a total of 31.
    expect(roundToTotal([10.4, 20.4])).toEqual([11, 20]);
    expect(roundToTotal([0.3, 0.3, 0.3])).toEqual([1, 0, 0]);
    expect(roundToTotal([2.5, 2.5])).toEqual([3, 2]);
    expect(roundToTotal([7, 3])).toEqual([7, 3]);
    expect(roundToTotal([])).toEqual([]);
    for (const values of [
      [1.6, 2.6, 3.6],
      [0.1, 0.2, 0.3, 0.4],
      [120.5, 0.5],
    ])
      expect(roundToTotal(values).reduce((s, v) => s + v, 0)).toBe(Math.round(values.reduce((s, v) => s + v, 0)));
  });

  it('makes a Demand row add up as written: projects + pipeline = demand, demand − capacity = gap', () => {
    const w = shownDemandWeek({
      weekStart: '2026-12-07',
      capacityHours: 300.4,
      projectHours: 10.4,
      pipelineHours: 20.4,
      demandHours: 30.8,
      gapHours: -269.6,
      gapPeople: -6.7,
    });
    expect(w).toMatchObject({
      capacityHours: 300,
      projectHours: 11,
      pipelineHours: 20,
      demandHours: 31,
      gapHours: -269,
    });
    expect(w.gapPeople).toBe(-6.7);
  });
});
