/** The rule score: hand-computed breakdowns, properties over random leads and weights, the batch form, bands, the weights schema. */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/main/core/demo/random';
import {
  bandCounts,
  bandMoves,
  bandOf,
  breakdownAt,
  compileRules,
  encodeLead,
  newEncodedLead,
  parseInstant,
  type ScoringLead,
  scoreLead,
} from '../../src/main/core/scoring/rules';
import { LEAD_CHANNELS, TIERS, VERTICALS } from '../../src/shared/domain';
import {
  AUTHORITIES,
  DEFAULT_SCORING_WEIGHTS,
  NEEDS,
  SCORE_FACTORS,
  type ScoringWeights,
  scoringWeightsSchema,
  TIMELINES,
} from '../../src/shared/scoring';

const AS_OF = '2026-06-30T12:00:00Z';
const daysBefore = (days: number) => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();
const W = DEFAULT_SCORING_WEIGHTS;

describe('rule score by hand (default weights)', () => {
  it('a hot referral: fitting budget, urgent decision maker, engaged two weeks ago → 93', () => {
    const lead: ScoringLead = {
      tier: 2,
      budgetMinor: 30_000, // $300, inside Tier 2's $100–500
      timeline: 'now',
      authority: 'decision_maker',
      need: 'urgent',
      vertical: 'saas',
      channel: 'referral',
      activityCount: 5,
      lastActivityAt: daysBefore(14),
    };
    // budget: inside the range → 25; timeline now 15 × 1 = 15; authority 15 × 1 = 15; need 15 × 1 = 15;
    // vertical saas 5 × 1 = 5; channel referral 10 × 1 = 10;
    // engagement: min(5, 5)/5 = 1 × ½^(14/14) = 0.5 → 15 × 0.5 = 7.5 → 8.   25+15+15+15+5+10+8 = 93.
    expect(scoreLead(lead, W, AS_OF)).toEqual({
      score: 93,
      breakdown: { budget: 25, timeline: 15, authority: 15, need: 15, vertical: 5, channel: 10, engagement: 8 },
    });
    expect(bandOf(93)).toBe('hot');
  });

  it('a short-budget Tier 1 email lead, exploring, gone quiet → 38', () => {
    const lead: ScoringLead = {
      tier: 1,
      budgetMinor: 20_000, // $200 against Tier 1's minimum of $500
      timeline: 'this_quarter',
      authority: 'influencer',
      need: 'exploring',
      vertical: 'health',
      channel: 'email',
      activityCount: 2,
      lastActivityAt: daysBefore(28),
    };
    // budget: 200/500 = 0.4 → 25 × 0.4 = 10; timeline this_quarter 15 × 0.4 = 6; influencer 15 × 0.6 = 9;
    // exploring 15 × 0.2 = 3; health 5 × 0.5 = 2.5 → 3; email 10 × 0.5 = 5;
    // engagement: 2/5 × ½^(28/14) = 0.4 × 0.25 = 0.1 → 15 × 0.1 = 1.5 → 2.   10+6+9+3+3+5+2 = 38.
    expect(scoreLead(lead, W, AS_OF)).toEqual({
      score: 38,
      breakdown: { budget: 10, timeline: 6, authority: 9, need: 3, vertical: 3, channel: 5, engagement: 2 },
    });
    expect(bandOf(38)).toBe('cold');
  });

  it('an unqualified SMS lead earns only the neutral shares → 22', () => {
    const lead: ScoringLead = {
      tier: 3,
      budgetMinor: null,
      timeline: null,
      authority: null,
      need: null,
      vertical: 'other',
      channel: 'sms',
      activityCount: 0,
      lastActivityAt: null,
    };
    // budget none → 25 × 0.3 = 7.5 → 8; unknown timeline/authority/need → 15 × 0.2 = 3 each;
    // other 5 × 0.4 = 2; sms 10 × 0.3 = 3; no activity → 0.   8+3+3+3+2+3+0 = 22.
    expect(scoreLead(lead, W, AS_OF)).toEqual({
      score: 22,
      breakdown: { budget: 8, timeline: 3, authority: 3, need: 3, vertical: 2, channel: 3, engagement: 0 },
    });
  });

  it('a priority lead: budget above the range still fits, touched today → 99', () => {
    const lead: ScoringLead = {
      tier: 1,
      budgetMinor: 250_000, // above Tier 1's $2,000 maximum: can pay, full points
      timeline: 'now',
      authority: 'decision_maker',
      need: 'urgent',
      vertical: 'ecommerce',
      channel: 'partner',
      activityCount: 9, // capped at 5 touches
      lastActivityAt: AS_OF,
    };
    // 25 + 15 + 15 + 15 + 5 + partner 10 × 0.9 = 9 + engagement 15 × 1 × ½^0 = 15 → 99.
    expect(scoreLead(lead, W, AS_OF).score).toBe(99);
    expect(bandOf(99)).toBe('priority');
  });

  it("judges the budget against the lead's own price range when given", () => {
    const lead: ScoringLead = {
      tier: 1,
      budgetMinor: 6_000,
      priceRangeMinor: [2_500, 7_500], // a Quick Edit: $25–75
      timeline: 'now',
      authority: 'user',
      need: 'clear',
      vertical: 'media',
      channel: 'whatsapp',
      activityCount: 1,
      lastActivityAt: daysBefore(7),
    };
    // budget inside $25–75 → 25 (against Tier 1's $500 it would be 25 × 60/500 = 3);
    // 15; user 15 × 0.2 = 3; clear 15 × 0.7 = 10.5 → 11; media 5 × 0.6 = 3; whatsapp 10 × 0.6 = 6;
    // engagement 1/5 × ½^(7/14) = 0.2 × 0.7071 = 0.1414 → 15 × 0.1414 = 2.12 → 2.   25+15+3+11+3+6+2 = 65.
    expect(scoreLead(lead, W, AS_OF).breakdown.budget).toBe(25);
    expect(scoreLead(lead, W, AS_OF).score).toBe(65);
    expect(scoreLead({ ...lead, priceRangeMinor: null }, W, AS_OF).breakdown.budget).toBe(3);
  });
});

