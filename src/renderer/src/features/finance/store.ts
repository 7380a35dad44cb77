/**
 * What the Finance section remembers while the app runs: the last tab, the
 * month and range each tab shows, and a rate to fill in when a "missing rate"
 * banner sends the person to the exchange rates.
 */
import { create } from 'zustand';
import type { Currency } from '../../../../shared/domain';

export const FINANCE_TABS = ['invoices', 'subscriptions', 'expenses', 'fx'] as const;
export type FinanceTab = (typeof FINANCE_TABS)[number];

export interface FxPrefill {
  currency: Currency;
  date: string;
  /** Bumped on every jump so the same prefill twice still applies. */
  seq: number;
}

interface FinanceState {
  tab: FinanceTab;
  /** The expenses month on screen (null = the current month). */
  expenseMonth: string | null;
  /** The MRR range on screen (null = the last six months). */
  mrrRange: { from: string; to: string } | null;
  fxCurrency: Currency | null;
  fxPrefill: FxPrefill | null;
  /** Bumped by every write that can move the period's figures (payments, invoices, expenses, subscriptions, rates). */
  figuresVersion: number;
}

export const useFinance = create<FinanceState>()(() => ({
  tab: 'invoices',
  expenseMonth: null,
  mrrRange: null,
  fxCurrency: null,
  fxPrefill: null,
  figuresVersion: 0,
}));

/** A tab recorded something that can move the period's KPIs: they load again. */
export function financeChanged(): void {
  useFinance.setState((s) => ({ figuresVersion: s.figuresVersion + 1 }));
}

export function setFinanceTab(tab: FinanceTab): void {
  useFinance.setState({ tab });
}

/** Opens the exchange rates on a currency with a date filled in, ready for the rate. */
export function jumpToRate(currency: Currency, date: string): void {
  useFinance.setState((s) => ({
    tab: 'fx',
    fxCurrency: currency,
    fxPrefill: { currency, date, seq: (s.fxPrefill?.seq ?? 0) + 1 },
  }));
}
