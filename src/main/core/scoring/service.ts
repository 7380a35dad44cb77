/**
 * Scoring wired to the workspace: weights from the settings, the learned model
 * from `scoring_models`, and the batch that rescores every lead in chunks —
 * each chunk one transaction, the worker free between chunks (pings, other
 * calls), progress reported and cancellable. Scores are derived data: a
 * cancelled run leaves the chunks it finished rescored and the rest as they were.
 */

import type { Statement } from 'better-sqlite3';
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
  storedProbability,
  TIER_PRICE_RANGES_USD_MINOR,
  TIMELINES,
} from '../../../shared/scoring';
import { reconcileAlerts } from '../alerts/reconcile';
import type { Sqlite } from '../db/client';
import { convertMinor, type RateTable } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import type { JobControl } from '../jobs/runner';
import {
  compileModel,
  explain,
  HeldOutEvaluator,
  ModelCounter,
  type ModelExample,
  updateModel,
  type WinModel,
} from './model';
import { bandCounts, bandMoves, compileRules, type EncodedLead, newEncodedLead, parseInstant } from './rules';

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

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** SQL: the index of `column`'s value in `list`, `otherwise` for NULL or any other value. */
const codeSql = (column: string, list: readonly string[], otherwise: number) =>
  `CASE ${column} ${list.map((v, i) => `WHEN ${sqlText(v)} THEN ${i}`).join(' ')} ELSE ${otherwise} END`;

const OTHER_VERTICAL = VERTICALS.indexOf('other');
const EMAIL_CHANNEL = LEAD_CHANNELS.indexOf('email');

interface Bits {
  shift: number;
  mask: number;
}

/** Packs integer SQL expressions, each with `values` values (0…values − 1), into one: its SQL, and each one's bits. */
function pack(parts: readonly { sql: string; values: number }[]): { sql: string; bits: Bits[] } {
  let shift = 0;
  const bits = parts.map((part) => {
    const width = Math.ceil(Math.log2(part.values));
    const at = { shift, mask: 2 ** width - 1 };
    shift += width;
    return at;
  });
  return { sql: parts.map((part, i) => `(${part.sql}) * ${2 ** bits[i]!.shift}`).join(' + '), bits };
}

/**
 * The lead's categorical fields as one integer that SQLite computes (a number
 * costs far less to hand over to JavaScript than five strings): the tier (1–3,
 * else 0), then EncodedLead's codes — timeline, authority and need (the list's
 * length when empty or unknown), vertical (else 'other'), channel (else 'email').
 */
const CATEGORIES = pack([
  { sql: 'CASE WHEN tier IN (1, 2, 3) THEN tier ELSE 0 END', values: 4 },
  { sql: codeSql('timeline', TIMELINES, TIMELINES.length), values: TIMELINES.length + 1 },
  { sql: codeSql('authority', AUTHORITIES, AUTHORITIES.length), values: AUTHORITIES.length + 1 },
  { sql: codeSql('need', NEEDS, NEEDS.length), values: NEEDS.length + 1 },
  { sql: codeSql('vertical', VERTICALS, OTHER_VERTICAL), values: VERTICALS.length },
  { sql: codeSql('channel', LEAD_CHANNELS, EMAIL_CHANNEL), values: LEAD_CHANNELS.length },
]);
const TIER_BITS = CATEGORIES.bits[0]!;
const TIMELINE_BITS = CATEGORIES.bits[1]!;
const AUTHORITY_BITS = CATEGORIES.bits[2]!;
const NEED_BITS = CATEGORIES.bits[3]!;
const VERTICAL_BITS = CATEGORIES.bits[4]!;
const CHANNEL_BITS = CATEGORIES.bits[5]!;

/**
 * What the scorer reads of a lead, in this order (raw rows): id, the packed
 * categories, budget, hub, touches, last touch, service, and — only when the
 * budget must be converted into its price range's currency — the lead's
 * currency and creation instant (else NULL, so most rows carry two strings fewer).
 */
type ScoreFields = [
  id: number,
  categories: number,
  budget: number | null,
  hub: number | null,
  touches: number,
  lastActivity: string | null,
  service: number | null,
  convertFrom: string | null,
  convertAt: string | null,
];
/** A row that starts with the scorer's fields (more columns may follow). */
type ScoreInput = [...ScoreFields, ...unknown[]];
type RawLead = [...ScoreFields, stage: string];