// ---------- Random leads and weights ----------

function randomLead(rng: Random): ScoringLead {
  const orNull = <T>(items: readonly T[]) => (rng.chance(0.2) ? null : rng.pick(items));
  return {
    tier: rng.pick(TIERS),
    budgetMinor: rng.chance(0.2) ? null : rng.int(0, 300_000),
    priceRangeMinor: rng.chance(0.3) ? [rng.int(1_000, 50_000), rng.int(50_000, 200_000)] : undefined,
    timeline: orNull(TIMELINES),
    authority: orNull(AUTHORITIES),
    need: orNull(NEEDS),
    vertical: rng.pick(VERTICALS),
    channel: rng.pick(LEAD_CHANNELS),
    activityCount: rng.int(0, 12),
    lastActivityAt: rng.chance(0.1) ? null : daysBefore(rng.next() * 120 - 2), // a few slightly in the future
  };
}

/** Valid random weights: points split 100 seven ways, random shares. */
function randomWeights(rng: Random): ScoringWeights {
  const cuts = Array.from({ length: 6 }, () => rng.int(0, 100)).sort((a, b) => a - b);
  const bounds = [0, ...cuts, 100];
  const points = Object.fromEntries(SCORE_FACTORS.map((f, i) => [f, bounds[i + 1]! - bounds[i]!]));
  const shares = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, rng.next()]));
  return scoringWeightsSchema.parse({
    points,
    budget: { unknown: rng.next() },
    timeline: shares([...TIMELINES, 'unknown']),
    authority: shares([...AUTHORITIES, 'unknown']),
    need: shares([...NEEDS, 'unknown']),
    vertical: shares(VERTICALS),
    channel: shares(LEAD_CHANNELS),
    engagement: { halfLifeDays: 1 + rng.next() * 60, fullTouches: rng.int(1, 10) },
  });
}

