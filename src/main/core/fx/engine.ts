/**
 * Exchange rates: one rate per currency per date, in units of the reporting
 * currency for one unit of the currency. The rate in force on a date is the
 * latest on or before it. A missing rate is never treated as 1: conversions
 * return null and the converter remembers what was missing.
 */
import type { Currency } from '../../../shared/domain';
import type { FxRate, MissingRate } from '../../../shared/money';

export interface RateTable {
  reporting: Currency;
  /** Per currency, dates ascending. */
  byCurrency: Map<string, { date: string; rate: number }[]>;
}

export function rateTable(reporting: Currency, rates: readonly FxRate[]): RateTable {
  const byCurrency = new Map<string, { date: string; rate: number }[]>();
  for (const r of rates) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push({ date: r.date, rate: r.rate });
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { reporting, byCurrency };
}

/** Units of the reporting currency per unit of `currency` on `date`; null when no rate is on or before it. */
export function rateOn(table: RateTable, currency: string, date: string): number | null {
  if (currency === table.reporting) return 1;
  const list = table.byCurrency.get(currency);
  if (!list || list.length === 0 || list[0]!.date > date) return null;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.date <= date) lo = mid;
    else hi = mid - 1;
  }
  return list[lo]!.rate;
}

/** Rounds half away from zero, so a credit and its debit round to the same size. */
export function roundMinor(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** Converts between any two currencies through the reporting currency's rates. */
export function convertMinor(table: RateTable, minor: number, from: string, to: string, date: string): number | null {
  if (from === to) return minor;
  const a = rateOn(table, from, date);
  const b = rateOn(table, to, date);
  if (a === null || b === null) return null;
  return roundMinor((minor * a) / b);
}

/** Converts amounts to the reporting currency and collects the rates that were missing. */
export class Converter {
  private readonly missing = new Map<string, MissingRate>();
  constructor(readonly table: RateTable) {}

  get reporting(): Currency {
    return this.table.reporting;
  }

  toReporting(minor: number, currency: string, date: string): number | null {
    const value = convertMinor(this.table, minor, currency, this.table.reporting, date);
    if (value === null) {
      // The earliest date a rate is needed for is the one that tells the user what to add.
      const known = this.missing.get(currency);
      if (!known || date < known.date) this.missing.set(currency, { currency: currency as Currency, date });
    }
    return value;
  }

  /** Sums amounts; the sum is null when any part could not be converted. */
  sum(parts: { minor: number; currency: string; date: string }[]): number | null {
    let total = 0;
    let complete = true;
    for (const p of parts) {
      const v = this.toReporting(p.minor, p.currency, p.date);
      if (v === null) complete = false;
      else total += v;
    }
    return complete ? total : null;
  }

  missingRates(): MissingRate[] {
    return [...this.missing.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  }
}
