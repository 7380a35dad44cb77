/** Finance's KPIs of a period on a real workspace file, against numbers worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { setRate } from '../../src/main/core/fx/repo';
import { financeKpis } from '../../src/main/core/kpis/finance';
import { cleanTempDirs } from '../helpers';
import { limaWorkspace } from './kpi-workspace';

afterAll(cleanTempDirs);

describe('finance KPIs of a period', () => {
  let sqlite: Sqlite;
  let hubs: Record<'a' | 'b', number> = { a: 0, b: 0 };
  const clients: Record<'a' | 'b', number> = { a: 0, b: 0 };
  let service = 0;
  const at = '2026-01-01T00:00:00.000Z';
  const december = { from: '2026-12-01', to: '2026-12-31' };
  /** Now: Jan 10, after every record below (what lies after today in a period is not counted yet). */
  const later = new Date('2027-01-10T17:00:00Z');
  /** Midday on Dec 15 in Lima. */
  const midDecember = new Date('2026-12-15T17:00:00Z');

  const insert = (sql: string, ...params: unknown[]) => Number(sqlite.prepare(sql).run(...params).lastInsertRowid);

  function project(p: { hub: 'a' | 'b'; value: number; currency?: string; stage?: string; delivered: string | null }) {
    insert(
      `INSERT INTO projects (name, client_id, hub_id, service_id, value_minor, currency, stage, created_at, start_date,
         due_date, delivered_at)
       VALUES ('P', ?, ?, ?, ?, ?, ?, ?, '2026-09-01', '2026-12-31', ?)`,
      clients[p.hub],
      hubs[p.hub],
      service,
      p.value,
      p.currency ?? 'USD',
      p.stage ?? 'paid',
      at,
      p.delivered,
    );
  }

  function subscription(hub: 'a' | 'b', currency: string, changes: [kind: string, on: string, fee: number | null][]) {
    const id = insert(
      'INSERT INTO subscriptions (client_id, service_id, currency, created_at) VALUES (?, ?, ?, ?)',
      clients[hub],
      service,
      currency,
      at,
    );
    for (const [kind, on, fee] of changes)
      insert(
        'INSERT INTO subscription_changes (subscription_id, kind, effective_on, fee_minor, created_at) VALUES (?, ?, ?, ?, ?)',
        id,
        kind,
        on,
        fee,
        at,
      );
  }

  /** An issued invoice (paid on `paidOn` when given) and the payments received against it. */
  function invoice(i: {
    hub: 'a' | 'b';
    kind?: string;
    currency?: string;
    total: number;
    issued: string;
    paidOn?: string;
    payments?: [on: string, amount: number][];
  }) {
    const id = insert(
      `INSERT INTO invoices (kind, client_id, hub_id, currency, status, number, issue_date, due_date, paid_on, net_minor,
         tax_minor, total_minor, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      i.kind ?? 'manual',
      clients[i.hub],
      hubs[i.hub],
      i.currency ?? 'USD',
      i.paidOn ? 'paid' : 'sent',
      `INV-${Math.random()}`,
      i.issued,
      i.issued,
      i.paidOn ?? null,
      i.total,
      i.total,
      at,
      at,
    );
    for (const [on, amount] of i.payments ?? [])
      insert(
        `INSERT INTO payments (invoice_id, paid_on, amount_minor, currency, applied_minor, method, created_at)
         VALUES (?, ?, ?, ?, ?, 'bank_transfer', ?)`,
        id,
        on,
        amount,
        i.currency ?? 'USD',
        amount,
        at,
      );
  }

  function expense(e: {
    hub: 'a' | 'b' | null;
    date: string;
    amount: number;
    currency?: string;
    monthly?: boolean;
    endMonth?: string;
    voided?: boolean;
  }) {
    insert(
      `INSERT INTO expenses (date, category, hub_id, description, amount_minor, currency, recurrence,
         recurrence_end_month, voided_at, created_at)
       VALUES (?, 'tools', ?, 'E', ?, ?, ?, ?, ?, ?)`,
      e.date,
      e.hub === null ? null : hubs[e.hub],
      e.amount,
      e.currency ?? 'USD',
      e.monthly ? 'monthly' : 'none',
      e.endMonth ?? null,
      e.voided ? at : null,
      at,
    );
  }

  beforeAll(async () => {
    ({ sqlite, hubs } = await limaWorkspace('finance-kpis.atalaya', at));
    clients.a = insert(
      "INSERT INTO clients (name, tier, vertical, country, hub_id, created_at) VALUES ('Ca', 2, 'saas', 'PE', ?, ?)",
      hubs.a,
      at,
    );
    clients.b = insert(
      "INSERT INTO clients (name, tier, vertical, country, hub_id, created_at) VALUES ('Cb', 2, 'saas', 'PE', ?, ?)",
      hubs.b,
      at,
    );
    service = insert(
      `INSERT INTO services (code, name, kind, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor,
         t3_min_minor, t3_max_minor, turnaround_hours_min, turnaround_hours_max, effort_hours)
       VALUES ('S', 'Service', 'subscription', 'USD', 1, 1, 1, 1, 1, 1, 1, 1, 1)`,
    );
    setRate(sqlite, { currency: 'EUR', date: '2026-11-01', rate: 1.1 }, { at, actor: 'test' });
    setRate(sqlite, { currency: 'EUR', date: '2026-12-01', rate: 1.2 }, { at, actor: 'test' });
    setRate(sqlite, { currency: 'EUR', date: '2026-12-20', rate: 1.3 }, { at, actor: 'test' });

    // Projects. Delivered Dec 3 in Lima, hub A: $1,000.00.
    project({ hub: 'a', value: 100_000, delivered: '2026-12-03T15:00:00Z' });
    // Delivered on December's first instant in Lima, hub B, €500.00 at Dec 1's 1.2: $600.00.
    project({ hub: 'b', value: 50_000, currency: 'EUR', delivered: '2026-12-01T05:00:00Z' });
    // Delivered a second before December in Lima (Nov 30, 23:59:59 local): not in December.
    project({ hub: 'a', value: 70_000, delivered: '2026-12-01T04:59:59Z' });
    // Cancelled (counts nowhere), and one not delivered yet.
    project({ hub: 'a', value: 30_000, stage: 'cancelled', delivered: '2026-12-10T15:00:00Z' });
    project({ hub: 'b', value: 20_000, stage: 'production', delivered: null });
    // Delivered in October in DKK, which has no rate.
    project({ hub: 'b', value: 10_000, currency: 'DKK', delivered: '2026-10-15T15:00:00Z' });

    // Subscriptions. Hub A, USD: $3,100 from Nov 15, $6,200 from Dec 11, paused from Dec 21.
    // December: 3,100 × 10/31 (Dec 1–10) = $1,000.00 + 6,200 × 10/31 (Dec 11–20) = $2,000.00 → $3,000.00.
    subscription('a', 'USD', [
      ['start', '2026-11-15', 310_000],
      ['change', '2026-12-11', 620_000],
      ['pause', '2026-12-21', null],
    ]);
    // Hub B, EUR: €310 from Dec 17: 310 × 15/31 (Dec 17–31) = €150.00, at the rate in force on December's last day
    // (1.3 from Dec 20, not the 1.2 of the fee's start): $195.00.
    subscription('b', 'EUR', [['start', '2026-12-17', 31_000]]);
    // Hub B, USD: $1,000 from June, cancelled from Dec 1 (last day Nov 30): nothing in December, October in full.
    subscription('b', 'USD', [
      ['start', '2026-06-01', 100_000],
      ['cancel', '2026-12-01', null],
    ]);

    // Invoices and payments. Hub A: issued Nov 1, $400 paid Nov 20 and $600 on Dec 6 (paid off: 35 days).
    invoice({
      hub: 'a',
      total: 100_000,
      issued: '2026-11-01',
      paidOn: '2026-12-06',
      payments: [
        ['2026-11-20', 40_000],
        ['2026-12-06', 60_000],
      ],
    });
    // Hub B, EUR: issued Nov 20, €500 paid Dec 1 (11 days), collected at Dec 1's 1.2: $600.00.
    invoice({
      hub: 'b',
      currency: 'EUR',
      total: 50_000,
      issued: '2026-11-20',
      paidOn: '2026-12-01',
      payments: [['2026-12-01', 50_000]],
    });
    // Hub A: $300 paid on December's last day of $800; still open, so not in DSO.
    invoice({ hub: 'a', total: 80_000, issued: '2026-12-02', payments: [['2026-12-31', 30_000]] });
    // A credit note is settled the day it is issued: not an invoice collected.
    invoice({ hub: 'a', kind: 'credit_note', total: -5_000, issued: '2026-12-05', paidOn: '2026-12-05' });
    // Hub B: paid on January 1st, outside December.
    invoice({
      hub: 'b',
      total: 20_000,
      issued: '2026-10-01',
      paidOn: '2027-01-01',
      payments: [['2027-01-01', 20_000]],
    });

    // Expenses. Hub A $50.00 on Dec 5; hub B €100.00 on Dec 15 at 1.2 = $120.00; a void one of $999.99.
    expense({ hub: 'a', date: '2026-12-05', amount: 5_000 });
    expense({ hub: 'b', date: '2026-12-15', amount: 10_000, currency: 'EUR' });
    expense({ hub: 'a', date: '2026-12-07', amount: 99_999, voided: true });
    // Monthly from Oct 31, hub A: falls on Dec 31 ($20.00) once in December.
    expense({ hub: 'a', date: '2026-10-31', amount: 2_000, monthly: true });
    // Monthly, no hub, stopped after November; and a one-off on Nov 30: neither in December.
    expense({ hub: null, date: '2026-06-10', amount: 1_000, monthly: true, endMonth: '2026-11' });
    expense({ hub: null, date: '2026-11-30', amount: 7_000 });
  });

  it('adds up revenue, collected, expenses and DSO over every hub', () => {
    expect(financeKpis(sqlite, { ...december, hubId: null }, later)).toEqual({
      ...december,
      hubId: null,
      currency: 'USD',
      // Projects $1,000 + $600 = $1,600; subscriptions $3,000 + $195 = $3,195; together $4,795.00.
      revenue: {
        valueMinor: 479_500,
        projectsMinor: 160_000,
        projects: 2,
        subscriptionsMinor: 319_500,
        subscriptions: 2,
      },
      // $600 + $600 (€500 × 1.2) + $300.
      collected: { valueMinor: 150_000, payments: 3 },
      // $50 + $120 + $20.
      expenses: { valueMinor: 19_000, expenses: 3 },
      // (35 + 11) ÷ 2.
      dso: { days: 23, invoices: 2, totalDays: 46 },
      missingRates: [],
    });
  });

  it("keeps to one hub's records", () => {
    const a = financeKpis(sqlite, { ...december, hubId: hubs.a }, later);
    // $1,000 of one project + $3,000 of one subscription.
    expect(a.revenue).toEqual({
      valueMinor: 400_000,
      projectsMinor: 100_000,
      projects: 1,
      subscriptionsMinor: 300_000,
      subscriptions: 1,
    });
    expect(a.collected).toEqual({ valueMinor: 90_000, payments: 2 });
    expect(a.expenses).toEqual({ valueMinor: 7_000, expenses: 2 });
    expect(a.dso).toEqual({ days: 35, invoices: 1, totalDays: 35 });
    const b = financeKpis(sqlite, { ...december, hubId: hubs.b }, later);
    // $600 + $195; the cancelled subscription is not counted.
    expect(b.revenue).toEqual({
      valueMinor: 79_500,
      projectsMinor: 60_000,
      projects: 1,
      subscriptionsMinor: 19_500,
      subscriptions: 1,
    });
    expect(b.collected).toEqual({ valueMinor: 60_000, payments: 1 });
    expect(b.expenses).toEqual({ valueMinor: 12_000, expenses: 1 });
    expect(b.dso).toEqual({ days: 11, invoices: 1, totalDays: 11 });
  });

  it("counts a subscription's days and the expenses only up to today, not those still ahead", () => {
    const midMonth = financeKpis(sqlite, { ...december, hubId: null }, midDecember);
    // Projects as before ($1,600). Subscriptions: 3,100 × 10/31 (Dec 1–10) + 6,200 × 5/31 (Dec 11–15) = $2,000;
    // the EUR one starts on Dec 17, still ahead.
    expect(midMonth.revenue).toEqual({
      valueMinor: 360_000,
      projectsMinor: 160_000,
      projects: 2,
      subscriptionsMinor: 200_000,
      subscriptions: 1,
    });
    // $50 on Dec 5 + $120 on Dec 15 (today); the monthly one falls on Dec 31, scheduled.
    expect(midMonth.expenses).toEqual({ valueMinor: 17_000, expenses: 2 });
    // A period that has not begun yet has nothing of either.
    const ahead = financeKpis(sqlite, { from: '2027-02-01', to: '2027-02-28', hubId: null }, midDecember);
    expect([ahead.revenue.subscriptions, ahead.expenses.expenses]).toEqual([0, 0]);
  });

  it('says which rate is missing instead of adding up a partial sum', () => {
    const october = financeKpis(sqlite, { from: '2026-10-01', to: '2026-10-31', hubId: null }, later);
    expect(october.revenue).toEqual({
      valueMinor: null,
      projectsMinor: null,
      projects: 1,
      // The cancelled-in-December subscription's October in full.
      subscriptionsMinor: 100_000,
      subscriptions: 1,
    });
    expect(october.missingRates).toEqual([{ currency: 'DKK', date: '2026-10-15' }]);
    // The monthly expense from Oct 31 ($20) and the June one on Oct 10 ($10).
    expect(october.expenses).toEqual({ valueMinor: 3_000, expenses: 2 });
  });

  it('has no DSO when nothing was paid off (never 0 days)', () => {
    const quiet = financeKpis(sqlite, { from: '2025-01-01', to: '2025-12-31', hubId: null }, later);
    expect(quiet.revenue).toEqual({
      valueMinor: 0,
      projectsMinor: 0,
      projects: 0,
      subscriptionsMinor: 0,
      subscriptions: 0,
    });
    expect(quiet.collected).toEqual({ valueMinor: 0, payments: 0 });
    expect(quiet.expenses).toEqual({ valueMinor: 0, expenses: 0 });
    expect(quiet.dso).toEqual({ days: null, invoices: 0, totalDays: 0 });
  });

  it('reads projects, payments and expenses through their date indexes', () => {
    const plan = (sql: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(`SELECT currency, sum(value_minor) FROM projects INDEXED BY projects_delivered
             WHERE delivered_at IS NOT NULL AND delivered_at >= '' AND delivered_at < 'z' AND stage <> 'cancelled'
             GROUP BY currency`),
    ).toMatch(/COVERING INDEX projects_delivered \(delivered_at>\? AND delivered_at<\?\)/);
    expect(
      plan("SELECT count(*) FROM payments INDEXED BY payments_paid_on WHERE paid_on >= '' AND paid_on <= 'z'"),
    ).toMatch(/COVERING INDEX payments_paid_on \(paid_on>\? AND paid_on<\?\)/);
    // Collected: summed per date and currency from the index alone, in its order (no payment's row, no sort).
    const collected = plan(`SELECT p.currency, p.paid_on, sum(p.amount_minor), count(*)
                              FROM payments AS p INDEXED BY payments_paid_on
                             WHERE p.paid_on >= '' AND p.paid_on <= 'z' GROUP BY p.paid_on, p.currency`);
    expect(collected).toMatch(/COVERING INDEX payments_paid_on \(paid_on>\? AND paid_on<\?\)/);
    expect(collected).not.toMatch(/TEMP B-TREE/);
    // With a hub, the invoice is reached from the index's entry too.
    expect(
      plan(`SELECT p.currency, sum(p.amount_minor) FROM payments AS p INDEXED BY payments_paid_on
              JOIN invoices AS i ON i.id = p.invoice_id WHERE p.paid_on >= '' AND p.paid_on <= 'z' AND i.hub_id = 1
             GROUP BY p.paid_on, p.currency`),
    ).toMatch(/COVERING INDEX payments_paid_on/);
  });
});
