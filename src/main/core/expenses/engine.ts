/**
 * Expenses as they fall in a month: one-off expenses on their date, monthly ones once per month.
 * An occurrence dated after today is scheduled (not spent yet); a future month's are all scheduled.
 */
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../shared/domain';
import type { Expense, ExpenseOccurrence } from '../../../shared/money';

const daysInMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** The date a monthly expense falls on in `month` (its day of month, clamped to short months), or null. */
export function occurrenceIn(
  expense: Pick<Expense, 'date' | 'recurrence' | 'recurrenceEndMonth' | 'voidedAt'>,
  month: string,
): string | null {
  if (expense.voidedAt !== null) return null;
  const first = expense.date.slice(0, 7);
  if (expense.recurrence === 'none') return first === month ? expense.date : null;
  if (month < first) return null;
  if (expense.recurrenceEndMonth !== null && month > expense.recurrenceEndMonth) return null;
  const day = Math.min(Number(expense.date.slice(8)), daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** An occurrence is scheduled, not spent yet, while its date is still ahead of `today`. */
export const isScheduled = (date: string, today: string): boolean => date > today;

export interface MonthTotals {
  /** Per category, spent and scheduled alike; null when a figure has no FX rate. */
  totals: Record<ExpenseCategory, number | null>;
  totalMinor: number | null;
  spentMinor: number | null;
  scheduledMinor: number | null;
}

/** A month's totals in the reporting currency: per category and in all, split into spent so far and scheduled. */
export function monthTotals(
  occurrences: readonly Pick<ExpenseOccurrence, 'category' | 'reportingMinor' | 'scheduled'>[],
): MonthTotals {
  const add = (sum: number | null, v: number | null) => (sum === null || v === null ? null : sum + v);
  const totals = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c, 0])) as Record<ExpenseCategory, number | null>;
  let spentMinor: number | null = 0;
  let scheduledMinor: number | null = 0;
  for (const o of occurrences) {
    totals[o.category] = add(totals[o.category], o.reportingMinor);
    if (o.scheduled) scheduledMinor = add(scheduledMinor, o.reportingMinor);
    else spentMinor = add(spentMinor, o.reportingMinor);
  }
  return { totals, totalMinor: add(spentMinor, scheduledMinor), spentMinor, scheduledMinor };
}
