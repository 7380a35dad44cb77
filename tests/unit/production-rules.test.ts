import { describe, expect, it } from 'vitest';
import {
  deliveryBlockers,
  gateStates,
  historyFigures,
  moveProblem,
  reviewerProblem,
} from '../../src/main/core/projects/engine';
import { canDeliver } from '../../src/renderer/src/features/projects/rules';
import type { ProjectStageChange } from '../../src/shared/pipeline';

const day = (instant: string) => instant.slice(0, 10);
const change = (toStage: ProjectStageChange['toStage'], at: string): ProjectStageChange => ({
  fromStage: null,
  toStage,
  at,
  actor: 'test',
});

describe('production moves', () => {
  it('lets Discovery lead only into Production (or cancel), so nothing skips the making of the work', () => {
    expect(moveProblem('discovery', 'production')).toBeNull();
    expect(moveProblem('discovery', 'cancelled')).toBeNull();
    for (const to of ['qa', 'client_preview', 'revision', 'final_delivery'] as const)
      expect(moveProblem('discovery', to)).toMatch(/Discovery leads into Production/);
  });

  it('keeps the later work stages free to move between, back and forth', () => {
    expect(moveProblem('production', 'qa')).toBeNull();
    expect(moveProblem('qa', 'production')).toBeNull();
    expect(moveProblem('production', 'discovery')).toBeNull();
    expect(moveProblem('client_preview', 'revision')).toBeNull();
    expect(moveProblem('production', 'revision')).toMatch(/revision follows the client preview/);
  });
});

describe('the board hints', () => {
  it('offers delivery once the work is past Discovery', () => {
    expect(canDeliver('discovery')).toBe(false);
    expect(canDeliver('qa')).toBe(true);
  });
});

describe('gate reviewers', () => {
  it('lets the automated check go without a reviewer, but not the peer or senior review', () => {
    expect(reviewerProblem(1, null)).toBeNull();
    expect(reviewerProblem(2, null)).toMatch(/peer review: choose who reviewed it/);
    expect(reviewerProblem(3, null)).toMatch(/senior review/);
    expect(reviewerProblem(3, 7)).toBeNull();
  });
});

describe('delivery blockers', () => {
  it('names the Discovery stage before the gates, and nothing once production and all three gates passed', () => {
    const none = gateStates([]);
    expect(deliveryBlockers('discovery', none)).toEqual([
      'The project is still in Discovery: move it into Production first.',
      'Gate 1 has not been reviewed.',
      'Gate 2 has not been reviewed.',
      'Gate 3 has not been reviewed.',
    ]);
    const passed = gateStates(
      ([1, 2, 3] as const).map((gate) => ({
        gate,
        passed: true,
        reviewerId: null,
        reviewerName: null,
        checklist: {},
        notes: null,
        at: '2026-03-02T10:00:00Z',
      })),
    );
    expect(deliveryBlockers('qa', passed)).toEqual([]);
    expect(deliveryBlockers('discovery', passed)).toHaveLength(1);
  });
});

describe('figures derived from the stage history', () => {
  it('counts same-day delivery only when delivery fell on the day production began', () => {
    const base = [change('discovery', '2026-03-01T09:00:00Z'), change('production', '2026-03-02T09:00:00Z')];
    expect(historyFigures([...base, change('final_delivery', '2026-03-02T17:00:00Z')], day).sameDayDelivery).toBe(true);
    expect(historyFigures([...base, change('final_delivery', '2026-03-03T10:00:00Z')], day).sameDayDelivery).toBe(
      false,
    );
    expect(historyFigures(base, day).sameDayDelivery).toBeNull();
  });

  it("dates a delivery recorded later by the day it happened (the project's deliveredAt)", () => {
    const base = [change('production', '2026-03-02T09:00:00Z'), change('final_delivery', '2026-03-05T10:00:00Z')];
    expect(historyFigures(base, day).sameDayDelivery).toBe(false);
    expect(historyFigures(base, day, '2026-03-02T12:00:00Z').sameDayDelivery).toBe(true);
    expect(historyFigures(base, day, '2026-03-04T12:00:00Z').sameDayDelivery).toBe(false);
  });

  it('says "not same-day" (not "not delivered") for a delivered project that never entered production', () => {
    const skipped = [change('discovery', '2026-03-01T09:00:00Z'), change('final_delivery', '2026-03-01T12:00:00Z')];
    expect(historyFigures(skipped, day)).toEqual({
      revisionCycles: 0,
      firstPassApproved: true,
      sameDayDelivery: false,
    });
  });
});
