/**
 * Capacity alerts (ATTENTION): the team's utilization for the coming seven
 * days at or above the warning line (85%), and anyone above 100%.
 */
import { WARNING_UTILIZATION } from '../../../shared/capacity';
import { addDays } from '../../../shared/dates';
import { reconcileAlerts, type WantedAlert } from '../alerts/reconcile';
import type { Sqlite } from '../db/client';
import { loadPeople } from './calendar';
import { figures, isOverloaded, sumFigures } from './engine';
import { personDays } from './matrix';

export function capacityAlertsWanted(sqlite: Sqlite, today: string): WantedAlert[] {
  const to = addDays(today, 6);
  const people = loadPeople(sqlite).filter(
    (p) => p.employmentType === 'core' && p.startDate <= to && (p.endDate === null || p.endDate >= today),
  );
  const rows = personDays(sqlite, people, today, to, () => today);
  const wanted: WantedAlert[] = [];
  const perPerson = rows.map(({ person, days }) => {
    const f = figures(
      days.reduce((s, d) => s + d.available, 0),
      days.reduce((s, d) => s + d.committed, 0),
    );
    if (isOverloaded(f))
      wanted.push({
        priority: 'ATTENTION',
        rule: 'person_overloaded',
        entity: 'person',
        entityId: person.id,
        params: { personName: person.name, utilizationPct: Math.round((f.utilization ?? 0) * 100), from: today, to },
      });
    return f;
  });
  const team = sumFigures(perPerson);
  if (team.utilization !== null && team.utilization >= WARNING_UTILIZATION - 1e-9)
    wanted.push({
      priority: 'ATTENTION',
      rule: 'team_utilization_high',
      entity: 'team',
      entityId: 0,
      params: { utilizationPct: Math.round(team.utilization * 100), from: today, to },
    });
  return wanted;
}

/** Raises the capacity alerts whose condition holds and resolves those that no longer do. */
export function syncCapacityAlerts(sqlite: Sqlite, today: string, at: string): void {
  reconcileAlerts(sqlite, ['team_utilization_high', 'person_overloaded'], capacityAlertsWanted(sqlite, today), at);
  synced.set(sqlite, `${today}|${sqlite.pragma('data_version', { simple: true })}`);
}

/** Per connection: the day and the other processes' data the capacity alerts were last brought up to date for. */
const synced = new WeakMap<Sqlite, string>();

/**
 * Whether the capacity alerts may be behind: every write here brings them up
 * to date (onEveryWrite), but they look at the coming seven days, which move
 * with the date, and another process may have changed the work.
 */
export function capacityAlertsStale(sqlite: Sqlite, today: string): boolean {
  return synced.get(sqlite) !== `${today}|${sqlite.pragma('data_version', { simple: true })}`;
}
