/**
 * The leads table's query at scale (1.2M leads): the total of a filter and one
 * page of its sorted result at any offset, read through indexes.
 *
 * - Counts are exact and kept until the data changes (PRAGMA data_version for
 *   other connections' commits, total_changes() for this one's writes): every
 *   page of the same filter needs the same total.
 * - A page past the middle of the result is read from the other end: it is the
 *   first rows of the reversed order. Ties are broken by id, so the order is
 *   total, and SQLite's NULLs-first ascending is exactly NULLs-last descending.
 * - A page is found by id first (from indexes alone where they hold what the
 *   filter tests), then its rows are read by id.
 * - Two ways to find a page: walk the sort order's index and test the filter
 *   on each entry — from the index alone: every sort index holds every filter
 *   column but the score (drizzle/0006) — or read the matches through the
 *   filter index that costs least and sort them. The exact counts say which costs less. A walk is cut
 *   short when it meets fewer matches than the counts promised (the filter and
 *   the order are correlated: open leads are the recent ones, big deals the
 *   tier-1 ones), and the other way is taken.
 *
 * Plans are chosen here, not by SQLite's planner: a unary `+` keeps a column's
 * index out of a plan. Nothing relies on ANALYZE statistics.
 */
import type { LeadFilter, LeadPage, LeadRow, LeadSortColumn } from '../../../shared/leads';
import { type Sqlite, tablesVersion } from '../db/client';

export const ROW_COLUMNS = `l.id, l.company, l.contact_name AS contactName, l.channel, l.vertical, l.tier, l.owner_id AS ownerId,
  l.hub_id AS hubId, l.stage, l.expected_value_minor AS expectedValueMinor, l.currency, l.score,
  l.win_probability AS winProbability, l.probability_override AS probabilityOverride, l.created_at AS createdAt,
  l.last_activity_at AS lastActivityAt`;

type Column =
  | 'stage'
  | 'channel'
  | 'vertical'
  | 'tier'
  | 'owner_id'
  | 'hub_id'
  | 'score'
  | 'created_at'
  | 'last_activity_at';
type Param = string | number;

/** What a filter tests on one column (its conditions, ANDed), or the full-text search. */
interface Part {
  on: Column | 'search';
  conditions: { op: 'IN' | '>=' | '<=' | '<' | 'MATCH'; values: Param[] }[];
}

const CATEGORICAL: readonly Column[] = ['stage', 'channel', 'vertical', 'tier', 'owner_id', 'hub_id'];
/** What every sort index holds besides its key and the id (drizzle/0006): all filter columns but the score. */
const HELD: readonly Column[] = ['created_at', 'last_activity_at', ...CATEGORICAL];
const heldBesides = (column: Column) => HELD.filter((c) => c !== column);

/**
 * The columns each filter column's index holds besides its own and the row id
 * (see drizzle/0006): reading matches through it tests these without the row.
 */
export const FILTER_INDEX_HOLDS: Record<Column, readonly Column[]> = {
  stage: [],
  channel: [],
  vertical: [],
  tier: [],
  owner_id: [],
  hub_id: [],
  score: HELD,
  created_at: heldBesides('created_at'),
  last_activity_at: heldBesides('last_activity_at'),
};

interface SortOrder {
  /** The ORDER BY key of table `a`; `indexed: false` gives it in a form no index serves (to sort matches). */
  key: (a: string, indexed: boolean) => string;
  /** The filter column it is, if any (a range on it bounds the walk). */
  column: Column | null;
  /** Filter columns its index holds besides its key (a walk tests them without reading the row). */
  holds: readonly Column[];
  /** An index by id that holds the key: matches are sorted from it instead of from their rows. */
  byId?: string;
  /** Filter columns whose index holds the key too: their matches are sorted from it. */
  keyHeldBy?: readonly Column[];
}

const plain = (column: string) => (a: string, indexed: boolean) => `${indexed ? '' : '+'}${a}.${column}`;

