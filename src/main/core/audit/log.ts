import { cached, type Sqlite } from '../db/client';

/** Appends one line to the audit log; call inside the action's transaction. */
export function audit(
  sqlite: Sqlite,
  entry: { at: string; actor: string; action: string; entity: string; entityId?: number | null; detail?: unknown },
): void {
  cached(sqlite, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}
