/**
 * The leads table's query on a real SQLite file with the shipped schema: whichever
 * way a page is found (a walk down the sort order's index, cut short or not; the
 * matches sorted, their keys read from the rows or from an index by id; a deep page
 * read from the other end of the order), it is exactly the page that plain SQL
 * with LIMIT/OFFSET gives — ascending and descending, with NULLs and ties in the
 * sort column, with filters — and the total follows every change to the data.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { FILTER_INDEX_HOLDS, SORTS } from '../../src/main/core/leads/query';
import { countSegments, queryLeads } from '../../src/main/core/leads/repo';
import { createWorkspaceFile, openExisting } from '../../src/main/core/workspace/files';
import { LEAD_SORT_COLUMNS, type LeadFilter, type LeadSortColumn } from '../../src/shared/leads';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

const LEADS = 6000;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Leads whose filters and sort orders are correlated the way real ones are (open
 * leads are the recent ones, tier 1 has the big deals, the vertical mix drifts,
 * score and probability go together), with NULLs (unscored, no activity, no owner)
 * and ties (few values, companies that differ only in case).
 */
function fill(sqlite: Sqlite) {
  const r = random(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  sqlite.exec(`
    INSERT INTO hubs (name, country, time_zone, currency, color) VALUES
      ('Caracas', 'VE', 'America/Caracas', 'USD', '#111111'), ('Lima', 'PE', 'America/Lima', 'USD', '#222222'),
      ('Copenhagen', 'DK', 'Europe/Copenhagen', 'EUR', '#333333');
    INSERT INTO people (name, role, employment_type, time_zone, hours_per_day, workdays, start_date) VALUES
      ('Ana', 'sales', 'core', 'UTC', 8, '12345', '2025-01-01'), ('Bo', 'sales', 'core', 'UTC', 8, '12345', '2025-01-01'),
      ('Cy', 'sales', 'core', 'UTC', 8, '12345', '2025-01-01'), ('Di', 'sales', 'core', 'UTC', 8, '12345', '2025-01-01');
  `);
  const insert = sqlite.prepare(
    `INSERT INTO leads (company, contact_name, channel, vertical, tier, hub_id, owner_id, stage, expected_value_minor,
       currency, created_at, last_activity_at, score, win_probability, probability_override)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?)`,
  );
  const companies = ['Acme', 'acme', 'ACME Labs', 'Beta Foods', 'Sol Studio', 'solar Works', 'Vela', 'Zafiro Hotels'];
  const contacts = ['Ana Ruiz', 'Bo Lund', 'Soledad Paz', 'Ivan Soto', 'Mia Berg'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < LEADS; i++) {
    const at = start + Math.floor(i / 3) * 3_600_000; // three leads an hour: ties in created_at
    const recent = i > LEADS * 0.9;
    const tier = r() < 0.05 ? 1 : pick([2, 3]);
    const scored = r() > 0.15;
    const score = scored ? Math.floor(r() * 101) : null;
    insert.run(
      `${pick(companies)}${r() < 0.5 ? '' : ` ${Math.floor(r() * 50)}`}`,
      pick(contacts),
      pick(['email', 'whatsapp', 'referral', 'partner', 'linkedin', 'sms', 'inbound_form']),
      i < LEADS / 2 && r() < 0.9 ? pick(['ecommerce', 'media']) : pick(['saas', 'ecommerce', 'education']),
      tier,
      r() < 0.05 ? null : pick([1, 2, 3]),
      r() < 0.1 ? null : pick([1, 2, 3, 4]),
      recent ? pick(['new', 'qualified', 'proposal']) : pick(['won', 'lost', 'lost']),
      tier === 1 ? pick([500_000, 800_000]) : pick([1_000, 2_500, 5_000, 9_000]),
      new Date(at).toISOString(),
      r() < 0.2 ? null : new Date(at + Math.floor(r() * 30) * 86_400_000).toISOString(),
      score,
      score === null ? null : Math.round(Math.min(1, Math.max(0, score / 100 + (r() - 0.5) * 0.2)) * 20) / 20,
      score !== null && r() < 0.03 ? 0.5 : null,
    );
  }
}

/** Each filter with the WHERE clause that plain SQL answers it with. */
const FILTERS: { name: string; filter: LeadFilter; search?: string; sql: string }[] = [
  { name: 'none', filter: {}, sql: '' },
  { name: 'open stages', filter: { stages: ['proposal', 'qualified'] }, sql: "stage IN ('proposal', 'qualified')" },
  { name: 'channel', filter: { channels: ['referral'] }, sql: "channel = 'referral'" },
  { name: 'vertical', filter: { verticals: ['saas'] }, sql: "vertical = 'saas'" },
  { name: 'tier 1', filter: { tiers: [1] }, sql: 'tier = 1' },
  { name: 'owner', filter: { ownerIds: [2] }, sql: 'owner_id = 2' },
  { name: 'hubs', filter: { hubIds: [1, 3] }, sql: 'hub_id IN (1, 3)' },
  { name: 'score', filter: { scoreMin: 60, scoreMax: 80 }, sql: 'score BETWEEN 60 AND 80' },
  {
    name: 'created',
    filter: { createdFrom: '2026-02-01', createdTo: '2026-03-31' },
    sql: "created_at >= '2026-02-01' AND created_at < '2026-04-01'",
  },
  {
    name: 'activity',
    filter: { activityFrom: '2026-03-15', activityTo: '2026-04-30' },
    sql: "last_activity_at >= '2026-03-15' AND last_activity_at < '2026-05-01'",
  },
  {
    name: 'search',
    filter: {},
    search: 'sol',
    sql: 'id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH \'"sol"*\')',
  },
  {
    name: 'lost, by email',
    filter: { stages: ['lost'], channels: ['email'] },
    sql: "stage = 'lost' AND channel = 'email'",
  },
  {
    name: 'search and stage',
    filter: { stages: ['won', 'new'] },
    search: 'ACME',
    sql: "stage IN ('won', 'new') AND id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH '\"ACME\"*')",
  },
  {
    name: 'owner, score and activity',
    filter: { ownerIds: [1, 4], scoreMin: 30, activityFrom: '2026-02-01' },
    sql: "owner_id IN (1, 4) AND score >= 30 AND last_activity_at >= '2026-02-01'",
  },
];

const KEYS: Record<LeadSortColumn, string> = {
  created_at: 'created_at',
  last_activity_at: 'last_activity_at',
  score: 'score',
  win_probability: 'coalesce(probability_override, win_probability)',
  expected_value: 'expected_value_minor',
  company: 'company COLLATE NOCASE',
};

/** How a statement found the page's ids (from its SQL), to check every way is exercised. */
function wayOf(sql: string): string | null {
  if (sql.startsWith('SELECT w.id')) return 'bounded walk';
  if (!sql.startsWith('SELECT l.id')) return null;
  if (sql.includes('leads_company_by_id')) return 'keys by id';
  return /ORDER BY \(?\+/.test(sql) ? 'sorted matches' : 'walk';
}

describe('leads query', () => {
  let file: string;
  let sqlite: Sqlite;
  const ways = new Map<string, number>();
  const statements: string[] = [];

  beforeAll(async () => {
    file = await createWorkspaceFile(path.join(tempDir(), 'leads.atalaya'), { migrationsDir: MIGRATIONS_DIR }, (db) =>
      db.transaction(() => fill(db))(),
    );
    sqlite = openExisting(file, { readonly: true });
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof sqlite.prepare;
  });
  afterAll(() => {
    sqlite.close();
    cleanTempDirs();
  });

  const plain = (db: Sqlite, sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];

  it('gives exactly the rows of plain LIMIT/OFFSET SQL, first, middle and deepest page, both directions', () => {
    for (const f of FILTERS) {
      const where = f.sql === '' ? '' : `WHERE ${f.sql}`;
      const total = plain(sqlite, `SELECT count(*) FROM leads ${where}`)[0]!;
      expect(total, f.name).toBeGreaterThan(0);
      for (const column of LEAD_SORT_COLUMNS)
        for (const direction of ['asc', 'desc'] as const) {
          const dir = direction.toUpperCase();
          const expected = plain(sqlite, `SELECT id FROM leads ${where} ORDER BY ${KEYS[column]} ${dir}, id ${dir}`);
          for (const [offset, limit] of [
            [0, 10],
            [3, 1],
            [Math.floor(total / 2) - 4, 10],
            [Math.floor(total / 2) + 1, 7],
            [Math.max(0, total - 10), 10],
            [Math.max(0, total - 7), 10],
            [total - 1, 100],
            [total, 10],
          ] as const) {
            statements.length = 0;
            const page = queryLeads(sqlite, {
              filter: f.filter,
              search: f.search ?? '',
              sort: { column, direction },
              offset,
              limit,
            });
            const what = `${f.name} × ${column} ${direction} @${offset}+${limit}`;
            expect(page.total, what).toBe(total);
            expect(page.offset, what).toBe(offset);
            expect(
              page.rows.map((row) => row.id),
              what,
            ).toEqual(expected.slice(offset, offset + limit));
            const used = statements.map(wayOf).filter((w): w is string => w !== null);
            for (const way of used) ways.set(way, (ways.get(way) ?? 0) + 1);
            if (used.length > 1)
              ways.set('walk cut short, then sorted', (ways.get('walk cut short, then sorted') ?? 0) + 1);
          }
        }
    }
    // The rows are whole rows, in the contract's shape.
    const [row] = queryLeads(sqlite, {
      filter: { tiers: [1] },
      search: '',
      sort: { column: 'company', direction: 'asc' },
      offset: 0,
      limit: 1,
    }).rows;
    expect(row).toEqual(
      sqlite
        .prepare(
          `SELECT id, company, contact_name AS contactName, channel, vertical, tier, owner_id AS ownerId, hub_id AS hubId,
             stage, expected_value_minor AS expectedValueMinor, currency, score, win_probability AS winProbability,
             probability_override AS probabilityOverride, created_at AS createdAt, last_activity_at AS lastActivityAt
           FROM leads WHERE tier = 1 ORDER BY company COLLATE NOCASE, id LIMIT 1`,
        )
        .get(),
    );
    // Every way of finding a page was taken at least once.
    expect([...ways.keys()].sort()).toEqual(
      ['bounded walk', 'keys by id', 'sorted matches', 'walk', 'walk cut short, then sorted'].sort(),
    );
  });

  it('has in its indexes every column the planner counts on reading from them (drizzle/0006)', () => {
    const indexColumns = (index: string) =>
      sqlite.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE key = 1').pluck().all(index) as (string | null)[];
    const planOf = (sql: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const sortIndex: Record<LeadSortColumn, string> = {
      created_at: 'leads_created',
      last_activity_at: 'leads_last_activity',
      score: 'leads_score',
      win_probability: 'leads_probability',
      expected_value: 'leads_expected_value',
      company: 'leads_company',
    };
    for (const column of LEAD_SORT_COLUMNS) {
      const { holds, key } = SORTS[column];
      const index = sortIndex[column];
      expect(indexColumns(index), index).toEqual(expect.arrayContaining(['id', ...holds]));
      // A walk down the order tests what the index holds without reading rows.
      const tested = holds.map((c) => `+l.${c} IS NOT NULL`).join(' AND ');
      expect(planOf(`SELECT l.id FROM leads l WHERE ${tested} ORDER BY ${key('l', true)}, l.id LIMIT 10`)).toContain(
        `COVERING INDEX ${index}`,
      );
    }
    const filterIndex = { score: 'leads_score', created_at: 'leads_created', last_activity_at: 'leads_last_activity' };
    for (const [column, index] of Object.entries(filterIndex)) {
      const holds = FILTER_INDEX_HOLDS[column as keyof typeof FILTER_INDEX_HOLDS];
      expect(indexColumns(index), index).toEqual(expect.arrayContaining([column, 'id', ...holds]));
    }
    // The score index holds the probability: a score range is sorted by it without reading rows.
    expect(SORTS.win_probability.keyHeldBy).toEqual(['score']);
    expect(
      planOf(`SELECT l.id FROM leads l WHERE l.score >= 50 ORDER BY ${SORTS.win_probability.key('l', false)}, l.id`),
    ).toContain('COVERING INDEX leads_score');
  });

  it('counts segments as plain SQL does, multi-column filters included', () => {
    const counts = countSegments(
      sqlite,
      FILTERS.map((f) => ({ filter: f.filter, search: f.search ?? '' })),
    );
    expect(counts).toEqual(
      FILTERS.map((f) => plain(sqlite, `SELECT count(*) FROM leads ${f.sql === '' ? '' : `WHERE ${f.sql}`}`)[0]),
    );
  });

  it('keeps the total in step with writes, on this connection and on another one', () => {
    const writer = openExisting(file, {});
    const other = openExisting(file, {});
    const query = (db: Sqlite) =>
      queryLeads(db, {
        filter: { stages: ['new'] },
        search: 'Zephyr',
        sort: { column: 'created_at', direction: 'desc' },
        offset: 0,
        limit: 10,
      });
    const insert = (db: Sqlite) =>
      Number(
        db
          .prepare(
            `INSERT INTO leads (company, contact_name, channel, vertical, tier, stage, expected_value_minor, currency, created_at)
             VALUES ('Zephyr Labs', 'Ola Nord', 'email', 'saas', 2, 'new', 1000, 'USD', '2026-12-01T00:00:00Z')`,
          )
          .run().lastInsertRowid,
      );
    try {
      expect(query(writer).total).toBe(0);
      const mine = insert(writer);
      expect(query(writer)).toMatchObject({ total: 1, rows: [{ id: mine }] });
      const theirs = insert(other);
      expect(query(writer).total).toBe(2);
      other.prepare("UPDATE leads SET stage = 'qualified' WHERE id = ?").run(theirs);
      expect(query(writer).total).toBe(1);
      // Inside a transaction that rolls back: what it counted is not kept.
      expect(() =>
        writer.transaction(() => {
          writer.prepare('DELETE FROM leads WHERE id = ?').run(mine);
          expect(query(writer).total).toBe(0);
          throw new Error('undo');
        })(),
      ).toThrow('undo');
      expect(query(writer)).toMatchObject({ total: 1, rows: [{ id: mine }] });
      // A write to another table (settings here; an alert sync in the app) keeps the counts: none is run again.
      const counts: string[] = [];
      const prepare = writer.prepare.bind(writer);
      writer.prepare = ((sql: string) => {
        if (/\bcount\(/i.test(sql)) counts.push(sql);
        return prepare(sql);
      }) as typeof writer.prepare;
      writer.prepare("UPDATE workspace_settings SET name = name || ' (renamed)'").run();
      expect(query(writer).total).toBe(1);
      expect(counts).toEqual([]);
      // So does a rescore's write of what no filter reads (breakdown, probability, when it was scored).
      writer
        .prepare("UPDATE leads SET score_breakdown = '[1,2,3]', win_probability = 0.4, scored_at = 'now' WHERE id = ?")
        .run(mine);
      expect(query(writer).total).toBe(1);
      expect(counts).toEqual([]);
      writer.prepare("UPDATE leads SET contact_name = 'Ola Nordmann' WHERE id = ?").run(mine);
      expect(query(writer).total).toBe(1);
      expect(counts.length).toBeGreaterThan(0);
      expect(countSegments(other, [{ filter: { stages: ['new'] }, search: 'zephyr' }])).toEqual([1]);
    } finally {
      writer.close();
      other.close();
    }
  });

  it('gives the same pages once ANALYZE has given the planner statistics', () => {
    const writer = openExisting(file, {});
    writer.exec('ANALYZE');
    writer.close();
    const analyzed = openExisting(file, { readonly: true });
    try {
      for (const f of FILTERS)
        for (const column of LEAD_SORT_COLUMNS) {
          const where = f.sql === '' ? '' : `WHERE ${f.sql}`;
          const expected = plain(analyzed, `SELECT id FROM leads ${where} ORDER BY ${KEYS[column]} DESC, id DESC`);
          for (const offset of [0, Math.max(0, expected.length - 10)]) {
            const page = queryLeads(analyzed, {
              filter: f.filter,
              search: f.search ?? '',
              sort: { column, direction: 'desc' },
              offset,
              limit: 10,
            });
            expect(
              page.rows.map((r) => r.id),
              `${f.name} × ${column} @${offset}`,
            ).toEqual(expected.slice(offset, offset + 10));
          }
        }
    } finally {
      analyzed.close();
    }
  });
});
