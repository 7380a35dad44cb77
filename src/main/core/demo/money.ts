/**
 * The demo agency's money, simulated through the same services the app uses:
 * client terms (Tier 1 pays a 30% deposit), FX rates, subscriptions with
 * upgrades, pauses and cancellations, deposit / final / subscription-month
 * invoices issued in date order (so numbering is gapless), payments that
 * follow each client's habits (most on time, some late, a few in two parts),
 * and the month's expenses. No invoice without a delivery or a contract, no
 * payment above its invoice. It draws from its own random stream, so the
 * lead → project history is the same as without it.
 */
import { addDays, daysBetween } from '../../../shared/dates';
import type { Currency, ExpenseCategory, PaymentMethod, Tier } from '../../../shared/domain';
import { deferIndexes } from '../db/bulk';
import type { Sqlite } from '../db/client';
import { createExpense } from '../expenses/repo';
import { instantToWorkspaceDate } from '../fx/clock';
import { setRate } from '../fx/repo';
import {
  deliveryDraft,
  depositDraft,
  invoiceSummary,
  issueInvoice,
  recordPaymentAgainst,
  type Stamp,
} from '../invoices/repo';
import { activeSegments } from '../subscriptions/engine';
import {
  changeSubscription,
  createSubscription,
  loadSubscriptions,
  subscriptionMonthDraft,
} from '../subscriptions/repo';
import { Random } from './random';

type Payer = 'punctual' | 'late' | 'very_late';

interface ClientInfo {
  id: number;
  tier: Tier;
  hub: string;
  payer: Payer;
  currency: Currency;
}

/** A dated step of the simulation; steps run in date order (issues before payments on one day). */
type Step =
  | { date: string; order: 0; kind: 'subscription'; run: () => void }
  | { date: string; order: 1; kind: 'issue'; run: () => void }
  | { date: string; order: 2; kind: 'pay'; run: () => void };

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonthStart = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

