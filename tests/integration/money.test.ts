/**
 * Clients and money through the real core worker and a real SQLite file:
 * invoices (numbering, payments, credit notes, voids), subscriptions and MRR,
 * expenses, FX, and the demo's money kept consistent.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceLedger } from '../../src/main/core/invoices/ledger';
import type { CoreClient } from '../../src/main/hosts/core-client';
import {
  AGING_BUCKETS,
  type AgingBucket,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceStatus,
} from '../../src/shared/domain';
import { INVOICE_SORT_COLUMNS, type InvoiceSortColumn, type InvoiceSummary } from '../../src/shared/money';
import type { OnboardingInput } from '../../src/shared/schemas';
import { builtWorker, cleanTempDirs, expectOk, MIGRATIONS_DIR, nextEvent, tempDir, testCore } from '../helpers';

const run = promisify(execFile);

const onboarding: OnboardingInput = {
  name: 'Faro Studio',
  reportingCurrency: 'USD',
  timeZone: 'UTC',
  hubs: [
    {
      name: 'Copenhagen',
      country: 'DK',
      timeZone: 'Europe/Copenhagen',
      currency: 'EUR',
      targetKind: null,
      targetSharePct: null,
      leaderId: null,
      color: 'sky',
    },
    {
      name: 'Lima',
      country: 'PE',
      timeZone: 'America/Lima',
      currency: 'USD',
      targetKind: null,
      targetSharePct: null,
      leaderId: null,
      color: 'emerald',
    },
  ],
  people: [],
};

async function emptyWorkspace(core: CoreClient) {
  const summary = expectOk(await core.call('workspace/createEmpty', onboarding));
  const hubs = expectOk(await core.call('hubs/list', {}));
  const hub = (name: string) => hubs.find((h) => h.name === name)!.id;
  return { summary, copenhagen: hub('Copenhagen'), lima: hub('Lima') };
}

const client = (name: string, hubId: number, country: string, extra: Record<string, unknown> = {}) => ({
  name,
  tier: 2 as const,
  vertical: 'saas' as const,
  hubId,
  country,
  email: null,
  ...extra,
});

/** A new client (in a hub, or none) with a monthly USD subscription from `startOn`. */
async function subscribedClient(
  core: CoreClient,
  o: { name: string; hubId: number | null; country: string; serviceId: number; fee: number; startOn: string },
) {
  const c = expectOk(await core.call('clients/create', client(o.name, o.hubId as number, o.country)));
  return expectOk(
    await core.call('subscriptions/create', {
      clientId: c.id,
      serviceId: o.serviceId,
      feeMinor: o.fee,
      currency: 'USD',
      startOn: o.startOn,
    }),
  );
}

