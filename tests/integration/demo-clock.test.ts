import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { demoClock, demoMadeNow, generateDemo } from '../../src/main/core/demo/generate';
import { createWorkspaceFile, openExisting } from '../../src/main/core/workspace/files';
import { addDays } from '../../src/shared/dates';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterAll(cleanTempDirs);

/** Every instant column of the workspace (`at`, `…_at`) with its latest value. */
function latestInstants(sqlite: Sqlite): Map<string, string> {
  const latest = new Map<string, string>();
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'",
    )
    .pluck()
    .all() as string[];
  for (const table of tables)
    for (const { name } of sqlite.pragma(`table_info(${table})`) as { name: string }[]) {
      if (name !== 'at' && !name.endsWith('_at')) continue;
      const max = sqlite.prepare(`SELECT max(${name}) FROM ${table}`).pluck().get() as string | null;
      if (max !== null) latest.set(`${table}.${name}`, max);
    }
  return latest;
}

async function demo(until?: string) {
  const file = await createWorkspaceFile(
    path.join(tempDir(), 'clock.atalaya'),
    { migrationsDir: MIGRATIONS_DIR },
    (s) => generateDemo(s, { profile: 'agency', seed: 'clock', asOf: '2026-11-20', ...(until ? { until } : {}) }),
  );
  const sqlite = openExisting(file, { readonly: true });
  try {
    return {
      instants: latestInstants(sqlite),
      counts: sqlite.prepare('SELECT (SELECT count(*) FROM leads), (SELECT count(*) FROM invoices)').raw().get(),
    };
  } finally {
    sqlite.close();
  }
}

describe('the demo made today', () => {
  it('squeezes the as-of day before the end of the history, in order, and leaves earlier days alone', () => {
    const clock = demoClock({ profile: 'agency', seed: 's', asOf: '2026-11-20', until: '2026-11-20T06:00:00Z' });
    const day = [0, 9 * 60, 13 * 60, 23 * 60 + 59].map((m) => clock('2026-11-20', m));
    expect(day).toEqual([...day].sort());
    expect(day.every((t) => Date.parse(t) <= Date.parse('2026-11-20T06:00:00Z'))).toBe(true);
    expect(clock('2026-11-19', 23 * 60)).toBe('2026-11-19T23:00:00Z');
    const whole = demoClock({ profile: 'agency', seed: 's', asOf: '2026-11-20' });
    expect(whole('2026-11-20', 23 * 60 + 30)).toBe('2026-11-20T23:30:00Z');
  });

  it('made at any hour, dates the demo by the agency’s calendar and puts no event after that moment', () => {
    for (let hour = 0; hour < 24; hour++) {
      const now = new Date(Date.UTC(2026, 10, 20, hour, 17));
      const made = demoMadeNow(now);
      expect(made.asOf).toBe(hour < 4 ? '2026-11-19' : '2026-11-20'); // Caracas is UTC−4
      const clock = demoClock({ profile: 'agency', seed: 's', ...made });
      for (const day of [made.asOf, addDays(made.asOf, -1)])
        expect(Date.parse(clock(day, 24 * 60 - 1)), `${now.toISOString()}: ${day}`).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('stamps nothing after the moment it is made, with the same rows as a whole day', async () => {
    const until = '2026-11-20T10:00:00.000Z';
    const whole = await demo();
    const today = await demo(until);
    const late = (instants: Map<string, string>) =>
      [...instants].filter(([, at]) => Date.parse(at) > Date.parse(until)).map(([c]) => c);
    // Made at the end of the day, the model, alerts and audit entries are stamped in the evening.
    expect(late(whole.instants)).toEqual(
      expect.arrayContaining(['scoring_models.trained_at', 'audit_log.at', 'leads.created_at']),
    );
    expect(late(today.instants)).toEqual([]);
    expect(today.counts).toEqual(whole.counts);
  });
});
