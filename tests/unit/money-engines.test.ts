/** The pure money engines against hand-computed cases. */
import { describe, expect, it } from 'vitest';
import { clientHealth, type HealthInput, isUpsellCandidate, suggestTier } from '../../src/main/core/clients/health';
import { isScheduled, monthTotals, occurrenceIn } from '../../src/main/core/expenses/engine';
import { Converter, convertMinor, rateOn, rateTable } from '../../src/main/core/fx/engine';
import {
  agingBucket,
  defaultTaxRateBp,
  displayStatus,
  invoiceTotals,
  isReverseCharge,
} from '../../src/main/core/invoices/engine';
import {
  activeSegments,
  type ChangeEvent,
  changeProblem,
  monthlyMrr,
  mrrMovements,
  mrrSteps,
  revenueParts,
  stateOn,
} from '../../src/main/core/subscriptions/engine';
import { monthAxis } from '../../src/renderer/src/features/finance/monthAxis';
import { amountSchema } from '../../src/shared/money-schemas';

const points = (input: HealthInput) => Object.fromEntries(clientHealth(input).factors.map((f) => [f.key, f.points]));

describe('client health', () => {
  it('a loyal client: recent, frequent, happy, paying on time, subscribed → 98, low risk', () => {
    const loyal: HealthInput = {
      asOf: '2026-06-30',
      deliveries: [
        { date: '2026-05-01', satisfaction: 9, revisionCycles: 0 },
        { date: '2026-05-20', satisfaction: 9, revisionCycles: 1 },
        { date: '2026-06-05', satisfaction: 10, revisionCycles: 0 },
        { date: '2026-06-20', satisfaction: 9, revisionCycles: 0 },
      ],
      invoices: [
        { dueDate: '2026-05-08', paidOn: '2026-05-06' },
        { dueDate: '2026-05-27', paidOn: '2026-05-27' },
        { dueDate: '2026-06-12', paidOn: '2026-06-10' },
      ],
      subscription: 'active',
    };
    // recency: 10 days → 25; frequency: 4 in 90 days → 15; satisfaction: last three 9, 10, 9 → mean 9.33 →
    // round(20 × 8.33 / 9) = 19; revisions: mean 0.25 → round(10 × (1 − 0.25/3)) = 9; payment: never late → 20; active → 10.
    expect(points(loyal)).toEqual({
      recency: 25,
      frequency: 15,
      satisfaction: 19,
      revisions: 9,
      payment: 20,
      subscription: 10,
    });
    expect(clientHealth(loyal)).toMatchObject({ score: 98, risk: 'low', status: 'active' });
    expect(isUpsellCandidate(loyal)).toBe(false); // already subscribed
  });

  it('a lapsing client: 102 days since the last delivery, middling ratings → 43, at risk', () => {
    const lapsing: HealthInput = {
      asOf: '2026-06-30',
      deliveries: [
        { date: '2026-02-15', satisfaction: 8, revisionCycles: 1 },
        { date: '2026-03-20', satisfaction: 6, revisionCycles: 2 },
      ],
      invoices: [
        { dueDate: '2026-03-01', paidOn: '2026-03-01' },
        { dueDate: '2026-04-04', paidOn: '2026-04-04' },
      ],
      subscription: 'none',
    };
    // recency: 102 days ≥ 90 → 0; frequency: none in 90 days → 0; satisfaction: mean 7 → round(20 × 6/9) = 13;
    // revisions: mean 1.5 → 5; payment: on time → 20; no subscription → 5.
    expect(points(lapsing)).toEqual({
      recency: 0,
      frequency: 0,
      satisfaction: 13,
      revisions: 5,
      payment: 20,
      subscription: 5,
    });
    const health = clientHealth(lapsing);
    expect(health).toMatchObject({ score: 43, risk: 'high', status: 'at_risk' });
    expect(health.factors.find((f) => f.key === 'recency')!.inputs).toEqual({ daysSinceLastDelivery: 102 });
  });

  it('a late payer: busy and happy, but 20 and 14 days late → payment 9 of 20, and an upsell candidate', () => {
    const latePayer: HealthInput = {
      asOf: '2026-06-30',
      deliveries: [
        { date: '2026-05-10', satisfaction: null, revisionCycles: 0 },
        { date: '2026-06-01', satisfaction: 9, revisionCycles: 0 },
        { date: '2026-06-25', satisfaction: 9, revisionCycles: 0 },
      ],
      invoices: [
        { dueDate: '2026-05-25', paidOn: '2026-06-14' }, // 20 days late
        { dueDate: '2026-06-16', paidOn: null }, // open, 14 days late today
        { dueDate: '2026-07-10', paidOn: null }, // not due yet: does not count
      ],
      subscription: 'none',
    };
    // recency 5 days → 25; frequency 3 → round(11.25) = 11; satisfaction mean 9 → round(17.78) = 18; revisions 0 → 10;
    // payment: mean late (20 + 14) / 2 = 17 → round(20 × 13/30) = 9; no subscription → 5.
    expect(points(latePayer)).toEqual({
      recency: 25,
      frequency: 11,
      satisfaction: 18,
      revisions: 10,
      payment: 9,
      subscription: 5,
    });
    const health = clientHealth(latePayer);
    expect(health).toMatchObject({ score: 78, risk: 'low', status: 'active' });
    expect(health.factors.find((f) => f.key === 'payment')!.inputs).toEqual({
      meanDaysLate: 17,
      invoices: 2,
      overdueNow: 1,
    });
    expect(isUpsellCandidate(latePayer)).toBe(true);
  });

  it('a falling satisfaction trend costs 4 points; a client without deliveries is a prospect', () => {
    const base = { asOf: '2026-06-30', invoices: [], subscription: 'none' as const };
    const falling = clientHealth({
      ...base,
      deliveries: [9, 9, 9, 7, 6, 7].map((s, i) => ({ date: `2026-06-0${i + 1}`, satisfaction: s, revisionCycles: 0 })),
    });
    // recent mean 6.67 vs previous 9 → round(20 × 5.67 / 9) = 13, − 4 = 9.
    expect(falling.factors.find((f) => f.key === 'satisfaction')!.points).toBe(9);
    expect(clientHealth({ ...base, deliveries: [] }).status).toBe('prospect');
  });

  it('suggests a tier from actual spend, only with two deliveries and only when it differs', () => {
    expect(suggestTier(3, [60_000, 80_000])).toEqual({ tier: 1, averageMinor: 70_000 });
    expect(suggestTier(2, [20_000, 30_000])).toEqual({ tier: null, averageMinor: 25_000 });
    expect(suggestTier(3, [90_000])).toEqual({ tier: null, averageMinor: 90_000 });
  });
});