/** Rows of a table straight from the file (not through the code under test). */
function countRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('invoices and payments', () => {
  let core: CoreClient;
  let file: string;
  let ids: Awaited<ReturnType<typeof emptyWorkspace>>;
  beforeAll(async () => {
    core = testCore(tempDir());
    ids = await emptyWorkspace(core);
    file = ids.summary.path;
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('numbers issued invoices without gaps; drafts have no number; a void keeps its number', async () => {
    const acme = expectOk(await core.call('clients/create', client('Acme Lima', ids.lima, 'PE')));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const draft = expectOk(
        await core.call('invoices/createDraft', {
          clientId: acme.id,
          currency: 'USD',
          lines: [{ description: `Edit ${i}`, quantity: 2, unitPriceMinor: 5_000, taxRateBp: 0 }],
        }),
      );
      expect(draft).toMatchObject({ number: null, status: 'draft', totalMinor: 10_000 });
      const issued = expectOk(await core.call('invoices/issue', { id: draft.id, issueDate: '2026-03-02' }));
      numbers.push(issued.number!);
      // Due date = issue date + the client's terms (15 days by default).
      expect(issued.dueDate).toBe('2026-03-17');
    }
    expect(numbers).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);

    const voided = expectOk(
      await core.call('invoices/void', { id: (await lastInvoice(core)).id, reason: 'Duplicate' }),
    );
    expect(voided).toMatchObject({ status: 'void', number: 'INV-2026-0003', voidReason: 'Duplicate' });
    // The next invoice continues after the voided number.
    const draft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: acme.id,
        currency: 'USD',
        lines: [{ description: 'After the void', quantity: 1, unitPriceMinor: 1_000 }],
      }),
    );
    expect(expectOk(await core.call('invoices/issue', { id: draft.id, issueDate: '2026-03-03' })).number).toBe(
      'INV-2026-0004',
    );
    // Numbers follow dates: an earlier issue date than the last one is refused.
    const late = expectOk(
      await core.call('invoices/createDraft', {
        clientId: acme.id,
        currency: 'USD',
        lines: [{ description: 'Backdated', quantity: 1, unitPriceMinor: 1_000 }],
      }),
    );
    const refused = await core.call('invoices/issue', { id: late.id, issueDate: '2026-03-01' });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'BAD_REQUEST', field: 'issueDate' });
    expect(expectOk(await core.call('invoices/get', { id: late.id })).number).toBeNull();
  });

  it('partial payments sum; the final one makes it paid; an overpayment is refused and changes nothing', async () => {
    const c = expectOk(await core.call('clients/create', client('Payer Co', ids.lima, 'PE')));
    const draft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: c.id,
        currency: 'USD',
        lines: [
          { description: 'Explainer', quantity: 1, unitPriceMinor: 30_000, taxRateBp: 1_800 },
          { description: 'Voice-over', quantity: 2, unitPriceMinor: 2_550, taxRateBp: 1_800 },
        ],
      }),
    );
    // 300.00 + 2 × 25.50 = 351.00 net, 18% tax = 63.18, total 414.18.
    expect(draft).toMatchObject({ netMinor: 35_100, taxMinor: 6_318, totalMinor: 41_418 });
    const inv = expectOk(await core.call('invoices/issue', { id: draft.id, issueDate: '2026-04-01' }));

    const first = expectOk(
      await core.call('payments/record', {
        invoiceId: inv.id,
        paidOn: '2026-04-05',
        amountMinor: 20_000,
        currency: 'USD',
      }),
    );
    expect(first).toMatchObject({ paidMinor: 20_000, balanceMinor: 21_418 });
    expect(first.status).not.toBe('paid');

    const paymentsBefore = countRows(file, 'payments');
    const over = await core.call('payments/record', {
      invoiceId: inv.id,
      paidOn: '2026-04-06',
      amountMinor: 21_419,
      currency: 'USD',
    });
    expect(over.ok === false && over.error).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'amountMinor',
      message: 'The payment (214.19 USD) is more than the balance (214.18 USD).',
    });
    expect(countRows(file, 'payments')).toBe(paymentsBefore);

    const second = expectOk(
      await core.call('payments/record', {
        invoiceId: inv.id,
        paidOn: '2026-04-20',
        amountMinor: 21_418,
        currency: 'USD',
      }),
    );
    expect(second).toMatchObject({ status: 'paid', paidOn: '2026-04-20', paidMinor: 41_418, balanceMinor: 0 });
    expect(second.payments.map((p) => p.amountMinor)).toEqual([20_000, 21_418]);
    // Money that was received cannot be voided away.
    const voidPaid = await core.call('invoices/void', { id: inv.id, reason: 'oops' });
    expect(voidPaid.ok === false && voidPaid.error.code).toBe('CONFLICT');
  });

  it('converts a payment in another currency at the rate in force, and refuses one without a rate', async () => {
    const c = expectOk(await core.call('clients/create', client('Nordlys ApS', ids.copenhagen, 'DK')));
    const draft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: c.id,
        currency: 'EUR',
        lines: [{ description: 'Brand campaign', quantity: 1, unitPriceMinor: 100_000, taxRateBp: 2_500 }],
      }),
    );
    const inv = expectOk(await core.call('invoices/issue', { id: draft.id, issueDate: '2026-05-04' }));
    expect(inv.totalMinor).toBe(125_000);

    const noRate = await core.call('payments/record', {
      invoiceId: inv.id,
      paidOn: '2026-05-10',
      amountMinor: 50_000,
      currency: 'USD',
    });
    expect(noRate.ok === false && noRate.error).toMatchObject({ code: 'FX_RATE_MISSING', field: 'currency' });

    expectOk(await core.call('fx/set', { currency: 'EUR', date: '2026-05-01', rate: 1.25 }));
    // 500.00 USD at 1.25 USD per EUR = 400.00 EUR applied.
    const paid = expectOk(
      await core.call('payments/record', {
        invoiceId: inv.id,
        paidOn: '2026-05-10',
        amountMinor: 50_000,
        currency: 'USD',
      }),
    );
    expect(paid.payments[0]).toMatchObject({ amountMinor: 50_000, currency: 'USD', appliedMinor: 40_000 });
    expect(paid.balanceMinor).toBe(85_000);
  });

  it('credits a sent invoice with a credit note of its own series; a full credit settles it', async () => {
    const c = expectOk(await core.call('clients/create', client('Credit Co', ids.lima, 'PE')));
    const draft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: c.id,
        currency: 'USD',
        lines: [{ description: 'Quick edit', quantity: 1, unitPriceMinor: 6_000 }],
      }),
    );
    const inv = expectOk(await core.call('invoices/issue', { id: draft.id, issueDate: '2026-06-01' }));
    const edit = await core.call('invoices/updateDraft', { id: inv.id, notes: 'changed' });
    expect(edit.ok === false && edit.error.code).toBe('CONFLICT');

    const tooMuch = await core.call('invoices/creditNote', { invoiceId: inv.id, amountMinor: 6_001, reason: 'x' });
    expect(tooMuch.ok === false && tooMuch.error).toMatchObject({
      field: 'amountMinor',
      message: 'The credit (60.01 USD) is more than the balance (60.00 USD).',
      params: { amount: '60.01', balance: '60.00', currency: 'USD' },
    });

    const cn = expectOk(
      await core.call('invoices/creditNote', {
        invoiceId: inv.id,
        amountMinor: 2_000,
        reason: 'Late delivery',
        issueDate: '2026-06-03',
      }),
    );
    expect(cn).toMatchObject({
      kind: 'credit_note',
      number: 'CN-2026-0001',
      creditsInvoiceId: inv.id,
      totalMinor: 2_000,
    });
    const after = expectOk(await core.call('invoices/get', { id: inv.id }));
    expect(after).toMatchObject({ creditedMinor: 2_000, balanceMinor: 4_000 });
    expect(after.creditNotes).toEqual([
      { id: cn.id, number: 'CN-2026-0001', totalMinor: 2_000, issueDate: '2026-06-03' },
    ]);

    expectOk(
      await core.call('invoices/creditNote', {
        invoiceId: inv.id,
        amountMinor: 4_000,
        reason: 'Goodwill',
        issueDate: '2026-06-04',
      }),
    );
    expect(expectOk(await core.call('invoices/get', { id: inv.id }))).toMatchObject({
      status: 'paid',
      balanceMinor: 0,
    });
  });

  it('notes the EU reverse charge for a B2B client in another EU country, and bills deposits net on delivery', async () => {
    const berlin = expectOk(
      await core.call('clients/create', client('Berlin GmbH', ids.copenhagen, 'DE', { tier: 1, depositPct: 30 })),
    );
    expect(berlin.depositPct).toBe(30);
    const draft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: berlin.id,
        currency: 'EUR',
        lines: [{ description: 'Strategy', quantity: 1, unitPriceMinor: 10_000 }],
      }),
    );
    expect(draft.reverseCharge).toBe(true);
    const local = expectOk(await core.call('clients/create', client('Aarhus ApS', ids.copenhagen, 'DK')));
    const localDraft = expectOk(
      await core.call('invoices/createDraft', {
        clientId: local.id,
        currency: 'EUR',
        lines: [{ description: 'Strategy', quantity: 1, unitPriceMinor: 10_000 }],
      }),
    );
    expect(localDraft.reverseCharge).toBe(false);
  });

  it("sorts invoices by client in the reader's alphabet: Spanish puts Ñ after N, English with it", async () => {
    for (const name of ['Ñandú Estudio', 'Nube Media', 'Oro Films']) {
      const c = expectOk(await core.call('clients/create', client(name, ids.lima, 'PE')));
      expectOk(
        await core.call('invoices/createDraft', {
          clientId: c.id,
          currency: 'USD',
          lines: [{ description: 'Reel', quantity: 1, unitPriceMinor: 9_000, taxRateBp: 0 }],
        }),
      );
    }
    const order = async (language?: 'en' | 'es') => {
      const sort = { column: 'client' as const, direction: 'asc' as const, ...(language ? { language } : {}) };
      const all = expectOk(await core.call('invoices/list', { sort }));
      return [...new Set(all.invoices.map((i) => i.clientName))].filter((n) => /^(Ñandú|Nube|Oro)/.test(n));
    };
    expect(await order('es')).toEqual(['Nube Media', 'Ñandú Estudio', 'Oro Films']);
    expect(await order('en')).toEqual(['Ñandú Estudio', 'Nube Media', 'Oro Films']);
    expect(await order()).toEqual(await order('en'));
    const refused = await core.call('invoices/list', {
      sort: { column: 'client', direction: 'asc', language: 'pt' as 'es' },
    });
    expect(refused.ok).toBe(false);
  });

  it('keeps every money record: the tables only grow', async () => {
    const before = ['invoices', 'payments', 'invoice_lines'].map((t) => countRows(file, t));
    const list = expectOk(await core.call('invoices/list', {}));
    expect(list.invoices.length).toBe(before[0]);
    expect(list.invoices.some((i) => i.status === 'void')).toBe(true);
  });
});

