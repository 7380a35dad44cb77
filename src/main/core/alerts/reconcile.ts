/** Brings a family of rule alerts up to date: raise what holds, resolve what no longer does. */
import type { AlertPriority, AlertRule } from '../../../shared/domain';
import type { Sqlite } from '../db/client';

export interface WantedAlert {
  priority: AlertPriority;
  rule: AlertRule;
  entity: 'client' | 'lead' | 'person' | 'team';
  entityId: number;
  params: Record<string, string | number | null>;
}

export function reconcileAlerts(
  sqlite: Sqlite,
  rules: readonly AlertRule[],
  wanted: readonly WantedAlert[],
  at: string,
  /** Only the alerts of these entities are brought up to date (`wanted` names no other); all when absent. */
  onlyEntityIds?: readonly number[],
): void {
  const open = sqlite
    .prepare(
      `SELECT id, rule, entity_id, params FROM alerts WHERE rule IN (${rules.map(() => '?').join(',')}) AND resolved_at IS NULL
       ${onlyEntityIds === undefined ? '' : 'AND entity_id IN (SELECT value FROM json_each(?))'}`,
    )
    .all(...rules, ...(onlyEntityIds === undefined ? [] : [JSON.stringify(onlyEntityIds)])) as {
    id: number;
    rule: string;
    entity_id: number;
    params: string;
  }[];
  const key = (rule: string, id: number) => `${rule}:${id}`;
  const wantedKeys = new Set(wanted.map((w) => key(w.rule, w.entityId)));
  const openByKey = new Map(open.map((o) => [key(o.rule, o.entity_id), o]));
  const resolve = sqlite.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?');
  for (const o of open) if (!wantedKeys.has(key(o.rule, o.entity_id))) resolve.run(at, o.id);
  const insert = sqlite.prepare(
    'INSERT INTO alerts (priority, rule, entity, entity_id, params, raised_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // An alert that still holds keeps its id, raise time and dismissal; its figures (a score, a name) stay current.
  const refresh = sqlite.prepare('UPDATE alerts SET params = ? WHERE id = ?');
  for (const w of wanted) {
    const params = JSON.stringify(w.params);
    const already = openByKey.get(key(w.rule, w.entityId));
    if (!already) insert.run(w.priority, w.rule, w.entity, w.entityId, params, at);
    else if (already.params !== params) refresh.run(params, already.id);
  }
}