export const SORTS: Record<LeadSortColumn, SortOrder> = {
  created_at: { key: plain('created_at'), column: 'created_at', holds: heldBesides('created_at') },
  last_activity_at: {
    key: plain('last_activity_at'),
    column: 'last_activity_at',
    holds: heldBesides('last_activity_at'),
  },
  score: { key: plain('score'), column: 'score', holds: HELD },
  win_probability: {
    key: (a, indexed) => `${indexed ? '' : '+'}coalesce(${a}.probability_override, ${a}.win_probability)`,
    column: null,
    holds: HELD,
    keyHeldBy: ['score'],
  },
  expected_value: { key: plain('expected_value_minor'), column: null, holds: HELD },
  company: {
    key: (a, indexed) => (indexed ? `${a}.company COLLATE NOCASE` : `(+${a}.company) COLLATE NOCASE`),
    column: null,
    holds: HELD,
    byId: 'leads_company_by_id',
  },
};

/** Relative costs, in index entries read in order (~0.1 µs on a 2-core machine). */
const ENTRY = 1;
/** What an entry costs more when a walk is cut short (it passes through a subquery). */
const BOUNDED = 2;
/** Reading a row by id: a page somewhere in the table. */
const ROW = 60;
/** Reading rows by id in increasing id order (an index's entries for one value, the full-text matches). */
const ROW_IN_ORDER = 30;
/** Reading a sort key by id, in increasing id order, from a narrow index by id. */
const KEY_BY_ID = 15;
/** Testing an id against the full-text matches. */
const PROBE = 2;
/** How much longer than expected a walk may turn out (correlation) before sorting the matches is the better bet. */
const SAFETY = 4;

/** FTS5 query from what a person typed: every word must match as a prefix. */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function filterParts(filter: LeadFilter, search: string): Part[] {
  const parts: Part[] = [];
  const inList = (on: Column, values: readonly Param[] | undefined) => {
    if (values && values.length > 0) parts.push({ on, conditions: [{ op: 'IN', values: [...values] }] });
  };
  inList('stage', filter.stages);
  inList('channel', filter.channels);
  inList('vertical', filter.verticals);
  inList('tier', filter.tiers);
  inList('owner_id', filter.ownerIds);
  inList('hub_id', filter.hubIds);
  const range = (on: Column, bounds: [Part['conditions'][number]['op'], Param | undefined][]) => {
    const conditions = bounds.filter(([, v]) => v !== undefined).map(([op, v]) => ({ op, values: [v as Param] }));
    if (conditions.length > 0) parts.push({ on, conditions });
  };
  range('score', [
    ['>=', filter.scoreMin],
    ['<=', filter.scoreMax],
  ]);
  range('created_at', [
    ['>=', filter.createdFrom],
    ['<', filter.createdTo && nextDay(filter.createdTo)],
  ]);
  range('last_activity_at', [
    ['>=', filter.activityFrom],
    ['<', filter.activityTo && nextDay(filter.activityTo)],
  ]);
  const fts = ftsQuery(search);
  if (fts !== null) parts.push({ on: 'search', conditions: [{ op: 'MATCH', values: [fts] }] });
  return parts;
}

/** SQL for parts, on the table or subquery `alias`; `indexed` lets SQLite read them through their index. */
function render(parts: readonly Part[], alias: string, indexed: boolean): { sql: string; params: Param[] } {
  const plus = indexed ? '' : '+';
  const sql = parts.flatMap((p) =>
    p.on === 'search'
      ? [`${plus}${alias}.id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)`]
      : p.conditions.map((c) =>
          c.op === 'IN'
            ? `${plus}${alias}.${p.on} IN (${c.values.map(() => '?').join(', ')})`
            : `${plus}${alias}.${p.on} ${c.op} ?`,
        ),
  );
  return { sql: sql.join(' AND '), params: parts.flatMap((p) => p.conditions.flatMap((c) => c.values)) };
}

/** WHERE clause (with its parameters) of a filter and search on `leads l`. */
export function leadWhere(filter: LeadFilter, search: string): { sql: string; params: Param[] } {
  const { sql, params } = render(filterParts(filter, search), 'l', true);
  return { sql: sql === '' ? '' : `WHERE ${sql}`, params };
}

