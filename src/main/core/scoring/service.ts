/**
 * Scoring wired to the workspace: weights from the settings, the learned model
 * from `scoring_models`, and the batch that rescores every lead in chunks —
 * each chunk one transaction, the worker free between chunks (pings, other
 * calls), progress reported and cancellable. Scores are derived data: a
 * cancelled run leaves the chunks it finished rescored and the rest as they were.
 */

import { LEAD_CHANNELS, type Tier, VERTICALS } from '../../../shared/domain';
import type { ModelInfo, ScoringPreview } from '../../../shared/leads';
import { AppFailure } from '../../../shared/result';
import {
  AUTHORITIES,
  DEFAULT_SCORING_WEIGHTS,
  NEEDS,
  OPPORTUNITY_SCORE,
  SCORE_FACTORS,
  type ScoringWeights,
  scoringWeightsSchema,
  TIER_PRICE_RANGES_USD_MINOR,
  TIMELINES,
} from '../../../shared/scoring';
import { reconcileAlerts } from '../alerts/reconcile';
import type { Sqlite } from '../db/client';
import { convertMinor, type RateTable } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import type { JobControl } from '../jobs/runner';
import { compileModel, evaluate, explain, type ModelExample, trainModel, updateModel, type WinModel } from './model';
import { bandCounts, bandMoves, compileRules, type EncodedLead, newEncodedLead } from './rules';

// ---------- weights ----------

export function loadWeights(sqlite: Sqlite): ScoringWeights {
  const row = sqlite.prepare('SELECT scoring_weights AS w FROM workspace_settings WHERE id = 1').get() as
    | { w: string | null }
    | undefined;
  if (!row?.w) return DEFAULT_SCORING_WEIGHTS;
  const parsed = scoringWeightsSchema.safeParse(JSON.parse(row.w));
  return parsed.success ? parsed.data : DEFAULT_SCORING_WEIGHTS;
}

export function saveWeights(sqlite: Sqlite, weights: ScoringWeights | null): void {
  sqlite
    .prepare('UPDATE workspace_settings SET scoring_weights = ? WHERE id = 1')
    .run(weights === null ? null : JSON.stringify(weights));
}

// ---------- reading leads as the engines see them ----------

/** Columns of a lead the scorer and the model read, in this order (raw rows). */
const LEAD_FIELDS = `id, tier, budget_minor, currency, timeline, authority, need, vertical, channel, hub_id,
  activity_count, last_activity_at, created_at, service_id, stage`;
type RawLead = [
  number,
  Tier,
  number | null,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  number | null,
  number,
  string | null,
  string,
  number | null,
  string,
];

const codes = (list: readonly string[]) => new Map(list.map((v, i) => [v, i]));
const TIMELINE = codes(TIMELINES);
const AUTHORITY = codes(AUTHORITIES);
const NEED = codes(NEEDS);
const VERTICAL = codes(VERTICALS);
const CHANNEL = codes(LEAD_CHANNELS);

interface PriceRanges {
  /** service id → tier → [currency, min, max] */
  byService: Map<number, [string, number, number][]>;
  rates: RateTable;
}

function priceRanges(sqlite: Sqlite): PriceRanges {
  const rows = sqlite
    .prepare(
      'SELECT id, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor, t3_min_minor, t3_max_minor FROM services',
    )
    .raw()
    .all() as [number, string, number, number, number, number, number, number][];
  return {
    byService: new Map(
      rows.map((r) => [
        r[0],
        [
          [r[1], r[2], r[3]],
          [r[1], r[4], r[5]],
          [r[1], r[6], r[7]],
        ],
      ]),
    ),
    rates: loadConverter(sqlite).table,
  };
}

/**
 * Fills an encoded lead from a raw row. The budget is judged against the quoted
 * service's range at the lead's tier (else the tier's default range, in USD),
 * converted into that range's currency at the lead's date; a budget that cannot
 * be converted (no rate) counts as not given.
 */
