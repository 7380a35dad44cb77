/**
 * The scoring oracle of the bulk-scoring tests and the bench: a lead's score,
 * breakdown and stored probability recomputed by the readable engines
 * (scoreLead, predict) from its plain row, the budget converted by hand —
 * independent of the bulk scorer's packed reads and compiled engines.
 */
import type { Sqlite } from '../src/main/core/db/client';
import { convertMinor } from '../src/main/core/fx/engine';
import { loadConverter } from '../src/main/core/fx/repo';
import { predict, type WinModel } from '../src/main/core/scoring/model';
import { type ScoringLead, scoreLead } from '../src/main/core/scoring/rules';
import { latestModel, loadWeights } from '../src/main/core/scoring/service';
import { LEAD_CHANNELS, VERTICALS } from '../src/shared/domain';
import { AUTHORITIES, NEEDS, SCORE_FACTORS, TIER_PRICE_RANGES_USD_MINOR, TIMELINES } from '../src/shared/scoring';

/** A lead as `SELECT * FROM leads` gives it (the columns scoring reads and writes). */
export interface LeadRow {
  id: number;
  tier: 1 | 2 | 3;
  budget_minor: number | null;
  currency: string;
  timeline: string | null;
  authority: string | null;
  need: string | null;
  vertical: string;
  channel: string;
  hub_id: number | null;
  activity_count: number;
  last_activity_at: string | null;
  created_at: string;
  service_id: number | null;
  score: number | null;
  score_breakdown: string | null;
  win_probability: number | null;
  scored_at: string | null;
}

export interface StoredScore {
  score: number | null;
  breakdown: string | null;
  probability: number | null;
}

const known = <T extends string>(list: readonly T[], value: string | null): T | null =>
  list.includes(value as T) ? (value as T) : null;

/** A plain row as the readable engines take it; values outside the vocabulary count as unknown. */
export function engineInputs(sqlite: Sqlite): (r: LeadRow) => ScoringLead {
  const rates = loadConverter(sqlite).table;
  const services = new Map(
    (
      sqlite
        .prepare(
          'SELECT id, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor, t3_min_minor, t3_max_minor FROM services',
        )
        .raw()
        .all() as [number, string, ...number[]][]
    ).map((r) => [r[0], r]),
  );
  return (r) => {
    const service = r.service_id === null ? undefined : services.get(r.service_id);
    const [rangeCurrency, min, max] = service
      ? [service[1], service[2 * r.tier] as number, service[2 * r.tier + 1] as number]
      : ['USD', ...TIER_PRICE_RANGES_USD_MINOR[r.tier]];
    const budget =
      r.budget_minor === null || r.currency === rangeCurrency
        ? r.budget_minor
        : convertMinor(rates, r.budget_minor, r.currency, rangeCurrency, r.created_at.slice(0, 10));
    return {
      tier: r.tier,
      budgetMinor: budget,
      priceRangeMinor: [min, max],
      timeline: known(TIMELINES, r.timeline),
      authority: known(AUTHORITIES, r.authority),
      need: known(NEEDS, r.need),
      vertical: known(VERTICALS, r.vertical) ?? 'other',
      channel: known(LEAD_CHANNELS, r.channel) ?? 'email',
      activityCount: r.activity_count,
      lastActivityAt: r.last_activity_at,
    };
  };
}

/** The exact (unrounded) win probability a model gives a plain row. */
export function exactProbability(model: WinModel, lead: ScoringLead, r: LeadRow): number {
  return predict(model, { ...lead, hubId: r.hub_id });
}

/** What the workspace's weights and latest model say a lead's stored values should be, as of `asOf`. */
export function expectedScores(sqlite: Sqlite, asOf: string): (r: LeadRow) => StoredScore {
  const weights = loadWeights(sqlite);
  const model = latestModel(sqlite)!.model;
  const asLead = engineInputs(sqlite);
  return (r) => {
    const lead = asLead(r);
    const expected = scoreLead(lead, weights, asOf);
    return {
      score: expected.score,
      // The points, then the maxima they were made under.
      breakdown: JSON.stringify([
        ...SCORE_FACTORS.map((f) => expected.breakdown[f]),
        ...SCORE_FACTORS.map((f) => weights.points[f]),
      ]),
      // Stored to 4 decimals.
      probability: Math.round(exactProbability(model, lead, r) * 10_000) / 10_000,
    };
  };
}

export const storedScore = (r: LeadRow): StoredScore => ({
  score: r.score,
  breakdown: r.score_breakdown,
  probability: r.win_probability,
});
