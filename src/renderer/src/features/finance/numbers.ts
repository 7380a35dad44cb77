/**
 * Pure number helpers for the finance tabs: rates shown with one precision per
 * column (so digits line up), signed percentages rounded before they get a
 * sign, and round chart ticks with a true minus on the negative ones.
 */
import { type Currency, MINOR_DIGITS } from '../../../../shared/domain';
import type { MrrMonth } from '../../../../shared/money';
import { intlLocale, MINUS, numberFormat, withTrueMinus } from '../../app/format';

/** The MRR movements, in the order the chart stacks them. */
export const SERIES = ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const;
export type Series = (typeof SERIES)[number] | 'closing';

/** The most decimals a rate is shown with (the input keeps up to ten). */
const MAX_RATE_DECIMALS = 10;

/** The fewest decimals that show `value` as stored ("1.061" → 3, "0.1441" → 4, "2" → 0). */
export function decimalsOf(value: number, max = MAX_RATE_DECIMALS): number {
  if (!Number.isFinite(value)) return 0;
  for (let d = 0; d < max; d++) {
    if (Math.abs(Number(value.toFixed(d)) - value) <= Math.abs(value) * 1e-12) return d;
  }
  return max;
}

/** Where the leading digit of a positive number sits (1.06 → 0, 0.148 → −1, 36 576 → 4). */
const magnitude = (value: number) => Math.floor(Math.log10(value));

export interface RatePrecision {
  /** Decimals of the rate column: enough for every stored rate, the same for all. */
  rate: number;
  /** Decimals of the inverse column: the rates' significant digits, for the smallest inverse. */
  inverse: number;
}

/**
 * One precision for a currency's rates and one for their inverses, so a column
 * reads "1.0610 / 1.0668 / 1.0700" and "0.93932 / 0.93738 / 0.93458" with its
 * digits aligned. The rate column shows every stored digit (demo rates are
 * stored to 4 decimals, typed ones to up to 10); the inverse, a computed
 * number, gets as many significant digits as the most precise rate has.
 */
export function ratePrecision(rates: readonly number[]): RatePrecision {
  const positive = rates.filter((r) => Number.isFinite(r) && r > 0);
  if (positive.length === 0) return { rate: 4, inverse: 4 };
  const rate = Math.max(...positive.map((r) => decimalsOf(r)));
  const largest = Math.max(...positive);
  const significant = Math.max(1, rate + magnitude(largest) + 1);
  const inverse = significant - 1 - magnitude(1 / largest);
  return { rate, inverse: Math.min(MAX_RATE_DECIMALS, Math.max(0, inverse)) };
}

/** A rate with exactly `decimals` decimals, grouped, in the UI language ("1.0610", "36,576"; a negative with "−"). */
export function formatFixed(value: number, decimals: number, language: string): string {
  const format = numberFormat(intlLocale(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return withTrueMinus(format, value);
}

/**
 * A change as a signed percentage with one decimal at most: "+0.5%", "−0.3%",
 * and "0%" (no sign) for anything that rounds to zero — the sign is chosen
 * after rounding, never from the raw number. Negatives get a true minus.
 */
export function formatChange(change: number, language: string): string {
  const format = numberFormat(intlLocale(language), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return withTrueMinus(format, change);
}

/** Whether a formatted change reads as zero (no sign after rounding). */
export const isZeroChange = (text: string) => !text.startsWith('+') && !text.startsWith(MINUS);

/**
 * The round step (1, 2 or 5 × 10ⁿ) nearest to `raw` (on a log scale, as d3
 * does: 1.4 → 1, 1.5 → 2, 3.2 → 5, 7.1 → 10), never below `minStep`.
 */
export function niceStep(raw: number, minStep = 1): number {
  if (!(raw > minStep)) return minStep;
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  const factor = n >= Math.sqrt(50) ? 10 : n >= Math.sqrt(10) ? 5 : n >= Math.sqrt(2) ? 2 : 1;
  return Math.max(minStep, factor * power);
}

/** The round step after `step`: 1 → 2 → 5 → 10 (× 10ⁿ). */
function nextStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step));
  const factor = Math.round(step / power);
  return (factor < 2 ? 2 : factor < 5 ? 5 : 10) * power;
}

/**
 * Round ticks that cover [min, max] and always include 0: a step of 1, 2 or
 * 5 × 10ⁿ near (max − min) / `target`, or the next one up, whichever wastes the
 * least room while keeping at most `target` + 2 intervals, e.g. (−350, 1 425) →
 * [−500, 0, 500, 1 000, 1 500]. `minStep` keeps steps whole (100 = one dollar
 * in cents). The first and last tick are the axis' domain.
 */
export function niceTicks(min: number, max: number, target = 4, minStep = 1): number[] {
  const lo = Math.min(0, Number.isFinite(min) ? min : 0);
  const hi = Math.max(0, Number.isFinite(max) ? max : 0);
  const span = (step: number) => ({
    step,
    first: Math.floor(lo / step),
    last: Math.max(Math.ceil(hi / step), Math.floor(lo / step) + 1),
  });
  let step = niceStep((hi - lo) / Math.max(1, target), minStep);
  const candidates = [];
  for (let i = 0; i < 4; i++, step = nextStep(step)) candidates.push(span(step));
  const fitting = candidates.filter((c) => c.last - c.first <= target + 2);
  // The tightest axis; on a tie, the bigger step (fewer labels).
  const best = (fitting.length > 0 ? fitting : candidates.slice(-1)).reduce((a, b) =>
    (b.last - b.first) * b.step <= (a.last - a.first) * a.step ? b : a,
  );
  const ticks: number[] = [];
  // Integer multiples, so no float drift ("0.30000000000000004").
  for (let i = best.first; i <= best.last; i++) ticks.push(i === 0 ? 0 : i * best.step);
  return ticks;
}

/**
 * Round y-axis ticks for the MRR chart, for what is on screen: the visible bars
 * stack up (new, expansion, reactivation) and down (contraction, churn) from
 * zero, plus the closing line if shown. Steps are whole units of the currency
 * at least. The first and last tick are the axis' domain.
 */
export function mrrTicks(months: readonly MrrMonth[], hidden: ReadonlySet<Series>, currency: string): number[] {
  let lo = 0;
  let hi = 0;
  for (const m of months) {
    let up = 0;
    let down = 0;
    for (const s of SERIES) {
      if (hidden.has(s)) continue;
      if (m[s] > 0) up += m[s];
      else down += m[s];
    }
    const closing = hidden.has('closing') ? 0 : m.closing;
    hi = Math.max(hi, up, closing);
    lo = Math.min(lo, down, closing);
  }
  return niceTicks(lo, hi, 4, 10 ** (MINOR_DIGITS[currency as Currency] ?? 2));
}