describe('rule score properties', () => {
  it('scores stay in 0–100, equal the sum of the breakdown, and no factor exceeds its points', () => {
    const rng = new Random('scoring-bounds');
    for (let i = 0; i < 500; i++) {
      const weights = i % 2 ? W : randomWeights(rng);
      const { score, breakdown } = scoreLead(randomLead(rng), weights, AS_OF);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(Number.isInteger(score)).toBe(true);
      expect(SCORE_FACTORS.reduce((s, f) => s + breakdown[f], 0)).toBe(score);
      for (const f of SCORE_FACTORS) expect(breakdown[f]).toBeLessThanOrEqual(weights.points[f]);
    }
  });

  it('raising the budget never lowers the score', () => {
    const rng = new Random('scoring-budget');
    for (let i = 0; i < 500; i++) {
      const weights = i % 2 ? W : randomWeights(rng);
      const lead = randomLead(rng);
      const low = rng.int(0, 250_000);
      const high = low + rng.int(0, 100_000);
      const a = scoreLead({ ...lead, budgetMinor: low }, weights, AS_OF);
      const b = scoreLead({ ...lead, budgetMinor: high }, weights, AS_OF);
      expect(b.score).toBeGreaterThanOrEqual(a.score);
      expect(b.breakdown.budget).toBeGreaterThanOrEqual(a.breakdown.budget);
    }
  });

  it('a fitting budget never scores below naming none, and fuller, fresher engagement never scores lower', () => {
    const rng = new Random('scoring-engagement');
    for (let i = 0; i < 300; i++) {
      const weights = randomWeights(rng);
      const days = rng.next() * 90;
      const lead = { ...randomLead(rng), lastActivityAt: daysBefore(days) };
      const range = lead.priceRangeMinor ?? [200_000, 200_000];
      const fits = scoreLead({ ...lead, budgetMinor: range[1] }, weights, AS_OF).score;
      expect(fits).toBeGreaterThanOrEqual(scoreLead({ ...lead, budgetMinor: null }, weights, AS_OF).score);
      const base = scoreLead(lead, weights, AS_OF).breakdown.engagement;
      const more = { ...lead, activityCount: lead.activityCount + 1 };
      expect(scoreLead(more, weights, AS_OF).breakdown.engagement).toBeGreaterThanOrEqual(base);
      const fresher = { ...lead, lastActivityAt: daysBefore(days * rng.next()) };
      expect(scoreLead(fresher, weights, AS_OF).breakdown.engagement).toBeGreaterThanOrEqual(base);
    }
  });

  it('engagement halves every half-life', () => {
    const lead: ScoringLead = {
      ...randomLead(new Random('x')),
      activityCount: 5,
      lastActivityAt: daysBefore(28),
    };
    const weights = { ...W, points: { ...W.points, engagement: 40, budget: 0 } };
    // 40 × ½^(28/14) = 10; with a 28-day half-life, 40 × ½ = 20.
    expect(scoreLead(lead, weights, AS_OF).breakdown.engagement).toBe(10);
    const slower = { ...weights, engagement: { halfLifeDays: 28, fullTouches: 5 } };
    expect(scoreLead(lead, slower, AS_OF).breakdown.engagement).toBe(20);
  });
});

describe('batch scorer', () => {
  it('gives the same score and breakdown as scoreLead, reusing one encoded lead and one buffer', () => {
    const rng = new Random('scoring-batch');
    const encoded = newEncodedLead();
    const points = new Uint8Array(7 * 4);
    for (let w = 0; w < 20; w++) {
      const weights = w === 0 ? W : randomWeights(rng);
      const rules = compileRules(weights, AS_OF);
      for (let i = 0; i < 100; i++) {
        const lead = randomLead(rng);
        const slot = (i % 4) * 7;
        const score = rules(encodeLead(lead, encoded), points, slot);
        const expected = scoreLead(lead, weights, AS_OF);
        expect(score).toBe(expected.score);
        expect(breakdownAt(points, slot)).toEqual(expected.breakdown);
        expect(rules(encoded)).toBe(score); // without a breakdown buffer
      }
    }
  });

  it('takes the instant as epoch ms too, and rejects values outside the vocabulary', () => {
    const lead = randomLead(new Random('ms'));
    const rules = compileRules(W, Date.parse(AS_OF));
    expect(rules(encodeLead(lead, newEncodedLead()))).toBe(scoreLead(lead, W, AS_OF).score);
    expect(() => encodeLead({ ...lead, channel: 'fax' as never }, newEncodedLead())).toThrow('Unknown channel "fax"');
  });
});

describe('parseInstant: the batch scorer reads instants without Date.parse', () => {
  it('gives exactly what Date.parse gives, for the instants the app stores and for anything else', () => {
    const rng = new Random('instants');
    const samples: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const iso = new Date(Math.floor(rng.next() * 4e12) - 1e12).toISOString(); // 1938…2096
      samples.push(iso, iso.replace(/\.\d{3}Z$/, 'Z'));
    }
    samples.push(
      '2024-02-29T23:59:59Z',
      '2000-02-29T00:00:00.000Z',
      '1900-02-28T12:00:00Z',
      '0000-03-01T00:00:00.000Z',
      '0099-12-31T23:59:59.999Z',
      '2023-02-29T00:00:00Z',
      '2026-02-30T10:00:00.000Z',
      '2026-04-31T10:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-11-19T24:00:00.000Z',
      '2026-11-19T10:60:00Z',
      '2026-11-19T10:00:60Z',
      '2026-11-19T10:00:00.5Z',
      '2026-11-19T10:00:00.000+01:00',
      '2026-11-19 10:00:00',
      '2026-11-19',
      '+002026-11-19T10:00:00.000Z',
      '2026-1a-19T10:00:00Z',
      '2026-11-19T10:00:00.00aZ',
      'garbage',
      '',
    );
    for (const s of samples) expect(parseInstant(s), s).toBe(Date.parse(s));
  });
});

