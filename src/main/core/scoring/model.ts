/**
 * The win probability, learned from this workspace's closed leads: a
 * categorical naive Bayes over the lead's fields (MODEL_FEATURES), in the
 * spirit of Odoo's predictive lead scoring.
 *
 *   log-odds(won) = ln((W + α) / (L + α)) + Σ_features ln(P(value | won) / P(value | lost))
 *   P(value | won) = (won leads with the value + α) / (W + α·K)     (Laplace smoothing, K = values of the feature)
 *
 * The model is nothing but counts, so it is plain JSON, identical for the same
 * leads in any order, and updating it when one lead closes is exactly
 * retraining on the union. Empty qualification fields are a value of their
 * own ('unknown'): not answering is itself informative, once closed leads show
 * how it went. A value no closed lead had adds nothing (see `llr`).
 *
 * Naive Bayes multiplies evidence as if fields were independent, so its
 * probabilities run more extreme than reality when fields are correlated; the
 * calibration chart of `evaluate` shows how much.
 */
import { LEAD_CHANNELS, VERTICALS } from '../../../shared/domain';
import {
  AUTHORITIES,
  BUDGET_FITS,
  type CalibrationBin,
  MODEL_FEATURES,
  type ModelFeature,
  type ModelQuality,
  NEEDS,
  type ProbabilityFactor,
  TIMELINES,
} from '../../../shared/scoring';
import { budgetFitCode, budgetFitOf, type EncodedLead, priceRangeOf, type ScoringLead } from './rules';

/** The fields the model reads: the scorer's lead minus engagement, plus the hub. */
export type ModelLead = Pick<
  ScoringLead,
  'tier' | 'budgetMinor' | 'priceRangeMinor' | 'timeline' | 'authority' | 'need' | 'vertical' | 'channel'
> & { hubId: number | null };

/** A closed lead. The id only decides whether `evaluate` holds it out. */
export type ModelExample = ModelLead & { id: number; won: boolean };

/** [won, lost] leads with a value. */
export type Counts = [number, number];

export interface WinModel {
  version: 1;
  /** Laplace smoothing: pseudo-leads added to every value. */
  alpha: number;
  won: number;
  lost: number;
  /** feature → value → [won, lost]; every value of a closed vocabulary is listed, hubs as seen. */
  counts: Record<ModelFeature, Record<string, Counts>>;
}

const UNKNOWN = 'unknown';
/** The hub value of a lead without a hub, and the code it gets in EncodedLead. */
const NO_HUB = 'none';

/** The values each feature can take; hubs are open-ended (null). */
const VOCABULARY: Record<ModelFeature, readonly string[] | null> = {
  channel: LEAD_CHANNELS,
  vertical: VERTICALS,
  tier: ['1', '2', '3'],
  timeline: [...TIMELINES, UNKNOWN],
  authority: [...AUTHORITIES, UNKNOWN],
  need: [...NEEDS, UNKNOWN],
  budget_fit: BUDGET_FITS,
  hub: null,
};

/** A lead's value for each feature, in MODEL_FEATURES order. */
export function featureValues(lead: ModelLead): string[] {
  return [
    lead.channel,
    lead.vertical,
    String(lead.tier),
    lead.timeline ?? UNKNOWN,
    lead.authority ?? UNKNOWN,
    lead.need ?? UNKNOWN,
    budgetFitOf(lead.budgetMinor, priceRangeOf(lead)),
    lead.hubId === null ? NO_HUB : String(lead.hubId),
  ];
}

// ---------- Training ----------

function emptyCounts(): WinModel['counts'] {
  const counts = {} as WinModel['counts'];
  for (const f of MODEL_FEATURES)
    counts[f] = Object.fromEntries((VOCABULARY[f] ?? []).map((v) => [v, [0, 0] as Counts]));
  return counts;
}