describe('subscriptions and MRR', () => {
  const usd = (fee: number) => fee;
  const subA: ChangeEvent[] = [
    { kind: 'start', effectiveOn: '2026-03-01', feeMinor: 30_000 },
    { kind: 'change', effectiveOn: '2026-06-10', feeMinor: 50_000 }, // upgrade on the 10th
  ];
  const subB: ChangeEvent[] = [
    { kind: 'start', effectiveOn: '2026-04-15', feeMinor: 20_000 },
    { kind: 'pause', effectiveOn: '2026-06-20', feeMinor: null }, // paused on the 20th
    { kind: 'resume', effectiveOn: '2026-07-05', feeMinor: null },
  ];
  const subC: ChangeEvent[] = [
    { kind: 'start', effectiveOn: '2026-05-01', feeMinor: 40_000 },
    { kind: 'cancel', effectiveOn: '2026-06-20', feeMinor: null }, // cancelled on the 20th
  ];
  const subD: ChangeEvent[] = [{ kind: 'start', effectiveOn: '2026-06-05', feeMinor: 15_000 }];
  const steps = [
    ...mrrSteps(1, 1, subA, usd),
    ...mrrSteps(2, 2, subB, usd),
    ...mrrSteps(3, 3, subC, usd),
    ...mrrSteps(4, 4, subD, usd),
  ];

  it('June, worked by hand: 900 opening + 150 new + 200 expansion − 600 churn = 650 closing', () => {
    const [june, july] = monthlyMrr(mrrMovements(steps), '2026-06', '2026-07');
    // Opening: A 300 + B 200 + C 400. New: D 150 (5th). Expansion: A 300 → 500 (10th).
    // Churn: B paused (−200) and C cancelled (−400) on the 20th. Closing: A 500 + D 150.
    expect(june).toEqual({
      month: '2026-06',
      opening: 90_000,
      new: 15_000,
      expansion: 20_000,
      contraction: 0,
      churn: -60_000,
      reactivation: 0,
      closing: 65_000,
    });
    // B resumes on 5 July: a reactivation, not a new client.
    expect(july).toMatchObject({ opening: 65_000, reactivation: 20_000, closing: 85_000 });
  });

  it('states and revenue follow the history: a cancellation on the 20th ends service on the 19th', () => {
    expect(stateOn(subC, '2026-06-19').status).toBe('active');
    expect(stateOn(subC, '2026-06-20').status).toBe('cancelled');
    expect(stateOn(subB, '2026-06-25')).toMatchObject({ status: 'paused', feeMinor: 20_000 });
    expect(stateOn(subD, '2026-06-01').status).toBe('scheduled');
    expect(activeSegments(subC, '2026-06-30')).toEqual([
      { from: '2026-05-01', to: '2026-06-19', feeMinor: 40_000, feeSince: '2026-05-01' },
    ]);
    // A in June: 300 × 9/30 + 500 × 21/30 = 90 + 350 = 440.
    const june = revenueParts(activeSegments(subA, '2026-06-30'), '2026-06-01', '2026-06-30');
    expect(june.reduce((s, p) => s + p.minor, 0)).toBeCloseTo(44_000, 6);
  });

  it('refuses changes that do not follow the history', () => {
    expect(changeProblem(subA, { kind: 'resume', effectiveOn: '2026-07-01', feeMinor: null })).toMatch(/paused/);
    expect(changeProblem(subA, { kind: 'change', effectiveOn: '2026-06-01', feeMinor: 1 })).toMatch(
      /before 2026-06-10/,
    );
    expect(changeProblem(subC, { kind: 'pause', effectiveOn: '2026-07-01', feeMinor: null })).toMatch(/cancelled/);
    expect(changeProblem(subA, { kind: 'change', effectiveOn: '2026-07-01', feeMinor: 50_000 })).toMatch(/same/);
    expect(changeProblem(subA, { kind: 'pause', effectiveOn: '2026-07-01', feeMinor: null })).toBeNull();
  });
});

