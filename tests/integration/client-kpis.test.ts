/** Clients' KPIs of a period on a real workspace file, against numbers worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { clientKpis } from '../../src/main/core/kpis/clients';
import { cleanTempDirs } from '../helpers';
import { limaWorkspace } from './kpi-workspace';

afterAll(cleanTempDirs);

/** Long after every period asked about: no period is under way. */
const NOW = new Date('2027-06-01T12:00:00Z');

describe('client KPIs of a period', () => {
  let sqlite: Sqlite;
  let hubs: Record<'a' | 'b', number> = { a: 0, b: 0 };
  /** Two project services and a subscription service. */
  const services = { one: 0, two: 0, sub: 0 };
  const c: Record<string, number> = {};
  const december = { from: '2026-12-01', to: '2026-12-31' };

  const insert = (sql: string, ...params: unknown[]) => Number(sqlite.prepare(sql).run(...params).lastInsertRowid);
  const service = (kind: string) =>
    insert(
      `INSERT INTO services (code, name, kind, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor,
         t3_min_minor, t3_max_minor, turnaround_hours_min, turnaround_hours_max, effort_hours)
       VALUES (?, ?, ?, 'USD', 1, 1, 1, 1, 1, 1, 1, 1, 1)`,
      `S${kind}${Math.random()}`,
      'Service',
      kind,
    );
  const client = (name: string, hub: 'a' | 'b') => {
    c[name] = insert(
      "INSERT INTO clients (name, tier, vertical, hub_id, country, created_at) VALUES (?, 2, 'saas', ?, 'PE', ?)",
      name,
      hubs[hub],
      '2026-01-01T00:00:00Z',
    );
  };
  function project(
    name: string,
    p: { hub: 'a' | 'b'; created: string; delivered?: string; service?: 'one' | 'two'; stage?: string },
  ) {
    insert(
      `INSERT INTO projects (name, client_id, hub_id, service_id, value_minor, currency, stage, created_at, start_date,
         due_date, delivered_at)
       VALUES ('P', ?, ?, ?, 10000, 'USD', ?, ?, '2026-01-01', '2027-01-31', ?)`,
      c[name],
      hubs[p.hub],
      services[p.service ?? 'one'],
      p.stage ?? (p.delivered ? 'paid' : 'production'),
      p.created,
      p.delivered ?? null,
    );
  }
  function subscription(name: string, changes: [kind: string, on: string][]) {
    const id = insert(
      "INSERT INTO subscriptions (client_id, service_id, currency, created_at) VALUES (?, ?, 'USD', '2026-01-01T00:00:00Z')",
      c[name],
      services.sub,
    );
    for (const [kind, on] of changes)
      insert(
        `INSERT INTO subscription_changes (subscription_id, kind, effective_on, fee_minor, created_at)
         VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')`,
        id,
        kind,
        on,
        kind === 'start' ? 50_000 : null,
      );
  }

  beforeAll(async () => {
    // Lima is UTC−5: December runs from Dec 1, 05:00 UTC to Jan 1, 05:00 UTC; November from Nov 1, 05:00 UTC.
    ({ sqlite, hubs } = await limaWorkspace('clients.atalaya', '2026-01-01T00:00:00Z'));
    services.one = service('project');
    services.two = service('project');
    services.sub = service('subscription');

    // C1 (A): first project at December's first instant (new); its one delivery in December.
    client('C1', 'a');
    project('C1', { hub: 'a', created: '2026-12-01T05:00:00.000Z', delivered: '2026-12-10T15:00:00Z' });
    // C2 (A): first project a second earlier, Nov 30 in Lima (not new in December, new in November), delivered in
    // November; a second one of another service delivered Dec 31, 18:00 in Lima: 2 deliveries to date, 2 services.
    client('C2', 'a');
    project('C2', { hub: 'a', created: '2026-12-01T04:59:59Z', delivered: '2026-11-20T12:00:00Z' });
    project('C2', { hub: 'a', created: '2026-12-05T12:00:00Z', delivered: '2026-12-31T23:00:00Z', service: 'two' });
    // C3 (B): one delivery in December; another service only on a cancelled project and on one created Jan 1 in
    // Lima, after the period (one service type by December's end); a subscription from October (upsell by it).
    client('C3', 'b');
    project('C3', { hub: 'b', created: '2026-06-01T12:00:00Z', delivered: '2026-12-15T12:00:00Z' });
    project('C3', { hub: 'b', created: '2026-12-20T12:00:00Z', service: 'two', stage: 'cancelled' });
    project('C3', { hub: 'b', created: '2027-01-01T05:00:00.000Z', service: 'two' });
    subscription('C3', [['start', '2026-10-01']]);
    // C4 (B): new in December, two deliveries in it (repeat), one service. Its second project is hub A's.
    client('C4', 'b');
    project('C4', { hub: 'b', created: '2026-12-03T12:00:00Z', delivered: '2026-12-05T12:00:00Z' });
    project('C4', { hub: 'a', created: '2026-12-04T12:00:00Z', delivered: '2026-12-20T12:00:00Z' });
    // C5 (A): active in November only (delivered Nov 10, 13:00 in Lima).
    client('C5', 'a');
    project('C5', { hub: 'a', created: '2026-10-01T12:00:00Z', delivered: '2026-11-10T18:00:00Z' });
    // C6 (B): a subscription only, paused from Dec 1 (last active day Nov 30).
    client('C6', 'b');
    subscription('C6', [
      ['start', '2026-09-01'],
      ['pause', '2026-12-01'],
    ]);
    // C7 (A): no project yet: not a client won. C8 (A): its only project was cancelled: counts nowhere.
    client('C7', 'a');
    client('C8', 'a');
    project('C8', { hub: 'a', created: '2026-12-02T12:00:00Z', stage: 'cancelled', delivered: '2026-12-09T12:00:00Z' });
    // C9 (B): new in November (Nov 1, 07:00 in Lima), delivered Nov 30, 23:59:59 in Lima: active in November only.
    client('C9', 'b');
    project('C9', { hub: 'b', created: '2026-11-01T12:00:00Z', delivered: '2026-12-01T04:59:59Z' });
  });

  it('counts new clients, repeat and upsell over the period, retention over its month against the one before', () => {
    expect(clientKpis(sqlite, { ...december, hubId: null }, NOW)).toEqual({
      ...december,
      hubId: null,
      // C1 and C4 (C2's first project is Nov 30 in Lima; C7 has none; C8's was cancelled).
      newClients: 2,
      // Delivered to in December: C1, C2, C3, C4. With ≥ 2 deliveries to date: C2 (Nov + Dec), C4 (two in Dec).
      repeatRate: { part: 2, whole: 4, share: 0.5 },
      // C2 bought two service types; C3 one (the cancelled and the January projects don't count) and holds a
      // subscription on Dec 31.
      upsellRate: { part: 2, whole: 4, share: 0.5, services: 1, subscribers: 1 },
      // Active in November: C2, C5, C9 (deliveries), C3, C6 (subscriptions). In December: C1, C2, C3, C4. Both: C2, C3.
      retention: {
        month: '2026-12',
        previousMonth: '2026-11',
        through: '2026-12-31',
        retained: { part: 2, whole: 5, share: 0.4 },
        active: 4,
      },
    });
  });

  it('tells a real 0% (clients delivered to, none upsold) from nothing to divide', () => {
    expect(clientKpis(sqlite, { from: '2026-11-01', to: '2026-11-30', hubId: null }, NOW)).toMatchObject({
      // C2 (Nov 30 in Lima) and C9.
      newClients: 2,
      // C2, C5, C9 each with one delivery by November's end and one service type (C2's second came in December).
      repeatRate: { part: 0, whole: 3, share: 0 },
      upsellRate: { part: 0, whole: 3, share: 0, services: 0, subscribers: 0 },
      // October: C3 and C6 by subscription; both active in November.
      retention: { month: '2026-11', previousMonth: '2026-10', retained: { part: 2, whole: 2, share: 1 }, active: 5 },
    });
    expect(clientKpis(sqlite, { from: '2025-01-01', to: '2025-12-31', hubId: null }, NOW)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      hubId: null,
      newClients: 0,
      repeatRate: { part: 0, whole: 0, share: null },
      upsellRate: { part: 0, whole: 0, share: null, services: 0, subscribers: 0 },
      retention: {
        month: '2025-12',
        previousMonth: '2025-11',
        through: '2025-12-31',
        retained: { part: 0, whole: 0, share: null },
        active: 0,
      },
    });
  });

  it("takes retention's month from the period's last counted day, counted through that day", () => {
    // A week: December through Dec 7 (C3's subscription, C4's Dec 5 delivery) against the whole of November.
    expect(clientKpis(sqlite, { from: '2026-12-01', to: '2026-12-07', hubId: null }, NOW).retention).toEqual({
      month: '2026-12',
      previousMonth: '2026-11',
      through: '2026-12-07',
      retained: { part: 1, whole: 5, share: 0.2 },
      active: 2,
    });
    // A range across the month boundary: December through Dec 3 (C3 only).
    expect(clientKpis(sqlite, { from: '2026-11-20', to: '2026-12-03', hubId: null }, NOW).retention).toMatchObject({
      month: '2026-12',
      through: '2026-12-03',
      retained: { part: 1, whole: 5 },
      active: 1,
    });
    // Today is Dec 10 (10:00 in Lima): this month counts through today (C1's delivery this morning, C3, C4).
    const today = new Date('2026-12-10T15:00:00Z');
    expect(clientKpis(sqlite, { ...december, hubId: null }, today).retention).toMatchObject({
      through: '2026-12-10',
      retained: { part: 1, whole: 5 },
      active: 3,
    });
  });

  it('compares a period under way with as far into the one before (alignTo)', () => {
    // Today Dec 10, 10:00 in Lima, against November up to Nov 10, 10:00: C5's delivery at 13:00 is not in yet.
    const today = new Date('2026-12-10T15:00:00Z');
    const november = { from: '2026-11-01', to: '2026-11-30', hubId: null };
    expect(clientKpis(sqlite, { ...november, alignTo: '2026-12-01' }, today)).toMatchObject({
      newClients: 1,
      repeatRate: { part: 0, whole: 0, share: null },
      retention: { month: '2026-11', through: '2026-11-10', retained: { part: 2, whole: 2 }, active: 2 },
    });
    expect(clientKpis(sqlite, november, today)).toMatchObject({
      newClients: 2,
      repeatRate: { whole: 3 },
      retention: { through: '2026-11-30', active: 5 },
    });
    // A period that has not begun has no month to show.
    expect(clientKpis(sqlite, { from: '2027-01-01', to: '2027-01-31', hubId: null }, today).retention).toBeNull();
  });

  it("keeps to one hub: its projects' deliveries and services, its clients' subscriptions and firsts", () => {
    expect(clientKpis(sqlite, { ...december, hubId: hubs.a }, NOW)).toMatchObject({
      // C1 (C4 is hub B's client, though one of its projects is A's).
      newClients: 1,
      // A's deliveries: C1, C2, C4 (its hub-A project). Repeat: C2; C4 has one delivery of A's.
      repeatRate: { part: 1, whole: 3 },
      upsellRate: { part: 1, whole: 3, services: 1, subscribers: 0 },
      // November: C2, C5. December: C1, C2, C4.
      retention: { retained: { part: 1, whole: 2, share: 0.5 }, active: 3 },
    });
    expect(clientKpis(sqlite, { ...december, hubId: hubs.b }, NOW)).toMatchObject({
      newClients: 1,
      // B's deliveries: C3, C4 (one of B's each).
      repeatRate: { part: 0, whole: 2, share: 0 },
      upsellRate: { part: 1, whole: 2, share: 0.5, services: 0, subscribers: 1 },
      // November: C3, C6 (subscriptions), C9. December: C3, C4.
      retention: { retained: { part: 1, whole: 3 }, active: 2 },
    });
  });

  // Last: it adds a client and takes it out again.
  it("counts a client's deliveries from before the period and the month before it, and its services of any date", () => {
    const before = clientKpis(sqlite, { ...december, hubId: null }, NOW);
    // C10 (A): delivered in March (long before December and November) and in December, of two services.
    client('C10', 'a');
    project('C10', { hub: 'a', created: '2026-02-01T12:00:00Z', delivered: '2026-03-10T12:00:00Z' });
    project('C10', { hub: 'a', created: '2026-11-15T12:00:00Z', delivered: '2026-12-12T12:00:00Z', service: 'two' });
    try {
      const after = clientKpis(sqlite, { ...december, hubId: null }, NOW);
      expect(after.newClients).toBe(before.newClients);
      expect(after.repeatRate).toMatchObject({ part: before.repeatRate.part + 1, whole: before.repeatRate.whole + 1 });
      expect(after.upsellRate.services).toBe(before.upsellRate.services + 1);
      // Active in December only: November had no delivery of C10's.
      expect(after.retention?.active).toBe((before.retention?.active ?? 0) + 1);
      expect(after.retention?.retained).toEqual(before.retention?.retained);
      // C10 is new in February, when its first project was created.
      expect(clientKpis(sqlite, { from: '2026-02-01', to: '2026-02-28', hubId: null }, NOW).newClients).toBe(1);
    } finally {
      sqlite.prepare('DELETE FROM projects WHERE client_id = ?').run(c.C10);
      sqlite.prepare('DELETE FROM clients WHERE id = ?').run(c.C10);
    }
  });
});
