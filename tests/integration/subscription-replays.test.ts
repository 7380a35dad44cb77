/**
 * The subscriptions the KPI strips replay are read once and kept until what they read is written: a subscription,
 * a change, a client's hub; by this connection or by another one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, type Sqlite } from '../../src/main/core/db/client';
import { financeKpis } from '../../src/main/core/kpis/finance';
import { keptSubscriptionReplays } from '../../src/main/core/subscriptions/repo';
import { cleanTempDirs } from '../helpers';
import { limaWorkspace } from './kpi-workspace';

afterAll(cleanTempDirs);

const NOW = new Date('2027-06-01T12:00:00Z');
const december = { from: '2026-12-01', to: '2026-12-31' };

describe('kept subscription replays', () => {
  let sqlite: Sqlite;
  let hubs: Record<'a' | 'b', number> = { a: 0, b: 0 };
  let client = 0;
  let subscription = 0;
  const insert = (db: Sqlite, sql: string, ...params: unknown[]) =>
    Number(db.prepare(sql).run(...params).lastInsertRowid);
  const change = (db: Sqlite, kind: string, on: string, fee: number | null) =>
    insert(
      db,
      `INSERT INTO subscription_changes (subscription_id, kind, effective_on, fee_minor, created_at)
       VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')`,
      subscription,
      kind,
      on,
      fee,
    );

  beforeAll(async () => {
    ({ sqlite, hubs } = await limaWorkspace('replays.atalaya', '2026-01-01T00:00:00Z'));
    const service = insert(
      sqlite,
      `INSERT INTO services (code, name, kind, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor,
         t3_min_minor, t3_max_minor, turnaround_hours_min, turnaround_hours_max, effort_hours)
       VALUES ('SUB', 'Service', 'subscription', 'USD', 1, 1, 1, 1, 1, 1, 1, 1, 1)`,
    );
    client = insert(
      sqlite,
      "INSERT INTO clients (name, tier, vertical, hub_id, country, created_at) VALUES ('C', 2, 'saas', ?, 'PE', ?)",
      hubs.a,
      '2026-01-01T00:00:00Z',
    );
    subscription = insert(
      sqlite,
      "INSERT INTO subscriptions (client_id, service_id, currency, created_at) VALUES (?, ?, 'USD', '2026-01-01T00:00:00Z')",
      client,
      service,
    );
    change(sqlite, 'start', '2026-11-01', 310_000);
  });

  it('reads them once per hub and day until they are written', () => {
    const first = keptSubscriptionReplays(sqlite, null, '2026-12-31');
    expect(first).toEqual([
      {
        clientId: client,
        currency: 'USD',
        segments: [{ from: '2026-11-01', to: '2026-12-31', feeMinor: 310_000, feeSince: '2026-11-01' }],
      },
    ]);
    expect(keptSubscriptionReplays(sqlite, null, '2026-12-31')).toBe(first);
    // Another day is its own replay: a history is replayed up to that day only.
    expect(keptSubscriptionReplays(sqlite, null, '2026-11-15')[0]?.segments).toEqual([
      { from: '2026-11-01', to: '2026-11-15', feeMinor: 310_000, feeSince: '2026-11-01' },
    ]);
    // Started after that day: nothing to replay.
    expect(keptSubscriptionReplays(sqlite, null, '2026-10-31')).toEqual([]);
    expect(keptSubscriptionReplays(sqlite, hubs.b, '2026-12-31')).toEqual([]);
  });

  it('replays a change written on this connection', () => {
    const before = financeKpis(sqlite, { ...december, hubId: null }, NOW).revenue.subscriptionsMinor;
    expect(before).toBe(310_000);
    // Cancelled on Dec 17: December's first 16 days of 31.
    const id = change(sqlite, 'cancel', '2026-12-17', null);
    expect(financeKpis(sqlite, { ...december, hubId: null }, NOW).revenue.subscriptionsMinor).toBe(160_000);
    sqlite.prepare('DELETE FROM subscription_changes WHERE id = ?').run(id);
    expect(financeKpis(sqlite, { ...december, hubId: null }, NOW).revenue.subscriptionsMinor).toBe(310_000);
  });

  it("replays another connection's writes, and follows a client to another hub", () => {
    expect(financeKpis(sqlite, { ...december, hubId: hubs.a }, NOW).revenue.subscriptions).toBe(1);
    const other = openSqlite(sqlite.name);
    try {
      other
        .prepare("UPDATE subscription_changes SET fee_minor = 620000 WHERE subscription_id = ? AND kind = 'start'")
        .run(subscription);
      expect(financeKpis(sqlite, { ...december, hubId: hubs.a }, NOW).revenue.subscriptionsMinor).toBe(620_000);
      other.prepare('UPDATE clients SET hub_id = ? WHERE id = ?').run(hubs.b, client);
    } finally {
      other.close();
    }
    expect(financeKpis(sqlite, { ...december, hubId: hubs.a }, NOW).revenue.subscriptions).toBe(0);
    expect(financeKpis(sqlite, { ...december, hubId: hubs.b }, NOW).revenue.subscriptions).toBe(1);
    // Here too.
    sqlite.prepare('UPDATE clients SET hub_id = ? WHERE id = ?').run(hubs.a, client);
    expect(keptSubscriptionReplays(sqlite, hubs.b, '2026-12-31')).toEqual([]);
    expect(keptSubscriptionReplays(sqlite, hubs.a, '2026-12-31')).toHaveLength(1);
  });
});