type PriceRange = readonly [currency: string, min: number, max: number];
/** Per tier (index tier − 1): the tier's default range, in USD. */
const DEFAULT_RANGES: readonly PriceRange[] = ([1, 2, 3] as const).map((t) => [
  'USD',
  ...TIER_PRICE_RANGES_USD_MINOR[t],
]);

interface PriceRanges {
  /** service id → per tier (index tier − 1): [currency, min, max] */
  byService: Map<number, PriceRange[]>;
  rates: RateTable;
  /** The SELECT list of ScoreFields (the currency test needs the services' currencies). */
  fields: string;
}

function priceRanges(sqlite: Sqlite): PriceRanges {
  const rows = sqlite
    .prepare(
      'SELECT id, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor, t3_min_minor, t3_max_minor FROM services',
    )
    .raw()
    .all() as [number, string, number, number, number, number, number, number][];
  // The currency of the range a lead's budget is judged against: its service's, else the default ranges'.
  const fallback = DEFAULT_RANGES[0]![0];
  const others = rows.filter((r) => r[1] !== fallback);
  const rangeCurrency =
    others.length === 0
      ? sqlText(fallback)
      : `CASE service_id ${others.map((r) => `WHEN ${r[0]} THEN ${sqlText(r[1])}`).join(' ')} ELSE ${sqlText(fallback)} END`;
  const convert = `budget_minor IS NOT NULL AND currency <> ${rangeCurrency}`;
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
    fields: `id, ${CATEGORIES.sql}, budget_minor, hub_id, activity_count,
      last_activity_at, service_id, iif(${convert}, currency, NULL), iif(${convert}, created_at, NULL)`,
  };
}

/**
 * Fills an encoded lead from a raw row. The budget is judged against the quoted
 * service's range at the lead's tier (else the tier's default range, in USD),
 * converted into that range's currency at the lead's date; a budget that cannot
 * be converted (no rate) counts as not given.
 */
function encodeRow(row: ScoreInput, ranges: PriceRanges, into: EncodedLead): EncodedLead {
  const categories = row[1];
  const tier = categories & TIER_BITS.mask;
  const service = row[6];
  const [rangeCurrency, min, max] =
    (service === null ? undefined : ranges.byService.get(service)?.[tier - 1]) ?? DEFAULT_RANGES[tier - 1]!;
  const budget = row[2];
  const convertFrom = row[7];
  const lastActivity = row[5];
  into.tier = tier;
  into.budget =
    budget === null
      ? Number.NaN
      : convertFrom === null
        ? budget
        : (convertMinor(ranges.rates, budget, convertFrom, rangeCurrency, row[8]!.slice(0, 10)) ?? Number.NaN);
  into.priceMin = min;
  into.priceMax = max;
  into.timeline = (categories >>> TIMELINE_BITS.shift) & TIMELINE_BITS.mask;
  into.authority = (categories >>> AUTHORITY_BITS.shift) & AUTHORITY_BITS.mask;
  into.need = (categories >>> NEED_BITS.shift) & NEED_BITS.mask;
  into.vertical = (categories >>> VERTICAL_BITS.shift) & VERTICAL_BITS.mask;
  into.channel = (categories >>> CHANNEL_BITS.shift) & CHANNEL_BITS.mask;
  into.hub = row[3] ?? 0;
  into.activityCount = row[4];
  into.lastActivityMs = lastActivity === null ? Number.NaN : parseInstant(lastActivity);
  return into;
}

/** A closed lead as a training example (the model reads the same encoded fields). */
function exampleOf(row: RawLead, ranges: PriceRanges): ModelExample {
  const e = encodeRow(row, ranges, newEncodedLead());
  return {
    id: row[0],
    won: row[9] === 'won',
    tier: e.tier as Tier,
    budgetMinor: Number.isNaN(e.budget) ? null : e.budget,
    priceRangeMinor: [e.priceMin, e.priceMax],
    timeline: TIMELINES[e.timeline] ?? null,
    authority: AUTHORITIES[e.authority] ?? null,
    need: NEEDS[e.need] ?? null,
    vertical: VERTICALS[e.vertical]!,
    channel: LEAD_CHANNELS[e.channel]!,
    hubId: row[3],
  };
}

