/**
 * Client alerts after a write, on a real SQLite file of the demo agency: only
 * the clients a write touched are recomputed (a full pass takes seconds at
 * scale), with the same result as a full pass; every client is recomputed once
 * a day and after another connection wrote to the file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncClientAlerts, syncClientAlertsAfterWrite } from '../../src/main/core/clients/repo';
import { generateDemo } from '../../src/main/core/demo/generate';
import { createWorkspaceFile, openExisting } from '../../src/main/core/workspace/files';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

type Sqlite = ReturnType<typeof openExisting>;
const AS_OF = '2026-11-20';

/** The client alerts, open and resolved, as rows to compare. */
const clientAlerts = (db: Sqlite) =>
  db
    .prepare(
      `SELECT rule, entity_id, params, resolved_at IS NULL AS open FROM alerts
       WHERE rule IN ('client_at_risk', 'client_upsell') ORDER BY rule, entity_id, id`,
    )
    .all();
const atRisk = (db: Sqlite, clientId: number) =>
  db
    .prepare("SELECT count(*) FROM alerts WHERE rule = 'client_at_risk' AND entity_id = ? AND resolved_at IS NULL")
    .pluck()
    .get(clientId) as number;

/** Repeat clients delivered to lately and not at risk: ones a bad month would put at risk. */
function healthyRepeatClients(db: Sqlite): number[] {
  return db
    .prepare(
      `SELECT p.client_id FROM projects p
       WHERE p.delivered_at IS NOT NULL AND p.client_id NOT IN
         (SELECT entity_id FROM alerts WHERE rule = 'client_at_risk' AND resolved_at IS NULL)
       GROUP BY p.client_id HAVING count(*) >= 2 AND max(p.delivered_at) >= '2026-10-01' ORDER BY p.client_id`,
    )
    .pluck()
    .all() as number[];
}

/** Unhappy, slow and unpaid: every rating 1, five revision rounds, every invoice 60 days overdue. */
function sour(db: Sqlite, clientId: number) {
  db.prepare(
    'UPDATE projects SET satisfaction = 1, revision_cycles = 5 WHERE client_id = ? AND delivered_at IS NOT NULL',
  ).run(clientId);
  db.prepare(
    `UPDATE invoices SET paid_on = NULL, status = 'sent', due_date = date(?, '-60 days')
     WHERE client_id = ? AND status IN ('sent', 'paid')`,
  ).run(AS_OF, clientId);
}

describe('client alerts after a write', () => {
  let file: string;
  let db: Sqlite;
  beforeAll(async () => {
    file = path.join(tempDir(), 'alerts.atalaya');
    await createWorkspaceFile(file, { migrationsDir: MIGRATIONS_DIR }, (sqlite) =>
      generateDemo(sqlite, { profile: 'agency', seed: 'alerts', asOf: AS_OF }),
    );
    db = openExisting(file, {});
    db.transaction(() => syncClientAlertsAfterWrite(db, AS_OF, 'first'))();
  });
  afterAll(() => {
    db.close();
    cleanTempDirs();
  });

  it('recomputes the clients a write touched, with the same alerts as a pass over every client', () => {
    const [client] = healthyRepeatClients(db);
    expect(client, 'the demo has a healthy repeat client').toBeDefined();
    const before = clientAlerts(db);
    db.transaction(() => {
      sour(db, client!);
      syncClientAlertsAfterWrite(db, AS_OF, 'soured');
    })();
    expect(atRisk(db, client!)).toBe(1);
    const scoped = clientAlerts(db);
    expect(scoped).not.toEqual(before);
    db.transaction(() => syncClientAlerts(db, AS_OF, 'soured'))();
    expect(clientAlerts(db)).toEqual(scoped);
  });

  it('a change the triggers cannot see (the passing of time) waits for the next day, which recomputes everyone', () => {
    const client = healthyRepeatClients(db)[1]!;
    db.transaction(() => {
      sour(db, client);
      // As if the change came with the date rather than a write: nothing names the client.
      db.exec('DELETE FROM temp.client_alerts_dirty');
      syncClientAlertsAfterWrite(db, AS_OF, 'same day');
    })();
    expect(atRisk(db, client)).toBe(0);
    db.transaction(() => syncClientAlertsAfterWrite(db, '2026-11-21', 'next day'))();
    expect(atRisk(db, client)).toBe(1);
  });

  it('after another connection wrote to the file, recomputes every client', () => {
    const client = healthyRepeatClients(db)[2]!;
    const other = openExisting(file, {});
    try {
      other.transaction(() => sour(other, client))();
    } finally {
      other.close();
    }
    db.transaction(() => syncClientAlertsAfterWrite(db, '2026-11-21', 'after the other'))();
    expect(atRisk(db, client)).toBe(1);
  });

  it('a rolled-back action leaves no trace in the bookkeeping', () => {
    const client = healthyRepeatClients(db)[3]!;
    expect(() =>
      db.transaction(() => {
        sour(db, client);
        syncClientAlertsAfterWrite(db, '2026-11-21', 'rolled back');
        throw new Error('the action failed after the hooks');
      })(),
    ).toThrow('the action failed');
    expect(atRisk(db, client)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM temp.client_alerts_dirty').pluck().get()).toBe(0);
  });
});
