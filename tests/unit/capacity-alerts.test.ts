/** Which capacity alerts the board's band shows, for the people on the board and the hub chosen. */
import { describe, expect, it } from 'vitest';
import { capacityAlertsFor } from '../../src/renderer/src/features/capacity/model';
import type { Alert } from '../../src/shared/money';

const alert = (id: number, rule: Alert['rule'], entityId: number, utilizationPct: number): Alert => ({
  id,
  priority: 'ATTENTION',
  rule,
  entity: rule === 'team_utilization_high' ? 'team' : 'person',
  entityId,
  params: { utilizationPct },
  raisedAt: '2026-12-06T09:00:00Z',
});

describe('capacityAlertsFor', () => {
  const people = [
    alert(1, 'person_overloaded', 10, 120),
    alert(2, 'person_overloaded', 11, 146),
    alert(3, 'person_overloaded', 12, 120),
    alert(4, 'person_overloaded', 13, 180),
  ];
  const team = [alert(9, 'team_utilization_high', 0, 91)];

  it('names only the people on the board, most loaded first, ties by person', () => {
    const shown = new Set([10, 11, 12]);
    expect(capacityAlertsFor(people, team, shown, true).people.map((a) => a.entityId)).toEqual([11, 10, 12]);
  });

  it("shows the team's load only when the board shows every hub", () => {
    const shown = new Set([10, 11, 12, 13]);
    expect(capacityAlertsFor(people, team, shown, true).team?.id).toBe(9);
    expect(capacityAlertsFor(people, team, shown, false).team).toBeNull();
  });

  it('leaves out alerts of other rules and an empty board', () => {
    const other = alert(5, 'client_at_risk', 10, 150);
    expect(capacityAlertsFor([other], [], new Set([10]), true)).toEqual({ people: [], team: null });
    expect(capacityAlertsFor(people, team, new Set(), true).people).toEqual([]);
  });
});
