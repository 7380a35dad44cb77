/** The learned win probability: hand-computed counts, determinism, the batch form, and honest quality on a known signal. */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/main/core/demo/random';
import {
  auc,
  compileModel,
  evaluate,
  explain,
  HeldOutEvaluator,
  isHeldOut,
  ModelCounter,
  type ModelExample,
  type ModelLead,
  predict,
  trainModel,
  updateModel,
} from '../../src/main/core/scoring/model';
import { encodeLead, newEncodedLead, scoreLead } from '../../src/main/core/scoring/rules';
import { LEAD_CHANNELS, TIERS, VERTICALS } from '../../src/shared/domain';
import { AUTHORITIES, DEFAULT_SCORING_WEIGHTS, NEEDS, TIMELINES } from '../../src/shared/scoring';

const BASE: ModelLead = {
  tier: 2,
  budgetMinor: 30_000,
  timeline: 'this_month',
  authority: 'influencer',
  need: 'clear',
  vertical: 'ecommerce',
  channel: 'email',
  hubId: 1,
};
const example = (id: number, won: boolean, fields: Partial<ModelLead> = {}): ModelExample => ({
  ...BASE,
  ...fields,
  id,
  won,
});

describe('naive Bayes by hand', () => {
  // Two referrals won, two emails lost; every other field is the same on all four.
  const history = [
    example(1, true, { channel: 'referral' }),
    example(2, true, { channel: 'referral' }),
    example(3, false, { channel: 'email' }),
    example(4, false, { channel: 'email' }),
  ];
  const model = trainModel(history);

  it('counts per value, every value of a closed vocabulary listed', () => {
    expect(model).toMatchObject({ version: 1, alpha: 1, won: 2, lost: 2 });
    expect(model.counts.channel).toEqual({
      email: [0, 2],
      linkedin: [0, 0],
      whatsapp: [0, 0],
      sms: [0, 0],
      referral: [2, 0],
      partner: [0, 0],
      inbound_form: [0, 0],
    });
    expect(model.counts.budget_fit).toEqual({
      none: [0, 0],
      far_below: [0, 0],
      below: [0, 0],
      inside: [2, 2],
      above: [0, 0],
    });
    expect(model.counts.hub).toEqual({ '1': [2, 2] });
  });

  it('turns the counts into probabilities with Laplace smoothing', () => {
    // prior: ln((2+1)/(2+1)) = 0. channel has K = 7 values:
    //   P(referral | won) = (2+1)/(2+7) = 1/3, P(referral | lost) = (0+1)/(2+7) = 1/9 → ratio 3 → ln 3.
    // Every other field: the same value in all four leads, (2+1)/(2+K) on both sides → ln 1 = 0.
    // So P(won | referral) = 3/(1+3) = 0.75, P(won | email) = 1/(1+3) = 0.25.
    expect(predict(model, { ...BASE, channel: 'referral' })).toBeCloseTo(0.75, 12);
    expect(predict(model, { ...BASE, channel: 'email' })).toBeCloseTo(0.25, 12);
    // WhatsApp never seen: (0+1)/(2+7) on both sides → no pull → 0.5.
    expect(predict(model, { ...BASE, channel: 'whatsapp' })).toBeCloseTo(0.5, 12);
    // A hub never seen: hubs K = 1 seen + 1 = 2; (0+1)/(2+2) on both sides → still 0.5 with W = L.
    expect(predict(model, { ...BASE, channel: 'whatsapp', hubId: 9 })).toBeCloseTo(0.5, 12);
  });

  it('explains with the log-likelihood ratios', () => {
    const why = explain(model, { ...BASE, channel: 'referral' });
    expect(why.baseRate).toBeCloseTo(0.5, 12);
    expect(why.for).toHaveLength(1);
    expect(why.for[0]).toMatchObject({ feature: 'channel', value: 'referral', direction: 'for' });
    expect(why.for[0]!.effect).toBeCloseTo(Math.log(3), 12);
    expect(why.against).toEqual([]);
    expect(explain(model, BASE).against[0]).toMatchObject({ feature: 'channel', value: 'email', direction: 'against' });
  });

  it('reads a value no closed lead had as no evidence, whether wins or losses are more', () => {
    // One more email lost: W = 2, L = 3. Values every closed lead shares now pull by (2+1)/(2+K) ÷ (3+1)/(3+K).
    const moreLost = trainModel([...history, example(5, false, { channel: 'email' })]);
    const shared = (k: number) => Math.log(3 / (2 + k)) - Math.log(4 / (3 + k));
    // Channel, authority, need and hub below were on no closed lead: they add nothing. (Smoothing alone would
    // give each ln((3+K)/(2+K)) > 0: better odds for a lead nobody has qualified yet.)
    const unseen = { ...BASE, channel: 'whatsapp' as const, authority: null, need: null, hubId: 9 };
    const logOdds =
      Math.log(3 / 4) + shared(VERTICALS.length) + shared(TIERS.length) + shared(TIMELINES.length + 1) + shared(5);
    expect(predict(moreLost, unseen)).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 12);
    const why = explain(moreLost, unseen);
    const named = [...why.for, ...why.against].map((f) => f.feature);
    expect(named).toHaveLength(3); // the strongest three against: the four shared values all pull down
    for (const feature of named) expect(['vertical', 'tier', 'timeline', 'budget_fit']).toContain(feature);
    // The batch form agrees.
    expect(
      compileModel(moreLost)(encodeLead({ ...unseen, activityCount: 0, lastActivityAt: null }, newEncodedLead())),
    ).toBe(predict(moreLost, unseen));
  });

  it('knows nothing before the first closed lead: 50%', () => {
    expect(predict(trainModel([]), BASE)).toBe(0.5);
  });
});