/** One lead as the model sees it, and its stage; null when there is no such lead. */
function leadExample(sqlite: Sqlite, leadId: number): { example: ModelExample; stage: string } | null {
  const ranges = priceRanges(sqlite);
  const row = sqlite.prepare(`SELECT ${ranges.fields}, stage FROM leads WHERE id = ?`).raw().get(leadId) as
    | RawLead
    | undefined;
  return row ? { example: exampleOf(row, ranges), stage: row[9] } : null;
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
    .prepare(`SELECT ${ranges.fields}, stage FROM leads WHERE stage IN ('won', 'lost') ORDER BY id`)
    .raw()
    .iterate() as IterableIterator<RawLead>;
  // Counted from the codes the scorer reads (the batch forms of trainModel and evaluate): ~1M leads at the massive profile.
  const all = new ModelCounter();
  const heldOut = new HeldOutEvaluator();
  const lead = newEncodedLead();
  let examples = 0;
  for (const row of rows) {
    encodeRow(row, ranges, lead);
    const won = row[9] === 'won';
    all.add(lead, won);
    heldOut.add(row[0], lead, won);
    examples++;
  }
  const model = all.model();
  const quality = heldOut.quality();
  sqlite
    .prepare('INSERT INTO scoring_models (trained_at, model, quality, examples) VALUES (?, ?, ?, ?)')
    .run(at, JSON.stringify(model), JSON.stringify(quality), examples);
  return { model, info: { trainedAt: at, examples, quality } };
}

function modelOrTrain(sqlite: Sqlite, at: string): WinModel {
  return (latestModel(sqlite) ?? retrain(sqlite, at)).model;
}

// ---------- scoring ----------

/** Columns the scorer writes, as bits: which of them a rescore changed. */
const SCORE = 1;
const BREAKDOWN = 2;
const PROBABILITY = 4;
const ALL = SCORE | BREAKDOWN | PROBABILITY;

/** One UPDATE per set of changed columns: an index is maintained only when its column is written. */
function scoreWriter(sqlite: Sqlite): (changed: number, id: number, s: Scorer, at: string) => void {
  const statements: (Statement | undefined)[] = [];
  const statement = (changed: number) => {
    let st = statements[changed];
    if (!st) {
      const set = [
        changed & SCORE ? 'score = ?' : '',
        changed & BREAKDOWN ? 'score_breakdown = ?' : '',
        changed & PROBABILITY ? 'win_probability = ?' : '',
        'scored_at = ?',
      ];
      st = sqlite.prepare(`UPDATE leads SET ${set.filter(Boolean).join(', ')} WHERE id = ?`);
      statements[changed] = st;
    }
    return st;
  };
  return (changed, id, s, at) => {
    const st = statement(changed);
    switch (changed) {
      case SCORE:
        st.run(s.score, at, id);
        break;
      case BREAKDOWN:
        st.run(s.breakdown, at, id);
        break;
      case PROBABILITY:
        st.run(s.probability, at, id);
        break;
      case SCORE | BREAKDOWN:
        st.run(s.score, s.breakdown, at, id);
        break;
      case SCORE | PROBABILITY:
        st.run(s.score, s.probability, at, id);
        break;
      case BREAKDOWN | PROBABILITY:
        st.run(s.breakdown, s.probability, at, id);
        break;
      default:
        st.run(s.score, s.breakdown, s.probability, at, id);
    }
  };
}

/** Scores raw rows one at a time; the results stay in `score`, `breakdown` and `probability` until the next row. */
interface Scorer {
  /** The SELECT list of the rows `run` takes. */
  fields: string;
  run(row: ScoreInput): void;
  score: number;
  /** The points in SCORE_FACTORS order, then the maxima, as a JSON array: small to store, cheap to write. */
  breakdown: string;
  probability: number;
}

/**
 * The breakdown's text: each factor's points, then each factor's maximum under
 * the weights it was made with (see breakdownOf) — a lead a cancelled rescore did
 * not reach keeps the maxima of its own points, not those of weights saved since.
 * Made once per distinct breakdown: every factor's points lie in 0…its maximum,
 * so the seven of them number a mixed-radix key (points adding up to 100 keep it
 * under 2^28).
 */
