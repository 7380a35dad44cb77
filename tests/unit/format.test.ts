/**
 * Negative money on screen (src/renderer/src/app/format.ts): tables, tiles, ranges and chart axes all
 * write a negative with the true minus (U+2212) in Intl's place, before the currency. Intl itself writes
 * an ASCII hyphen ("-$325.00"), which the axes ("−$500") did not, so the two disagreed on one screen.
 */
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyCompact,
  formatMoneyRange,
  formatMoneyWhole,
  MINUS,
  parseDecimal,
} from '../../src/renderer/src/app/format';
import { formatChange, formatFixed } from '../../src/renderer/src/features/finance/numbers';

const NBSP = '\u00a0';

describe('negative money', () => {
  it('takes a true minus in tables, in both languages', () => {
    expect(formatMoney(-32_500, 'USD', 'en')).toBe('\u2212$325.00');
    expect(formatMoney(-32_550, 'EUR', 'en')).toBe('\u2212€325.50');
    expect(formatMoneyWhole(-32_500, 'USD', 'en')).toBe('\u2212$325');
    expect(formatMoneyWhole(-32_550, 'USD', 'en')).toBe('\u2212$325.50');
    // es-419 puts the sign before the code, as Intl does, and keeps the rest of Intl's text.
    expect(formatMoney(-32_500, 'USD', 'es')).toBe(`${MINUS}${formatMoney(32_500, 'USD', 'es')}`);
    expect(formatMoney(-32_500, 'USD', 'es').replace(/\s/g, NBSP)).toBe(`\u2212USD${NBSP}325.00`);
    expect(formatMoneyWhole(-1_234_500, 'DKK', 'es')).toBe(`${MINUS}${formatMoneyWhole(1_234_500, 'DKK', 'es')}`);
  });

  it('never writes an ASCII hyphen for a sign', () => {
    for (const lang of ['en', 'es']) {
      for (const currency of ['USD', 'EUR', 'GBP', 'DKK', 'PEN']) {
        for (const text of [
          formatMoney(-4_425, currency, lang),
          formatMoneyWhole(-50_000, currency, lang),
          formatMoneyCompact(-250_000_00, currency, lang),
          formatMoneyRange(-50_000, -10_000, currency, lang),
        ]) {
          expect(text, text).not.toContain('-');
          expect(text.startsWith(MINUS), text).toBe(true);
        }
      }
    }
  });

  it('agrees with the chart axis on the same amount', () => {
    // The axis says "−$500"; the table under it says "−$500", not "-$500".
    expect(formatMoneyWhole(-50_000, 'USD', 'en')).toBe(formatMoneyCompact(-50_000, 'USD', 'en'));
    expect(formatMoneyWhole(-50_000, 'USD', 'es')).toBe(formatMoneyCompact(-50_000, 'USD', 'es'));
  });

  it('gives zero no sign', () => {
    expect(formatMoney(-0, 'USD', 'en')).toBe('$0.00');
    expect(formatMoneyWhole(-0, 'USD', 'es')).toBe(formatMoneyWhole(0, 'USD', 'es'));
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
  });

  it('keeps positive amounts as Intl writes them', () => {
    expect(formatMoney(234_750, 'USD', 'en')).toBe('$2,347.50');
    expect(formatMoneyWhole(120_000, 'USD', 'en')).toBe('$1,200');
  });

  it('writes a range that crosses zero with one minus and the range dash', () => {
    expect(formatMoneyRange(-50_000, 10_000, 'USD', 'en')).toBe('\u2212$500\u202f–\u202f$100');
  });

  it('signs rates and changes the same way', () => {
    expect(formatFixed(-1.5, 2, 'en')).toBe('\u22121.50');
    expect(formatFixed(-0.001, 2, 'en')).toBe('0.00');
    expect(formatChange(-0.003, 'es')).toBe('\u22120.3%');
  });

  it('reads a pasted true minus back', () => {
    expect(parseDecimal('\u221212.5', 'en')).toBe(-12.5);
    expect(parseDecimal('-12.5', 'en')).toBe(-12.5);
  });
});
