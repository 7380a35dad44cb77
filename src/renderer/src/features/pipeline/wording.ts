/**
 * Pure wording rules of the pipeline page, kept apart from React so they are unit tested:
 * the sentence that says the order when its column is hidden, and which of the model's
 * reasons are worth a line (a factor that moves the odds by less than the shown precision
 * is neutral, neither for nor against).
 */
import { type ProbabilityFactor, SCORE_FACTORS, type ScoreFactor } from '../../../../shared/scoring';
import type { LeadsSort } from './viewState';

/**
 * The catalog key of the order in words ("sorted by score, highest first"): one whole phrase
 * per column and direction, so no column label is dropped capitalized into a sentence.
 */
export function sortNoteKey(sort: LeadsSort) {
  return `sortNote.${sort.column}.${sort.direction}` as const;
}

/** How many decimals a multiplier is shown with: two below 2× (so ×1.04 is not "×1"), one above. */
export const timesDigits = (times: number) => (times < 2 ? 2 : 1);

/** How much a factor multiplies (or divides) the odds: e^|effect|, always ≥ 1. */
export const oddsTimes = (effect: number) => Math.exp(Math.abs(effect));

/**
 * Whether a factor moves the odds visibly: its multiplier does not round to 1 at the
 * precision it would be shown with (×1.004 and ÷1.004 would both read "×1.00").
 */
export function movesTheOdds(f: Pick<ProbabilityFactor, 'effect'>): boolean {
  const times = oddsTimes(f.effect);
  const scale = 10 ** timesDigits(times);
  return Math.round(times * scale) / scale > 1;
}

/** The model's reasons worth a line: neutral factors are left out of both lists. */
export function shownReasons<T extends Pick<ProbabilityFactor, 'effect'>>(factors: { for: T[]; against: T[] }) {
  return { for: factors.for.filter(movesTheOdds), against: factors.against.filter(movesTheOdds) };
}

/**
 * What a lead's breakdown is shown against: each factor's maximum under the weights it was made with when known, else
 * the weights in force; and whether those were earlier weights (they changed, and the rescore was cancelled before it
 * reached this lead) — shown against today's maxima, its points could exceed them.
 */
export function breakdownMaxima(
  made: Record<ScoreFactor, number> | null,
  inForce: Record<ScoreFactor, number> | null,
): { max: Record<ScoreFactor, number> | null; earlier: boolean } {
  const earlier = made !== null && inForce !== null && SCORE_FACTORS.some((f) => made[f] !== inForce[f]);
  return { max: made ?? inForce, earlier };
}