function breakdownText(weights: ScoringWeights): (points: Uint8Array) => string {
  const maxima = `,${SCORE_FACTORS.map((f) => weights.points[f]).join(',')}]`;
  const radix = SCORE_FACTORS.map((f) => weights.points[f] + 1);
  const keyed = radix.reduce((a, b) => a * b, 1) <= 2 ** 30;
  const made = new Map<number, string>();
  return (points) => {
    if (!keyed) return `[${points.join(',')}${maxima}`;
    let key = 0;
    for (let i = 0; i < radix.length; i++) {
      const v = points[i]!;
      if (v >= radix[i]!) return `[${points.join(',')}${maxima}`;
      key = key * radix[i]! + v;
    }
    let text = made.get(key);
    if (text === undefined) {
      text = `[${points.join(',')}${maxima}`;
      made.set(key, text);
    }
    return text;
  };
}

function scorer(sqlite: Sqlite, asOf: string, at: string, weights = loadWeights(sqlite)): Scorer {
  const ranges = priceRanges(sqlite);
  const rules = compileRules(weights, asOf);
  const model = compileModel(modelOrTrain(sqlite, at));
  const text = breakdownText(weights);
  const lead = newEncodedLead();
  const points = new Uint8Array(SCORE_FACTORS.length);
  const s: Scorer = {
    fields: ranges.fields,
    score: 0,
    breakdown: '',
    probability: 0,
    run(row) {
      encodeRow(row, ranges, lead);
      s.score = rules(lead, points, 0);
      s.breakdown = text(points);
      s.probability = storedProbability(model(lead));
    },
  };
  return s;
}

/** Rescores some leads now (after a lead changes), inside the caller's transaction. */
export function rescoreLeads(sqlite: Sqlite, ids: readonly number[], asOf: string, at: string): void {
  if (ids.length === 0) return;
  const s = scorer(sqlite, asOf, at);
  const read = sqlite.prepare(`SELECT ${s.fields} FROM leads WHERE id = ?`).raw();
  const write = scoreWriter(sqlite);
  for (const id of ids) {
    const row = read.get(id) as ScoreInput | undefined;
    if (!row) continue;
    s.run(row);
    write(ALL, id, s, at);
  }
  syncLeadAlerts(sqlite, at);
}

/** Rows the bulk rescore reads at a time. */
export const RESCORE_CHUNK = 250;
/**
 * How long one transaction of the bulk rescore works before it commits and lets
 * the worker answer other calls: well under the 50 ms ping bound.
 */
export const RESCORE_SLICE_MS = 8;
/** Slices between the job's WAL checkpoints: a few hundred pages each, so one takes about as long as a slice. */
const CHECKPOINT_EVERY = 4;

export interface RescoreResult {
  leads: number;
  bands: Record<'cold' | 'warm' | 'hot' | 'priority', number>;
  model: ModelInfo;
}

