import type { Currency } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type { FxRate } from '../../../shared/money';
import { audit } from '../audit/log';
import { cached, type Sqlite } from '../db/client';
import { Converter, type RateTable, rateTable } from './engine';

export function listRates(sqlite: Sqlite, currency?: string): FxRate[] {
  const rows = currency
    ? cached(sqlite, 'SELECT currency, date, rate FROM fx_rates WHERE currency = ? ORDER BY date DESC').all(currency)
    : cached(sqlite, 'SELECT currency, date, rate FROM fx_rates ORDER BY currency, date DESC').all();
  return rows as FxRate[];
}

export function reportingCurrency(sqlite: Sqlite): Currency {
  const row = cached(sqlite, 'SELECT reporting_currency AS c FROM workspace_settings WHERE id = 1').get() as
    | { c: Currency }
    | undefined;
  if (!row) throw failure('WORKSPACE_INVALID', 'workspace.noSettings');
  return row.c;
}

/** A converter over every rate in the workspace (a few thousand rows at most). */
export function loadConverter(sqlite: Sqlite): Converter {
  return new Converter(rateTable(reportingCurrency(sqlite), listRates(sqlite)));
}

/**
 * A rate table for conversions on one date between the currencies named: each
 * one's rate in force then (the latest on or before the date), read through the
 * key. Converts on that date exactly as the full table would, without reading
 * every rate (a payment in another currency needs two).
 */
export function rateTableOn(sqlite: Sqlite, currencies: readonly string[], date: string): RateTable {
  const inForce = cached(
    sqlite,
    'SELECT currency, date, rate FROM fx_rates WHERE currency = ? AND date <= ? ORDER BY date DESC LIMIT 1',
  );
  const rates = currencies.flatMap((currency) => inForce.all(currency, date) as FxRate[]);
  return rateTable(reportingCurrency(sqlite), rates);
}

export function setRate(sqlite: Sqlite, rate: FxRate, stamp: { at: string; actor: string }): FxRate {
  if (rate.currency === reportingCurrency(sqlite))
    throw failure('BAD_REQUEST', 'fx.reportingCurrency', { currency: rate.currency }, 'currency');
  sqlite
    .prepare(
      'INSERT INTO fx_rates (currency, date, rate) VALUES (?, ?, ?) ON CONFLICT (currency, date) DO UPDATE SET rate = excluded.rate',
    )
    .run(rate.currency, rate.date, rate.rate);
  audit(sqlite, { ...stamp, action: 'set_rate', entity: 'fx_rate', detail: rate });
  return rate;
}

export function deleteRate(
  sqlite: Sqlite,
  currency: string,
  date: string,
  stamp: { at: string; actor: string },
): number {
  const r = sqlite.prepare('DELETE FROM fx_rates WHERE currency = ? AND date = ?').run(currency, date);
  if (r.changes === 0) throw failure('NOT_FOUND', 'notFound.fxRate', { currency, date });
  audit(sqlite, { ...stamp, action: 'delete_rate', entity: 'fx_rate', detail: { currency, date } });
  return r.changes;
}
