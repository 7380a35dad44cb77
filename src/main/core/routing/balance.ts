/**
 * "Balance the week" (pure): reassignments of whole assignments between core
 * people, within skills, that remove overload and due-date risk.
 *
 * Objective = 100 × Σ overload hours + 20 × (assignments due by the week's end
 * sitting on an overloaded person) + 1 per move + 0.01 per hour moved.
 * Optimizer: iterated best-improvement local search. Each step tries every
 * movable assignment on every skilled core receiver with room for it, and makes
 * the single move that lowers the objective most; it stops when no move lowers
 * it. A receiver must stay within its available hours, so nobody becomes
 * overloaded and total overload never rises; since only an overloaded giver can
 * gain, an assignment moves at most once and the search ends within as many
 * steps as there are assignments.
 */
import type { BalanceMove, BalanceProposal, PersonSkill, Skill } from '../../../shared/capacity';
import { addDays } from '../../../shared/dates';
import type { EmploymentType } from '../../../shared/domain';

export interface BalancePerson {
  id: number;
  name: string;
  employmentType: EmploymentType;
  skills: PersonSkill[];
  /** in the week */
  availableHours: number;
  /** in the week, including all assignments below */
  committedHours: number;
}

export interface BalanceAssignment {
  id: number;
  projectName: string;
  personId: number;
  skill: Skill;
  hoursThisWeek: number;
  dueDate: string;
  /** false when it cannot move (e.g. logged work today) */
  movable: boolean;
}

const OVERLOAD_WEIGHT = 100;
const DUE_RISK_WEIGHT = 20;
const MOVE_COST = 1;
const HOUR_MOVED_COST = 0.01;
const EPS = 1e-9;

const round2 = (v: number) => Math.round(v * 100) / 100;
const overload = (committed: number, available: number) => Math.max(0, committed - available);
const utilization = (committed: number, available: number) =>
  available > 0 ? Math.round((committed / available) * 1000) / 1000 : null;

export function balanceWeek(
  weekStart: string,
  people: readonly BalancePerson[],
  assignments: readonly BalanceAssignment[],
): BalanceProposal {
  const weekEnd = addDays(weekStart, 6);
  const core = people.filter((p) => p.employmentType === 'core').sort((a, b) => a.id - b.id);
  const byId = new Map(core.map((p) => [p.id, p]));
  const committed = new Map(core.map((p) => [p.id, p.committedHours]));
  const owner = new Map<number, number>();
  const dueSoon = new Map<number, number>(core.map((p) => [p.id, 0]));
  const work = assignments
    .filter((a) => byId.has(a.personId))
    .sort((a, b) => a.id - b.id)
    .map((a) => ({ ...a, dueSoon: a.dueDate <= weekEnd }));
  for (const a of work) {
    owner.set(a.id, a.personId);
    if (a.dueSoon) dueSoon.set(a.personId, dueSoon.get(a.personId)! + 1);
  }

  const level = (p: BalancePerson, skill: Skill) => p.skills.find((s) => s.skill === skill)?.level ?? null;
  const cost = (p: BalancePerson, hours: number, due: number) => {
    const over = overload(hours, p.availableHours);
    return OVERLOAD_WEIGHT * over + (over > EPS ? DUE_RISK_WEIGHT * due : 0);
  };
  const totalOverload = () => round2(core.reduce((s, p) => s + overload(committed.get(p.id)!, p.availableHours), 0));
  const overloadedIds = () => core.filter((p) => committed.get(p.id)! > p.availableHours + EPS).map((p) => p.id);

  const overloadBefore = totalOverload();
  const touched = new Set(overloadedIds());
  const before = new Map(core.map((p) => [p.id, utilization(committed.get(p.id)!, p.availableHours)]));
  const moves: BalanceMove[] = [];

  for (let step = 0; step < work.length; step++) {
    let best: { a: (typeof work)[number]; to: BalancePerson; delta: number; room: number; level: number } | null = null;
    for (const a of work) {
      const fromId = owner.get(a.id)!;
      const from = byId.get(fromId)!;
      if (!a.movable || a.hoursThisWeek <= EPS) continue;
      const fromHours = committed.get(fromId)!;
      const fromDue = dueSoon.get(fromId)!;
      const fromGain =
        cost(from, fromHours, fromDue) - cost(from, fromHours - a.hoursThisWeek, fromDue - (a.dueSoon ? 1 : 0));
      const delta = -fromGain + MOVE_COST + HOUR_MOVED_COST * a.hoursThisWeek;
      if (delta >= -EPS) continue;
      for (const to of core) {
        const toLevel = level(to, a.skill);
        if (to.id === fromId || toLevel === null) continue;
        const room = to.availableHours - committed.get(to.id)! - a.hoursThisWeek;
        if (room < -EPS) continue;
        // Ties: the bigger gain, then the stronger skill, then the most room left, then the lowest ids.
        const better =
          best === null ||
          delta < best.delta - EPS ||
          (Math.abs(delta - best.delta) <= EPS &&
            (toLevel > best.level ||
              (toLevel === best.level &&
                (room > best.room + EPS ||
                  (Math.abs(room - best.room) <= EPS &&
                    (a.id < best.a.id || (a.id === best.a.id && to.id < best.to.id)))))));
        if (better) best = { a, to, delta, room, level: toLevel };
      }
    }
    if (best === null) break;
    const { a, to } = best;
    const fromId = owner.get(a.id)!;
    committed.set(fromId, committed.get(fromId)! - a.hoursThisWeek);
    committed.set(to.id, committed.get(to.id)! + a.hoursThisWeek);
    if (a.dueSoon) {
      dueSoon.set(fromId, dueSoon.get(fromId)! - 1);
      dueSoon.set(to.id, dueSoon.get(to.id)! + 1);
    }
    owner.set(a.id, to.id);
    touched.add(fromId);
    touched.add(to.id);
    moves.push({
      assignmentId: a.id,
      projectName: a.projectName,
      fromPersonId: fromId,
      fromName: byId.get(fromId)!.name,
      toPersonId: to.id,
      toName: to.name,
      hours: a.hoursThisWeek,
      reason: a.dueSoon ? 'due_risk' : 'overload',
    });
  }

  for (const id of overloadedIds()) touched.add(id);
  const listed = core.filter((p) => touched.has(p.id));
  return {
    weekStart,
    moves,
    before: listed.map((p) => ({ personId: p.id, name: p.name, utilization: before.get(p.id)! })),
    after: listed.map((p) => ({
      personId: p.id,
      name: p.name,
      utilization: utilization(committed.get(p.id)!, p.availableHours),
    })),
    overloadBefore,
    overloadAfter: totalOverload(),
  };
}