function encodeRow(row: RawLead, ranges: PriceRanges, into: EncodedLead): EncodedLead {
  const [
    ,
    tier,
    budget,
    currency,
    timeline,
    authority,
    need,
    vertical,
    channel,
    hub,
    touches,
    lastActivity,
    created,
    service,
  ] = row;
  const range = service === null ? undefined : ranges.byService.get(service)?.[tier - 1];
  const [rangeCurrency, min, max] = range ?? ['USD', ...TIER_PRICE_RANGES_USD_MINOR[tier]];
  into.tier = tier;
  into.budget =
    budget === null
      ? Number.NaN
      : currency === rangeCurrency
        ? budget
        : (convertMinor(ranges.rates, budget, currency, rangeCurrency, created.slice(0, 10)) ?? Number.NaN);
  into.priceMin = min;
  into.priceMax = max;
  into.timeline = timeline === null ? TIMELINES.length : (TIMELINE.get(timeline) ?? TIMELINES.length);
  into.authority = authority === null ? AUTHORITIES.length : (AUTHORITY.get(authority) ?? AUTHORITIES.length);
  into.need = need === null ? NEEDS.length : (NEED.get(need) ?? NEEDS.length);
  into.vertical = VERTICAL.get(vertical) ?? VERTICAL.get('other')!;
  into.channel = CHANNEL.get(channel) ?? CHANNEL.get('email')!;
  into.hub = hub ?? 0;
  into.activityCount = touches;
  into.lastActivityMs = lastActivity === null ? Number.NaN : Date.parse(lastActivity);
  return into;
}

/** A closed lead as a training example (the model reads the same encoded fields). */
function exampleOf(row: RawLead, ranges: PriceRanges): ModelExample {
  const e = encodeRow(row, ranges, newEncodedLead());
  return {
    id: row[0],
    won: row[14] === 'won',
    tier: row[1],
    budgetMinor: Number.isNaN(e.budget) ? null : e.budget,
    priceRangeMinor: [e.priceMin, e.priceMax],
    timeline: TIMELINES[e.timeline] ?? null,
    authority: AUTHORITIES[e.authority] ?? null,
    need: NEEDS[e.need] ?? null,
    vertical: VERTICALS[e.vertical]!,
    channel: LEAD_CHANNELS[e.channel]!,
    hubId: row[9],
  };
}

// ---------- the model ----------

export function latestModel(sqlite: Sqlite): { model: WinModel; info: ModelInfo } | null {
  const row = sqlite
    .prepare('SELECT trained_at, model, quality, examples FROM scoring_models ORDER BY id DESC LIMIT 1')
    .get() as { trained_at: string; model: string; quality: string; examples: number } | undefined;
  if (!row) return null;
  return {
    model: JSON.parse(row.model) as WinModel,
    info: { trainedAt: row.trained_at, examples: row.examples, quality: JSON.parse(row.quality) },
  };
}