function add(model: WinModel, example: ModelExample, delta: 1 | -1): void {
  const values = featureValues(example);
  const k = example.won ? 0 : 1;
  if (example.won) model.won += delta;
  else model.lost += delta;
  if (model.won < 0 || model.lost < 0) throw new Error('Cannot remove a lead the model never learned from.');
  MODEL_FEATURES.forEach((f, i) => {
    const v = values[i]!;
    const table = model.counts[f];
    if (VOCABULARY[f] !== null && !(v in table)) throw new Error(`Unknown ${f} "${v}".`);
    if (!(v in table)) table[v] = [0, 0];
    const c = table[v]!;
    c[k] += delta;
    if (c[k] < 0) throw new Error('Cannot remove a lead the model never learned from.');
    // A hub no closed lead mentions any more is forgotten, exactly as retraining would.
    if (VOCABULARY[f] === null && c[0] === 0 && c[1] === 0) delete table[v];
  });
}

/** Hubs in a stable order (ids ascending, 'none' first), so equal counts serialise identically. */
function sortHubs(model: WinModel): void {
  const entries = Object.entries(model.counts.hub).sort(([a], [b]) =>
    a === NO_HUB ? -1 : b === NO_HUB ? 1 : Number(a) - Number(b),
  );
  model.counts.hub = Object.fromEntries(entries);
}

/** Learns from closed leads. Same leads (in any order) → an identical model. */
export function trainModel(examples: readonly ModelExample[], alpha = 1): WinModel {
  const model: WinModel = { version: 1, alpha, won: 0, lost: 0, counts: emptyCounts() };
  for (const e of examples) add(model, e, 1);
  sortHubs(model);
  return model;
}

/**
 * The model after one more lead was won or lost (`delta` −1 takes back a lead
 * that was reopened). Counts only, so this equals retraining on the union.
 */
export function updateModel(model: WinModel, example: ModelExample, delta: 1 | -1 = 1): WinModel {
  const next: WinModel = structuredClone(model);
  add(next, example, delta);
  sortHubs(next);
  return next;
}

// ---------- Prediction ----------

/** Values a feature can take, for smoothing: the vocabulary, or hubs seen plus one for a hub never seen. */
const valuesOf = (model: WinModel, f: ModelFeature) =>
  VOCABULARY[f]?.length ?? Object.keys(model.counts.hub).length + 1;

/**
 * ln(P(value | won) ÷ P(value | lost)) of one feature value; 0 for a value no closed lead had (counts [0, 0]).
 * Smoothing alone would give such a value ln((L + αK) ÷ (W + αK)): odds raised wherever losses outnumber wins,
 * so a lead whose authority nobody has recorded yet looked likelier to win for it. A value never seen is no
 * evidence either way, and is not named as a reason.
 */
function llr(model: WinModel, f: ModelFeature, c: Counts): number {
  if (c[0] === 0 && c[1] === 0) return 0;
  const { alpha: a, won: w, lost: l } = model;
  const k = valuesOf(model, f);
  return Math.log((c[0] + a) / (w + a * k)) - Math.log((c[1] + a) / (l + a * k));
}

const priorLogOdds = (m: WinModel) => Math.log((m.won + m.alpha) / (m.lost + m.alpha));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const NEVER_SEEN: Counts = [0, 0];

/** Log-odds contributions of the lead's values, in MODEL_FEATURES order. */
function effects(model: WinModel, lead: ModelLead): number[] {
  const values = featureValues(lead);
  return MODEL_FEATURES.map((f, i) => llr(model, f, model.counts[f][values[i]!] ?? NEVER_SEEN));
}

/** The probability (0–1) that the lead is won. */
export function predict(model: WinModel, lead: ModelLead): number {
  let logOdds = priorLogOdds(model);
  for (const e of effects(model, lead)) logOdds += e;
  return sigmoid(logOdds);
}

export interface Explanation {
  /** The workspace's base rate of winning, smoothed. */
  baseRate: number;
  /** Up to three fields raising the odds, strongest first. */
  for: ProbabilityFactor[];
  /** Up to three fields lowering them, strongest first. */
  against: ProbabilityFactor[];
}

