/**
 * The rule score 0–100 of a lead (weights and bands: src/shared/scoring.ts).
 *
 * Two forms that must agree to the point (the unit tests check they do):
 * - `scoreLead`: one plain lead → score and breakdown; readable, for a single
 *   changed lead and as the reference;
 * - `compileRules`: the batch form for bulk scoring in the worker. Weights
 *   become small lookup tables indexed by integer codes, and the lead is an
 *   `EncodedLead` the caller reuses row after row, so scoring allocates nothing.
 *
 * Per factor (points are rounded to whole numbers, then summed):
 *   budget      range minimum ≤ budget → all; below → budget ÷ minimum; none named → `budget.unknown`.
 *               A budget above the range's maximum still fits (the client can pay; maybe it is mis-tiered).
 *   timeline, authority, need, vertical, channel → the option's share (unknown fields get `unknown`).
 *   engagement  min(touches, fullTouches) ÷ fullTouches × ½^(days since the last touch ÷ half-life).
 */
import { LEAD_CHANNELS, type LeadChannel, type Tier, VERTICALS, type Vertical } from '../../../shared/domain';
import {
  AUTHORITIES,
  type Authority,
  BUDGET_FITS,
  type BudgetFit,
  bandOf,
  NEEDS,
  type Need,
  SCORE_BANDS,
  SCORE_FACTORS,
  type ScoreBand,
  type ScoreBreakdown,
  type ScoringWeights,
  TIER_PRICE_RANGES_USD_MINOR,
  TIMELINES,
  type Timeline,
} from '../../../shared/scoring';

export { bandOf };

const DAY_MS = 86_400_000;

/** What the scorer reads of a lead. */
export interface ScoringLead {
  tier: Tier;
  /** The budget the lead named, minor units of the same currency as the price range; null = not given. */
  budgetMinor: number | null;
  /**
   * The price range [min, max] the budget is judged against, in minor units: the
   * quoted service's range at this tier when known. Absent: the tier's range in
   * `TIER_PRICE_RANGES_USD_MINOR` (so the budget must then be in USD).
   */
  priceRangeMinor?: readonly [number, number] | null;
  timeline: Timeline | null;
  authority: Authority | null;
  need: Need | null;
  vertical: Vertical;
  channel: LeadChannel;
  activityCount: number;
  /** UTC instant (ISO) or epoch ms of the last activity; null = none yet. */
  lastActivityAt: string | number | null;
}

export interface LeadScore {
  score: number;
  breakdown: ScoreBreakdown;
}

// ---------- The scalar parts both forms share ----------

/** Share (0–1) of the budget points. `budget` NaN = none named. */
export function budgetShare(budget: number, rangeMin: number, unknownShare: number): number {
  if (Number.isNaN(budget)) return unknownShare;
  if (budget >= rangeMin) return 1;
  return budget <= 0 ? 0 : budget / rangeMin;
}

/** Share (0–1) of the engagement points. `lastMs` NaN = no activity. */
export function engagementShare(
  count: number,
  lastMs: number,
  asOfMs: number,
  halfLifeDays: number,
  fullTouches: number,
): number {
  if (count <= 0 || Number.isNaN(lastMs)) return 0;
  const days = Math.max(0, asOfMs - lastMs) / DAY_MS; // a touch "in the future" (clock skew) counts as today
  return (Math.min(count, fullTouches) / fullTouches) * 0.5 ** (days / halfLifeDays);
}

/** Where a named budget stands against a price range (the model's `budget_fit` feature). */
export function budgetFitCode(budget: number, rangeMin: number, rangeMax: number): number {
  if (Number.isNaN(budget)) return 0; // none
  if (budget < rangeMin / 2) return 1; // far_below
  if (budget < rangeMin) return 2; // below
  return budget <= rangeMax ? 3 : 4; // inside : above
}

export function budgetFitOf(budgetMinor: number | null, range: readonly [number, number]): BudgetFit {
  return BUDGET_FITS[budgetFitCode(budgetMinor ?? Number.NaN, range[0], range[1])]!;
}

const toMs = (at: string | number | null): number =>
  at === null ? Number.NaN : typeof at === 'number' ? at : Date.parse(at);

/** The lead's own price range, else its tier's. */
export const priceRangeOf = (lead: Pick<ScoringLead, 'tier' | 'priceRangeMinor'>): readonly [number, number] =>
  lead.priceRangeMinor ?? TIER_PRICE_RANGES_USD_MINOR[lead.tier];

// ---------- One lead ----------