// ---------- Synthetic history with a known signal ----------

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function randomLead(rng: Random): ModelLead {
  const orNull = <T>(items: readonly T[]) => (rng.chance(0.15) ? null : rng.pick(items));
  return {
    tier: rng.pick(TIERS),
    budgetMinor: rng.chance(0.2) ? null : rng.int(2_000, 250_000),
    timeline: orNull(TIMELINES),
    authority: orNull(AUTHORITIES),
    need: orNull(NEEDS),
    vertical: rng.pick(VERTICALS),
    channel: rng.pick(LEAD_CHANNELS),
    hubId: rng.chance(0.05) ? null : rng.int(1, 4),
  };
}

/** Referrals and decision makers win far more often; urgent needs a little more; the rest is noise. */
function history(seed: string, n: number): ModelExample[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const lead = randomLead(rng);
    const logit =
      -1.6 +
      (lead.channel === 'referral' ? 2 : 0) +
      (lead.authority === 'decision_maker' ? 1.8 : 0) +
      (lead.need === 'urgent' ? 0.7 : 0);
    return { ...lead, id: i + 1, won: rng.next() < sigmoid(logit) };
  });
}

function shuffled<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const SIGNAL = history('known-signal', 5_000);

describe('learning a known signal', () => {
  it('ranks held-out leads well above chance', () => {
    const q = evaluate(SIGNAL);
    expect(q.heldOut + q.trainedOn).toBe(5_000);
    expect(q.heldOut).toBeGreaterThan(850);
    expect(q.heldOut).toBeLessThan(1_150);
    expect(q.auc!).toBeGreaterThan(0.7);
    expect(q.brier!).toBeLessThan(0.25); // better than always saying 50%
    expect(q.calibration).toHaveLength(10);
    expect(q.calibration.reduce((s, b) => s + b.count, 0)).toBe(q.heldOut);
    for (const b of q.calibration)
      if (b.count === 0) expect(b).toMatchObject({ predicted: null, observed: null });
      else {
        expect(b.predicted!).toBeGreaterThanOrEqual(b.bin / 10);
        expect(b.predicted!).toBeLessThanOrEqual((b.bin + 1) / 10);
      }
  });

  it('is near chance when the labels are shuffled', () => {
    const rng = new Random('shuffle');
    const labels = shuffled(
      SIGNAL.map((e) => e.won),
      rng,
    );
    const q = evaluate(SIGNAL.map((e, i) => ({ ...e, won: labels[i]! })));
    expect(q.auc!).toBeGreaterThan(0.45);
    expect(q.auc!).toBeLessThan(0.55);
  });

  it('puts the planted fields at the top of the explanation', () => {
    const model = trainModel(SIGNAL);
    const lead: ModelLead = { ...BASE, channel: 'referral', authority: 'decision_maker' };
    const why = explain(model, lead);
    expect(why.for.map((f) => f.feature).slice(0, 2)).toEqual(['channel', 'authority']);
    expect(why.for.length).toBeLessThanOrEqual(3);
    const cold = explain(model, { ...BASE, channel: 'sms', authority: 'user' });
    expect(cold.against.map((f) => f.feature)).toEqual(expect.arrayContaining(['channel', 'authority']));
    for (const f of [...why.for, ...cold.for]) expect(f.effect).toBeGreaterThan(0);
    for (const f of cold.against) expect(f.effect).toBeLessThan(0);
  });

  it('gives two leads with equal rule scores different probabilities when their fields win differently', () => {
    // Rule points: referral 10 + vertical other 5 × 0.4 = 2 → 12; partner 10 × 0.9 = 9 + media 5 × 0.6 = 3 → 12.
    const a = { ...BASE, channel: 'referral' as const, vertical: 'other' as const };
    const b = { ...BASE, channel: 'partner' as const, vertical: 'media' as const };
    const rule = (l: ModelLead) =>
      scoreLead({ ...l, activityCount: 0, lastActivityAt: null }, DEFAULT_SCORING_WEIGHTS, '2026-06-30').score;
    expect(rule(a)).toBe(rule(b));
    const model = trainModel(SIGNAL);
    expect(predict(model, a)).toBeGreaterThan(predict(model, b) + 0.1);

    // Same fields but the hub: a history where hub 2 wins and hub 3 loses.
    const hubs = trainModel([
      ...Array.from({ length: 30 }, (_, i) => example(i + 1, i % 3 !== 0, { hubId: 2 })),
      ...Array.from({ length: 30 }, (_, i) => example(i + 31, i % 3 === 0, { hubId: 3 })),
    ]);
    expect(predict(hubs, { ...BASE, hubId: 2 })).toBeGreaterThan(predict(hubs, { ...BASE, hubId: 3 }));
  });
});