/** Joins WHERE terms, leaving out empty ones. */
const where = (...terms: string[]) => {
  const kept = terms.filter((t) => t !== '');
  return kept.length === 0 ? '' : `WHERE ${kept.join(' AND ')}`;
};

// ---------- counts ----------

/**
 * The columns a count can depend on: the filters' and the search's (leads_fts
 * indexes company and contact_name). A rescore that only rewrites breakdowns,
 * probabilities or scored_at leaves the counts as they are, at no cost per row.
 */
const COUNTED_COLUMNS = [...CATEGORICAL, 'score', 'created_at', 'last_activity_at', 'company', 'contact_name'];

interface CountCache {
  version: string;
  counts: Map<string, number>;
}
const countCaches = new WeakMap<Sqlite, CountCache>();
const MAX_CACHED_COUNTS = 2_000;

/**
 * Counts made from the data this read transaction sees, kept while no lead
 * changes (writes to other tables, like an alert sync, leave them). Call first
 * thing in the transaction: its first read pins the snapshot it names.
 */
function countsNow(sqlite: Sqlite): Map<string, number> {
  const version = tablesVersion(sqlite, 'lead_counts', ['leads'], { leads: COUNTED_COLUMNS });
  let cache = countCaches.get(sqlite);
  if (!cache || cache.version !== version || cache.counts.size > MAX_CACHED_COUNTS) {
    cache = { version, counts: new Map() };
    countCaches.set(sqlite, cache);
  }
  return cache.counts;
}

/**
 * Runs `read` in one read transaction, so the counts and the page see the same
 * data. Inside a caller's transaction (which may yet roll back), nothing it
 * counts is kept.
 */
function reading<T>(sqlite: Sqlite, read: (counter: Counter) => T): T {
  if (sqlite.inTransaction) return read(new Counter(sqlite, new Map()));
  return sqlite.transaction(() => read(new Counter(sqlite, countsNow(sqlite))))();
}

class Counter {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly memo: Map<string, number>,
  ) {}

  private get(key: string, sql: string, params: Param[]): number {
    let n = this.memo.get(key);
    if (n === undefined) {
      n = this.sqlite
        .prepare(sql)
        .pluck()
        .get(...params) as number;
      this.memo.set(key, n);
    }
    return n;
  }

  all(): number {
    return this.get('*', 'SELECT count(*) FROM leads', []);
  }

  /** Leads one part matches, through its index (the full-text index counts the search). */
  part(p: Part): number {
    if (p.on === 'search')
      return this.get(
        JSON.stringify([p]),
        'SELECT count(*) FROM leads_fts WHERE leads_fts MATCH ?',
        p.conditions[0]!.values,
      );
    const r = render([p], 'l', true);
    return this.get(JSON.stringify([p]), `SELECT count(*) FROM leads l WHERE ${r.sql}`, r.params);
  }

  /** Leads all the parts match. */
  parts(parts: readonly Part[]): number {
    if (parts.length === 0) return this.all();
    if (parts.length === 1) return this.part(parts[0]!);
    const key = JSON.stringify(parts);
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    const { driver, cost: viaDriver } = this.cheapestDriver(parts);
    const others = parts.filter((p) => p !== driver);
    // Or one pass over the score index, which holds every filter column. (With a score range among the parts,
    // reading through the score index is already the cheapest driver.)
    const viaScan = this.all() * (ENTRY + (parts.some(isSearch) ? PROBE : 0));
    if (viaScan < viaDriver) {
      const r = render(parts, 'l', false);
      return this.get(key, `SELECT count(*) FROM leads l INDEXED BY leads_score WHERE ${r.sql}`, r.params);
    }
    const d = render([driver], 'l', true);
    const o = render(others, 'l', false);
    return this.get(key, `SELECT count(*) FROM leads l WHERE ${d.sql} AND ${o.sql}`, [...d.params, ...o.params]);
  }

  /**
   * The part whose index to read the matches through: the cheapest, counting
   * the rows read to test the other parts (none when its index holds their columns).
   */
  cheapestDriver(parts: readonly Part[]): { driver: Part; cost: number } {
    let best: { driver: Part; cost: number } | null = null;
    for (const driver of parts) {
      const others = parts.filter((p) => p !== driver);
      const holds = holdsOf(driver);
      const row = others.some((p) => needsRow(p, holds)) ? (inIdOrder(driver) ? ROW_IN_ORDER : ROW) : 0;
      const cost = this.part(driver) * (ENTRY + row + (others.some(isSearch) ? PROBE : 0));
      if (!best || cost < best.cost) best = { driver, cost };
    }
    return best!;
  }
}