/** The lead's top 3 factors for and against winning, by log-likelihood ratio. */
export function explain(model: WinModel, lead: ModelLead): Explanation {
  const values = featureValues(lead);
  const all = effects(model, lead).map(
    (effect, i): ProbabilityFactor => ({
      feature: MODEL_FEATURES[i]!,
      value: values[i]!,
      effect,
      direction: effect > 0 ? 'for' : 'against',
    }),
  );
  // Stable sort: equal effects keep MODEL_FEATURES order.
  const strongest = (sign: 1 | -1) =>
    all
      .filter((x) => sign * x.effect > 1e-12)
      .sort((a, b) => sign * (b.effect - a.effect))
      .slice(0, 3);
  return { baseRate: sigmoid(priorLogOdds(model)), for: strongest(1), against: strongest(-1) };
}

// ---------- Batch form ----------

/** Predicts from an EncodedLead (rules.ts) without allocating; same numbers as `predict`. */
export type CompiledModel = (lead: EncodedLead) => number;

export function compileModel(model: WinModel): CompiledModel {
  const table = (f: ModelFeature) => Float64Array.from(VOCABULARY[f]!, (v) => llr(model, f, model.counts[f][v]!));
  const channel = table('channel');
  const vertical = table('vertical');
  const tier = table('tier');
  const timeline = table('timeline');
  const authority = table('authority');
  const need = table('need');
  const budgetFit = table('budget_fit');
  // Hubs by id (index 0 = no hub); ids past the table were never seen.
  const unseenHub = llr(model, 'hub', NEVER_SEEN);
  const hubIds = Object.keys(model.counts.hub).map((v) => (v === NO_HUB ? 0 : Number(v)));
  const hub = new Float64Array(Math.max(0, ...hubIds) + 1).fill(unseenHub);
  for (const [v, c] of Object.entries(model.counts.hub)) hub[v === NO_HUB ? 0 : Number(v)] = llr(model, 'hub', c);
  const prior = priorLogOdds(model);

  return (lead) => {
    // Summed in MODEL_FEATURES order, like `predict`, so both give the same bits.
    let x = prior;
    x += channel[lead.channel]!;
    x += vertical[lead.vertical]!;
    x += tier[lead.tier - 1]!;
    x += timeline[lead.timeline]!;
    x += authority[lead.authority]!;
    x += need[lead.need]!;
    x += budgetFit[budgetFitCode(lead.budget, lead.priceMin, lead.priceMax)]!;
    x += lead.hub < hub.length ? hub[lead.hub]! : unseenHub;
    return 1 / (1 + Math.exp(-x));
  };
}

/** MODEL_FEATURES but the hub, in the order of `ModelCounter.counts`. */
const CODED_FEATURES = ['channel', 'vertical', 'tier', 'timeline', 'authority', 'need', 'budget_fit'] as const;

/**
 * The batch form of `trainModel` over encoded leads: counts straight from the
 * codes (no strings per lead), then the same model. `retrain` counts ~1M closed
 * leads at the massive profile this way.
 */
export class ModelCounter {
  private won = 0;
  private lost = 0;
  /** Per closed-vocabulary feature (MODEL_FEATURES order, hub aside): [won, lost] per value, flattened. */
  private readonly counts = CODED_FEATURES.map((f) => new Float64Array(VOCABULARY[f]!.length * 2));
  /** Hub id (0 = none) → [won, lost]. */
  private readonly hubs = new Map<number, Counts>();

  add(lead: EncodedLead, won: boolean): void {
    if (lead.tier < 1 || lead.tier > 3) throw new Error(`Unknown tier "${lead.tier}".`);
    const k = won ? 0 : 1;
    if (won) this.won++;
    else this.lost++;
    const [channel, vertical, tier, timeline, authority, need, budgetFit] = this.counts;
    channel![lead.channel * 2 + k]!++;
    vertical![lead.vertical * 2 + k]!++;
    tier![(lead.tier - 1) * 2 + k]!++;
    timeline![lead.timeline * 2 + k]!++;
    authority![lead.authority * 2 + k]!++;
    need![lead.need * 2 + k]!++;
    budgetFit![budgetFitCode(lead.budget, lead.priceMin, lead.priceMax) * 2 + k]!++;
    let hub = this.hubs.get(lead.hub);
    if (!hub) {
      hub = [0, 0];
      this.hubs.set(lead.hub, hub);
    }
    hub[k]++;
  }