describe('invoices', () => {
  it('rounds tax per line and sums the lines', () => {
    expect(
      invoiceTotals([
        { quantity: 3, unitPriceMinor: 3_333, taxRateBp: 2_500 },
        { quantity: 1, unitPriceMinor: -1_000, taxRateBp: 2_500 },
      ]),
    ).toEqual({ netMinor: 8_999, taxMinor: 2_250, totalMinor: 11_249 });
  });

  it('shows sent, due (≤ 7 days) and overdue from the due date, day by day', () => {
    expect(displayStatus('sent', '2026-06-20', '2026-06-10')).toBe('sent');
    expect(displayStatus('sent', '2026-06-20', '2026-06-13')).toBe('due');
    expect(displayStatus('sent', '2026-06-20', '2026-06-20')).toBe('due');
    expect(displayStatus('sent', '2026-06-20', '2026-06-21')).toBe('overdue');
    expect(displayStatus('paid', '2026-06-20', '2026-07-21')).toBe('paid');
  });

  it('ages open invoices by days since issue: 0–15, 16–30, 31–60, 60+', () => {
    expect(agingBucket('2026-06-01', '2026-06-16')).toBe('0-15');
    expect(agingBucket('2026-06-01', '2026-06-17')).toBe('16-30');
    expect(agingBucket('2026-06-01', '2026-07-01')).toBe('16-30');
    expect(agingBucket('2026-06-01', '2026-07-02')).toBe('31-60');
    expect(agingBucket('2026-06-01', '2026-07-31')).toBe('31-60');
    expect(agingBucket('2026-06-01', '2026-08-01')).toBe('60+');
  });

  it('applies the EU reverse charge only between two different EU countries', () => {
    expect(isReverseCharge('DK', 'DE')).toBe(true);
    expect(isReverseCharge('DK', 'DK')).toBe(false);
    expect(isReverseCharge('VE', 'DE')).toBe(false);
    expect(isReverseCharge('ZZ', 'DK')).toBe(false);
    expect(defaultTaxRateBp('DK', 'DK')).toBe(2_500);
    expect(defaultTaxRateBp('DK', 'US')).toBe(0);
  });
});

describe('FX', () => {
  const table = rateTable('USD', [
    { currency: 'EUR', date: '2026-06-01', rate: 1.1 },
    { currency: 'EUR', date: '2026-06-08', rate: 1.2 },
    { currency: 'PEN', date: '2026-06-01', rate: 0.25 },
  ]);

  it('uses the latest rate on or before the date, and none before the first', () => {
    expect(rateOn(table, 'EUR', '2026-05-31')).toBeNull();
    expect(rateOn(table, 'EUR', '2026-06-01')).toBe(1.1);
    expect(rateOn(table, 'EUR', '2026-06-07')).toBe(1.1);
    expect(rateOn(table, 'EUR', '2026-12-31')).toBe(1.2);
    expect(rateOn(table, 'USD', '1999-01-01')).toBe(1);
    expect(convertMinor(table, 10_000, 'EUR', 'PEN', '2026-06-08')).toBe(48_000);
  });

  it('reports a missing rate instead of treating it as 1', () => {
    const c = new Converter(table);
    expect(c.toReporting(10_000, 'DKK', '2026-06-10')).toBeNull();
    expect(
      c.sum([
        { minor: 100, currency: 'USD', date: '2026-06-10' },
        { minor: 100, currency: 'EUR', date: '2026-05-02' },
      ]),
    ).toBeNull();
    expect(c.missingRates()).toEqual([
      { currency: 'DKK', date: '2026-06-10' },
      { currency: 'EUR', date: '2026-05-02' },
    ]);
  });
});