describe('bands', () => {
  it('cuts at 40, 70 and 95', () => {
    expect([0, 39, 40, 69, 70, 94, 95, 100].map(bandOf)).toEqual([
      'cold',
      'cold',
      'warm',
      'warm',
      'hot',
      'hot',
      'priority',
      'priority',
    ]);
    expect(bandCounts(Int16Array.from([10, 45, 45, 80, 99]))).toEqual({ cold: 1, warm: 2, hot: 1, priority: 1 });
  });

  it('counts the leads that move between bands for the live preview', () => {
    const before = [10, 39, 45, 69, 80, 96];
    const after = [12, 41, 45, 70, 94, 94];
    // 10→12 stays cold; 39→41 cold→warm (up); 45 stays; 69→70 warm→hot (up); 80→94 stays hot; 96→94 priority→hot (down).
    const moves = bandMoves(before, after);
    expect(moves).toMatchObject({ moved: 3, up: 2, down: 1 });
    expect(moves.matrix).toEqual([
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 1, 0],
    ]);
    expect(() => bandMoves([1], [])).toThrow();
  });

  it('previews a weights change over random leads with the batch scorer', () => {
    const rng = new Random('preview');
    const leads = Array.from({ length: 400 }, () => randomLead(rng));
    const encoded = newEncodedLead();
    const scoreAll = (weights: ScoringWeights) => {
      const rules = compileRules(weights, AS_OF);
      return Uint8Array.from(leads, (l) => rules(encodeLead(l, encoded)));
    };
    const same = bandMoves(scoreAll(W), scoreAll(W));
    expect(same.moved).toBe(0);
    // Everything on engagement: quiet leads fall to cold, fresh busy ones climb.
    const engaged = {
      ...W,
      points: { budget: 0, timeline: 0, authority: 0, need: 0, vertical: 0, channel: 0, engagement: 100 },
    };
    const moves = bandMoves(scoreAll(W), scoreAll(engaged));
    expect(moves.moved).toBe(moves.up + moves.down);
    expect(moves.matrix.flat().reduce((a, b) => a + b, 0)).toBe(400);
    expect(moves.down).toBeGreaterThan(0);
  });
});

describe('weights schema', () => {
  it('accepts the defaults', () => {
    expect(scoringWeightsSchema.parse(DEFAULT_SCORING_WEIGHTS)).toEqual(DEFAULT_SCORING_WEIGHTS);
    expect(SCORE_FACTORS.reduce((s, f) => s + DEFAULT_SCORING_WEIGHTS.points[f], 0)).toBe(100);
  });

  it('says how far the points are from 100', () => {
    const r = scoringWeightsSchema.safeParse({ ...W, points: { ...W.points, budget: 20 } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(
      'The factor points must add up to exactly 100; they add up to 95 (add 5).',
    );
    const over = scoringWeightsSchema.safeParse({ ...W, points: { ...W.points, budget: 30 } });
    expect(over.error!.issues[0]!.message).toContain('remove 5');
  });

  it('rejects negative or fractional points, shares outside 0–1, missing options and unknown keys', () => {
    const messages = (w: unknown) => scoringWeightsSchema.safeParse(w).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ ...W, points: { ...W.points, budget: -5, need: 45 } })).toContain(
      'Points for budget cannot be negative.',
    );
    expect(messages({ ...W, points: { ...W.points, budget: 24.5, need: 15.5 } })).toContain(
      'Points for budget must be a whole number.',
    );
    expect(messages({ ...W, channel: { ...W.channel, sms: 1.5 } })).toContain(
      'The channel share for "sms" cannot be above 1 (all of the factor\'s points).',
    );
    const { later: _, ...noLater } = W.timeline;
    expect(messages({ ...W, timeline: noLater })).toContain(
      'The timeline share for "later" must be a number from 0 to 1.',
    );
    expect(messages({ ...W, extra: 1 }).length).toBe(1);
    expect(messages({ ...W, engagement: { halfLifeDays: 0, fullTouches: 5 } })).toContain(
      'The engagement half-life is at least 1 day.',
    );
  });
});
