/**
 * Production rules (pure): which moves are allowed, what blocks delivery,
 * the due-date risk, and the quality figures derived from a stage history.
 */
import { daysBetween } from '../../../shared/dates';
import type { ProjectStage } from '../../../shared/domain';
import {
  type DueRisk,
  GATE_CHECKLISTS,
  type Gate,
  type GateState,
  type ProjectStageChange,
  WORK_STAGES,
} from '../../../shared/pipeline';

const WORK = new Set<string>(WORK_STAGES);

export { moveProblem, reviewerProblem } from '../../../shared/pipeline';

/** The newest review of each gate. */
export function gateStates(
  reviews: readonly {
    gate: Gate;
    passed: boolean;
    reviewerId: number | null;
    reviewerName: string | null;
    checklist: Record<string, boolean>;
    notes: string | null;
    at: string;
  }[],
): GateState[] {
  return ([1, 2, 3] as const).map((gate) => {
    const latest = reviews
      .filter((r) => r.gate === gate)
      .reduce<(typeof reviews)[number] | null>((m, r) => (m === null || r.at >= m.at ? r : m), null);
    return latest
      ? { ...latest, gate }
      : {
          gate,
          passed: null,
          reviewerId: null,
          reviewerName: null,
          checklist: Object.fromEntries(GATE_CHECKLISTS[gate].map((i) => [i, false])),
          notes: null,
          at: null,
        };
  });
}

/** What stops delivery: the work has been in production, and every gate has passed (its newest review). */
export function deliveryBlockers(stage: ProjectStage, gates: readonly GateState[]): string[] {
  const gateLines = gates
    .filter((g) => g.passed !== true)
    .map((g) => `Gate ${g.gate} ${g.passed === false ? 'failed its last review' : 'has not been reviewed'}.`);
  return stage === 'discovery'
    ? ['The project is still in Discovery: move it into Production first.', ...gateLines]
    : gateLines;
}

/** A gate is reviewed in order: gate 2 after gate 1 passed, gate 3 after gate 2. */
export function gateOrderProblem(gates: readonly GateState[], gate: Gate): string | null {
  if (gate === 1) return null;
  const previous = gates.find((g) => g.gate === gate - 1);
  return previous?.passed === true ? null : `Gate ${gate - 1} must pass before gate ${gate} is reviewed.`;
}

export function checklistPasses(gate: Gate, checklist: Record<string, boolean>): boolean {
  return GATE_CHECKLISTS[gate].every((item) => checklist[item] === true);
}

export function dueRisk(stage: ProjectStage, dueDate: string, today: string): DueRisk {
  if (!WORK.has(stage)) return 'on_track';
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'overdue';
  const withClient = stage === 'client_preview';
  return left <= 2 && !withClient ? 'due_soon' : 'on_track';
}

/**
 * Revision cycles = moves into revision; first-pass = delivered with none;
 * same-day = delivered the day production began (never, if it never entered
 * production). The delivery's day is the project's `deliveredAt` when known: a
 * delivery recorded days after it happened is dated when it happened.
 */
export function historyFigures(
  history: readonly ProjectStageChange[],
  toDate: (instant: string) => string,
  deliveredAt: string | null = null,
) {
  const revisionCycles = history.filter((h) => h.toStage === 'revision').length;
  const delivered = history.find((h) => h.toStage === 'final_delivery');
  const production = history.find((h) => h.toStage === 'production');
  return {
    revisionCycles,
    firstPassApproved: delivered ? revisionCycles === 0 : null,
    sameDayDelivery: delivered
      ? production !== undefined && toDate(deliveredAt ?? delivered.at) === toDate(production.at)
      : null,
  };
}