/** Scores one lead as of an instant (ISO string or epoch ms). */
export function scoreLead(lead: ScoringLead, weights: ScoringWeights, asOf: string | number): LeadScore {
  const p = weights.points;
  const breakdown: ScoreBreakdown = {
    budget: Math.round(
      p.budget * budgetShare(lead.budgetMinor ?? Number.NaN, priceRangeOf(lead)[0], weights.budget.unknown),
    ),
    timeline: Math.round(p.timeline * weights.timeline[lead.timeline ?? 'unknown']),
    authority: Math.round(p.authority * weights.authority[lead.authority ?? 'unknown']),
    need: Math.round(p.need * weights.need[lead.need ?? 'unknown']),
    vertical: Math.round(p.vertical * weights.vertical[lead.vertical]),
    channel: Math.round(p.channel * weights.channel[lead.channel]),
    engagement: Math.round(
      p.engagement *
        engagementShare(
          lead.activityCount,
          toMs(lead.lastActivityAt),
          toMs(asOf),
          weights.engagement.halfLifeDays,
          weights.engagement.fullTouches,
        ),
    ),
  };
  let score = 0;
  for (const f of SCORE_FACTORS) score += breakdown[f];
  return { score, breakdown };
}

// ---------- Batch form ----------

/**
 * A lead as small numbers. Allocate one with `newEncodedLead()` and refill it
 * for each row (`encodeLead`, or directly from a raw SQLite row with `CODES`).
 */
export interface EncodedLead {
  /** 1, 2 or 3. */
  tier: number;
  /** NaN = no budget named. */
  budget: number;
  priceMin: number;
  priceMax: number;
  /** Index in TIMELINES / AUTHORITIES / NEEDS; the list's length = unknown. */
  timeline: number;
  authority: number;
  need: number;
  /** Index in VERTICALS / LEAD_CHANNELS. */
  vertical: number;
  channel: number;
  /** Hub id; 0 = none. */
  hub: number;
  activityCount: number;
  /** Epoch ms; NaN = no activity. */
  lastActivityMs: number;
}

export function newEncodedLead(): EncodedLead {
  return {
    tier: 1,
    budget: Number.NaN,
    priceMin: 0,
    priceMax: 0,
    timeline: TIMELINES.length,
    authority: AUTHORITIES.length,
    need: NEEDS.length,
    vertical: 0,
    channel: 0,
    hub: 0,
    activityCount: 0,
    lastActivityMs: Number.NaN,
  };
}

const codesOf = (list: readonly string[]): Readonly<Record<string, number>> =>
  Object.fromEntries(list.map((v, i) => [v, i]));

/** String → code for each categorical field; an empty (null) qualification field encodes as the list's length. */
export const CODES = {
  timeline: codesOf(TIMELINES),
  authority: codesOf(AUTHORITIES),
  need: codesOf(NEEDS),
  vertical: codesOf(VERTICALS),
  channel: codesOf(LEAD_CHANNELS),
} as const;

function code(codes: Readonly<Record<string, number>>, value: string | null, unknown: number, field: string): number {
  if (value === null) return unknown;
  const c = codes[value];
  if (c === undefined) throw new Error(`Unknown ${field} "${value}".`);
  return c;
}