async function lastInvoice(core: CoreClient) {
  const list = expectOk(await core.call('invoices/list', {}));
  return list.invoices.filter((i) => i.number !== null).sort((a, b) => b.number!.localeCompare(a.number!))[0]!;
}

describe('two OS processes issuing invoices on one file at once', () => {
  it('produce no gap and no duplicate', async () => {
    const home = tempDir();
    const core = testCore(home);
    const { summary, lima } = await emptyWorkspace(core);
    const c = expectOk(await core.call('clients/create', client('Race Co', lima, 'PE')));
    await core.close();

    const script = path.join(__dirname, 'fixtures', 'issue-invoices.cjs');
    const args = (n: number) => [
      script,
      builtWorker(),
      MIGRATIONS_DIR,
      tempDir(),
      summary.path,
      String(c.id),
      String(n),
    ];
    const [a, b] = await Promise.all([run(process.execPath, args(25)), run(process.execPath, args(25))]);
    const numbers = [...(JSON.parse(a.stdout) as string[]), ...(JSON.parse(b.stdout) as string[])];
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    const sorted = numbers.map((n) => Number(n.slice(-4))).sort((x, y) => x - y);
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 60_000);
});

describe('subscriptions and MRR through the contract', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    await emptyWorkspace(core);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('a month with an upgrade on the 10th, a pause and a cancellation on the 20th reconciles by hand', async () => {
    const hubs = expectOk(await core.call('hubs/list', {}));
    const lima = hubs.find((h) => h.name === 'Lima')!.id;
    const services = expectOk(await core.call('catalogue/list', {}));
    const social = services.find((s) => s.code === 'social_management')!.id;
    const make = (name: string, fee: number, startOn: string) =>
      subscribedClient(core, { name, hubId: lima, country: 'PE', serviceId: social, fee, startOn });
    const a = await make('Alfa', 30_000, '2026-03-01');
    const b = await make('Beta', 20_000, '2026-04-15');
    const c = await make('Gamma', 40_000, '2026-05-01');
    await make('Delta', 15_000, '2026-06-05');
    expectOk(
      await core.call('subscriptions/change', {
        id: a.id,
        kind: 'change',
        effectiveOn: '2026-06-10',
        feeMinor: 50_000,
      }),
    );
    expectOk(await core.call('subscriptions/change', { id: b.id, kind: 'pause', effectiveOn: '2026-06-20' }));
    const cancelled = expectOk(
      await core.call('subscriptions/change', { id: c.id, kind: 'cancel', effectiveOn: '2026-06-20' }),
    );
    expect(cancelled).toMatchObject({ endedOn: '2026-06-19' });
    expect(cancelled.changes.map((x) => x.kind)).toEqual(['start', 'cancel']);

    const report = expectOk(await core.call('mrr/report', { from: '2026-06', to: '2026-06' }));
    expect(report.months[0]).toEqual({
      month: '2026-06',
      opening: 90_000,
      new: 15_000,
      expansion: 20_000,
      contraction: 0,
      churn: -60_000,
      reactivation: 0,
      closing: 65_000,
    });
    expect(report.movements.map((m) => [m.date, m.clientName, m.kind, m.amountMinor])).toEqual([
      ['2026-06-05', 'Delta', 'new', 15_000],
      ['2026-06-10', 'Alfa', 'expansion', 20_000],
      ['2026-06-20', 'Beta', 'churn', -20_000],
      ['2026-06-20', 'Gamma', 'churn', -40_000],
    ]);

    // A subscription service is required, and changes are refused out of order.
    const wrong = await core.call('subscriptions/create', {
      clientId: cancelled.clientId,
      serviceId: services.find((s) => s.code === 'quick_edit')!.id,
      feeMinor: 1_000,
      currency: 'USD',
      startOn: '2026-06-01',
    });
    expect(wrong.ok === false && wrong.error.field).toBe('serviceId');
    const again = await core.call('subscriptions/change', { id: c.id, kind: 'pause', effectiveOn: '2026-07-01' });
    expect(again.ok === false && again.error.code).toBe('CONFLICT');
  });

  it("follows the hub filter: a hub's clients' subscriptions, and the same MRR formula over them only", async () => {
    const hubs = expectOk(await core.call('hubs/list', {}));
    const lima = hubs.find((h) => h.name === 'Lima')!.id;
    const copenhagen = hubs.find((h) => h.name === 'Copenhagen')!.id;
    const services = expectOk(await core.call('catalogue/list', {}));
    const social = services.find((s) => s.code === 'social_management')!.id;
    const subscribe = (name: string, hubId: number | null, fee: number, startOn: string) =>
      subscribedClient(core, { name, hubId, country: 'DK', serviceId: social, fee, startOn });
    const fjord = await subscribe('Fjord', copenhagen, 12_000, '2026-05-01');
    await subscribe('Havn', copenhagen, 8_000, '2026-06-12');
    await subscribe('Nowhere', null, 5_000, '2026-06-01');
    expectOk(
      await core.call('subscriptions/change', {
        id: fjord.id,
        kind: 'change',
        effectiveOn: '2026-06-15',
        feeMinor: 10_000,
      }),
    );

    // The list: Copenhagen's clients only; without a hub, everyone's (today's behaviour).
    const all = expectOk(await core.call('subscriptions/list', {}));
    const cph = expectOk(await core.call('subscriptions/list', { hubId: copenhagen }));
    expect(cph.map((s) => s.clientName)).toEqual(['Fjord', 'Havn']);
    const limaSubs = expectOk(await core.call('subscriptions/list', { hubId: lima }));
    expect(limaSubs.map((s) => s.clientName)).toEqual(['Alfa', 'Beta', 'Delta', 'Gamma']);
    expect(all.map((s) => s.clientName)).toEqual(['Alfa', 'Beta', 'Delta', 'Fjord', 'Gamma', 'Havn', 'Nowhere']);

    // MRR by hand for Copenhagen in June: opens at 12,000; Havn new 8,000; Fjord down 2,000; closes at 18,000.
    const june = { from: '2026-06', to: '2026-06' };
    const report = expectOk(await core.call('mrr/report', { ...june, hubId: copenhagen }));
    expect(report.months[0]).toEqual({
      month: '2026-06',
      opening: 12_000,
      new: 8_000,
      expansion: 0,
      contraction: -2_000,
      churn: 0,
      reactivation: 0,
      closing: 18_000,
    });
    expect(report.movements.map((m) => [m.date, m.clientName, m.kind, m.amountMinor])).toEqual([
      ['2026-06-12', 'Havn', 'new', 8_000],
      ['2026-06-15', 'Fjord', 'contraction', -2_000],
    ]);
    // Each hub's figures plus the clients without a hub add up to the agency's, month by month.
    const range = { from: '2026-03', to: '2026-07' };
    const whole = expectOk(await core.call('mrr/report', range));
    const byHub = [
      expectOk(await core.call('mrr/report', { ...range, hubId: lima })),
      expectOk(await core.call('mrr/report', { ...range, hubId: copenhagen })),
    ];
    whole.months.forEach((m, i) => {
      const hubsClosing = byHub.reduce((sum, r) => sum + r.months[i]!.closing, 0);
      // Nowhere (no hub) adds 5,000 from June on.
      expect(hubsClosing + (m.month >= '2026-06' ? 5_000 : 0), m.month).toBe(m.closing);
    });
    expect(byHub[0]!.movements.every((m) => ['Alfa', 'Beta', 'Gamma', 'Delta'].includes(m.clientName))).toBe(true);
    // hubId null reads as every hub, the same as leaving it out.
    expect(expectOk(await core.call('subscriptions/list', { hubId: null }))).toEqual(all);
    expect(expectOk(await core.call('mrr/report', { ...range, hubId: null }))).toEqual(whole);

    // Bad input is refused with a clear error; an unknown hub is not an empty one.
    for (const hubId of [0, -1, 1.5, '2']) {
      const bad = await core.call('mrr/report', { ...june, hubId: hubId as number });
      expect(bad.ok === false && [bad.error.code, bad.error.field], String(hubId)).toEqual(['BAD_REQUEST', 'hubId']);
      const badList = await core.call('subscriptions/list', { hubId: hubId as number });
      expect(badList.ok === false && badList.error.code).toBe('BAD_REQUEST');
    }
    const unknown = await core.call('subscriptions/list', { hubId: 9_999 });
    expect(unknown.ok === false && [unknown.error.code, unknown.error.field]).toEqual(['NOT_FOUND', 'hubId']);
    const unknownMrr = await core.call('mrr/report', { ...june, hubId: 9_999 });
    expect(unknownMrr.ok === false && unknownMrr.error.code).toBe('NOT_FOUND');

    // A hub whose clients hold no subscription: an empty list and zero MRR.
    const quiet = expectOk(
      await core.call('hubs/create', {
        name: 'Quito',
        country: 'EC',
        timeZone: 'America/Guayaquil',
        currency: 'USD',
        targetKind: null,
        targetSharePct: null,
        leaderId: null,
        color: 'amber',
      }),
    );
    expect(expectOk(await core.call('subscriptions/list', { hubId: quiet.id }))).toEqual([]);
    const none = expectOk(await core.call('mrr/report', { ...june, hubId: quiet.id }));
    expect(none.months[0]!.closing).toBe(0);
    expect(none.movements).toEqual([]);
  });
});

