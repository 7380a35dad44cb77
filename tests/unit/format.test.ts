/**
 * Negative numbers on screen (src/renderer/src/app/format.ts): tables, tiles, ranges and chart axes all
 * write a negative with the true minus (U+2212) in Intl's place, before the currency. Intl itself writes
 * an ASCII hyphen ("-$325.00"), which the axes ("−$500") did not, so the two disagreed on one screen.
 * Percentages, plain and compact numbers and signed changes take the same minus through the same helper.
 */
import { describe, expect, it } from 'vitest';
import {
  formatCompactNumber,
  formatMoney,
  formatMoneyCompact,
  formatMoneyRange,
  formatMoneyWhole,
  formatNumber,
  formatPercent,
  formatPercentPoints,
  formatSignedMoney,
  formatSignedNumber,
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

describe('signed money', () => {
  it('writes "+" and the true minus before the currency, in English', () => {
    expect(formatSignedMoney(5_000, 'USD', 'en')).toBe('+$50.00');
    expect(formatSignedMoney(-2_500, 'USD', 'en')).toBe('\u2212$25.00');
    expect(formatSignedMoney(-2_550, 'EUR', 'en')).toBe('\u2212€25.50');
    expect(formatSignedMoney(123_456, 'USD', 'en')).toBe('+$1,234.56');
  });

  it("writes the sign before the code in Spanish, keeping the rest of Intl's text", () => {
    expect(formatSignedMoney(5_000, 'USD', 'es')).toBe(`+${formatMoney(5_000, 'USD', 'es')}`);
    expect(formatSignedMoney(-2_500, 'USD', 'es')).toBe(formatMoney(-2_500, 'USD', 'es'));
    expect(formatSignedMoney(-2_500, 'USD', 'es').replace(/\s/g, NBSP)).toBe(`\u2212USD${NBSP}25.00`);
    expect(formatSignedMoney(120_000, 'DKK', 'es', { whole: true }).replace(/\s/g, NBSP)).toBe(`+DKK${NBSP}1,200`);
  });

  it('gives what rounds to zero no sign', () => {
    expect(formatSignedMoney(0, 'USD', 'en')).toBe('$0.00');
    expect(formatSignedMoney(-0, 'USD', 'es')).toBe(formatMoney(0, 'USD', 'es'));
    expect(formatSignedMoney(0.4, 'USD', 'en')).toBe('$0.00');
    expect(formatSignedMoney(-0.4, 'USD', 'es')).toBe(formatMoney(0, 'USD', 'es'));
    expect(formatSignedMoney(0, 'USD', 'en', { whole: true })).toBe('$0');
  });

  it('drops the cents of a whole amount when asked, as formatMoneyWhole does', () => {
    expect(formatSignedMoney(120_000, 'USD', 'en', { whole: true })).toBe('+$1,200');
    expect(formatSignedMoney(-32_500, 'USD', 'en', { whole: true })).toBe(formatMoneyWhole(-32_500, 'USD', 'en'));
    expect(formatSignedMoney(-32_550, 'USD', 'en', { whole: true })).toBe('\u2212$325.50');
    for (const lang of ['en', 'es'])
      for (const currency of ['USD', 'EUR', 'DKK', 'PEN']) {
        expect(formatSignedMoney(-4_425, currency, lang)).toBe(formatMoney(-4_425, currency, lang));
        expect(formatSignedMoney(4_425, currency, lang)).toBe(`+${formatMoney(4_425, currency, lang)}`);
        expect(formatSignedMoney(-50_000, currency, lang, { whole: true })).toBe(
          formatMoneyWhole(-50_000, currency, lang),
        );
      }
  });
});

describe('negative numbers and percentages', () => {
  it('take a true minus in English', () => {
    expect(formatPercent(-0.12, 'en')).toBe('\u221212%');
    expect(formatPercent(-0.1234, 'en')).toBe('\u221212.3%');
    expect(formatPercentPoints(-5, 'en')).toBe('\u22125%');
    expect(formatNumber(-3.5, 'en')).toBe('\u22123.5');
    expect(formatNumber(-1234.56, 'en', 0)).toBe('\u22121,235');
    expect(formatCompactNumber(-2300, 'en')).toBe('\u22122.3K');
  });

  it("take a true minus in Spanish, keeping the rest of Intl's text", () => {
    expect(formatPercent(-0.12, 'es')).toBe(`${MINUS}${formatPercent(0.12, 'es')}`);
    expect(formatPercent(-0.125, 'es')).toBe('\u221212.5%');
    expect(formatPercentPoints(-30, 'es')).toBe(`${MINUS}${formatPercentPoints(30, 'es')}`);
    expect(formatNumber(-1234.5, 'es')).toBe('\u22121,234.5');
    expect(formatCompactNumber(-2_300_000, 'es')).toBe(`${MINUS}${formatCompactNumber(2_300_000, 'es')}`);
    expect(formatCompactNumber(-2_300_000, 'es').replace(/\s/g, ' ')).toBe('\u22122.3 M');
  });

  it('never write an ASCII hyphen for a sign', () => {
    for (const lang of ['en', 'es']) {
      for (const text of [
        formatPercent(-0.785, lang),
        formatPercentPoints(-12.5, lang),
        formatNumber(-0.5, lang),
        formatNumber(-36_576, lang, 0),
        formatCompactNumber(-1_250, lang),
        formatSignedNumber(-2, lang, 0),
      ]) {
        expect(text, text).not.toContain('-');
        expect(text.startsWith(MINUS), text).toBe(true);
      }
    }
  });

  it('give what rounds to zero no sign', () => {
    expect(formatPercent(-0.0001, 'en')).toBe('0%');
    expect(formatNumber(-0.04, 'es')).toBe(formatNumber(0, 'es'));
    expect(formatCompactNumber(-0, 'en')).toBe('0');
  });

  it('keep positive numbers as Intl writes them', () => {
    expect(formatPercent(0.785, 'en')).toBe('78.5%');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatCompactNumber(2300, 'en')).toBe('2.3K');
  });

  it('sign a change after rounding: "+3", "−2", "0"', () => {
    expect(formatSignedNumber(3, 'en', 0)).toBe('+3');
    expect(formatSignedNumber(-2, 'es', 0)).toBe('\u22122');
    expect(formatSignedNumber(-1.25, 'en')).toBe('\u22121.3');
    expect(formatSignedNumber(0.04, 'en')).toBe('0');
    expect(formatSignedNumber(-0.04, 'es')).toBe('0');
    expect(formatSignedNumber(1500, 'es', 0)).toBe('+1,500');
  });
});
