/** Production's KPIs of a period on a real workspace file, against numbers worked out by hand. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDefaultServices } from '../../src/main/core/catalogue/repo';
import { openSqlite, type Sqlite } from '../../src/main/core/db/client';
import { migrateWorkspace } from '../../src/main/core/db/migrate';
import { type HubRow, insertHubRow } from '../../src/main/core/hubs/repo';
import { projectKpis } from '../../src/main/core/kpis/projects';
import { insertSettings } from '../../src/main/core/settings/repo';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterAll(cleanTempDirs);

/** Long after every period asked about: no period is under way. */
const NOW = new Date('2027-06-01T12:00:00Z');

describe('production KPIs of a period', () => {
  let sqlite: Sqlite;
  const hubs = { lima: 0, copenhagen: 0 };
  const december = { from: '2026-12-01', to: '2026-12-31' };

  function project(p: {
    hub: keyof typeof hubs;
    delivered: string | null;
    due: string;
    revisions?: number;
    satisfaction?: number | null;
    stage?: string;
  }) {
    const client = sqlite
      .prepare(
        "INSERT INTO clients (name, tier, vertical, hub_id, country, created_at) VALUES (?, 2, 'saas', ?, 'PE', ?)",
      )
      .run(`Client ${Math.random()}`, hubs[p.hub], '2026-01-01T00:00:00Z').lastInsertRowid;
    sqlite
      .prepare(
        `INSERT INTO projects (name, client_id, hub_id, service_id, value_minor, currency, stage, created_at, start_date,
           due_date, delivered_at, satisfaction, revision_cycles)
         VALUES ('P', ?, ?, (SELECT min(id) FROM services), 10000, 'USD', ?, '2026-11-01T12:00:00Z', '2026-11-01', ?, ?, ?, ?)`,
      )
      .run(
        client,
        hubs[p.hub],
        p.stage ?? (p.delivered ? 'final_delivery' : 'production'),
        p.due,
        p.delivered,
        p.satisfaction ?? null,
        p.revisions ?? 0,
      );
  }

  beforeAll(async () => {
    const file = path.join(tempDir(), 'production.atalaya');
    sqlite = openSqlite(file, { create: true });
    await migrateWorkspace(sqlite, file, MIGRATIONS_DIR);
    // The workspace reports in Lima (UTC−5): December runs from Dec 1, 05:00 UTC to Jan 1, 05:00 UTC.
    insertSettings(sqlite, {
      name: 'KPIs',
      reportingCurrency: 'USD',
      timeZone: 'America/Lima',
      at: '2026-01-01T00:00:00Z',
    });
    insertDefaultServices(sqlite);
    const hub = (name: string, timeZone: string): HubRow => ({
      name,
      country: 'PE',
      timeZone,
      currency: 'USD',
      targetKind: null,
      targetShareBp: null,
      color: '#f59e0b',
    });
    hubs.lima = insertHubRow(sqlite, hub('Lima', 'America/Lima'));
    hubs.copenhagen = insertHubRow(sqlite, hub('Copenhagen', 'Europe/Copenhagen'));
    // On its due date, first pass, rated 9.
    project({ hub: 'lima', delivered: '2026-12-03T15:00:00Z', due: '2026-12-03', satisfaction: 9 });
    // Dec 4, 04:30 UTC is still Dec 3 in Lima: on time (by the UTC date it would be late). One revision, rated 7.
    project({ hub: 'lima', delivered: '2026-12-04T04:30:00Z', due: '2026-12-03', revisions: 1, satisfaction: 7 });
    // Dec 10, 00:30 in Lima: a day late. Two revisions. (On-time is judged by the workspace's calendar, as routing
    // and the board's overdue badges judge it, whatever the hub.)
    project({ hub: 'copenhagen', delivered: '2026-12-10T05:30:00Z', due: '2026-12-09', revisions: 2 });
    // Dec 31, 23:00 UTC is Dec 31 in Lima, the workspace's zone: in December. Early, first pass, rated 10.
    project({ hub: 'copenhagen', delivered: '2026-12-31T23:00:00Z', due: '2027-01-05', satisfaction: 10 });
    // Not in the period: Nov 30 in Lima; cancelled (counts nowhere); not delivered.
    project({ hub: 'copenhagen', delivered: '2026-12-01T04:59:59Z', due: '2026-12-01', satisfaction: 1 });
    project({ hub: 'lima', delivered: '2026-12-05T12:00:00Z', due: '2026-12-01', stage: 'cancelled', revisions: 3 });
    project({ hub: 'lima', delivered: null, due: '2026-12-10' });
  });

  it('counts deliveries in the period and judges each against its due date', () => {
    expect(projectKpis(sqlite, { ...december, hubId: null }, NOW)).toEqual({
      ...december,
      hubId: null,
      delivered: 4,
      onTime: { part: 3, whole: 4, share: 0.75 },
      firstPass: { part: 2, whole: 4, share: 0.5 },
      // 0 + 1 + 2 + 0 revision cycles over 4 projects.
      revisionCycles: { total: 3, count: 4, mean: 0.75 },
      // 9 + 7 + 10 over the 3 rated ones.
      satisfaction: { total: 26, count: 3, mean: 26 / 3 },
    });
  });

  it("keeps to one hub's projects", () => {
    expect(projectKpis(sqlite, { ...december, hubId: hubs.lima }, NOW)).toMatchObject({
      delivered: 2,
      onTime: { part: 2, whole: 2, share: 1 },
      firstPass: { part: 1, whole: 2, share: 0.5 },
      revisionCycles: { total: 1, count: 2, mean: 0.5 },
      satisfaction: { total: 16, count: 2, mean: 8 },
    });
    expect(projectKpis(sqlite, { ...december, hubId: hubs.copenhagen }, NOW)).toMatchObject({
      delivered: 2,
      onTime: { part: 1, whole: 2, share: 0.5 },
      satisfaction: { total: 10, count: 1, mean: 10 },
    });
  });

  it('has nothing to show for a period with no delivery (never 0%)', () => {
    expect(projectKpis(sqlite, { from: '2025-01-01', to: '2025-12-31', hubId: null }, NOW)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      hubId: null,
      delivered: 0,
      onTime: { part: 0, whole: 0, share: null },
      firstPass: { part: 0, whole: 0, share: null },
      revisionCycles: { total: 0, count: 0, mean: null },
      satisfaction: { total: 0, count: 0, mean: null },
    });
  });

  it('reads the covering index of deliveries', () => {
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM projects INDEXED BY projects_delivered
         WHERE delivered_at IS NOT NULL AND delivered_at >= '' AND stage <> 'cancelled' AND hub_id = 1`,
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/COVERING INDEX projects_delivered/);
  });
});