describe('model properties', () => {
  it('keeps probabilities in [0, 1], even on one-sided or tiny histories', () => {
    const rng = new Random('bounds');
    const models = [
      trainModel(SIGNAL),
      trainModel(SIGNAL.map((e) => ({ ...e, won: true }))),
      trainModel(
        SIGNAL.map((e) => ({ ...e, won: false })),
        0.01,
      ),
      trainModel(SIGNAL.slice(0, 3)),
    ];
    for (let i = 0; i < 400; i++) {
      const lead = randomLead(rng);
      for (const m of models) {
        const p = predict(m, lead);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });

  it('retrains deterministically and independently of the order of the leads', () => {
    const a = trainModel(SIGNAL);
    const b = trainModel(shuffled(SIGNAL, new Random('order')));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain JSON, nothing lost
    expect(evaluate(shuffled(SIGNAL, new Random('order2')))).toEqual(evaluate(SIGNAL));
  });

  it('updates by counts: one more closed lead equals retraining on the union, and can be taken back', () => {
    const before = SIGNAL.slice(0, 1_000);
    const extra = example(9_999, true, { channel: 'partner', hubId: 42, budgetMinor: null, need: null });
    const updated = updateModel(trainModel(before), extra);
    expect(JSON.stringify(updated)).toBe(JSON.stringify(trainModel([...before, extra])));
    expect(updated.counts.hub['42']).toEqual([1, 0]);
    // Reopened: the hub seen only through that lead is forgotten again, as a retrain would.
    expect(JSON.stringify(updateModel(updated, extra, -1))).toBe(JSON.stringify(trainModel(before)));
    expect(() => updateModel(trainModel([]), extra, -1)).toThrow('never learned');
  });

  it('the batch trainer and evaluator give the same model and quality as trainModel and evaluate', () => {
    const withoutHubs = SIGNAL.slice(0, 300).map((e, i) => ({ ...e, hubId: i % 7 === 0 ? null : e.hubId }));
    for (const examples of [SIGNAL, withoutHubs, SIGNAL.slice(0, 3)]) {
      const counter = new ModelCounter();
      const heldOut = new HeldOutEvaluator();
      const encoded = newEncodedLead();
      for (const e of [...examples].sort((a, b) => a.id - b.id)) {
        encodeLead({ ...e, activityCount: 0, lastActivityAt: null }, encoded);
        counter.add(encoded, e.won);
        heldOut.add(e.id, encoded, e.won);
      }
      expect(JSON.stringify(counter.model())).toBe(JSON.stringify(trainModel(examples)));
      expect(heldOut.quality()).toEqual(evaluate(examples));
    }
    expect(new ModelCounter().model()).toEqual(trainModel([]));
    expect(() => new ModelCounter().add({ ...newEncodedLead(), tier: 0 }, true)).toThrow('Unknown tier "0"');
  });

  it('the batch predictor gives the same numbers as predict', () => {
    const rng = new Random('batch');
    const model = trainModel(SIGNAL);
    const small = trainModel(SIGNAL.slice(0, 50));
    const fast = compileModel(model);
    const fastSmall = compileModel(small);
    const encoded = newEncodedLead();
    for (let i = 0; i < 500; i++) {
      const lead = { ...randomLead(rng), hubId: rng.chance(0.1) ? 77 : rng.int(1, 4) }; // some hubs never seen
      const scored = { ...lead, activityCount: 0, lastActivityAt: null };
      encodeLead(scored, encoded);
      expect(fast(encoded)).toBe(predict(model, lead));
      expect(fastSmall(encoded)).toBe(predict(small, lead));
    }
    const noHub = { ...BASE, hubId: null };
    expect(fast(encodeLead({ ...noHub, activityCount: 0, lastActivityAt: null }, encoded))).toBe(predict(model, noHub));
  });
});

describe('quality measures', () => {
  it('AUC from ranks, ties shared', () => {
    // Pairs (won, lost): (0.35 > 0.1 ✓) (0.35 < 0.4 ✗) (0.8 > 0.1 ✓) (0.8 > 0.4 ✓) → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
    expect(auc([0.2, 0.5, 0.5, 0.9], [false, true, false, true])).toBe(0.875); // 3 wins + ½ tie of 4 pairs
    expect(auc([0.3, 0.6], [true, true])).toBeNull();
  });

  it('holds out about one lead in five, by id', () => {
    let held = 0;
    for (let id = 1; id <= 10_000; id++) if (isHeldOut(id)) held++;
    expect(held).toBeGreaterThan(1_900);
    expect(held).toBeLessThan(2_100);
    expect(isHeldOut(1234)).toBe(isHeldOut(1234));
  });

  it('reports nulls when too little is held out', () => {
    const q = evaluate([]);
    expect(q).toMatchObject({ auc: null, brier: null, heldOut: 0, trainedOn: 0 });
    expect(q.calibration.every((b) => b.count === 0)).toBe(true);
  });
});
