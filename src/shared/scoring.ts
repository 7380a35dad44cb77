/**
 * Lead scoring vocabulary and defaults (PRODUCT.md §3.2), shared by the core's
 * engines (src/main/core/scoring), the CLI and Settings → Scoring.
 *
 * Two numbers per lead:
 * - the **rule score** 0–100: the sum of seven factors' points, each at most
 *   its weight (`ScoringWeights.points`, which add up to exactly 100). Every
 *   factor's points are whole numbers, so the breakdown explains every point.
 * - the **win probability** 0–1, learned from this workspace's won/lost leads
 *   (naive Bayes over the lead's fields), with its measured quality.
 */
import { z } from 'zod';
import { LEAD_CHANNELS, type LeadChannel, type Tier, VERTICALS, type Vertical } from './domain';

// ---------- Qualification fields (stored on `leads`; null = not known yet) ----------

export const TIMELINES = ['now', 'this_month', 'this_quarter', 'later'] as const;
export type Timeline = (typeof TIMELINES)[number];

export const AUTHORITIES = ['decision_maker', 'influencer', 'user'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const NEEDS = ['urgent', 'clear', 'exploring'] as const;
export type Need = (typeof NEEDS)[number];

/** Where a named budget stands against the price range: below half of its minimum, below it, inside, above it. */
export const BUDGET_FITS = ['none', 'far_below', 'below', 'inside', 'above'] as const;
export type BudgetFit = (typeof BUDGET_FITS)[number];

/**
 * Each tier's project price range (PRODUCT.md §1: Tier 1 $500–2,000, Tier 2
 * $100–500, Tier 3 $50–150) in USD minor units — the default reference for
 * budget fit. A budget in another currency must be converted first.
 */
export const TIER_PRICE_RANGES_USD_MINOR: Readonly<Record<Tier, readonly [number, number]>> = {
  1: [50_000, 200_000],
  2: [10_000, 50_000],
  3: [5_000, 15_000],
};

// ---------- Rule score ----------

/** The factors of the rule score, in display order. Indexes are stable: the batch scorer writes points in this order. */
export const SCORE_FACTORS = ['budget', 'timeline', 'authority', 'need', 'vertical', 'channel', 'engagement'] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

/** Points per factor; they add up to the score. */
export type ScoreBreakdown = Record<ScoreFactor, number>;

/** Share of a factor's points (0–1) per option; `unknown` applies when the field is empty. */
type Shares<K extends string> = Record<K, number>;

export interface ScoringWeights {
  /** Maximum points per factor: whole numbers that add up to exactly 100. */
  points: Record<ScoreFactor, number>;
  /** Budget at or above the range's minimum earns all; below it, budget ÷ minimum; none named earns `unknown`. */
  budget: { unknown: number };
  timeline: Shares<Timeline | 'unknown'>;
  authority: Shares<Authority | 'unknown'>;
  need: Shares<Need | 'unknown'>;
  vertical: Shares<Vertical>;
  /** Channel (source) quality. */
  channel: Shares<LeadChannel>;
  /**
   * Engagement = min(touches, fullTouches) ÷ fullTouches × ½^(days since the
   * last touch ÷ halfLifeDays): volume of contact, decayed by recency.
   */
  engagement: { halfLifeDays: number; fullTouches: number };
}

/**
 * Defaults: budget weighs most (a lead that cannot pay the tier's price rarely
 * closes); timeline, authority and need are the rest of BANT at 15 each;
 * engagement 15 (recent, repeated contact); channel 10 (referrals and partners
 * close about twice as often as cold email); vertical 5 (a mild preference for
 * the verticals the agency grows in: e-commerce, SaaS, real estate, education).
 * Unknown fields earn a little, so an unqualified lead is not scored as a bad one.
 */
export const DEFAULT_SCORING_WEIGHTS: ScoringWeights = {
  points: { budget: 25, timeline: 15, authority: 15, need: 15, vertical: 5, channel: 10, engagement: 15 },
  budget: { unknown: 0.3 },
  timeline: { now: 1, this_month: 0.75, this_quarter: 0.4, later: 0.1, unknown: 0.2 },
  authority: { decision_maker: 1, influencer: 0.6, user: 0.2, unknown: 0.2 },
  need: { urgent: 1, clear: 0.7, exploring: 0.2, unknown: 0.2 },
  vertical: {
    ecommerce: 1,
    saas: 1,
    real_estate: 0.8,
    education: 0.8,
    media: 0.6,
    hospitality: 0.6,
    health: 0.5,
    other: 0.4,
  },
  channel: { referral: 1, partner: 0.9, inbound_form: 0.8, whatsapp: 0.6, linkedin: 0.5, email: 0.5, sms: 0.3 },
  engagement: { halfLifeDays: 14, fullTouches: 5 },
};

/**
 * Score bands, lowest first; a score belongs to the last band whose `min` it
 * reaches: cold 0–39, warm 40–69, hot 70–94, priority 95–100. Priority is the
 * OPPORTUNITY alert's threshold (PRODUCT.md §3.8: "lead scored ≥95").
 */
export const SCORE_BANDS = [
  { key: 'cold', min: 0 },
  { key: 'warm', min: 40 },
  { key: 'hot', min: 70 },
  { key: 'priority', min: 95 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['key'];

/**
 * A lead's learned win probability as stored: to 4 decimals (0.01 percentage
 * points). Finer digits carry no information, and a model update that moves a
 * lead by less (one more won or lost lead, say) leaves its row alone, so the
 * bulk rescore after it writes almost nothing. Many leads sharing a value also
 * keeps the probability index's pages in id order.
 */
export const storedProbability = (probability: number): number => Math.round(probability * 10_000) / 10_000;

/** A lead at or above this score raises one OPPORTUNITY alert. */
export const OPPORTUNITY_SCORE = 95;

export function bandOf(score: number): ScoreBand {
  if (score >= 95) return 'priority';
  if (score >= 70) return 'hot';
  if (score >= 40) return 'warm';
  return 'cold';
}

// ---------- Weights schema (Settings → Scoring) ----------

const share = (what: string) =>
  z
    .number({ message: `${what} must be a number from 0 to 1.` })
    .min(0, `${what} cannot be below 0.`)
    .max(1, `${what} cannot be above 1 (all of the factor's points).`);

function shares<const K extends string>(factor: string, keys: readonly K[]) {
  return z
    .object(
      Object.fromEntries(keys.map((k) => [k, share(`The ${factor} share for "${k}"`)])) as Record<
        K,
        ReturnType<typeof share>
      >,
    )
    .strict();
}

const maxPoints = (factor: string) =>
  z
    .number({ message: `Points for ${factor} must be a number.` })
    .int(`Points for ${factor} must be a whole number.`)
    .min(0, `Points for ${factor} cannot be negative.`)
    .max(100, `Points for ${factor} cannot exceed 100.`);

export const scoringWeightsSchema = z
  .object({
    points: z
      .object(
        Object.fromEntries(SCORE_FACTORS.map((f) => [f, maxPoints(f)])) as Record<
          ScoreFactor,
          ReturnType<typeof maxPoints>
        >,
      )
      .strict()
      .superRefine((p, ctx) => {
        const total = SCORE_FACTORS.reduce((sum, f) => sum + p[f], 0);
        if (total !== 100)
          ctx.addIssue({
            code: 'custom',
            message: `The factor points must add up to exactly 100; they add up to ${total} (${total > 100 ? 'remove' : 'add'} ${Math.abs(total - 100)}).`,
          });
      }),
    budget: z.object({ unknown: share('The budget share when no budget is named') }).strict(),
    timeline: shares('timeline', [...TIMELINES, 'unknown']),
    authority: shares('authority', [...AUTHORITIES, 'unknown']),
    need: shares('need', [...NEEDS, 'unknown']),
    vertical: shares('vertical', VERTICALS),
    channel: shares('channel', LEAD_CHANNELS),
    engagement: z
      .object({
        halfLifeDays: z
          .number({ message: 'The engagement half-life must be a number of days.' })
          .min(1, 'The engagement half-life is at least 1 day.')
          .max(365, 'The engagement half-life is at most 365 days.'),
        fullTouches: z
          .number({ message: 'Touches for full engagement must be a whole number.' })
          .int('Touches for full engagement must be a whole number.')
          .min(1, 'Full engagement needs at least 1 touch.')
          .max(100, 'Full engagement needs at most 100 touches.'),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<ScoringWeights>;

// ---------- Win probability ----------

/** The lead fields the learned model looks at. Owner is left out on purpose: it would rate people, not leads. */
export const MODEL_FEATURES = [
  'channel',
  'vertical',
  'tier',
  'timeline',
  'authority',
  'need',
  'budget_fit',
  'hub',
] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** One field's pull on a lead's win probability. */
export interface ProbabilityFactor {
  feature: ModelFeature;
  /** The lead's value of the field ('referral', '2', 'unknown', a hub id…). */
  value: string;
  /** Log-likelihood ratio ln(P(value | won) ÷ P(value | lost)): added to the log-odds of winning. */
  effect: number;
  direction: 'for' | 'against';
}

export interface CalibrationBin {
  /** 0–9: predicted probabilities in [bin/10, (bin+1)/10). */
  bin: number;
  /** Mean predicted probability of the leads in the bin (null when empty). */
  predicted: number | null;
  /** Share of them actually won (null when empty). */
  observed: number | null;
  count: number;
}

/** The model's honest quality, measured on held-out closed leads it was not trained on. */
export interface ModelQuality {
  /** Area under the ROC curve: 0.5 = no better than chance, 1 = perfect ranking. Null without both outcomes held out. */
  auc: number | null;
  /** Mean squared error of the probabilities: 0 is perfect, 0.25 is what always saying 50% scores. Null with none held out. */
  brier: number | null;
  heldOut: number;
  trainedOn: number;
  calibration: CalibrationBin[];
}