describe('client lookup for pickers', () => {
  let core: CoreClient;
  let ids: Awaited<ReturnType<typeof emptyWorkspace>>;
  beforeAll(async () => {
    core = testCore(tempDir());
    ids = await emptyWorkspace(core);
    for (const name of ['Lima Acme Studio', 'Acme Lima', 'ACME', 'Ramírez 100% Digital', 'Nova_Labs', 'NovaXLabs'])
      expectOk(await core.call('clients/create', client(name, ids.lima, 'PE')));
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('finds clients by part of the name, the exact name first, then names starting with it', async () => {
    const acme = expectOk(await core.call('clients/lookup', { search: '  acme ' }));
    expect(acme.matches.map((c) => c.name)).toEqual(['ACME', 'Acme Lima', 'Lima Acme Studio']);
    expect(acme.total).toBe(3);
    expect(acme.sameName).toMatchObject({ name: 'ACME', tier: 2, hubId: ids.lima });
    const first = expectOk(await core.call('clients/lookup', { search: 'acme', limit: 1 }));
    expect(first.matches.map((c) => c.name)).toEqual(['ACME']);
    expect(first.total).toBe(3);
    const everyone = expectOk(await core.call('clients/lookup', {}));
    expect(everyone.total).toBe(6);
    expect(everyone.sameName).toBeNull();
    expect(expectOk(await core.call('clients/lookup', { search: 'acme lim' })).sameName).toBeNull();
  });

  it('takes % and _ as the characters typed, not as wildcards', async () => {
    const percent = expectOk(await core.call('clients/lookup', { search: '100%' }));
    expect(percent.matches.map((c) => c.name)).toEqual(['Ramírez 100% Digital']);
    const underscore = expectOk(await core.call('clients/lookup', { search: 'nova_' }));
    expect(underscore.matches.map((c) => c.name)).toEqual(['Nova_Labs']);
  });

  it('refuses a limit above 50 or a search longer than a name', async () => {
    const big = await core.call('clients/lookup', { search: 'a', limit: 51 });
    expect(big.ok === false && big.error.code).toBe('BAD_REQUEST');
    const long = await core.call('clients/lookup', { search: 'x'.repeat(121) });
    expect(long.ok === false && long.error.message).toContain('120');
  });
});

describe('expenses and FX', () => {
  let core: CoreClient;
  beforeAll(async () => {
    core = testCore(tempDir());
    await emptyWorkspace(core);
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('lists a month with monthly expenses once, totals per category, and reports a missing rate', async () => {
    expectOk(
      await core.call('expenses/create', {
        date: '2026-01-31',
        category: 'tools',
        description: 'AI suite',
        amountMinor: 9_900,
        currency: 'USD',
        recurrence: 'monthly',
      }),
    );
    const eur = expectOk(
      await core.call('expenses/create', {
        date: '2026-02-10',
        category: 'marketing_sales',
        description: 'Ads',
        amountMinor: 5_000,
        currency: 'EUR',
      }),
    );
    let feb = expectOk(await core.call('expenses/month', { month: '2026-02' }));
    expect(feb.occurrences.map((o) => [o.date, o.description])).toEqual([
      ['2026-02-28', 'AI suite'],
      ['2026-02-10', 'Ads'],
    ]);
    expect(feb.totals.tools).toBe(9_900);
    expect(feb.totals.marketing_sales).toBeNull();
    expect(feb.totalMinor).toBeNull();
    expect(feb.missingRates).toEqual([{ currency: 'EUR', date: '2026-02-10' }]);

    expectOk(await core.call('fx/set', { currency: 'EUR', date: '2026-02-01', rate: 1.1 }));
    feb = expectOk(await core.call('expenses/month', { month: '2026-02' }));
    expect(feb).toMatchObject({ totalMinor: 9_900 + 5_500, missingRates: [] });

    expectOk(await core.call('expenses/void', { id: eur.id }));
    expect(expectOk(await core.call('expenses/month', { month: '2026-02' })).totalMinor).toBe(9_900);
    expectOk(await core.call('expenses/unvoid', { id: eur.id }));
    expect(expectOk(await core.call('expenses/month', { month: '2026-02' })).totalMinor).toBe(15_400);

    const bad = await core.call('expenses/create', {
      date: '2026-02-10',
      category: 'tools',
      description: '  ',
      amountMinor: 0,
      currency: 'USD',
    });
    expect(bad.ok === false && bad.error.code).toBe('BAD_REQUEST');
    const reporting = await core.call('fx/set', { currency: 'USD', date: '2026-02-01', rate: 2 });
    expect(reporting.ok === false && reporting.error.field).toBe('currency');
  });

  it('marks an occurrence still ahead of today as scheduled, and splits the month into spent so far and scheduled', async () => {
    const rent = expectOk(
      await core.call('expenses/create', {
        date: '2026-01-15',
        category: 'infrastructure',
        description: 'Studio rent',
        amountMinor: 120_000,
        currency: 'USD',
        recurrence: 'monthly',
      }),
    );
    const month = async (m: string, asOf: string) => expectOk(await core.call('expenses/month', { month: m, asOf }));
    const rentIn = (m: Awaited<ReturnType<typeof month>>) => m.occurrences.find((o) => o.expenseId === rent.id)!;

    // Rent on the 15th, today the 6th: listed, counted in the month's total, but scheduled, not spent.
    let march = await month('2026-03', '2026-03-06');
    expect(rentIn(march)).toMatchObject({ date: '2026-03-15', scheduled: true });
    const tools = march.occurrences.filter((o) => o.description === 'AI suite');
    expect(tools.map((o) => [o.date, o.scheduled])).toEqual([['2026-03-31', true]]);
    expect(march).toMatchObject({ asOf: '2026-03-06', spentMinor: 0, scheduledMinor: 129_900, totalMinor: 129_900 });
    expect(march.totals.infrastructure).toBe(120_000);

    // Today the 20th: the rent is spent; the AI suite on the 31st is still ahead.
    march = await month('2026-03', '2026-03-20');
    expect(rentIn(march).scheduled).toBe(false);
    expect(march).toMatchObject({ spentMinor: 120_000, scheduledMinor: 9_900, totalMinor: 129_900 });
    // On the day itself it is spent.
    expect(rentIn(await month('2026-03', '2026-03-15')).scheduled).toBe(false);

    // A future month: everything scheduled. A past one: everything spent.
    const april = await month('2026-04', '2026-03-20');
    expect(april.occurrences.every((o) => o.scheduled)).toBe(true);
    expect(april).toMatchObject({ spentMinor: 0, scheduledMinor: 129_900 });
    const feb = await month('2026-02', '2026-03-20');
    expect(feb.occurrences.some((o) => o.scheduled)).toBe(false);
    expect(feb.spentMinor).toBe(feb.totalMinor);

    // A one-off expense dated in the future is scheduled too.
    expectOk(
      await core.call('expenses/create', {
        date: '2026-03-25',
        category: 'other',
        description: 'Offsite booking',
        amountMinor: 30_000,
        currency: 'USD',
      }),
    );
    march = await month('2026-03', '2026-03-20');
    expect(march.occurrences.find((o) => o.description === 'Offsite booking')!.scheduled).toBe(true);
    expect(march).toMatchObject({ spentMinor: 120_000, scheduledMinor: 39_900, totalMinor: 159_900 });

    // Without asOf, the workspace's today decides: long-past months are all spent.
    const old = expectOk(await core.call('expenses/month', { month: '2026-02' }));
    expect(old.occurrences.every((o) => !o.scheduled)).toBe(true);
    expect(old.spentMinor).toBe(old.totalMinor);
  });

  it("follows the hub filter: a hub's own expenses, totals and split over them only", async () => {
    const hubs = expectOk(await core.call('hubs/list', {}));
    const lima = hubs.find((h) => h.name === 'Lima')!.id;
    const copenhagen = hubs.find((h) => h.name === 'Copenhagen')!.id;
    const add = async (description: string, hubId: number | null, date: string, amountMinor: number) =>
      expectOk(
        await core.call('expenses/create', {
          date,
          category: 'tools',
          hubId,
          description,
          amountMinor,
          currency: 'USD',
        }),
      );
    await add('Lima licences', lima, '2026-05-04', 4_000);
    await add('Lima printer', lima, '2026-05-28', 6_000);
    await add('Copenhagen licences', copenhagen, '2026-05-05', 7_000);
    await add('Agency insurance', null, '2026-05-02', 10_000);

    const asOf = '2026-05-10';
    const whole = expectOk(await core.call('expenses/month', { month: '2026-05', asOf }));
    const limaMonth = expectOk(await core.call('expenses/month', { month: '2026-05', hubId: lima, asOf }));
    expect(limaMonth.hubId).toBe(lima);
    expect(limaMonth.occurrences.map((o) => [o.description, o.scheduled])).toEqual([
      ['Lima printer', true],
      ['Lima licences', false],
    ]);
    expect(limaMonth).toMatchObject({ totalMinor: 10_000, spentMinor: 4_000, scheduledMinor: 6_000 });
    expect(limaMonth.totals.tools).toBe(10_000);
    const cph = expectOk(await core.call('expenses/month', { month: '2026-05', hubId: copenhagen, asOf }));
    expect(cph.occurrences.map((o) => o.description)).toEqual(['Copenhagen licences']);
    // Without a hub: every expense, agency-wide ones and the monthly rent and tools included.
    expect(whole.hubId).toBeNull();
    expect(whole.occurrences.map((o) => o.description)).toEqual(
      expect.arrayContaining([
        'Lima licences',
        'Lima printer',
        'Copenhagen licences',
        'Agency insurance',
        'Studio rent',
      ]),
    );
    expect(whole.totalMinor).toBe(whole.occurrences.reduce((s, o) => s + o.reportingMinor!, 0));
    // hubId null reads as every hub, the same as leaving it out.
    expect(expectOk(await core.call('expenses/month', { month: '2026-05', hubId: null, asOf }))).toEqual(whole);

    for (const hubId of [0, 2.5, 'Lima']) {
      const bad = await core.call('expenses/month', { month: '2026-05', hubId: hubId as number });
      expect(bad.ok === false && [bad.error.code, bad.error.field], String(hubId)).toEqual(['BAD_REQUEST', 'hubId']);
    }
    const unknown = await core.call('expenses/month', { month: '2026-05', hubId: 9_999 });
    expect(unknown.ok === false && [unknown.error.code, unknown.error.field]).toEqual(['NOT_FOUND', 'hubId']);
    const badDay = await core.call('expenses/month', { month: '2026-05', asOf: '2026-05-40' });
    expect(badDay.ok === false && badDay.error.field).toBe('asOf');
  });
});

describe("the demo agency's money", () => {
  let core: CoreClient;
  let file: string;
  beforeAll(async () => {
    core = testCore(tempDir());
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'money', asOf: '2026-11-20' }));
    const finished = await nextEvent(core, 'job/finished', (p) => p.jobId === jobId);
    expect(finished.result.ok).toBe(true);
    const current = expectOk(await core.call('workspace/current', {}));
    if (current.state !== 'open') throw new Error('not open');
    file = current.path;
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('invoices every delivery, never pays above an invoice, and numbers without gaps', () => {
    const db = new Database(file, { readonly: true });
    try {
      const unbilled = db
        .prepare(
          `SELECT count(*) AS n FROM projects p WHERE p.delivered_at IS NOT NULL AND p.stage <> 'cancelled'
           AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.project_id = p.id AND i.kind = 'delivery')`,
        )
        .get() as { n: number };
      expect(unbilled.n).toBe(0);
      const overpaid = db
        .prepare(
          `SELECT count(*) AS n FROM invoices i
           WHERE (SELECT coalesce(sum(applied_minor), 0) FROM payments WHERE invoice_id = i.id) > i.total_minor`,
        )
        .get() as { n: number };
      expect(overpaid.n).toBe(0);
      const orphan = db
        .prepare(
          "SELECT count(*) AS n FROM invoices WHERE project_id IS NULL AND subscription_id IS NULL AND kind <> 'manual'",
        )
        .get() as { n: number };
      expect(orphan.n).toBe(0);
      const series = db
        .prepare('SELECT series, count(*) AS n, max(seq) AS top FROM invoices WHERE series IS NOT NULL GROUP BY series')
        .all() as { series: string; n: number; top: number }[];
      for (const s of series) expect(s.top, s.series).toBe(s.n);
      const kinds = db.prepare('SELECT DISTINCT kind FROM invoices').pluck().all();
      expect(kinds).toEqual(expect.arrayContaining(['deposit', 'delivery', 'subscription']));
      const partial = db
        .prepare('SELECT count(*) AS n FROM (SELECT invoice_id FROM payments GROUP BY invoice_id HAVING count(*) > 1)')
        .get() as { n: number };
      expect(partial.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('reconciles MRR for every month: opening + movements = closing, and each opening is the last closing', async () => {
    const report = expectOk(await core.call('mrr/report', { from: '2026-05', to: '2026-11' }));
    expect(report.missingRates).toEqual([]);
    expect(report.months.at(-1)!.closing).toBeGreaterThan(0);
    report.months.forEach((m, i) => {
      expect(m.opening + m.new + m.expansion + m.contraction + m.churn + m.reactivation, m.month).toBe(m.closing);
      if (i > 0) expect(m.opening).toBe(report.months[i - 1]!.closing);
    });
  });

  it('filters, counts, sorts and limits the invoice list in the core exactly as the whole list reads', async () => {
    const asOf = '2026-11-20';
    const whole = expectOk(await core.call('invoices/list', { asOf })).invoices;
    expect(whole.length).toBeGreaterThan(100);
    // The list's own order: drafts first, then the newest issued (ties: the higher id).
    const position = new Map(whole.map((inv, i) => [inv.id, i]));
    for (let i = 1; i < whole.length; i++) {
      const [a, b] = [whole[i - 1]!, whole[i]!];
      const inOrder =
        a.issueDate === null
          ? b.issueDate !== null || a.id > b.id
          : (b.issueDate ?? '') < a.issueDate || (b.issueDate === a.issueDate && a.id > b.id);
      expect(inOrder, `${a.id} before ${b.id}`).toBe(true);
    }

    const text = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const value: Record<InvoiceSortColumn, (i: InvoiceSummary) => number | string> = {
      number: (i) => i.number ?? '',
      client: (i) => i.clientName,
      kind: (i) => INVOICE_KINDS.indexOf(i.kind),
      issued: (i) => i.issueDate ?? '',
      due: (i) => i.dueDate ?? '',
      status: (i) => INVOICE_STATUSES.indexOf(i.status),
      total: (i) => (i.kind === 'credit_note' ? -i.totalMinor : i.totalMinor),
      balance: (i) => i.balanceMinor,
      overdue: (i) => i.daysOverdue,
    };
    for (const column of INVOICE_SORT_COLUMNS)
      for (const direction of ['asc', 'desc'] as const) {
        const page = expectOk(await core.call('invoices/list', { asOf, sort: { column, direction }, limit: 40 }));
        const sign = direction === 'asc' ? 1 : -1;
        const compare = (a: InvoiceSummary, b: InvoiceSummary) => {
          const [x, y] = [value[column](a), value[column](b)];
          const byValue = typeof x === 'string' ? text.compare(x, y as string) : x - (y as number);
          return sign * byValue || position.get(a.id)! - position.get(b.id)!;
        };
        const expected = [...whole].sort(compare).slice(0, 40);
        expect(
          page.invoices.map((i) => i.id),
          `${column} ${direction}`,
        ).toEqual(expected.map((i) => i.id));
        expect(page.total).toBe(whole.length);
      }

    const someClient = whole.find((i) => i.clientName.length > 6)!.clientName;
    const filters: { status?: InvoiceStatus; bucket?: AgingBucket; search?: string; clientId?: number }[] = [
      { status: 'overdue' },
      { status: 'paid' },
      { bucket: '0-15' },
      { bucket: '60+', status: 'overdue' },
      { search: 'INV-2026-00' },
      { search: someClient.slice(1, 6).toUpperCase() },
      { clientId: whole[0]!.clientId },
      { clientId: whole[0]!.clientId, status: 'paid' },
    ];
    for (const filter of filters) {
      const q = filter.search?.toLowerCase() ?? '';
      const keep = (i: InvoiceSummary) =>
        (filter.clientId === undefined || i.clientId === filter.clientId) &&
        (filter.bucket === undefined || i.agingBucket === filter.bucket) &&
        (q === '' || (i.number ?? '').toLowerCase().includes(q) || i.clientName.toLowerCase().includes(q));
      const kept = whole.filter(keep);
      const matching = kept.filter((i) => filter.status === undefined || i.status === filter.status);
      const list = expectOk(await core.call('invoices/list', { asOf, ...filter, limit: 10 }));
      const label = JSON.stringify(filter);
      expect(list.total, label).toBe(matching.length);
      expect(list.invoices, label).toEqual(matching.slice(0, 10));
      expect(list.counts.all, label).toBe(kept.length);
      for (const status of INVOICE_STATUSES)
        expect(list.counts[status], `${label} ${status}`).toBe(kept.filter((i) => i.status === status).length);
    }

    // Another process renames a client: the next list searches the new name (nothing stale is kept).
    const renamed = whole.find((i) => i.number !== null)!;
    const db = new Database(file);
    try {
      db.prepare('UPDATE clients SET name = ? WHERE id = ?').run('Quetzal Renamed Ltd', renamed.clientId);
    } finally {
      db.close();
    }
    const found = expectOk(await core.call('invoices/list', { asOf, search: 'quetzal renamed' }));
    expect(found.invoices.map((i) => i.id)).toContain(renamed.id);
    expect(found.invoices.every((i) => i.clientName === 'Quetzal Renamed Ltd')).toBe(true);

    // A payment recorded here moves the next list's aging (the ledger's figures, not only the row's).
    const reporting = expectOk(await core.call('invoices/list', { asOf, limit: 1 }));
    const open = whole.find(
      (i) => i.balanceMinor > 200 && i.agingBucket !== null && i.currency === reporting.reportingCurrency,
    )!;
    const bucket = open.agingBucket!;
    expectOk(
      await core.call('payments/record', {
        invoiceId: open.id,
        paidOn: asOf,
        amountMinor: 100,
        currency: open.currency,
      }),
    );
    const paid = expectOk(await core.call('invoices/list', { asOf, limit: 1 }));
    expect(paid.aging[bucket].balanceMinor).toBe(reporting.aging[bucket].balanceMinor! - 100);

    // Another day: statuses and counts move with it (due dates pass).
    const later = '2027-06-30';
    const laterWhole = expectOk(await core.call('invoices/list', { asOf: later })).invoices;
    const laterCounts = expectOk(await core.call('invoices/list', { asOf: later, limit: 1 })).counts;
    expect(laterCounts.overdue).toBe(laterWhole.filter((i) => i.status === 'overdue').length);
    expect(laterCounts.overdue).toBeGreaterThan(
      expectOk(await core.call('invoices/list', { asOf, limit: 1 })).counts.overdue,
    );

    for (const bad of [{ sort: { column: 'amount', direction: 'asc' } }, { limit: 0 }, { bucket: '90+' }]) {
      const refused = await core.call('invoices/list', bad as never);
      expect(refused.ok === false && refused.error.code, JSON.stringify(bad)).toBe('BAD_REQUEST');
    }
  });

  it("keeps one hub's invoices under the hub filter: rows, counts per status and the aging of its receivables", async () => {
    const asOf = '2026-11-20';
    const db = new Database(file, { readonly: true });
    const hubOf = new Map(
      (db.prepare('SELECT id, hub_id FROM invoices').raw().all() as [number, number | null][]).map(([id, hub]) => [
        id,
        hub,
      ]),
    );
    db.close();
    const whole = expectOk(await core.call('invoices/list', { asOf })).invoices;
    const hubs = expectOk(await core.call('hubs/list', {}));
    let seen = 0;
    for (const hub of hubs) {
      const mine = whole.filter((i) => hubOf.get(i.id) === hub.id);
      seen += mine.length;
      const list = expectOk(await core.call('invoices/list', { asOf, hubId: hub.id }));
      expect(
        list.invoices.map((i) => i.id),
        hub.name,
      ).toEqual(mine.map((i) => i.id));
      expect(list.total).toBe(mine.length);
      expect(list.counts.overdue, hub.name).toBe(mine.filter((i) => i.status === 'overdue').length);
      expect(list.counts.paid, hub.name).toBe(mine.filter((i) => i.status === 'paid').length);
      for (const bucket of AGING_BUCKETS)
        expect(list.aging[bucket].count, `${hub.name} ${bucket}`).toBe(
          mine.filter((i) => i.agingBucket === bucket).length,
        );
      // With a status filter too, and with a client of another hub: nothing.
      const overdue = expectOk(await core.call('invoices/list', { asOf, hubId: hub.id, status: 'overdue' }));
      expect(overdue.invoices.every((i) => i.status === 'overdue' && hubOf.get(i.id) === hub.id)).toBe(true);
      const stranger = whole.find((i) => hubOf.get(i.id) !== hub.id)!;
      const none = expectOk(await core.call('invoices/list', { asOf, hubId: hub.id, clientId: stranger.clientId }));
      expect(none.invoices.filter((i) => hubOf.get(i.id) !== hub.id)).toEqual([]);
    }
    // Every invoice was issued by one of the hubs, and at least two hubs have some.
    expect(seen).toBe(whole.length);
    expect(hubs.filter((h) => whole.some((i) => hubOf.get(i.id) === h.id)).length).toBeGreaterThan(1);
    expect((await core.call('invoices/list', { hubId: 0 })).ok).toBe(false);
  });

  it('answers an unknown hub with NOT_FOUND on hubId, as subscriptions, MRR and expenses do, not an empty list', async () => {
    const asOf = '2026-11-20';
    const hubs = expectOk(await core.call('hubs/list', {}));
    const unknownId = Math.max(...hubs.map((h) => h.id)) + 1_000;
    for (const query of [{ hubId: unknownId }, { asOf, hubId: unknownId, status: 'overdue' as const, limit: 5 }]) {
      const unknown = await core.call('invoices/list', query);
      expect(unknown.ok === false && [unknown.error.code, unknown.error.key, unknown.error.field]).toEqual([
        'NOT_FOUND',
        'notFound.hub',
        'hubId',
      ]);
    }
    // A hub that exists still filters, and no hub means all of them.
    const db = new Database(file, { readonly: true });
    const hubOf = new Map(db.prepare('SELECT id, hub_id FROM invoices').raw().all() as [number, number | null][]);
    db.close();
    const whole = expectOk(await core.call('invoices/list', { asOf }));
    const issuing = hubs.find((h) => whole.invoices.some((i) => hubOf.get(i.id) === h.id))!;
    const one = expectOk(await core.call('invoices/list', { asOf, hubId: issuing.id }));
    expect(one.invoices.length).toBeGreaterThan(0);
    expect(one.invoices.length).toBeLessThan(whole.invoices.length);
    expect(one.invoices.every((i) => hubOf.get(i.id) === issuing.id)).toBe(true);
    expect(expectOk(await core.call('invoices/list', { asOf, hubId: undefined })).total).toBe(whole.total);
  });

  it('reads hubId: null as every hub, the same rows as leaving it out', async () => {
    const asOf = '2026-11-20';
    for (const query of [{ asOf }, { asOf, status: 'overdue' as const }, { asOf, bucket: '0-15' as const }]) {
      const left = expectOk(await core.call('invoices/list', query));
      const all = expectOk(await core.call('invoices/list', { ...query, hubId: null }));
      expect(left.invoices.length).toBeGreaterThan(0);
      expect(all.invoices.map((i) => i.id)).toEqual(left.invoices.map((i) => i.id));
      expect([all.total, all.counts, all.aging]).toEqual([left.total, left.counts, left.aging]);
    }
  });

  it('keeps the invoice ledger through writes to other tables and rebuilds it after an invoice, payment or client write', () => {
    // In this process, on its own connection: what the ledger's version names.
    const db = new Database(file);
    try {
      const inRead = () => db.transaction(() => workspaceLedger(db, '2026-11-20', true))();
      const first = inRead();
      expect(inRead()).toBe(first);
      // A lead, a person, a project: not what the ledger reads.
      db.prepare("UPDATE leads SET company = company || ' ' WHERE id = (SELECT min(id) FROM leads)").run();
      db.prepare('UPDATE people SET name = name WHERE id = (SELECT min(id) FROM people)').run();
      db.prepare('UPDATE projects SET name = name WHERE id = (SELECT min(id) FROM projects)').run();
      expect(inRead()).toBe(first);
      // A client's name is searched and sorted by: a new ledger, with the new name.
      const clientId = first.clientIds[0]!;
      db.prepare('UPDATE clients SET name = ? WHERE id = ?').run('Zenaida Renamed SA', clientId);
      const renamed = inRead();
      expect(renamed).not.toBe(first);
      expect(renamed.clientNames.get(clientId)).toBe('Zenaida Renamed SA');
      // A write rolled back changes nothing: the ledger stays.
      expect(() =>
        db.transaction(() => {
          db.prepare('UPDATE invoices SET notes = ? WHERE id = ?').run('rolled back', renamed.ids[0]);
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      expect(inRead()).toBe(renamed);
      db.prepare('UPDATE payments SET note = note WHERE id = (SELECT min(id) FROM payments)').run();
      expect(inRead()).not.toBe(renamed);
    } finally {
      db.close();
    }
  });

  it('shows late payers, overdue invoices and at least one client alert', async () => {
    const invoices = expectOk(await core.call('invoices/list', { status: 'overdue', asOf: '2026-11-20' }));
    expect(invoices.invoices.length).toBeGreaterThan(0);
    expect(invoices.invoices.every((i) => i.daysOverdue > 0 && i.agingBucket !== null)).toBe(true);
    const clients = expectOk(await core.call('clients/list', { asOf: '2026-11-20' }));
    expect(clients.missingRates).toEqual([]);
    expect(clients.clients.every((c) => c.revenueToDateMinor !== null)).toBe(true);
    const alerts = expectOk(await core.call('alerts/list', {}));
    expect(alerts.length).toBeGreaterThan(0);
    // One kind of entity's alerts when asked: a screen gets only what it lists.
    const forClients = expectOk(await core.call('alerts/list', { entity: 'client' }));
    expect(forClients.length).toBeGreaterThan(0);
    expect(forClients).toEqual(alerts.filter((a) => a.entity === 'client'));
    const dismissed = alerts[0]!;
    // One id that is not an open alert: none of them is dismissed.
    const refused = await core.call('alerts/dismiss', { ids: [dismissed.id, 999_999] });
    expect(refused.ok === false && refused.error.code).toBe('NOT_FOUND');
    expect(expectOk(await core.call('alerts/list', {})).map((a) => a.id)).toContain(dismissed.id);
    expect(expectOk(await core.call('alerts/dismiss', { ids: [dismissed.id] }))).toEqual({ dismissed: 1 });
    expect(expectOk(await core.call('alerts/list', {})).map((a) => a.id)).not.toContain(dismissed.id);
  });
});
