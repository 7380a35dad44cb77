/** The production board through the real core: moves with history, gates in order, delivery that bills. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/core/demo/generate';
import { recordStage, recordStages } from '../../src/main/core/projects/history';
import { board } from '../../src/main/core/projects/repo';
import { createWorkspaceFile, openExisting } from '../../src/main/core/workspace/files';
import type { CoreClient } from '../../src/main/hosts/core-client';
import { addDays, localDate } from '../../src/shared/dates';
import { BOARD_DELIVERED_CARDS, GATE_CHECKLISTS, type Gate } from '../../src/shared/pipeline';
import { cleanTempDirs, expectOk, MIGRATIONS_DIR, nextEvent, tempDir, testCore } from '../helpers';

const ticked = (gate: Gate, except?: string) =>
  Object.fromEntries(GATE_CHECKLISTS[gate].map((item) => [item, item !== except]));

describe('the production board', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'board', asOf: '2026-11-20' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId)).result.ok).toBe(true);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('shows every stage with WIP counts and value, and the demo history behind each project', async () => {
    const board = expectOk(await core.call('projects/board', {}));
    expect(board.columns.map((c) => c.stage)).toEqual([
      'discovery',
      'production',
      'qa',
      'client_preview',
      'revision',
      'final_delivery',
      'invoiced',
      'paid',
    ]);
    const paid = board.columns.find((c) => c.stage === 'paid')!;
    expect(paid.count).toBeGreaterThan(50);
    expect(paid.valueMinor).toBeGreaterThan(0);
    // Paid work shows only the last 30 days' cards; the count covers all of it.
    expect(paid.cards.length).toBeLessThan(paid.count);
    const done = expectOk(await core.call('projects/get', { id: paid.cards[0]!.id }));
    expect(done.history.map((h) => h.toStage)).toEqual(
      expect.arrayContaining(['discovery', 'production', 'qa', 'final_delivery', 'invoiced', 'paid']),
    );
    expect(done.gates.every((g) => g.passed)).toBe(true);
    expect(done.firstPassApproved).toBe(done.revisionCycles === 0);
  });

  it('moves a project by hand, reviews gates in order, and delivers only when all three pass — billing it', async () => {
    const board = expectOk(await core.call('projects/board', {}));
    const open = board.columns.flatMap((c) => c.cards).find((c) => ['discovery', 'production'].includes(c.stage));
    expect(open, 'the demo has open work').toBeDefined();
    const id = open!.id;

    const skip = await core.call('projects/move', { id, stage: 'final_delivery' as never });
    expect(skip.ok).toBe(false);
    if (open!.stage === 'discovery') {
      const early = await core.call('projects/move', { id, stage: 'qa' });
      expect(early.ok === false && early.error.message).toMatch(/Discovery leads into Production/);
      expectOk(await core.call('projects/move', { id, stage: 'production' }));
    }
    for (const stage of ['qa', 'client_preview', 'revision', 'client_preview'] as const)
      expectOk(await core.call('projects/move', { id, stage }));
    let project = expectOk(await core.call('projects/get', { id }));
    expect(project.stage).toBe('client_preview');
    expect(project.revisionCycles).toBe(open!.revisionCycles + 1);
    expect(project.history.slice(-4).map((h) => h.toStage)).toEqual([
      'qa',
      'client_preview',
      'revision',
      'client_preview',
    ]);

    const early = await core.call('projects/deliver', { id, satisfaction: 9 });
    expect(early.ok === false && early.error.message).toMatch(/Gate 1/);
    const outOfOrder = await core.call('projects/reviewGate', { projectId: id, gate: 3, checklist: ticked(3) });
    expect(outOfOrder.ok === false && outOfOrder.error.field).toBe('gate');

    project = expectOk(
      await core.call('projects/reviewGate', { projectId: id, gate: 1, checklist: ticked(1, 'brand_guidelines') }),
    );
    expect(project.gates[0]).toMatchObject({ gate: 1, passed: false });
    expect(project.deliveryBlockers[0]).toMatch(/Gate 1 failed/);
    // The peer and senior reviews name their reviewer.
    const anonymous = await core.call('projects/reviewGate', { projectId: id, gate: 1, checklist: ticked(1) });
    expectOk(anonymous);
    const noPeer = await core.call('projects/reviewGate', { projectId: id, gate: 2, checklist: ticked(2) });
    expect(noPeer.ok === false && noPeer.error).toMatchObject({ code: 'BAD_REQUEST', field: 'reviewerId' });
    const reviewerId = expectOk(await core.call('people/list', {}))[0]!.id;
    for (const gate of [2, 3] as const)
      project = expectOk(
        await core.call('projects/reviewGate', { projectId: id, gate, reviewerId, checklist: ticked(gate) }),
      );
    expect(project.deliveryBlockers).toEqual([]);

    const delivered = expectOk(await core.call('projects/deliver', { id, satisfaction: 9, deliveredOn: '2026-11-20' }));
    expect(delivered).toMatchObject({ stage: 'invoiced', satisfaction: 9, paidOn: null });
    // Recorded today, delivered on the 20th: revenue, health and on-time count it on the 20th.
    const { timeZone } = expectOk(await core.call('settings/get', {}));
    expect(localDate(new Date(delivered.deliveredAt!), timeZone)).toBe('2026-11-20');
    expect(delivered.history.at(-2)!.at > delivered.deliveredAt!).toBe(true);
    expect(delivered.history.slice(-2).map((h) => h.toStage)).toEqual(['final_delivery', 'invoiced']);
    const invoice = expectOk(await core.call('invoices/get', { id: delivered.invoiceIds.at(-1)! }));
    expect(invoice).toMatchObject({ kind: 'delivery', projectId: id, issueDate: '2026-11-20' });
    expect(invoice.lines[0]!.unitPriceMinor).toBe(open!.valueMinor);
    const deposits = invoice.lines.slice(1).reduce((s, l) => s + l.netMinor, 0);
    expect(invoice.netMinor).toBe(open!.valueMinor + deposits);

    const late = await core.call('projects/move', { id, stage: 'production' });
    expect(late.ok === false && late.error.code).toBe('CONFLICT');

    expectOk(
      await core.call('payments/record', {
        invoiceId: invoice.id,
        paidOn: '2026-11-23',
        amountMinor: invoice.balanceMinor,
        currency: invoice.currency,
      }),
    );
    expect(expectOk(await core.call('projects/get', { id }))).toMatchObject({ stage: 'paid', paidOn: '2026-11-23' });
    // Paid two days after delivery: its Paid card says when the money came in, not when the work was delivered.
    const paidColumn = expectOk(await core.call('projects/board', {})).columns.find((c) => c.stage === 'paid')!;
    expect(paidColumn.cards.find((c) => c.id === id)).toMatchObject({ paidOn: '2026-11-23' });
  });

  it('takes back the latest move as if it had not happened: an undone revision counts no cycle', async () => {
    const board = expectOk(await core.call('projects/board', {}));
    const card = board.columns.flatMap((c) => c.cards).find((c) => c.stage === 'production');
    expect(card, 'the demo has work in production').toBeDefined();
    const id = card!.id;
    expectOk(await core.call('projects/move', { id, stage: 'client_preview' }));
    const before = expectOk(await core.call('projects/get', { id }));

    const revised = expectOk(await core.call('projects/move', { id, stage: 'revision' }));
    expect(revised.revisionCycles).toBe(before.revisionCycles + 1);
    const undone = expectOk(await core.call('projects/undoMove', { id, from: 'client_preview', to: 'revision' }));
    expect(undone).toMatchObject({ stage: 'client_preview', revisionCycles: before.revisionCycles });
    expect(undone.history).toEqual(before.history);

    // Only the latest move, as it was (production → preview now): a second Undo, or one naming another move,
    // changes nothing.
    for (const stale of [
      { from: 'client_preview', to: 'revision' },
      { from: 'qa', to: 'client_preview' },
    ] as const) {
      const refused = await core.call('projects/undoMove', { id, ...stale });
      expect(refused.ok === false && refused.error).toMatchObject({ code: 'CONFLICT', field: 'stage' });
      expect(refused.ok === false && refused.error.message).toMatch(/moved again since; nothing was undone/);
    }
    expect(expectOk(await core.call('projects/get', { id }))).toEqual(undone);
  });

  it('says a project settled by a credit note was paid on the credit note’s day', async () => {
    const invoiced = expectOk(await core.call('projects/board', {})).columns.find((c) => c.stage === 'invoiced')!;
    const card = invoiced.cards[0]!;
    expect(card.paidOn).toBeNull();
    const project = expectOk(await core.call('projects/get', { id: card.id }));
    const finals = await Promise.all(
      project.invoiceIds.map(async (invoiceId) => expectOk(await core.call('invoices/get', { id: invoiceId }))),
    );
    const final = finals.find((i) => i.kind === 'delivery' && i.status !== 'void')!;
    const issueDate = addDays(final.issueDate!, 3);
    expectOk(
      await core.call('invoices/creditNote', {
        invoiceId: final.id,
        amountMinor: final.balanceMinor,
        reason: 'Written off',
        issueDate,
      }),
    );
    expect(expectOk(await core.call('projects/get', { id: card.id }))).toMatchObject({
      stage: 'paid',
      paidOn: issueDate,
    });
  });
});

describe('card values in the reporting currency (the table sorts by them)', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    // This seed has open work in EUR beside USD.
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'e2e', asOf: '2026-11-20' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId)).result.ok).toBe(true);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('gives each card its value in the reporting currency, as its column counts it', async () => {
    const board = expectOk(await core.call('projects/board', {}));
    const cards = board.columns.flatMap((c) => c.cards);
    for (const card of cards.filter((c) => c.currency === board.reportingCurrency))
      expect(card.reportingMinor).toBe(card.valueMinor);
    const foreign = cards.filter((c) => c.currency !== board.reportingCurrency);
    expect(foreign.length, 'the demo has work in another currency').toBeGreaterThan(0);
    for (const card of foreign) expect(card.reportingMinor).not.toBe(card.valueMinor);
    // A column that shows every project it counts: its cards add up to its total (each rounded to the cent).
    const whole = board.columns.filter((c) => c.cards.length === c.count && c.cards.some((x) => foreign.includes(x)));
    expect(whole.length, 'a fully shown column holds foreign work').toBeGreaterThan(0);
    for (const column of whole) {
      const sum = column.cards.reduce((s, c) => s + c.reportingMinor!, 0);
      expect(Math.abs(sum - column.valueMinor!)).toBeLessThanOrEqual(column.count);
    }
    // The project's sheet says the same.
    const project = expectOk(await core.call('projects/get', { id: foreign[0]!.id }));
    expect(project.reportingMinor).toBe(foreign[0]!.reportingMinor);
  });
});

describe('looking projects up by name (the command palette)', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'lookup', asOf: '2026-11-20' }));
    expect((await nextEvent(core, 'job/finished', (p) => p.jobId === jobId)).result.ok).toBe(true);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('finds a project by part of its name, whatever the case, open work first and newest first, a few at most', async () => {
    const board = expectOk(await core.call('projects/board', {}));
    const cards = board.columns.flatMap((c) => c.cards);
    const open = cards.find((c) => ['discovery', 'production', 'qa'].includes(c.stage))!;
    // The client's part of "Service · Client": lower case, without its first letter.
    const part = open.clientName.slice(1).toLowerCase();
    const found = expectOk(await core.call('projects/lookup', { search: part }));
    expect(found.matches.length).toBeGreaterThan(0);
    expect(found.matches.length).toBeLessThanOrEqual(5);
    expect(found.matches.map((m) => m.id)).toContain(open.id);
    expect(found.matches.find((m) => m.id === open.id)).toEqual({
      id: open.id,
      name: open.name,
      clientName: open.clientName,
      stage: open.stage,
      dueDate: open.dueDate,
    });
    for (const m of found.matches) expect(m.name.toLowerCase()).toContain(part);
    const isOpen = (stage: string) => !['invoiced', 'paid', 'cancelled'].includes(stage);
    const firstClosed = found.matches.findIndex((m) => !isOpen(m.stage));
    if (firstClosed >= 0) expect(found.matches.slice(firstClosed).every((m) => !isOpen(m.stage))).toBe(true);
    const openIds = found.matches.filter((m) => isOpen(m.stage)).map((m) => m.id);
    expect(openIds).toEqual([...openIds].sort((a, b) => b - a));

    // A word most projects hold: the limit, open work first, none twice.
    const many = expectOk(await core.call('projects/lookup', { search: ' · ', limit: 8 }));
    expect(many.matches).toHaveLength(8);
    expect(new Set(many.matches.map((m) => m.id)).size).toBe(8);
    const openCount = cards.filter((c) => isOpen(c.stage)).length;
    expect(many.matches.slice(0, Math.min(8, openCount)).every((m) => isOpen(m.stage))).toBe(true);
    // Fewer open matches than the limit: the rest follow, newest first, without repeating the open ones.
    const closed = cards.find((c) => c.stage === 'paid')!;
    const both = expectOk(await core.call('projects/lookup', { search: closed.clientName, limit: 20 }));
    expect(both.matches.map((m) => m.id)).toContain(closed.id);
    expect(new Set(both.matches.map((m) => m.id)).size).toBe(both.matches.length);
    const rest = both.matches.filter((m) => !isOpen(m.stage)).map((m) => m.id);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });

  it('takes what is typed literally and asks for something to look for', async () => {
    expect(expectOk(await core.call('projects/lookup', { search: '%' })).matches).toEqual([]);
    expect(expectOk(await core.call('projects/lookup', { search: 'no project is called this' })).matches).toEqual([]);
    const blank = await core.call('projects/lookup', { search: '   ' });
    expect(blank.ok).toBe(false);
  });
});

describe('a walk through several stages at once (the demo generator)', () => {
  it('records exactly what one move at a time records', async () => {
    const file = await createWorkspaceFile(
      path.join(tempDir(), 'walk.atalaya'),
      { migrationsDir: MIGRATIONS_DIR },
      (s) => generateDemo(s, { profile: 'agency', seed: 'walk', asOf: '2026-11-20' }),
    );
    const sqlite = openExisting(file, {});
    const [a, b] = (
      sqlite.prepare("SELECT id FROM projects WHERE stage = 'paid' ORDER BY id LIMIT 2").all() as { id: number }[]
    ).map((p) => p.id);
    expect(b, 'two paid projects').toBeDefined();
    const moves = (['production', 'qa', 'client_preview', 'revision', 'client_preview', 'revision'] as const).map(
      (stage, i) => ({ stage, at: `2026-11-2${i}T10:00:00Z` }),
    );
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE projects SET revision_cycles = 0 WHERE id IN (?, ?)').run(a, b);
      for (const m of moves) recordStage(sqlite, a!, m.stage, m.at, 'test');
      recordStages(sqlite, b!, moves, 'test');
    })();
    const state = (id: number) => ({
      project: sqlite.prepare('SELECT stage, revision_cycles FROM projects WHERE id = ?').get(id),
      history: sqlite
        .prepare(
          "SELECT from_stage, to_stage, at FROM project_stage_changes WHERE project_id = ? AND actor = 'test' ORDER BY id",
        )
        .all(id),
    });
    expect(state(b!)).toEqual(state(a!));
    expect(state(a!).history).toHaveLength(6);
    expect(state(a!).project).toEqual({ stage: 'revision', revision_cycles: 2 });
    sqlite.close();
  });
});

describe('the board at scale', () => {
  it('shows in Invoiced and Paid the latest moved there, newest first, however long ago the work was delivered', async () => {
    const file = path.join(tempDir(), 'board.atalaya');
    await createWorkspaceFile(file, { migrationsDir: MIGRATIONS_DIR }, (sqlite) =>
      generateDemo(sqlite, { profile: 'agency', seed: 'board-scale', asOf: '2026-11-20' }),
    );
    const db = openExisting(file, {});
    try {
      // More work paid in the last 30 days than a column shows: 80 projects, one paid every 8 hours (the rest long
      // ago). All of them were delivered months before they were paid, and one invoiced project was delivered weeks
      // before the delivery was recorded yesterday: each column goes by when the move was recorded.
      const ids = db
        .prepare("SELECT id FROM projects WHERE stage = 'paid' ORDER BY id LIMIT 80")
        .pluck()
        .all() as number[];
      expect(ids).toHaveLength(80);
      db.prepare("UPDATE projects SET delivered_at = '2026-07-01T10:00:00Z' WHERE stage IN ('paid', 'invoiced')").run();
      db.prepare(
        "UPDATE project_stage_changes SET at = '2026-09-01T10:00:00Z' WHERE to_stage IN ('paid', 'invoiced')",
      ).run();
      const paidAt = db.prepare("UPDATE project_stage_changes SET at = ? WHERE project_id = ? AND to_stage = 'paid'");
      for (const [i, id] of ids.entries())
        paidAt.run(new Date(Date.UTC(2026, 10, 19) - i * 8 * 3_600_000).toISOString(), id);
      const lateEntry = db
        .prepare("SELECT id FROM projects WHERE stage = 'invoiced' ORDER BY id LIMIT 1")
        .pluck()
        .get() as number;
      db.prepare(
        "UPDATE project_stage_changes SET at = '2026-11-19T16:00:00Z' WHERE project_id = ? AND to_stage = 'invoiced'",
      ).run(lateEntry);

      const columns = board(db, '2026-11-20', null).columns;
      const paid = columns.find((c) => c.stage === 'paid')!;
      expect(paid.cards).toHaveLength(BOARD_DELIVERED_CARDS);
      expect(paid.cards.map((c) => c.id)).toEqual(ids.slice(0, BOARD_DELIVERED_CARDS));
      expect(paid.count).toBe(db.prepare("SELECT count(*) FROM projects WHERE stage = 'paid'").pluck().get());
      expect(columns.find((c) => c.stage === 'invoiced')!.cards.map((c) => c.id)).toEqual([lateEntry]);
    } finally {
      db.close();
    }
  });
});