/**
 * Rescores every lead: retrains the model first when asked, then walks the
 * leads by id, a transaction per time slice, yielding between slices.
 *
 * A lead is written only when its score, breakdown or probability comes out
 * different from what is stored, and then only those columns and `scored_at`
 * (so an index is maintained only when its value moves). `scored_at` is thus
 * when the stored values were computed: a rescore that arrives at the same
 * values leaves the lead as it was.
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
  const read = sqlite
    .prepare(
      `SELECT ${s.fields}, score, score_breakdown, win_probability FROM leads WHERE id > ? ORDER BY id LIMIT ${RESCORE_CHUNK}`,
    )
    .raw();
  const write = scoreWriter(sqlite);
  const at = options.at;
  const scores = new Uint8Array(total);
  let done = 0;
  let lastId = 0;
  let more = true;
  const slice = () => {
    const until = performance.now() + RESCORE_SLICE_MS;
    do {
      const rows = read.all(lastId) as [...ScoreFields, number | null, string | null, number | null][];
      for (const row of rows) {
        s.run(row);
        const changed =
          (s.score !== row[9] ? SCORE : 0) |
          (s.breakdown !== row[10] ? BREAKDOWN : 0) |
          (s.probability !== row[11] ? PROBABILITY : 0);
        if (changed !== 0) write(changed, row[0], s, at);
        if (done < total) scores[done] = s.score;
        done++;
      }
      if (rows.length < RESCORE_CHUNK) more = false;
      if (rows.length > 0) lastId = rows[rows.length - 1]![0];
    } while (more && performance.now() < until);
  };
  job?.progress(0, total, 'scoring');
  // SQLite checkpoints the WAL inside the commit that fills it past 1000 pages, which
  // would stretch that slice; the job checkpoints as a step of its own instead.
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (autoCheckpoint > 0) sqlite.pragma('wal_autocheckpoint = 0');
  try {
    let slices = 0;
    while (more) {
      sqlite.transaction(slice).immediate();
      job?.progress(Math.min(done, total), total, 'scoring');
      if (job) await job.checkpoint();
      if (autoCheckpoint > 0 && ++slices % CHECKPOINT_EVERY === 0) {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
        if (job) await job.checkpoint();
      }
    }
  } finally {
    if (autoCheckpoint > 0) sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
  sqlite.transaction(() => syncLeadAlerts(sqlite, options.at)).immediate();
  return { leads: done, bands: bandCounts(scores.subarray(0, Math.min(done, total))), model: info };
}

/** How many leads would change band under other weights (all leads, or an evenly spread sample of 100k). */
export function previewWeights(sqlite: Sqlite, weights: ScoringWeights, asOf: string, at: string): ScoringPreview {
  const total = (sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  const step = Math.max(1, Math.ceil(total / 100_000));
  const current = scorer(sqlite, asOf, at);
  const next = scorer(sqlite, asOf, at, weights);
  const rows = sqlite
    .prepare(`SELECT ${current.fields} FROM leads WHERE id % ? = 0 ORDER BY id`)
    .raw()
    .all(step) as ScoreInput[];
  const before = new Uint8Array(rows.length);
  const after = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    current.run(row);
    before[i] = current.score;
    next.run(row);
    after[i] = next.score;
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
    .prepare(`SELECT id, company, score, hub_id AS hubId FROM leads WHERE score >= ? AND stage NOT IN ('won', 'lost')`)
    .all(OPPORTUNITY_SCORE) as { id: number; company: string; score: number; hubId: number | null }[];
  reconcileAlerts(
    sqlite,
    ['lead_priority'],
    hot.map((h) => ({
      priority: 'OPPORTUNITY',
      rule: 'lead_priority',
      entity: 'lead',
      entityId: h.id,
      params: { company: h.company, score: h.score, hubId: h.hubId },
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
  const lead = leadExample(sqlite, leadId);
  if (!lead || (lead.stage !== 'won' && lead.stage !== 'lost')) return;
  const model = updateModel(JSON.parse(latest.model) as WinModel, lead.example);
  sqlite
    .prepare('UPDATE scoring_models SET model = ?, examples = examples + 1 WHERE id = ?')
    .run(JSON.stringify(model), latest.id);
}

/** The model's explanation of one lead's probability. */
export function explainLead(sqlite: Sqlite, leadId: number) {
  const latest = latestModel(sqlite);
  const lead = latest && leadExample(sqlite, leadId);
  if (!latest || !lead) return null;
  return explain(latest.model, lead.example);
}

/** Trains the model and scores every lead inside the caller's transaction (the demo generator). */
export function scoreAllNow(sqlite: Sqlite, asOf: string, at: string): void {
  retrain(sqlite, at);
  const s = scorer(sqlite, asOf, at);
  const write = scoreWriter(sqlite);
  // Chunks by id: a statement cannot write while another one is still iterating.
  const read = sqlite.prepare(`SELECT ${s.fields} FROM leads WHERE id > ? ORDER BY id LIMIT ${RESCORE_CHUNK}`).raw();
  for (
    let rows = read.all(0) as ScoreInput[];
    rows.length > 0;
    rows = read.all(rows[rows.length - 1]![0]) as ScoreInput[]
  )
    for (const row of rows) {
      s.run(row);
      write(ALL, row[0], s, at);
    }
  syncLeadAlerts(sqlite, at);
}
