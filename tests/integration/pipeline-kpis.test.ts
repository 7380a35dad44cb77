/** The pipeline's KPIs of a period on a real workspace file, against numbers worked out by hand. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { setRate } from '../../src/main/core/fx/repo';
import { periodInstants } from '../../src/main/core/kpis/period';
import { pipelineKpis } from '../../src/main/core/kpis/pipeline';
import { periodKpisSchema } from '../../src/shared/kpis';
import { cleanTempDirs } from '../helpers';
import { limaWorkspace } from './kpi-workspace';

afterAll(cleanTempDirs);

/** Long after every period asked about: no period is under way. */
const NOW = new Date('2027-06-01T12:00:00Z');

describe('pipeline KPIs of a period', () => {
  let sqlite: Sqlite;
  let hubs: Record<'a' | 'b', number> = { a: 0, b: 0 };

  /** A lead as stored: created, maybe closed (with its stage), maybe through the proposal stage. */
  function lead(l: {
    hub: 'a' | 'b';
    created: string;
    stage: 'new' | 'won' | 'lost';
    closed?: string;
    value?: number;
    currency?: string;
    proposal?: boolean;
  }) {
    const id = Number(
      sqlite
        .prepare(
          `INSERT INTO leads (company, contact_name, channel, vertical, tier, hub_id, stage, expected_value_minor,
             currency, created_at, closed_at, reached_proposal)
           VALUES ('Co', 'Someone', 'email', 'saas', 2, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          hubs[l.hub],
          l.stage,
          l.value ?? 10_000,
          l.currency ?? 'USD',
          l.created,
          l.closed ?? null,
          l.proposal ? 1 : 0,
        ).lastInsertRowid,
    );
    const move = sqlite.prepare(
      'INSERT INTO lead_stage_changes (lead_id, from_stage, to_stage, at) VALUES (?, ?, ?, ?)',
    );
    move.run(id, null, 'new', l.created);
    if (l.proposal) move.run(id, 'new', 'proposal', l.created);
    if (l.closed) move.run(id, l.proposal ? 'proposal' : 'new', l.stage, l.closed);
    return id;
  }

  beforeAll(async () => {
    const at = '2026-01-01T00:00:00.000Z';
    ({ sqlite, hubs } = await limaWorkspace('kpis.atalaya', at));
    setRate(sqlite, { currency: 'EUR', date: '2026-11-01', rate: 1.1 }, { at, actor: 'test' });
    setRate(sqlite, { currency: 'EUR', date: '2026-12-01', rate: 1.2 }, { at, actor: 'test' });
    const november = '2026-11-20T12:00:00Z';
    // Won in December, in USD, through a proposal.
    lead({ hub: 'a', created: november, stage: 'won', closed: '2026-12-03T15:00:00Z', value: 100_000, proposal: true });
    // Won a second before December began in Lima (Nov 30, 23:59:59 local): not in the period.
    lead({ hub: 'a', created: november, stage: 'won', closed: '2026-12-01T04:59:59Z', value: 50_000, currency: 'EUR' });
    // Won on December's first instant, in EUR: booked at December's rate, 500.00 × 1.2 = 600.00.
    lead({ hub: 'a', created: november, stage: 'won', closed: '2026-12-01T05:00:00Z', value: 50_000, currency: 'EUR' });
    // Lost in December after a proposal, in the other hub.
    lead({ hub: 'b', created: november, stage: 'lost', closed: '2026-12-10T10:00:00.000Z', proposal: true });
    // Created and lost in December, lost on its last millisecond in Lima.
    lead({ hub: 'a', created: '2026-12-02T12:00:00Z', stage: 'lost', closed: '2027-01-01T04:59:59.999Z' });
    // Won at January's first instant in Lima: not in the period.
    lead({ hub: 'a', created: november, stage: 'won', closed: '2027-01-01T05:00:00Z' });
    // Open: one created in December, one created on Nov 30 local (Dec 1, 04:00 UTC).
    lead({ hub: 'b', created: '2026-12-05T18:30:00Z', stage: 'new' });
    lead({ hub: 'b', created: '2026-12-01T04:00:00Z', stage: 'new' });
    // Won in October in DKK, which has no rate.
    lead({ hub: 'b', created: '2026-10-01T12:00:00Z', stage: 'won', closed: '2026-10-15T12:00:00Z', currency: 'DKK' });
  });

  it('bounds a period by the workspace time zone', () => {
    expect(periodInstants('2026-12-01', '2026-12-31', 'America/Lima')).toEqual([
      '2026-12-01T05:00:00.000Z',
      '2027-01-01T05:00:00.000Z',
    ]);
    // Copenhagen leaves summer time on Oct 25, 2026: that day is 25 hours long.
    expect(periodInstants('2026-10-25', '2026-10-25', 'Europe/Copenhagen')).toEqual([
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T23:00:00.000Z',
    ]);
  });

  it('counts, books and converts what happened in the period, every hub', () => {
    expect(pipelineKpis(sqlite, { from: '2026-12-01', to: '2026-12-31', hubId: null }, NOW)).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
      hubId: null,
      currency: 'USD',
      newLeads: 2,
      booked: { valueMinor: 160_000, leads: 2 },
      conversion: { part: 2, whole: 4, share: 0.5 },
      proposalWinRate: { part: 1, whole: 2, share: 0.5 },
      missingRates: [],
    });
  });

  it("keeps to one hub's leads", () => {
    const a = pipelineKpis(sqlite, { from: '2026-12-01', to: '2026-12-31', hubId: hubs.a }, NOW);
    expect(a.newLeads).toBe(1);
    expect(a.booked).toEqual({ valueMinor: 160_000, leads: 2 });
    expect(a.conversion).toEqual({ part: 2, whole: 3, share: 2 / 3 });
    expect(a.proposalWinRate).toEqual({ part: 1, whole: 1, share: 1 });
    const b = pipelineKpis(sqlite, { from: '2026-12-01', to: '2026-12-31', hubId: hubs.b }, NOW);
    expect([b.newLeads, b.booked.leads, b.conversion.share, b.proposalWinRate.share]).toEqual([1, 0, 0, 0]);
  });

  it("converts at the rate of the close's date in the workspace's zone, not in UTC", () => {
    // Won Dec 1, 04:59:59 UTC: Nov 30 in Lima, so at November's rate (500.00 × 1.1), not December's (× 1.2).
    const nov30 = pipelineKpis(sqlite, { from: '2026-11-30', to: '2026-11-30', hubId: null }, NOW);
    expect(nov30.booked).toEqual({ valueMinor: 55_000, leads: 1 });
  });

  it('says which rate is missing instead of booking a partial sum', () => {
    const october = pipelineKpis(sqlite, { from: '2026-10-01', to: '2026-10-31', hubId: null }, NOW);
    expect(october.booked).toEqual({ valueMinor: null, leads: 1 });
    expect(october.missingRates).toEqual([{ currency: 'DKK', date: '2026-10-15' }]);
    expect(october.conversion).toEqual({ part: 1, whole: 1, share: 1 });
  });

  it('has no share to show when nothing closed (never 0%)', () => {
    const quiet = pipelineKpis(sqlite, { from: '2025-01-01', to: '2025-12-31', hubId: null }, NOW);
    expect(quiet.newLeads).toBe(0);
    expect(quiet.booked).toEqual({ valueMinor: 0, leads: 0 });
    expect(quiet.conversion).toEqual({ part: 0, whole: 0, share: null });
    expect(quiet.proposalWinRate).toEqual({ part: 0, whole: 0, share: null });
  });

  it('compared with a period under way, counts only as far into it', () => {
    // An hour into January in Lima (it began at 05:00 UTC), December compared with it counts its own first hour
    // only: the EUR lead won at 05:00:00 UTC, and nothing else.
    const anHourIn = new Date('2027-01-01T06:00:00Z');
    const december = { from: '2026-12-01', to: '2026-12-31', hubId: null, alignTo: '2027-01-01' };
    const firstHour = pipelineKpis(sqlite, december, anHourIn);
    expect(firstHour.booked).toEqual({ valueMinor: 60_000, leads: 1 });
    expect(firstHour.conversion).toEqual({ part: 1, whole: 1, share: 1 });
    expect(firstHour.newLeads).toBe(0);
    expect(pipelineKpis(sqlite, { ...december, alignTo: undefined }, anHourIn).conversion.whole).toBe(4);
  });

  it('refuses a period that ends before it starts, or is absurdly long', () => {
    const backwards = periodKpisSchema.safeParse({ from: '2026-12-31', to: '2026-12-01' });
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.message).toBe('The period must end on or after the day it starts.');
    expect(periodKpisSchema.safeParse({ from: '2000-01-01', to: '2026-12-01' }).success).toBe(false);
    expect(periodKpisSchema.parse({ from: '2026-12-01', to: '2026-12-01' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
      hubId: null,
    });
  });

  it('reads through the indexes it was built for', () => {
    const plan = (sql: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // Booked, conversion and the proposal win rate: no lead's row is read.
    expect(
      plan(`SELECT count(*) FILTER (WHERE stage = 'won' AND reached_proposal), sum(expected_value_minor)
              FROM leads INDEXED BY leads_closed
             WHERE closed_at IS NOT NULL AND closed_at >= '' AND hub_id = 1 AND currency = 'USD'`),
    ).toMatch(/COVERING INDEX leads_closed/);
    // The won and the lost of a period are each a range of the index: the won value is summed without walking the
    // lost (~4 in 5 closed at the massive profile).
    for (const stage of ['won', 'lost'])
      expect(
        plan(`SELECT count(*), count(*) FILTER (WHERE reached_proposal), sum(expected_value_minor) FILTER (WHERE currency = 'USD')
                FROM leads INDEXED BY leads_closed
               WHERE closed_at IS NOT NULL AND stage = '${stage}' AND closed_at >= '' AND closed_at < 'z' AND hub_id = 1`),
      ).toMatch(/COVERING INDEX leads_closed \(stage=\? AND closed_at>\? AND closed_at<\?\)/);
  });
});