const isSearch = (p: Part) => p.on === 'search';
/** Whether a part's index gives its matches in increasing id order (per value of an IN list). */
const inIdOrder = (p: Part) => p.on === 'search' || p.conditions.every((c) => c.op === 'IN');
/** Columns read with a part's index: its own and what the index holds besides. */
const holdsOf = (p: Part): readonly Column[] => (p.on === 'search' ? [] : [p.on, ...FILTER_INDEX_HOLDS[p.on]]);
/** Whether testing the part needs the row (the search needs only the id, which every index holds). */
const needsRow = (p: Part, holds: readonly Column[]) => p.on !== 'search' && !holds.includes(p.on);

// ---------- pages ----------

interface PageQuery {
  parts: Part[];
  total: number;
  sort: SortOrder;
  ascending: boolean;
  skip: number;
  take: number;
}

/** The ids of the page, in order: the cheaper of walking the sort index and sorting the filter's matches. */
function pageIds(sqlite: Sqlite, counter: Counter, q: PageQuery): number[] {
  const { parts, sort } = q;
  // A range on the sort column itself bounds the walk to its entries.
  const range = sort.column === null ? undefined : parts.find((p) => p.on === sort.column);
  const rest = parts.filter((p) => p !== range);
  if (rest.length === 0) return walk(sqlite, q, range, rest, null);

  const walked = range ? counter.part(range) : counter.all();
  const perEntry = ENTRY + (rest.some((p) => needsRow(p, sort.holds)) ? ROW : 0) + (rest.some(isSearch) ? PROBE : 0);
  // Entries walked before `skip + take` matches, were matches spread evenly along the order.
  const expected = Math.min(walked, ((q.skip + q.take) * walked) / Math.max(q.total, 1));
  const matches = sortPlan(counter, q);

  if (walked * perEntry <= matches.cost) return walk(sqlite, q, range, rest, null);
  if (expected * perEntry * SAFETY >= matches.cost) return sortMatches(sqlite, q, matches);
  // A walk that may cost up to a third of sorting the matches, then sorting them if it fell short.
  const budget = Math.max(Math.ceil(matches.cost / (3 * (perEntry + BOUNDED))), q.skip + q.take);
  const ids = walk(sqlite, q, range, rest, budget);
  return ids.length === q.take ? ids : sortMatches(sqlite, q, matches);
}

