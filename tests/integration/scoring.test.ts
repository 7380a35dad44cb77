/** Scoring wired to the workspace: stored breakdowns, the learned model, weights with a preview, bulk rescoring as a job. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/main/hosts/core-client';
import { DEFAULT_SCORING_WEIGHTS, SCORE_FACTORS } from '../../src/shared/scoring';
import { bestQualifiedLead } from '../fixtures/leads';
import { cleanTempDirs, expectOk, nextEvent, tempDir, testCore } from '../helpers';

describe('scoring', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'scoring', asOf: '2026-11-20' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId)).result.ok).toBe(true);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('the demo arrives scored, with a model that beats chance on held-out leads', async () => {
    const settings = expectOk(await core.call('scoring/get', {}));
    expect(settings.weights).toEqual(DEFAULT_SCORING_WEIGHTS);
    expect(settings.model!.quality.auc).toBeGreaterThan(0.6);
    expect(settings.model!.quality.heldOut).toBeGreaterThan(20);
    const page = expectOk(
      await core.call('leads/query', {
        filter: { stages: ['new', 'qualified', 'proposal'] },
        sort: { column: 'score', direction: 'desc' },
        limit: 20,
      }),
    );
    for (const row of page.rows) {
      expect(row.score).not.toBeNull();
      expect(row.winProbability).toBeGreaterThanOrEqual(0);
      expect(row.winProbability).toBeLessThanOrEqual(1);
    }
    const top = expectOk(await core.call('leads/get', { id: page.rows[0]!.id }));
    expect(Object.keys(top.scoreBreakdown!)).toEqual([...SCORE_FACTORS]);
    expect(Object.values(top.scoreBreakdown!).reduce((a, b) => a + b, 0)).toBe(top.score);
    expect(top.probabilityFactors!.for.length + top.probabilityFactors!.against.length).toBeGreaterThan(0);
    expect(top.probabilityFactors!.for.length).toBeLessThanOrEqual(3);
    // A closed lead's outcome is known: no reasons are given for its probability.
    const closed = expectOk(await core.call('leads/query', { filter: { stages: ['won'] }, limit: 1 })).rows[0]!;
    expect(expectOk(await core.call('leads/get', { id: closed.id })).probabilityFactors).toBeNull();
  });

  it('scores a new lead at once and explains it; an override sits beside the model', async () => {
    const weak = expectOk(
      await core.call('leads/create', {
        company: 'Quillon Weak',
        contactName: 'A Person',
        channel: 'sms',
        vertical: 'other',
        tier: 3,
        authority: 'user',
        need: 'exploring',
        timeline: 'later',
        expectedValueMinor: 5_000,
        currency: 'USD',
      }),
    );
    const strong = expectOk(await core.call('leads/create', bestQualifiedLead('Quillon Strong', 'B Person')));
    expect(strong.score!).toBeGreaterThan(weak.score!);
    expect(strong.winProbability!).toBeGreaterThan(weak.winProbability!);
    // Engagement counts: a call raises the score.
    const called = expectOk(await core.call('leads/addActivity', { leadId: strong.id, kind: 'call' }));
    expect(called.score!).toBeGreaterThan(strong.score!);
    const overridden = expectOk(await core.call('leads/overrideProbability', { id: weak.id, probability: 0.9 }));
    expect(overridden).toMatchObject({ probabilityOverride: 0.9, winProbability: weak.winProbability });
    const bad = await core.call('leads/overrideProbability', { id: weak.id, probability: 1.5 });
    expect(bad.ok === false && bad.error.field).toBe('probability');
    // Once the lead is closed its outcome is known: a new override is refused, clearing one is not.
    expectOk(await core.call('leads/setStage', { id: weak.id, stage: 'lost', reason: 'no budget' }));
    const closed = await core.call('leads/overrideProbability', { id: weak.id, probability: 0.5 });
    expect(closed.ok === false && closed.error.message).toMatch(/lost: its outcome is known/);
    expect(
      expectOk(await core.call('leads/overrideProbability', { id: weak.id, probability: null })).probabilityOverride,
    ).toBeNull();
  });

  it('a lead scored 95 or more raises one OPPORTUNITY alert, resolved once it drops below or closes', async () => {
    // As the Pipeline asks: lead alerts only.
    const priorityAlerts = async (leadId: number) => {
      const alerts = expectOk(await core.call('alerts/list', { entity: 'lead' }));
      expect(alerts.every((a) => a.entity === 'lead')).toBe(true);
      return alerts.filter((a) => a.rule === 'lead_priority' && a.entityId === leadId);
    };
    const hot = expectOk(await core.call('leads/create', bestQualifiedLead('Quillon Hot', 'C Person')));
    expect(hot.score!).toBeLessThan(95); // no engagement yet
    expect(await priorityAlerts(hot.id)).toEqual([]);
    let lead = hot;
    for (let touch = 0; touch < DEFAULT_SCORING_WEIGHTS.engagement.fullTouches; touch++)
      lead = expectOk(await core.call('leads/addActivity', { leadId: hot.id, kind: 'call' }));
    expect(lead.score!).toBeGreaterThanOrEqual(95);
    const [alert, ...more] = await priorityAlerts(hot.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ priority: 'OPPORTUNITY', entity: 'lead', params: { company: 'Quillon Hot' } });
    expect(alert!.params.score).toBe(lead.score);
    // Rescored again (another touch) while still hot: the same alert, not a second one, with the score of now.
    const again = expectOk(await core.call('leads/addActivity', { leadId: hot.id, kind: 'email' }));
    const [same, ...none] = await priorityAlerts(hot.id);
    expect(none).toEqual([]);
    expect(same).toMatchObject({ id: alert!.id, raisedAt: alert!.raisedAt, params: { score: again.score } });
    // Lost: nothing to assign any more.
    expectOk(await core.call('leads/setStage', { id: hot.id, stage: 'lost', reason: 'went elsewhere' }));
    expect(await priorityAlerts(hot.id)).toEqual([]);
  });

  it('previews new weights without saving, then rescores every lead as a job with progress', async () => {
    const budgetHeavy = {
      ...DEFAULT_SCORING_WEIGHTS,
      points: { budget: 55, timeline: 5, authority: 5, need: 5, vertical: 5, channel: 10, engagement: 15 },
    };
    const preview = expectOk(await core.call('scoring/preview', { weights: budgetHeavy }));
    expect(preview.sampled).toBe(false);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.moved).toBe(preview.up + preview.down);
    expect(Object.values(preview.after).reduce((a, b) => a + b, 0)).toBe(preview.leads);
    expect(expectOk(await core.call('scoring/get', {})).weights).toEqual(DEFAULT_SCORING_WEIGHTS);

    const bad = await core.call('scoring/preview', {
      weights: { ...budgetHeavy, points: { ...budgetHeavy.points, budget: 50 } },
    });
    expect(bad.ok === false && bad.error.message).toMatch(/100/);

    const progress: number[] = [];
    const off = core.onEvent((name, payload) => {
      if (name === 'job/progress') progress.push((payload as { done: number }).done);
    });
    const { jobId } = expectOk(await core.call('scoring/setWeights', { weights: budgetHeavy }));
    const done = await nextEvent(core, 'job/finished', (p) => p.jobId === jobId);
    off();
    expect(done.result.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    const result = (done.result as { ok: true; value: { leads: number; bands: Record<string, number> } }).value;
    expect(Object.values(result.bands).reduce((a, b) => a + b, 0)).toBe(result.leads);
    expect(expectOk(await core.call('scoring/get', {})).weights.points.budget).toBe(55);

    // Back to the defaults, retraining first.
    const reset = expectOk(await core.call('scoring/setWeights', { weights: null }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === reset.jobId)).result.ok).toBe(true);
    const model = expectOk(await core.call('scoring/retrain', {}));
    expect(model.quality.auc).toBeGreaterThan(0.6);
  });
});