/** Retrains on every closed lead and measures the model on the held-out ones. */
export function retrain(sqlite: Sqlite, at: string): { model: WinModel; info: ModelInfo } {
  const ranges = priceRanges(sqlite);
  const rows = sqlite
    .prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE stage IN ('won', 'lost')`)
    .raw()
    .all() as RawLead[];
  const examples = rows.map((r) => exampleOf(r, ranges));
  const model = trainModel(examples);
  const quality = evaluate(examples);
  sqlite
    .prepare('INSERT INTO scoring_models (trained_at, model, quality, examples) VALUES (?, ?, ?, ?)')
    .run(at, JSON.stringify(model), JSON.stringify(quality), examples.length);
  return { model, info: { trainedAt: at, examples: examples.length, quality } };
}

function modelOrTrain(sqlite: Sqlite, at: string): WinModel {
  return (latestModel(sqlite) ?? retrain(sqlite, at)).model;
}

// ---------- scoring ----------

const UPDATE_SCORE = 'UPDATE leads SET score = ?, score_breakdown = ?, win_probability = ?, scored_at = ? WHERE id = ?';

interface Scorer {
  score(row: RawLead): { score: number; breakdown: string; probability: number };
}

function scorer(sqlite: Sqlite, asOf: string, at: string, weights = loadWeights(sqlite)): Scorer {
  const ranges = priceRanges(sqlite);
  const rules = compileRules(weights, asOf);
  const model = compileModel(modelOrTrain(sqlite, at));
  const lead = newEncodedLead();
  const points = new Uint8Array(SCORE_FACTORS.length);
  return {
    score(row) {
      encodeRow(row, ranges, lead);
      const score = rules(lead, points, 0);
      // The breakdown as points in SCORE_FACTORS order: small to store, cheap to write.
      return { score, breakdown: `[${points.join(',')}]`, probability: model(lead) };
    },
  };
}

/** Rescores some leads now (after a lead changes), inside the caller's transaction. */
export function rescoreLeads(sqlite: Sqlite, ids: readonly number[], asOf: string, at: string): void {
  if (ids.length === 0) return;
  const s = scorer(sqlite, asOf, at);
  const read = sqlite.prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE id = ?`).raw();
  const write = sqlite.prepare(UPDATE_SCORE);
  for (const id of ids) {
    const row = read.get(id) as RawLead | undefined;
    if (!row) continue;
    const r = s.score(row);
    write.run(r.score, r.breakdown, r.probability, at, id);
  }
  syncLeadAlerts(sqlite, at);
}

/** Small enough that one chunk keeps the worker busy for well under the 50 ms ping bound. */
export const RESCORE_CHUNK = 2_000;

export interface RescoreResult {
  leads: number;
  bands: Record<'cold' | 'warm' | 'hot' | 'priority', number>;
  model: ModelInfo;
}

/**
 * Rescores every lead: retrains the model first when asked, then walks the
 * leads by id in chunks, one transaction each, yielding between chunks.
 */