export function simulateMoney(
  sqlite: Sqlite,
  seed: string,
  firstWeek: string,
  asOf: string,
  stampAt: (date: string) => string,
): void {
  const rng = new Random(`${seed}|${asOf}|money`);
  const stamp = (date: string): Stamp => ({ at: stampAt(date), actor: 'demo' });
  const toDate = instantToWorkspaceDate(sqlite);
  const historyStart = addDays(firstWeek, -14);

  // --- FX: weekly rates in USD per unit, a gentle random walk ---
  const walks: [Currency, number, number][] = [
    ['EUR', 1.08, 0.006],
    ['DKK', 0.145, 0.0008],
    ['PEN', 0.266, 0.0015],
  ];
  for (const [currency, start, step] of walks) {
    let rate = start;
    for (let d = historyStart; d <= asOf; d = addDays(d, 7)) {
      setRate(sqlite, { currency, date: d, rate: Math.round(rate * 10_000) / 10_000 }, stamp(d));
      rate += (rng.next() - 0.5) * 2 * step;
    }
  }

  // --- client terms and payment habits ---
  const clients = (
    sqlite
      .prepare(
        'SELECT c.id, c.tier, h.name AS hub, h.currency FROM clients c JOIN hubs h ON h.id = c.hub_id ORDER BY c.id',
      )
      .all() as Omit<ClientInfo, 'payer'>[]
  ).map((c) => ({
    ...c,
    payer: rng.weighted<Payer>([
      ['punctual', 65],
      ['late', 27],
      ['very_late', 8],
    ]),
  }));
  const setTerms = sqlite.prepare('UPDATE clients SET payment_terms_days = ?, deposit_pct = ? WHERE id = ?');
  for (const c of clients) setTerms.run(c.tier === 3 ? 7 : 15, c.tier === 1 ? 30 : 0, c.id);
  const byId = new Map(clients.map((c) => [c.id, c]));

  const penRate = sqlite.prepare(
    "SELECT rate FROM fx_rates WHERE currency = 'PEN' AND date <= ? ORDER BY date DESC LIMIT 1",
  );
  const steps: Step[] = [];
  /** Payments of subscription invoices are only known once the invoice exists; they join the queue as it runs. */
  const scheduleLater: (() => void)[] = [];
  /** When (and in how many parts) an invoice issued on `issueDate` gets paid. */
  const schedulePayments = (invoiceId: () => number, client: ClientInfo, issueDate: string, dueDate: string) => {
    const terms = daysBetween(issueDate, dueDate);
    const delay =
      client.payer === 'punctual'
        ? rng.int(0, terms)
        : client.payer === 'late'
          ? terms + rng.int(3, 25)
          : terms + rng.int(20, 70);
    const finalDay = addDays(issueDate, delay);
    const split = rng.chance(0.1);
    const firstDay = split ? addDays(issueDate, Math.floor(delay / 2)) : finalDay;
    const method = rng.weighted<PaymentMethod>([
      ['bank_transfer', 60],
      ['card', 20],
      ['paypal', 15],
      ['other', 5],
    ]);
    const inLocal = client.hub === 'Lima' && rng.chance(0.15);
    const pay = (date: string, part: 'first' | 'rest') => {
      if (date > asOf) return;
      steps.push({
        date,
        order: 2,
        kind: 'pay',
        run: () => {
          const inv = invoiceSummary(sqlite, invoiceId(), asOf);
          if (inv.balanceMinor <= 0) return;
          const amount = part === 'first' ? Math.round(inv.balanceMinor * 0.5) : inv.balanceMinor;
          // A Lima client paying in soles: the amount that covers the balance at the day's rate.
          const soles = inLocal && inv.currency === 'USD' ? (penRate.get(date) as { rate: number }) : null;
          recordPaymentAgainst(
            sqlite,
            inv,
            soles
              ? { paidOn: date, amountMinor: Math.round(amount / soles.rate), currency: 'PEN', method, note: null }
              : { paidOn: date, amountMinor: amount, currency: inv.currency, method, note: null },
            asOf,
            stamp(date),
          );
        },
      });
    };
    if (split) pay(firstDay, 'first');
    pay(finalDay, 'rest');
  };

  const issueSteps = (draft: () => number, client: ClientInfo, issueDate: string) => {
    if (issueDate > asOf) return;
    let id = 0;
    steps.push({
      date: issueDate,
      order: 1,
      kind: 'issue',
      run: () => {
        id = draft();
        issueInvoice(sqlite, id, issueDate, stamp(issueDate));
      },
    });
    const terms = client.tier === 3 ? 7 : 15;
    schedulePayments(() => id, client, issueDate, addDays(issueDate, terms));
  };

  // --- projects: deposits at contract, the final invoice at delivery ---
  const projects = sqlite
    .prepare(
      "SELECT id, client_id, start_date, delivered_at, due_date FROM projects WHERE stage <> 'cancelled' ORDER BY id",
    )
    .all() as { id: number; client_id: number; start_date: string; delivered_at: string | null; due_date: string }[];
  for (const p of projects) {
    const client = byId.get(p.client_id)!;
    if (client.tier === 1) issueSteps(() => depositDraft(sqlite, p.id, stamp(p.start_date)), client, p.start_date);
    if (!p.delivered_at) continue;
    const delivered = toDate(p.delivered_at);
    issueSteps(() => deliveryDraft(sqlite, p.id, stamp(delivered)), client, delivered);
  }

  // --- subscriptions: repeat clients take a monthly package; some grow, pause or leave ---
  const services = new Map(
    (
      sqlite.prepare("SELECT id, code FROM services WHERE kind = 'subscription'").all() as {
        id: number;
        code: string;
      }[]
    ).map((s) => [s.code, s.id]),
  );
  const deliveriesByClient = new Map<number, string[]>();
  for (const p of projects)
    if (p.delivered_at) {
      const list = deliveriesByClient.get(p.client_id) ?? [];
      list.push(toDate(p.delivered_at));
      deliveriesByClient.set(p.client_id, list);
    }
  // The three most loyal clients always take one; other repeat clients sometimes.
  const loyal = new Set(
    [...deliveriesByClient.entries()]
      .filter(([, d]) => d.length >= 3)
      .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
      .slice(0, 3)
      .map(([id]) => id),
  );
  for (const client of clients) {
    const dates = (deliveriesByClient.get(client.id) ?? []).sort();
    const takes = loyal.has(client.id) || rng.chance(client.tier === 3 ? 0.15 : 0.35);
    if (dates.length < 3 || !takes) continue;
    const startOn = addDays(dates[2]!, rng.int(3, 20));
    if (startOn > asOf) continue;
    const [code, lo, hi] = rng.weighted<[string, number, number]>([
      [['content_subscription', 300, 800], client.tier === 3 ? 1 : 4],
      [['social_management', 200, 500], 4],
      [['brand_library', 100, 300], 3],
    ]);
    // Small agencies sell packages at the low end of the catalogue range.
    const fee = Math.round(rng.int(lo, Math.round((lo + hi) / 2)) / 25) * 25 * 100;
    let subscriptionId = 0;
    steps.push({
      date: startOn,
      order: 0,
      kind: 'subscription',
      run: () => {
        subscriptionId = createSubscription(
          sqlite,
          {
            clientId: client.id,
            serviceId: services.get(code)!,
            feeMinor: fee,
            currency: client.currency,
            startOn,
            note: null,
          },
          stamp(startOn),
        );
      },
    });
    // What happens next: an upgrade, a downgrade, a pause and resume, or a cancellation.
    const changeOn = addDays(startOn, rng.int(20, 60));
    if (changeOn <= asOf) {
      const fate = rng.weighted([
        ['upgrade', 30],
        ['downgrade', 15],
        ['pause', 20],
        ['cancel', 20],
        ['steady', 15],
      ] as const);
      if (fate !== 'steady')
        steps.push({
          date: changeOn,
          order: 0,
          kind: 'subscription',
          run: () => {
            const s = stamp(changeOn);
            if (fate === 'upgrade' || fate === 'downgrade')
              changeSubscription(
                sqlite,
                {
                  id: subscriptionId,
                  kind: 'change',
                  effectiveOn: changeOn,
                  feeMinor: fee + (fate === 'upgrade' ? 5_000 : -2_500),
                  note: null,
                },
                s,
              );
            else changeSubscription(sqlite, { id: subscriptionId, kind: fate, effectiveOn: changeOn, note: null }, s);
          },
        });
      const resumeOn = addDays(changeOn, rng.int(20, 45));
      if (fate === 'pause' && resumeOn <= asOf)
        steps.push({
          date: resumeOn,
          order: 0,
          kind: 'subscription',
          run: () =>
            changeSubscription(
              sqlite,
              { id: subscriptionId, kind: 'resume', effectiveOn: resumeOn, note: null },
              stamp(resumeOn),
            ),
        });
    }
    // Each month it was active is invoiced on the first of the next month (the first one prorated).
    for (let month = firstOfMonth(startOn); nextMonthStart(month) <= asOf; month = nextMonthStart(month)) {
      const issueOn = nextMonthStart(month);
      steps.push({
        date: issueOn,
        order: 1,
        kind: 'issue',
        run: () => {
          const [sub] = loadSubscriptions(sqlite, { id: subscriptionId });
          const monthEnd = addDays(issueOn, -1);
          if (!sub || !activeSegments(sub.changes, monthEnd).some((seg) => seg.to >= month)) return;
          const id = subscriptionMonthDraft(sqlite, subscriptionId, month.slice(0, 7), stamp(issueOn));
          issueInvoice(sqlite, id, issueOn, stamp(issueOn));
          scheduleLater.push(() =>
            schedulePayments(() => id, client, issueOn, invoiceSummary(sqlite, id, asOf).dueDate!),
          );
        },
      });
    }
  }
  // --- run the steps in date order (as a bulk load: the indexes that the invoice and payment functions do not
  // read through are built once after the last step; the projects' are already deferred by the generator) ---
  const indexes = deferIndexes(sqlite, ['invoices', 'payments', 'invoice_lines'], {
    keepLive: [
      'invoices_series_seq',
      'invoices_project',
      'invoices_credits',
      'invoices_subscription_month',
      'invoice_lines_invoice',
      'payments_invoice',
    ],
  });
  // Steps added while running (payments of invoices just issued) join a small queue of their own, merged in after the
  // planned steps of the same date and order.
  const byDate = (a: Step, b: Step) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order);
  const planned = steps.splice(0).sort(byDate);
  const added: Step[] = [];
  for (let i = 0; i < planned.length || added.length > 0; ) {
    const takeAdded = added.length > 0 && (i >= planned.length || byDate(added[0]!, planned[i]!) < 0);
    const step = takeAdded ? added.shift()! : planned[i++]!;
    step.run();
    for (const later of scheduleLater.splice(0)) later();
    for (const next of steps.splice(0)) {
      let lo = 0;
      let hi = added.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byDate(added[mid]!, next) <= 0) lo = mid + 1;
        else hi = mid;
      }
      added.splice(lo, 0, next);
    }
  }
  indexes.restore();

  // --- expenses: monthly tools and infrastructure, marketing pushes, stock assets for delivery ---
  const hubIds = new Map(
    (sqlite.prepare('SELECT id, name FROM hubs').all() as { id: number; name: string }[]).map((h) => [h.name, h.id]),
  );
  const expense = (
    date: string,
    category: ExpenseCategory,
    hub: string | null,
    description: string,
    amountMinor: number,
    currency: Currency,
    monthly = false,
  ) =>
    createExpense(
      sqlite,
      {
        date,
        category,
        hubId: hub === null ? null : hubIds.get(hub)!,
        description,
        amountMinor,
        currency,
        recurrence: monthly ? 'monthly' : 'none',
        recurrenceEndMonth: null,
      },
      stamp(date),
    );
  expense(addDays(firstWeek, 2), 'tools', null, 'AI video generation suite', 9_900, 'USD', true);
  expense(addDays(firstWeek, 2), 'tools', null, 'Editing and design software', 5_499, 'USD', true);
  expense(addDays(firstWeek, 4), 'infrastructure', null, 'Cloud storage and render minutes', 3_500, 'USD', true);
  expense(addDays(firstWeek, 9), 'other', 'Caracas', 'Coworking desk', 6_000, 'USD', true);
  expense(addDays(firstWeek, 11), 'other', 'Copenhagen', 'Coworking membership', 12_500, 'EUR', true);
  const upgrade = addDays(firstWeek, 7 * 12 + 1);
  if (upgrade <= asOf) expense(upgrade, 'infrastructure', null, 'Render server upgrade', 4_500, 'USD', true);
  for (let week = firstWeek; week <= asOf; week = addDays(week, 7)) {
    if (rng.chance(0.55)) {
      const day = addDays(week, rng.int(0, 4));
      if (day <= asOf)
        expense(
          day,
          'marketing_sales',
          rng.pick(['Caracas', 'Lima', 'Copenhagen']),
          rng.pick(['Social ads', 'LinkedIn campaign', 'Sponsored post', 'Event ticket']),
          rng.int(20, 90) * 100,
          'USD',
        );
    }
    const stock = rng.poisson(1.2);
    for (let n = 0; n < stock; n++) {
      const day = addDays(week, rng.int(0, 6));
      if (day <= asOf)
        expense(
          day,
          'cost_of_delivery',
          null,
          rng.pick(['Stock footage licence', 'Music licence', 'Voice model credits']),
          rng.int(8, 40) * 100,
          'USD',
        );
    }
  }
}