/** Down the sort order's index (within `range`), testing `rest` on each entry; at most `budget` entries. */
function walk(sqlite: Sqlite, q: PageQuery, range: Part | undefined, rest: Part[], budget: number | null): number[] {
  const dir = q.ascending ? 'ASC' : 'DESC';
  const key = q.sort.key('l', true);
  const r = render(range ? [range] : [], 'l', true);
  if (budget === null) {
    const t = render(rest, 'l', false);
    return sqlite
      .prepare(`SELECT l.id FROM leads l ${where(r.sql, t.sql)} ORDER BY ${key} ${dir}, l.id ${dir} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...r.params, ...t.params, q.take, q.skip) as number[];
  }
  const columns = [...new Set(rest.filter((p) => p.on !== 'search').map((p) => `, l.${p.on}`))].join('');
  const t = render(rest, 'w', false);
  return sqlite
    .prepare(
      `SELECT w.id FROM (SELECT l.id, ${key} AS k${columns} FROM leads l ${where(r.sql)}
         ORDER BY ${key} ${dir}, l.id ${dir} LIMIT ?) w
       ${where(t.sql)} ORDER BY w.k ${dir}, w.id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...r.params, budget, ...t.params, q.take, q.skip) as number[];
}

interface SortPlan {
  driver: Part;
  others: Part[];
  /** Sort keys read from the sort order's index by id, not from the rows. */
  byId: boolean;
  cost: number;
}

/** Sorting the matches: read through the part's index that costs least, the rest tested on each. */
function sortPlan(counter: Counter, q: PageQuery): SortPlan {
  let best: SortPlan | null = null;
  for (const driver of q.parts) {
    const others = q.parts.filter((p) => p !== driver);
    const holds = holdsOf(driver);
    const othersNeedRow = others.some((p) => needsRow(p, holds));
    const keyHeld =
      (q.sort.column !== null && holds.includes(q.sort.column)) ||
      (driver.on !== 'search' && q.sort.keyHeldBy?.includes(driver.on) === true);
    // The sort key from a narrow index by id, when nothing else needs the row and the ids come in order.
    const byId = !keyHeld && !othersNeedRow && q.sort.byId !== undefined && inIdOrder(driver);
    const perMatch =
      ENTRY +
      (byId ? KEY_BY_ID : othersNeedRow || !keyHeld ? (inIdOrder(driver) ? ROW_IN_ORDER : ROW) : 0) +
      (others.some(isSearch) ? PROBE : 0);
    const cost = counter.part(driver) * perMatch + q.total * ENTRY;
    if (!best || cost < best.cost) best = { driver, others, byId, cost };
  }
  return best!;
}

function sortMatches(sqlite: Sqlite, q: PageQuery, plan: SortPlan): number[] {
  const dir = q.ascending ? 'ASC' : 'DESC';
  let from = 'leads l';
  let key = q.sort.key('l', false);
  if (plan.byId) {
    // The key by id (alias k) beside the matches' own index (alias l), or alone for the full-text matches.
    from =
      plan.driver.on === 'search'
        ? `leads l INDEXED BY ${q.sort.byId}`
        : `leads l CROSS JOIN leads k INDEXED BY ${q.sort.byId} ON k.id = l.id`;
    key = q.sort.key(plan.driver.on === 'search' ? 'l' : 'k', false);
  }
  const d = render([plan.driver], 'l', true);
  const o = render(plan.others, 'l', false);
  return sqlite
    .prepare(`SELECT l.id FROM ${from} ${where(d.sql, o.sql)} ORDER BY ${key} ${dir}, l.id ${dir} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...d.params, ...o.params, q.take, q.skip) as number[];
}

export function queryLeads(
  sqlite: Sqlite,
  q: {
    filter: LeadFilter;
    search: string;
    sort: { column: LeadSortColumn; direction: 'asc' | 'desc' };
    offset: number;
    limit: number;
  },
): LeadPage {
  return reading(sqlite, (counter) => {
    const parts = filterParts(q.filter, q.search);
    const total = counter.parts(parts);
    const end = Math.min(total, q.offset + q.limit);
    if (end <= q.offset) return { total, offset: q.offset, rows: [] };
    // Past the middle, the page is the first rows of the reversed order.
    const reversed = total - end < q.offset;
    const ids = pageIds(sqlite, counter, {
      parts,
      total,
      sort: SORTS[q.sort.column],
      ascending: (q.sort.direction === 'asc') !== reversed,
      skip: reversed ? total - end : q.offset,
      take: end - q.offset,
    });
    const byId = new Map(
      (
        sqlite
          .prepare(`SELECT ${ROW_COLUMNS} FROM leads l WHERE l.id IN (SELECT value FROM json_each(?))`)
          .all(JSON.stringify(ids)) as LeadRow[]
      ).map((r) => [r.id, r]),
    );
    const rows = ids.map((id) => byId.get(id)!);
    if (reversed) rows.reverse();
    return { total, offset: q.offset, rows };
  });
}

/** Leads each segment (a filter and a search) matches. */
export function countSegments(sqlite: Sqlite, segments: { filter: LeadFilter; search: string }[]): number[] {
  return reading(sqlite, (counter) => segments.map((s) => counter.parts(filterParts(s.filter, s.search))));
}
