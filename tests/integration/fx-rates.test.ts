import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/main/core/db/client';
import { migrateWorkspace } from '../../src/main/core/db/migrate';
import { convertMinor } from '../../src/main/core/fx/engine';
import { loadConverter, rateTableOn, setRate } from '../../src/main/core/fx/repo';
import { insertSettings } from '../../src/main/core/settings/repo';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterEach(cleanTempDirs);

describe('rates in force on a date', () => {
  it('convert on that date exactly as the full rate table does, a missing rate included', async () => {
    const file = path.join(tempDir(), 'fx.atalaya');
    const sqlite = openSqlite(file, { create: true });
    await migrateWorkspace(sqlite, file, MIGRATIONS_DIR);
    const at = '2026-01-01T00:00:00.000Z';
    insertSettings(sqlite, { name: 'FX', reportingCurrency: 'USD', timeZone: 'UTC', at });
    const stamp = { at, actor: 'test' };
    // EUR has rates from February, PEN from April (with a gap), DKK none.
    setRate(sqlite, { currency: 'EUR', date: '2026-02-01', rate: 1.08 }, stamp);
    setRate(sqlite, { currency: 'EUR', date: '2026-03-01', rate: 1.1 }, stamp);
    setRate(sqlite, { currency: 'EUR', date: '2026-03-15', rate: 1.12 }, stamp);
    setRate(sqlite, { currency: 'PEN', date: '2026-04-01', rate: 0.27 }, stamp);
    setRate(sqlite, { currency: 'PEN', date: '2026-06-01', rate: 0.26 }, stamp);

    const full = loadConverter(sqlite).table;
    const dates = ['2026-01-15', '2026-02-01', '2026-02-28', '2026-03-01', '2026-03-14', '2026-03-15', '2026-05-01'];
    const currencies = ['USD', 'EUR', 'PEN', 'DKK'];
    let converted = 0;
    for (const date of [...dates, '2026-06-01', '2026-12-31'])
      for (const from of currencies)
        for (const to of currencies) {
          const expected = convertMinor(full, 123_457, from, to, date);
          expect(
            convertMinor(rateTableOn(sqlite, [from, to], date), 123_457, from, to, date),
            `${from}→${to} ${date}`,
          ).toBe(expected);
          if (expected !== null && from !== to) converted++;
        }
    // The grid is not all missing rates: EUR and PEN convert both ways once their first rate is in force.
    expect(converted).toBeGreaterThan(20);
    // The rate of the day itself, not the next one; before the first rate, none.
    expect(convertMinor(rateTableOn(sqlite, ['EUR', 'USD'], '2026-03-14'), 10_000, 'EUR', 'USD', '2026-03-14')).toBe(
      11_000,
    );
    expect(convertMinor(rateTableOn(sqlite, ['EUR', 'USD'], '2026-03-15'), 10_000, 'EUR', 'USD', '2026-03-15')).toBe(
      11_200,
    );
    expect(convertMinor(rateTableOn(sqlite, ['PEN', 'USD'], '2026-03-31'), 10_000, 'PEN', 'USD', '2026-03-31')).toBe(
      null,
    );
    sqlite.close();
  });
});