/** The value of `length` decimal digits of `s` from `at`, or −1 when one is not a digit. */
function digits(s: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

const daysInMonth = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

/** Days from 1970-01-01 to a valid proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * `Date.parse` of a UTC instant, without its cost for the form the app stores
 * ('YYYY-MM-DDTHH:MM:SSZ' or 'YYYY-MM-DDTHH:MM:SS.sssZ', a valid date and time):
 * the same number, by arithmetic. Anything else goes to `Date.parse` itself.
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (
    (n !== 24 && n !== 20) ||
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(n - 1) !== 90 || // Z
    (n === 24 && s.charCodeAt(19) !== 46) // .
  )
    return Date.parse(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = n === 24 ? digits(s, 20, 3) : 0;
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    ms < 0
  )
    return Date.parse(s);
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/** Fills `into` from a plain lead (the optional `hubId` feeds the model) and returns it. */
export function encodeLead(lead: ScoringLead & { hubId?: number | null }, into: EncodedLead): EncodedLead {
  const [min, max] = priceRangeOf(lead);
  into.tier = lead.tier;
  into.budget = lead.budgetMinor ?? Number.NaN;
  into.priceMin = min;
  into.priceMax = max;
  into.timeline = code(CODES.timeline, lead.timeline, TIMELINES.length, 'timeline');
  into.authority = code(CODES.authority, lead.authority, AUTHORITIES.length, 'authority');
  into.need = code(CODES.need, lead.need, NEEDS.length, 'need');
  into.vertical = code(CODES.vertical, lead.vertical, -1, 'vertical');
  into.channel = code(CODES.channel, lead.channel, -1, 'channel');
  into.hub = lead.hubId ?? 0;
  into.activityCount = lead.activityCount;
  into.lastActivityMs = toMs(lead.lastActivityAt);
  return into;
}

/**
 * Scores an encoded lead; when `breakdown` is given, writes the seven factors'
 * points (SCORE_FACTORS order) at `breakdown[offset…offset+6]`.
 */
export type CompiledRules = (lead: EncodedLead, breakdown?: Uint8Array, offset?: number) => number;

/** Points per option, with the unknown option last. */
const table = <K extends string>(points: number, keys: readonly K[], shares: Record<K, number>) =>
  Uint8Array.from(keys, (k) => Math.round(points * shares[k]));

export function compileRules(weights: ScoringWeights, asOf: string | number): CompiledRules {
  const p = weights.points;
  const timeline = table(p.timeline, [...TIMELINES, 'unknown'], weights.timeline);
  const authority = table(p.authority, [...AUTHORITIES, 'unknown'], weights.authority);
  const need = table(p.need, [...NEEDS, 'unknown'], weights.need);
  const vertical = table(p.vertical, VERTICALS, weights.vertical);
  const channel = table(p.channel, LEAD_CHANNELS, weights.channel);
  const budgetPoints = p.budget;
  const unknownBudget = weights.budget.unknown;
  const engagementPoints = p.engagement;
  const { halfLifeDays, fullTouches } = weights.engagement;
  const asOfMs = toMs(asOf);

  return (lead, breakdown, offset = 0) => {
    const b = Math.round(budgetPoints * budgetShare(lead.budget, lead.priceMin, unknownBudget));
    const t = timeline[lead.timeline]!;
    const a = authority[lead.authority]!;
    const n = need[lead.need]!;
    const v = vertical[lead.vertical]!;
    const c = channel[lead.channel]!;
    const e = Math.round(
      engagementPoints * engagementShare(lead.activityCount, lead.lastActivityMs, asOfMs, halfLifeDays, fullTouches),
    );
    if (breakdown !== undefined) {
      breakdown[offset] = b;
      breakdown[offset + 1] = t;
      breakdown[offset + 2] = a;
      breakdown[offset + 3] = n;
      breakdown[offset + 4] = v;
      breakdown[offset + 5] = c;
      breakdown[offset + 6] = e;
    }
    return b + t + a + n + v + c + e;
  };
}

/** Reads the breakdown the batch scorer wrote at `offset` back into the DTO. */
export function breakdownAt(points: Uint8Array, offset = 0): ScoreBreakdown {
  return Object.fromEntries(SCORE_FACTORS.map((f, i) => [f, points[offset + i]!])) as ScoreBreakdown;
}

// ---------- Bands ----------

const BAND_KEYS = SCORE_BANDS.map((b) => b.key);
const bandIndex = (score: number) => BAND_KEYS.indexOf(bandOf(score));

/** How many scores fall in each band (the CLI's counts per band). */
export function bandCounts(scores: ArrayLike<number>): Record<ScoreBand, number> {
  const counts = { cold: 0, warm: 0, hot: 0, priority: 0 };
  for (let i = 0; i < scores.length; i++) counts[bandOf(scores[i]!)]++;
  return counts;
}

export interface BandMoves {
  /** Leads whose band changed: `up` to a higher band, `down` to a lower one. */
  moved: number;
  up: number;
  down: number;
  /** matrix[from][to]: leads per pair of bands, in SCORE_BANDS order (the diagonal stayed). */
  matrix: number[][];
}

/** The live preview of a weights change: how leads move between bands from old to new scores (same lead order). */
export function bandMoves(oldScores: ArrayLike<number>, newScores: ArrayLike<number>): BandMoves {
  if (oldScores.length !== newScores.length) throw new Error('Old and new scores must cover the same leads.');
  const matrix = BAND_KEYS.map(() => BAND_KEYS.map(() => 0));
  let up = 0;
  let down = 0;
  for (let i = 0; i < oldScores.length; i++) {
    const from = bandIndex(oldScores[i]!);
    const to = bandIndex(newScores[i]!);
    matrix[from]![to]!++;
    if (to > from) up++;
    else if (to < from) down++;
  }
  return { moved: up + down, up, down, matrix };
}