describe('expenses', () => {
  const monthly = { date: '2026-01-31', recurrence: 'monthly' as const, recurrenceEndMonth: '2026-04', voidedAt: null };
  it('places a monthly expense once a month, clamped to short months, until its last month', () => {
    expect(occurrenceIn(monthly, '2025-12')).toBeNull();
    expect(occurrenceIn(monthly, '2026-01')).toBe('2026-01-31');
    expect(occurrenceIn(monthly, '2026-02')).toBe('2026-02-28');
    expect(occurrenceIn(monthly, '2026-04')).toBe('2026-04-30');
    expect(occurrenceIn(monthly, '2026-05')).toBeNull();
    expect(occurrenceIn({ ...monthly, voidedAt: '2026-02-01T00:00:00Z' }, '2026-03')).toBeNull();
    expect(occurrenceIn({ ...monthly, recurrence: 'none', recurrenceEndMonth: null }, '2026-02')).toBeNull();
  });

  it('calls an occurrence scheduled only while its date is after today', () => {
    // Rent on the 15th: scheduled on the 6th, spent on the 15th itself and after.
    expect(isScheduled('2026-03-15', '2026-03-06')).toBe(true);
    expect(isScheduled('2026-03-15', '2026-03-15')).toBe(false);
    expect(isScheduled('2026-03-15', '2026-03-20')).toBe(false);
    expect(isScheduled('2026-04-01', '2026-03-31')).toBe(true);
  });

  it('splits a month into spent so far and scheduled; totals per category keep both', () => {
    const t = monthTotals([
      { category: 'tools', reportingMinor: 1_000, scheduled: false },
      { category: 'tools', reportingMinor: 500, scheduled: true },
      { category: 'other', reportingMinor: 2_000, scheduled: true },
    ]);
    expect(t).toEqual({
      totals: { cost_of_delivery: 0, tools: 1_500, infrastructure: 0, marketing_sales: 0, other: 2_000 },
      totalMinor: 3_500,
      spentMinor: 1_000,
      scheduledMinor: 2_500,
    });
    // A figure without a rate leaves its category, its half and the total unknown, never counted at 0.
    const missing = monthTotals([
      { category: 'tools', reportingMinor: 1_000, scheduled: false },
      { category: 'other', reportingMinor: null, scheduled: true },
    ]);
    expect(missing).toMatchObject({ totalMinor: null, spentMinor: 1_000, scheduledMinor: null });
    expect(missing.totals).toMatchObject({ tools: 1_000, other: null });
    expect(monthTotals([])).toMatchObject({ totalMinor: 0, spentMinor: 0, scheduledMinor: 0 });
  });
});

describe('MRR chart month axis', () => {
  const range = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const index = Number(from.slice(0, 4)) * 12 + Number(from.slice(5)) - 1 + i;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    });

  it('names every month when there is room, the year on the first and where it changes', () => {
    const axis = monthAxis(range('2026-07', 6), 600);
    expect(axis.ticks).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect([...axis.withYear]).toEqual(['2026-07']);
    const across = monthAxis(range('2026-10', 6), 600);
    expect([...across.withYear]).toEqual(['2026-10', '2027-01']);
  });

  it('thins a long range from the latest month back, keeping the year where the labels cross one', () => {
    const axis = monthAxis(range('2024-01', 36), 440);
    expect(axis.ticks.length).toBeLessThanOrEqual(10);
    expect(axis.ticks.at(-1)).toBe('2026-12');
    expect(axis.ticks).toEqual([
      '2024-04',
      '2024-08',
      '2024-12',
      '2025-04',
      '2025-08',
      '2025-12',
      '2026-04',
      '2026-08',
      '2026-12',
    ]);
    // Every label after a year change shows its year, even when January itself is skipped.
    expect([...axis.withYear]).toEqual(['2024-04', '2025-04', '2026-04']);
  });
});

describe('amountSchema', () => {
  const firstMessage = (value: number) => amountSchema.safeParse(value).error?.issues[0]?.message;

  it('says an amount is too large before it says whole cents, past 2^53 cents too', () => {
    // 99,999,999,999,999 typed in a form: ×100 is no exact integer any more (9.9999999999999e15 > 2^53).
    expect(Number.isSafeInteger(99_999_999_999_999 * 100)).toBe(false);
    expect(firstMessage(99_999_999_999_999 * 100)).toBe('The amount is too large.');
    expect(firstMessage(100_000_000_001)).toBe('The amount is too large.');
  });

  it('still asks for whole cents, more than zero, within the bound', () => {
    expect(firstMessage(1250.5)).toBe('The amount must be whole cents.');
    expect(firstMessage(-5)).toBe('The amount must be more than zero.');
    expect(amountSchema.safeParse(100_000_000_000).success).toBe(true);
  });
});