export async function rescoreAll(
  sqlite: Sqlite,
  options: { asOf: string; at: string; retrain: boolean },
  job?: JobControl,
): Promise<RescoreResult> {
  const info = options.retrain
    ? sqlite.transaction(() => retrain(sqlite, options.at).info).immediate()
    : (latestModel(sqlite)?.info ?? sqlite.transaction(() => retrain(sqlite, options.at).info).immediate());
  const s = scorer(sqlite, options.asOf, options.at);
  const total = (sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  const read = sqlite.prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE id > ? ORDER BY id LIMIT ${RESCORE_CHUNK}`).raw();
  const write = sqlite.prepare(UPDATE_SCORE);
  const scores = new Uint8Array(total);
  let done = 0;
  let lastId = 0;
  job?.progress(0, total, 'scoring');
  for (;;) {
    const rows = read.all(lastId) as RawLead[];
    if (rows.length === 0) break;
    sqlite
      .transaction(() => {
        for (const row of rows) {
          const r = s.score(row);
          write.run(r.score, r.breakdown, r.probability, options.at, row[0]);
          if (done < total) scores[done] = r.score;
          done++;
        }
      })
      .immediate();
    lastId = rows[rows.length - 1]![0];
    job?.progress(Math.min(done, total), total, 'scoring');
    if (job) await job.checkpoint();
  }
  sqlite.transaction(() => syncLeadAlerts(sqlite, options.at)).immediate();
  return { leads: done, bands: bandCounts(scores.subarray(0, Math.min(done, total))), model: info };
}

/** How many leads would change band under other weights (all leads, or an evenly spread sample of 100k). */
export function previewWeights(sqlite: Sqlite, weights: ScoringWeights, asOf: string, at: string): ScoringPreview {
  const total = (sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  const step = Math.max(1, Math.ceil(total / 100_000));
  const rows = sqlite
    .prepare(`SELECT ${LEAD_FIELDS}, score FROM leads WHERE id % ? = 0 ORDER BY id`)
    .raw()
    .all(step) as (RawLead | [...RawLead, number | null])[];
  const current = scorer(sqlite, asOf, at);
  const next = scorer(sqlite, asOf, at, weights);
  const before = new Uint8Array(rows.length);
  const after = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    before[i] = current.score(row as RawLead).score;
    after[i] = next.score(row as RawLead).score;
  });
  const moves = bandMoves(before, after);
  return {
    sampled: step > 1,
    leads: rows.length,
    moved: moves.moved,
    up: moves.up,
    down: moves.down,
    before: bandCounts(before),
    after: bandCounts(after),
  };
}

// ---------- the OPPORTUNITY alert ----------

/** One OPPORTUNITY alert per open lead at ≥ 95 ("assign the top closer"); resolved when it drops or closes. */
export function syncLeadAlerts(sqlite: Sqlite, at: string): void {
  const hot = sqlite
    .prepare(`SELECT id, company, score FROM leads WHERE score >= ? AND stage NOT IN ('won', 'lost')`)
    .all(OPPORTUNITY_SCORE) as { id: number; company: string; score: number }[];
  reconcileAlerts(
    sqlite,
    ['lead_priority'],
    hot.map((h) => ({
      priority: 'OPPORTUNITY',
      rule: 'lead_priority',
      entity: 'lead',
      entityId: h.id,
      params: { company: h.company, score: h.score },
    })),
    at,
  );
}

export function assertWeights(weights: unknown): ScoringWeights {
  const parsed = scoringWeightsSchema.safeParse(weights);
  if (!parsed.success) throw new AppFailure('BAD_REQUEST', parsed.error.issues[0]!.message, 'weights');
  return parsed.data;
}

/** A lead was won or lost: the model learns from it at once (counts add up, so this equals a retrain). */
export function learnFrom(sqlite: Sqlite, leadId: number, at: string): void {
  const latest = sqlite.prepare('SELECT id, model FROM scoring_models ORDER BY id DESC LIMIT 1').get() as
    | { id: number; model: string }
    | undefined;
  if (!latest) {
    retrain(sqlite, at);
    return;
  }
  const row = sqlite.prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE id = ?`).raw().get(leadId) as RawLead | undefined;
  if (!row || (row[14] !== 'won' && row[14] !== 'lost')) return;
  const model = updateModel(JSON.parse(latest.model) as WinModel, exampleOf(row, priceRanges(sqlite)));
  sqlite
    .prepare('UPDATE scoring_models SET model = ?, examples = examples + 1 WHERE id = ?')
    .run(JSON.stringify(model), latest.id);
}

/** The model's explanation of one lead's probability. */
export function explainLead(sqlite: Sqlite, leadId: number) {
  const latest = latestModel(sqlite);
  const row = sqlite.prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE id = ?`).raw().get(leadId) as RawLead | undefined;
  if (!latest || !row) return null;
  return explain(latest.model, exampleOf(row, priceRanges(sqlite)));
}

/** Trains the model and scores every lead inside the caller's transaction (the demo generator). */
export function scoreAllNow(sqlite: Sqlite, asOf: string, at: string): void {
  retrain(sqlite, at);
  const s = scorer(sqlite, asOf, at);
  const write = sqlite.prepare(UPDATE_SCORE);
  // Chunks by id: a statement cannot write while another one is still iterating.
  const read = sqlite.prepare(`SELECT ${LEAD_FIELDS} FROM leads WHERE id > ? ORDER BY id LIMIT ${RESCORE_CHUNK}`).raw();
  for (let rows = read.all(0) as RawLead[]; rows.length > 0; rows = read.all(rows[rows.length - 1]![0]) as RawLead[])
    for (const row of rows) {
      const r = s.score(row);
      write.run(r.score, r.breakdown, r.probability, at, row[0]);
    }
  syncLeadAlerts(sqlite, at);
}
