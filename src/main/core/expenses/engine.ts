/** Expenses as they fall in a month: one-off expenses on their date, monthly ones once per month. */
import type { Expense } from '../../../shared/money';

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
