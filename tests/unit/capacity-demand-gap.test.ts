/** The Demand table's gap in hours: red only when the whole hours it shows are above zero. */
import { describe, expect, it } from 'vitest';
import { formatSignedNumber } from '../../src/renderer/src/app/format';
import { gapHoursShort } from '../../src/renderer/src/features/capacity/model';

describe('gapHoursShort', () => {
  it('is red only where the gap shows at least "+1 h"', () => {
    for (const [gap, shown, short] of [
      [0.2, '0', false],
      [0.49, '0', false],
      [0.5, '+1', true],
      [12.4, '+12', true],
      [0, '0', false],
      [-0.4, '0', false],
      [-3, '−3', false],
    ] as const) {
      // The cell writes the gap with formatSignedNumber(v, lang, 0): the colour follows that text.
      expect(formatSignedNumber(gap, 'en', 0), String(gap)).toBe(shown);
      expect(gapHoursShort(gap), String(gap)).toBe(short);
    }
  });
});