  model(alpha = 1): WinModel {
    const model: WinModel = { version: 1, alpha, won: this.won, lost: this.lost, counts: emptyCounts() };
    CODED_FEATURES.forEach((f, i) => {
      const c = this.counts[i]!;
      VOCABULARY[f]!.forEach((v, code) => {
        model.counts[f][v] = [c[code * 2]!, c[code * 2 + 1]!];
      });
    });
    for (const [hub, c] of this.hubs) model.counts.hub[hub === 0 ? NO_HUB : String(hub)] = [c[0], c[1]];
    sortHubs(model);
    return model;
  }
}

// ---------- Honest quality ----------

/** About one closed lead in five is held out, chosen by a hash of its id: stable as history grows. */
export function isHeldOut(id: number): boolean {
  let h = id | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 5 === 0;
}

/** Area under the ROC curve from ranks (Mann–Whitney U); tied probabilities share their average rank. */
export function auc(probabilities: ArrayLike<number>, won: ArrayLike<boolean>): number | null {
  const n = probabilities.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a]! - probabilities[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && probabilities[order[j + 1]!] === probabilities[order[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average of ranks i+1 … j+1
    for (let t = i; t <= j; t++)
      if (won[order[t]!]) {
        positives++;
        rankSum += rank;
      }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Trains on the leads not held out and measures the model on the held-out ones (AUC, Brier, 10 calibration bins). */
export function evaluate(examples: readonly ModelExample[], alpha = 1): ModelQuality {
  const train: ModelExample[] = [];
  const test: ModelExample[] = [];
  for (const e of examples) (isHeldOut(e.id) ? test : train).push(e);
  test.sort((a, b) => a.id - b.id); // sums in a fixed order: the same leads in any order give the same bits
  const model = trainModel(train, alpha);
  return quality(
    test.map((e) => predict(model, e)),
    test.map((e) => e.won),
    train.length,
  );
}

/**
 * The batch form of `evaluate` over encoded leads, given in id order: the
 * same numbers. Only the held-out leads are kept (copied) until the model
 * trained on the others can predict them.
 */
export class HeldOutEvaluator {
  private readonly train = new ModelCounter();
  private trainedOn = 0;
  private readonly test: EncodedLead[] = [];
  private readonly won: boolean[] = [];

  add(id: number, lead: EncodedLead, won: boolean): void {
    if (isHeldOut(id)) {
      this.test.push({ ...lead });
      this.won.push(won);
    } else {
      this.train.add(lead, won);
      this.trainedOn++;
    }
  }

  quality(alpha = 1): ModelQuality {
    const predictOne = compileModel(this.train.model(alpha));
    return quality(this.test.map(predictOne), this.won, this.trainedOn);
  }
}

/** AUC, Brier score and 10 calibration bins of predictions against what happened. */
function quality(p: readonly number[], won: readonly boolean[], trainedOn: number): ModelQuality {
  const bins = Array.from({ length: 10 }, () => ({ sumP: 0, wins: 0, count: 0 }));
  let squared = 0;
  p.forEach((pi, i) => {
    const y = won[i] ? 1 : 0;
    squared += (pi - y) ** 2;
    const bin = bins[Math.min(9, Math.floor(pi * 10))]!;
    bin.sumP += pi;
    bin.wins += y;
    bin.count++;
  });
  const calibration = bins.map(
    (b, bin): CalibrationBin => ({
      bin,
      predicted: b.count ? b.sumP / b.count : null,
      observed: b.count ? b.wins / b.count : null,
      count: b.count,
    }),
  );
  return {
    auc: auc(p, won),
    brier: p.length ? squared / p.length : null,
    heldOut: p.length,
    trainedOn,
    calibration,
  };
}
