/**
 * The demo's production history: each project walks from discovery to the
 * stage the simulation reached, through the board's own stage history,
 * so revision cycles, first-pass approval and same-day delivery are derived
 * from a real history. Delivered projects passed gates 1–3 (sometimes after a
 * failed review) and most have a satisfaction rating. Its own random stream.
 */
import { isoInstant as iso } from '../../../shared/dates';
import { GATE_CHECKLISTS, type Gate } from '../../../shared/pipeline';
import { BatchedInsert } from '../db/bulk';
import type { Sqlite } from '../db/client';
import { recordStage, recordStages } from '../projects/history';
import type { DemoPlan } from './generate';
import { Random } from './random';

export interface ProductionPlan {
  id: number;
  target: 'discovery' | 'production' | 'qa' | 'client_preview' | 'revision' | 'final_delivery' | 'cancelled';
  /** UTC instants. */
  createdAt: string;
  deliveredAt: string | null;
  dueDate: string;
}

const DAY = 86_400_000;

export function simulateProduction(
  sqlite: Sqlite,
  plans: readonly ProductionPlan[],
  plan: DemoPlan,
  at: (date: string, minutes: number) => string,
): void {
  const rng = new Random(`${plan.seed}|${plan.asOf}|production`);
  const asOfEnd = Date.parse(at(plan.asOf, 20 * 60));
  const reviewers = sqlite
    .prepare(
      `SELECT id, role, start_date FROM people
       WHERE employment_type = 'core' AND role IN ('Project Manager', 'AI Specialist', 'QA Specialist', 'Content Creator')`,
    )
    .all() as { id: number; role: string; start_date: string }[];
  const firstHistory = sqlite.prepare(
    "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor) VALUES (?, NULL, 'discovery', ?, 'demo')",
  );
  const review = new BatchedInsert(sqlite, 'quality_gate_reviews', [
    'project_id',
    'gate',
    'passed',
    'reviewer_id',
    'checklist',
    'notes',
    'at',
  ]);
  const setSatisfaction = sqlite.prepare('UPDATE projects SET satisfaction = ? WHERE id = ?');

  /** Who could review on a day (people who had started), computed once per day. */
  const reviewersOn = new Map<string, typeof reviewers>();
  const eligibleOn = (day: string) => {
    let list = reviewersOn.get(day);
    if (!list) {
      list = reviewers.filter((r) => r.start_date <= day);
      reviewersOn.set(day, list);
    }
    return list;
  };
  const checklist = (items: readonly string[], failing: string | null) =>
    JSON.stringify(Object.fromEntries(items.map((i) => [i, i !== failing])));
  const allPassed = new Map(([1, 2, 3] as const).map((g) => [g, checklist(GATE_CHECKLISTS[g], null)]));
  const gate = (projectId: number, g: Gate, ms: number, passed: boolean) => {
    const when = iso(ms);
    const eligible = eligibleOn(when.slice(0, 10));
    const reviewer = eligible.length > 0 ? rng.pick(eligible).id : null;
    const items = GATE_CHECKLISTS[g];
    const failing = passed ? null : rng.pick(items);
    review.add(
      projectId,
      g,
      passed ? 1 : 0,
      reviewer,
      passed ? allPassed.get(g)! : checklist(items, failing),
      passed ? null : 'Sent back with notes.',
      when,
    );
  };

  for (const p of plans) {
    const start = Date.parse(p.createdAt);
    firstHistory.run(p.id, p.createdAt);
    if (p.target === 'discovery') continue;
    if (p.target === 'cancelled') {
      recordStage(sqlite, p.id, 'cancelled', iso(Math.min(asOfEnd, start + rng.int(1, 5) * DAY)), 'demo');
      continue;
    }
    const delivered = p.target === 'final_delivery';
    const revisions = delivered
      ? rng.weighted([
          [0, 72],
          [1, 19],
          [2, 7],
          [3, 2],
        ] as const)
      : p.target === 'revision'
        ? 1
        : 0;
    const path: ('production' | 'qa' | 'client_preview' | 'revision' | 'final_delivery')[] = [
      'production',
      'qa',
      'client_preview',
    ];
    for (let r = 0; r < revisions; r++) path.push('revision', 'client_preview');
    if (delivered) path.push('final_delivery');
    else path.splice(path.lastIndexOf(p.target as (typeof path)[number]) + 1);
    // The steps share the time between intake and delivery (or now); quick jobs move within the day.
    const end = delivered ? Date.parse(p.deliveredAt!) : Math.max(start + 60_000, asOfEnd - rng.int(1, 6) * 3_600_000);
    const span = Math.max(path.length * 60_000, end - start);
    const moves: { stage: (typeof path)[number]; at: string }[] = [];
    path.forEach((stage, i) => {
      const ms = start + Math.round((span * (i + 1)) / path.length);
      if (stage === 'qa') {
        // Gate 1 (automated) at QA; gate 2 (peer) now and then sends work back first.
        gate(p.id, 1, ms + 30_000, true);
        if (delivered || p.target !== 'qa') {
          if (revisions > 0 && rng.chance(0.5)) gate(p.id, 2, ms + 45_000, false);
          gate(p.id, 2, ms + 50_000, true);
        }
      }
      if (stage === 'final_delivery') gate(p.id, 3, ms - 60_000, true);
      moves.push({ stage, at: iso(ms) });
    });
    recordStages(sqlite, p.id, moves, 'demo');
    if (delivered && rng.chance(0.85)) {
      const late = p.deliveredAt!.slice(0, 10) > p.dueDate ? 1 : 0;
      setSatisfaction.run(
        Math.max(1, Math.min(10, rng.int(8, 10) - revisions - late - (rng.chance(0.1) ? 2 : 0))),
        p.id,
      );
    }
  }
  review.flush();
}
