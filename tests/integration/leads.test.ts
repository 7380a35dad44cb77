/** Leads through the real core: the paged server-side query, the history, and winning in one transaction. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/main/hosts/core-client';
import { cleanTempDirs, expectOk, nextEvent, proposalMarks, tempDir, testCore } from '../helpers';

describe('leads', () => {
  let core: CoreClient;
  let file: string;
  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'leads', asOf: '2026-11-20' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId)).result.ok).toBe(true);
    const current = expectOk(await core.call('workspace/current', {}));
    if (current.state !== 'open') throw new Error('not open');
    file = current.path;
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  /** The same answer computed independently from the file, to check the query. */
  function direct<T>(sql: string, ...params: unknown[]): T {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T;
    } finally {
      db.close();
    }
  }

  it('pages, sorts and filters on the server, and agrees with plain SQL', async () => {
    const page = expectOk(
      await core.call('leads/query', {
        filter: { channels: ['referral', 'partner'], stages: ['won', 'lost'] },
        sort: { column: 'expected_value', direction: 'desc' },
        offset: 5,
        limit: 10,
      }),
    );
    const expected = direct<{ id: number }[]>(
      `SELECT id FROM leads WHERE channel IN ('referral', 'partner') AND stage IN ('won', 'lost')
       ORDER BY expected_value_minor DESC, id DESC`,
    );
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(5, 15).map((r) => r.id));
    const dates = expectOk(
      await core.call('leads/query', { filter: { createdFrom: '2026-10-01', createdTo: '2026-10-31' }, limit: 500 }),
    );
    expect(dates.rows.every((r) => r.createdAt >= '2026-10-01' && r.createdAt < '2026-11-01')).toBe(true);
    expect(dates.total).toBe(
      direct<{ n: number }[]>(
        "SELECT count(*) AS n FROM leads WHERE created_at >= '2026-10-01' AND created_at < '2026-11-01'",
      )[0]!.n,
    );
  });

  it('marks exactly the demo leads whose history reached a proposal', () => {
    const db = new Database(file, { readonly: true });
    const marks = proposalMarks(db);
    db.close();
    expect(marks.marked).toBeGreaterThan(0);
    expect(marks.disagree).toBe(0);
  });

  it('finds leads by words of the company or contact (prefix, accent-insensitive)', async () => {
    const someone = direct<{ company: string; contact_name: string }[]>(
      'SELECT company, contact_name FROM leads LIMIT 1',
    )[0]!;
    const word = someone.company.split(' ')[0]!.slice(0, 3);
    const found = expectOk(await core.call('leads/query', { search: word.toLowerCase(), limit: 500 }));
    expect(found.total).toBeGreaterThan(0);
    expect(found.rows.every((r) => `${r.company} ${r.contactName}`.toLowerCase().includes(word.toLowerCase()))).toBe(
      true,
    );
    const nothing = expectOk(await core.call('leads/query', { search: 'zzqqxx' }));
    expect(nothing.total).toBe(0);
    const counts = expectOk(
      await core.call('leads/segmentCounts', {
        segments: [{ filter: { stages: ['won'] } }, { filter: {}, search: word }],
      }),
    );
    expect(counts.counts).toEqual([
      direct<{ n: number }[]>("SELECT count(*) AS n FROM leads WHERE stage = 'won'")[0]!.n,
      found.total,
    ]);
  });

  it('keeps a stage history; losing needs a reason', async () => {
    const hubs = expectOk(await core.call('hubs/list', {}));
    const lead = expectOk(
      await core.call('leads/create', {
        company: 'Zephyrine Analytics',
        contactName: 'Ingrid Dahl',
        channel: 'referral',
        vertical: 'saas',
        tier: 1,
        authority: 'decision_maker',
        need: 'urgent',
        timeline: 'now',
        budgetMinor: 150_000,
        expectedValueMinor: 120_000,
        currency: 'EUR',
        hubId: hubs.find((h) => h.name === 'Copenhagen')!.id,
      }),
    );
    expect(lead).toMatchObject({ stage: 'new', history: [{ fromStage: null, toStage: 'new' }] });
    expectOk(await core.call('leads/setStage', { id: lead.id, stage: 'qualified', from: 'new' }));
    // A move built for the stage it had before (a menu opened before another window moved it) changes nothing.
    const stale = await core.call('leads/setStage', { id: lead.id, stage: 'new', from: 'new' });
    expect(stale.ok === false && stale.error).toMatchObject({ code: 'CONFLICT', field: 'stage' });
    expect(stale.ok === false && stale.error.message).toMatch(/moved from new to qualified/);
    const after = expectOk(await core.call('leads/get', { id: lead.id }));
    expect(after.stage).toBe('qualified');
    expect(after.history.map((h) => h.toStage)).toEqual(['new', 'qualified']);
    // A move to proposal is marked on the lead (the proposal win rate reads the mark), and stays when it moves back.
    const reachedProposal = () =>
      direct<{ r: number }[]>('SELECT reached_proposal AS r FROM leads WHERE id = ?', lead.id)[0]!.r;
    expect(reachedProposal()).toBe(0);
    expectOk(await core.call('leads/setStage', { id: lead.id, stage: 'proposal', from: 'qualified' }));
    expect(reachedProposal()).toBe(1);
    expectOk(await core.call('leads/setStage', { id: lead.id, stage: 'qualified', from: 'proposal' }));
    expect(reachedProposal()).toBe(1);
    const noReason = await core.call('leads/setStage', { id: lead.id, stage: 'lost' });
    expect(noReason.ok === false && noReason.error.field).toBe('reason');
    const withActivity = expectOk(
      await core.call('leads/addActivity', { leadId: lead.id, kind: 'call', note: 'Scoped the brief' }),
    );
    expect(withActivity.activities[0]).toMatchObject({ kind: 'call', note: 'Scoped the brief' });
    expect(withActivity.activityCount).toBe(1);
    const found = expectOk(await core.call('leads/query', { search: 'zephyrine', limit: 5 }));
    expect(found.rows.map((r) => r.id)).toEqual([lead.id]);
  });

  it('wins a lead: client, project and deposit invoice together — or nothing', async () => {
    const lead = expectOk(await core.call('leads/query', { search: 'zephyrine', limit: 1 })).rows[0]!;
    const services = expectOk(await core.call('catalogue/list', {}));
    const brand = services.find((s) => s.code === 'brand_campaign')!.id;
    const clientsBefore = direct<{ n: number }[]>('SELECT count(*) AS n FROM clients')[0]!.n;

    // A subscription service is refused, and nothing is left behind.
    const wrong = await core.call('leads/win', {
      id: lead.id,
      serviceId: services.find((s) => s.code === 'brand_library')!.id,
      valueMinor: 120_000,
      startDate: '2026-11-20',
      dueDate: '2026-11-27',
    });
    expect(wrong.ok === false && wrong.error.field).toBe('serviceId');
    expect(direct<{ n: number }[]>('SELECT count(*) AS n FROM clients')[0]!.n).toBe(clientsBefore);

    const won = expectOk(
      await core.call('leads/win', {
        id: lead.id,
        serviceId: brand,
        valueMinor: 120_000,
        startDate: '2026-11-20',
        dueDate: '2026-11-27',
      }),
    );
    expect(won.lead).toMatchObject({ stage: 'won', clientId: won.clientId, projectIds: [won.projectId] });
    expect(won.lead.history.at(-1)).toMatchObject({ fromStage: 'qualified', toStage: 'won' });
    const deposit = expectOk(await core.call('invoices/get', { id: won.depositInvoiceId! }));
    // Tier 1 terms: 30% deposit of 1,200.00 EUR.
    expect(deposit).toMatchObject({ kind: 'deposit', projectId: won.projectId, currency: 'EUR', netMinor: 36_000 });
    expect(deposit.number).toMatch(/^INV-2026-\d{4}$/);
    const project = expectOk(await core.call('projects/get', { id: won.projectId }));
    expect(project).toMatchObject({ stage: 'discovery', clientId: won.clientId, valueMinor: 120_000, leadId: lead.id });
    const again = await core.call('leads/win', {
      id: lead.id,
      serviceId: brand,
      valueMinor: 1,
      startDate: '2026-11-20',
      dueDate: '2026-11-27',
    });
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
  });
});
