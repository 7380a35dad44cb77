import { failure } from '../../../shared/errors';
import type { Expense, ExpenseMonth, ExpenseOccurrence } from '../../../shared/money';
import type { ExpenseInput } from '../../../shared/money-schemas';
import { audit } from '../audit/log';
import { cached, type Sqlite } from '../db/client';
import { loadConverter } from '../fx/repo';
import { assertHubExists } from '../hubs/repo';
import type { Stamp } from '../invoices/repo';
import { isScheduled, monthTotals, occurrenceIn } from './engine';

const SELECT = `SELECT id, date, category, hub_id AS hubId, description, amount_minor AS amountMinor, currency, recurrence,
  recurrence_end_month AS recurrenceEndMonth, voided_at AS voidedAt, created_at AS createdAt FROM expenses`;

export function getExpense(sqlite: Sqlite, id: number): Expense {
  const row = cached(sqlite, `${SELECT} WHERE id = ?`).get(id) as Expense | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.expense', { id });
  return row;
}

/**
 * Every live expense that falls in `month` (monthly ones once), with totals per category and the month's total
 * split into spent (dated on or before `asOf`) and scheduled (after it). With `hubId`, that hub's own expenses only.
 */
export function expenseMonth(sqlite: Sqlite, month: string, asOf: string, hubId: number | null = null): ExpenseMonth {
  assertHubExists(sqlite, hubId);
  const rows = cached(
    sqlite,
    `${SELECT} WHERE voided_at IS NULL AND (date LIKE ? OR (recurrence = 'monthly' AND date < ?))${
      hubId === null ? '' : ' AND hub_id = ?'
    }`,
  ).all(`${month}-%`, `${month}-01`, ...(hubId === null ? [] : [hubId])) as Expense[];
  const converter = loadConverter(sqlite);
  const occurrences: ExpenseOccurrence[] = [];
  for (const e of rows) {
    const date = occurrenceIn(e, month);
    if (date === null) continue;
    occurrences.push({
      expenseId: e.id,
      date,
      category: e.category,
      hubId: e.hubId,
      description: e.description,
      amountMinor: e.amountMinor,
      currency: e.currency,
      reportingMinor: converter.toReporting(e.amountMinor, e.currency, date),
      recurring: e.recurrence === 'monthly',
      scheduled: isScheduled(date, asOf),
    });
  }
  occurrences.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.expenseId - a.expenseId));
  return {
    month,
    asOf,
    hubId,
    reportingCurrency: converter.reporting,
    occurrences,
    ...monthTotals(occurrences),
    missingRates: converter.missingRates(),
  };
}

export function createExpense(sqlite: Sqlite, input: Required<ExpenseInput>, stamp: Stamp): number {
  assertHubExists(sqlite, input.hubId);
  const r = cached(
    sqlite,
    `INSERT INTO expenses (date, category, hub_id, description, amount_minor, currency, recurrence, recurrence_end_month, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.date,
    input.category,
    input.hubId,
    input.description,
    input.amountMinor,
    input.currency,
    input.recurrence,
    input.recurrenceEndMonth,
    stamp.at,
  );
  const id = Number(r.lastInsertRowid);
  audit(sqlite, {
    ...stamp,
    action: 'create',
    entity: 'expense',
    entityId: id,
    detail: { amountMinor: input.amountMinor },
  });
  return id;
}

export function setExpenseVoided(sqlite: Sqlite, id: number, voided: boolean, stamp: Stamp): void {
  const e = getExpense(sqlite, id);
  if ((e.voidedAt !== null) === voided) throw failure('CONFLICT', voided ? 'expense.alreadyVoid' : 'expense.notVoid');
  cached(sqlite, 'UPDATE expenses SET voided_at = ? WHERE id = ?').run(voided ? stamp.at : null, id);
  audit(sqlite, { ...stamp, action: voided ? 'void' : 'unvoid', entity: 'expense', entityId: id });
}

export function stopExpense(sqlite: Sqlite, id: number, lastMonth: string, stamp: Stamp): void {
  const e = getExpense(sqlite, id);
  if (e.recurrence !== 'monthly') throw failure('CONFLICT', 'expense.onlyMonthlyStops');
  if (lastMonth < e.date.slice(0, 7))
    throw failure('BAD_REQUEST', 'expense.lastBeforeFirst', { first: e.date.slice(0, 7) }, 'lastMonth');
  cached(sqlite, 'UPDATE expenses SET recurrence_end_month = ? WHERE id = ?').run(lastMonth, id);
  audit(sqlite, { ...stamp, action: 'stop', entity: 'expense', entityId: id, detail: { lastMonth } });
}
