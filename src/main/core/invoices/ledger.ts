/**
 * The invoice list at scale: every invoice's status, balance and aging on a
 * day, kept as columns (one typed array per fact, index i = one invoice) so the
 * list can be filtered, counted and sorted in the core without holding an
 * object per invoice. Only the rows a screen asks for become summaries.
 *
 * At the massive profile (241k invoices) the whole list as summaries was ~100 MB
 * of JSON crossing to the screen; the columns are ~20 MB, built in one pass and
 * kept until the data or the day changes.
 */
import { dayNumber } from '../../../shared/dates';
import {
  AGING_BUCKETS,
  CURRENCIES,
  type Currency,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceStatus,
} from '../../../shared/domain';
import type { InvoiceSortColumn } from '../../../shared/money';
import type { Sqlite } from '../db/client';
import { agingBucket, daysOverdue, displayStatus, type StoredStatus } from './engine';

/** Ascending sort puts "no date" (a draft's issue and due dates) first, as an empty value. */
const NO_DAY = -1e9;
/** An invoice without a hub (ids are positive). */
const NO_HUB = -1;

export interface Ledger {
  size: number;
  ids: Int32Array;
  clientIds: Int32Array;
  /** The hub that issued the invoice; NO_HUB when none. */
  hubIds: Int32Array;
  /** Index into INVOICE_STATUSES of the status shown on the ledger's day. */
  status: Uint8Array;
  /** Index into AGING_BUCKETS of an open invoice; -1 otherwise. */
  bucket: Int8Array;
  kind: Uint8Array;
  currency: Uint8Array;
  issueDay: Int32Array;
  dueDay: Int32Array;
  /** Total with a credit note counted negative, as the table shows it. */
  signedTotal: Float64Array;
  balance: Float64Array;
  overdue: Int32Array;
  numbers: (string | null)[];
  clientNames: Map<number, string>;
  /** Filled on first use: each position's rank when sorted by number / by client name, per language. */
  ranks: Map<string, Int32Array>;
}

const LEDGER_SQL = `
  SELECT i.id, i.number, i.kind, i.client_id, i.hub_id, i.currency, i.issue_date, i.due_date, i.status, i.total_minor,
         coalesce((SELECT sum(p.applied_minor) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_minor,
         coalesce((SELECT sum(cn.total_minor) FROM invoices cn
                   WHERE cn.credits_invoice_id = i.id AND cn.status <> 'void'), 0) AS credited_minor
  FROM invoices i`;
/** The list's own order when no column is sorted: drafts first, then the newest issued. */
const LEDGER_ORDER = 'ORDER BY i.issue_date IS NULL DESC, i.issue_date DESC, i.id DESC';

type LedgerRow = [
  id: number,
  number: string | null,
  kind: string,
  clientId: number,
  hubId: number | null,
  currency: string,
  issueDate: string | null,
  dueDate: string | null,
  status: StoredStatus,
  totalMinor: number,
  paidMinor: number,
  creditedMinor: number,
];

/** Empty columns for `size` invoices. */
function emptyLedger(size: number): Ledger {
  return {
    size,
    ids: new Int32Array(size),
    clientIds: new Int32Array(size),
    hubIds: new Int32Array(size),
    status: new Uint8Array(size),
    bucket: new Int8Array(size),
    kind: new Uint8Array(size),
    currency: new Uint8Array(size),
    issueDay: new Int32Array(size),
    dueDay: new Int32Array(size),
    signedTotal: new Float64Array(size),
    balance: new Float64Array(size),
    overdue: new Int32Array(size),
    numbers: new Array(size).fill(null),
    clientNames: new Map(),
    ranks: new Map(),
  };
}

/** Reads the invoices a WHERE clause keeps into columns, in the list's own order, as they stand on `today`. */
function readLedger(sqlite: Sqlite, today: string, where: string, params: readonly (number | string)[]): Ledger {
  const statement = sqlite.prepare(`${LEDGER_SQL} ${where} ${LEDGER_ORDER}`).raw(true);
  const size = sqlite
    .prepare(`SELECT count(*) FROM invoices i ${where}`)
    .pluck()
    .get(...params) as number;
  const ledger = emptyLedger(size);
  let i = 0;
  for (const [id, number, kind, client, hub, currency, issue, due, stored, total, paid, credited] of statement.iterate(
    ...params,
  ) as IterableIterator<LedgerRow>) {
    if (i === size) break; // a row added since the count cannot happen inside one read, but never overrun
    const open = stored === 'sent' && kind !== 'credit_note';
    ledger.ids[i] = id;
    ledger.clientIds[i] = client;
    ledger.hubIds[i] = hub ?? NO_HUB;
    ledger.status[i] = INVOICE_STATUSES.indexOf(displayStatus(stored, due, today));
    ledger.bucket[i] = open && issue ? AGING_BUCKETS.indexOf(agingBucket(issue, today)) : -1;
    ledger.kind[i] = INVOICE_KINDS.indexOf(kind as (typeof INVOICE_KINDS)[number]);
    ledger.currency[i] = CURRENCIES.indexOf(currency as Currency);
    ledger.issueDay[i] = issue ? dayNumber(issue) : NO_DAY;
    ledger.dueDay[i] = due ? dayNumber(due) : NO_DAY;
    ledger.signedTotal[i] = kind === 'credit_note' ? -total : total;
    ledger.balance[i] = open ? total - paid - credited : 0;
    ledger.overdue[i] = open ? daysOverdue(stored, due, today) : 0;
    ledger.numbers[i] = number;
    i++;
  }
  ledger.size = i;
  return ledger;
}

/** Reads the invoices (all, or one client's) into columns, as they stand on `today`. */
export function buildLedger(sqlite: Sqlite, today: string, clientId?: number): Ledger {
  const ledger =
    clientId === undefined
      ? readLedger(sqlite, today, '', [])
      : readLedger(sqlite, today, 'WHERE i.client_id = ?', [clientId]);
  const names = sqlite
    .prepare(clientId === undefined ? 'SELECT id, name FROM clients' : 'SELECT id, name FROM clients WHERE id = ?')
    .raw(true);
  for (const [cid, name] of (clientId === undefined ? names.iterate() : names.iterate(clientId)) as IterableIterator<
    [number, string]
  >)
    ledger.clientNames.set(cid, name);
  return ledger;
}

/**
 * Whether position `i` of `a` comes before position `j` of `b` in the list's own order
 * (LEDGER_ORDER: drafts without an issue date first, then the newest issued, then the highest id).
 */
function before(a: Ledger, i: number, b: Ledger, j: number): boolean {
  const undatedA = a.issueDay[i] === NO_DAY;
  const undatedB = b.issueDay[j] === NO_DAY;
  if (undatedA !== undatedB) return undatedA;
  if (a.issueDay[i] !== b.issueDay[j]) return a.issueDay[i]! > b.issueDay[j]!;
  return a.ids[i]! > b.ids[j]!;
}

/** Copies positions [from, to) of `source` to `target` from position `at`; returns the position after them. */
function copyRun(source: Ledger, from: number, to: number, target: Ledger, at: number): number {
  if (to <= from) return at;
  for (const column of LEDGER_COLUMNS) target[column].set(source[column].subarray(from, to), at);
  for (let k = from; k < to; k++) target.numbers[at + k - from] = source.numbers[k]!;
  return at + to - from;
}

/** The ledger's typed columns, one entry per invoice position. */
export const LEDGER_COLUMNS = [
  'ids',
  'clientIds',
  'hubIds',
  'status',
  'bucket',
  'kind',
  'currency',
  'issueDay',
  'dueDay',
  'signedTotal',
  'balance',
  'overdue',
] as const satisfies readonly (keyof Ledger)[];

/** The positions of some ids in a ledger, ascending. */
function positionsOf(ledger: Ledger, ids: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const held = ledger.ids.subarray(0, ledger.size);
  if (ids.size <= 64) {
    // A few ids (one write): a native scan each.
    for (const id of ids) {
      const i = held.indexOf(id);
      if (i >= 0) out.push(i);
    }
  } else for (let i = 0; i < ledger.size; i++) if (ids.has(held[i]!)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** The first position of `ledger` that does not come before position `j` of `row` (binary search). */
function insertionPoint(ledger: Ledger, row: Ledger, j: number): number {
  let lo = 0;
  let hi = ledger.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(ledger, mid, row, j)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ledger after some invoices changed: theirs are read again and merged into
 * the others in the list's order, so a payment costs a few rows read instead of
 * every invoice (~1.5 s at the massive profile). Client names are read again
 * for the clients given. The text ranks are worked out again when next sorted by, unless every changed
 * invoice kept its place, number and client.
 */
export function patchLedger(
  sqlite: Sqlite,
  kept: Ledger,
  today: string,
  invoiceIds: ReadonlySet<number>,
  clientIds: ReadonlySet<number>,
): Ledger {
  const fresh =
    invoiceIds.size === 0
      ? emptyLedger(0)
      : readLedger(sqlite, today, 'WHERE i.id IN (SELECT value FROM json_each(?))', [JSON.stringify([...invoiceIds])]);
  // The kept ledger stays in order with the changed invoices' old rows still in it: each fresh row goes where a
  // binary search over it says, the old rows are left out, and what lies between is copied a run at a time.
  const dropped = positionsOf(kept, invoiceIds);
  const next = emptyLedger(kept.size - dropped.length + fresh.size);
  let at = 0;
  let from = 0;
  let d = 0;
  // Whether every fresh row took its old row's place with the same number and client (a payment, a void).
  let samePlaces = next.size === kept.size && clientIds.size === 0;
  for (let f = 0; f <= fresh.size; f++) {
    const until = f < fresh.size ? insertionPoint(kept, fresh, f) : kept.size;
    for (; d < dropped.length && dropped[d]! < until; d++) {
      at = copyRun(kept, from, dropped[d]!, next, at);
      from = dropped[d]! + 1;
    }
    at = copyRun(kept, from, until, next, at);
    from = Math.max(from, until);
    if (f < fresh.size) {
      samePlaces &&=
        kept.ids[at] === fresh.ids[f] &&
        kept.numbers[at] === fresh.numbers[f] &&
        kept.clientIds[at] === fresh.clientIds[f];
      at = copyRun(fresh, f, f + 1, next, at);
    }
  }
  // The text ranks follow positions, numbers and client names: unchanged, they stay.
  if (samePlaces) next.ranks = kept.ranks;
  next.clientNames = kept.clientNames;
  if (clientIds.size > 0) {
    next.clientNames = new Map(kept.clientNames);
    for (const id of clientIds) next.clientNames.delete(id);
    for (const [id, name] of sqlite
      .prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))')
      .raw(true)
      .all(JSON.stringify([...clientIds])) as [number, string][])
      next.clientNames.set(id, name);
  }
  return next;
}

/** Each touch log this process makes gets a number of its own (see `touchLog`). */
let touchLogs = 0;

/**
 * What this connection's own writes touched since the ledger was last kept:
 * temporary triggers log the invoices (a payment's, a credit note's and the one
 * it credits) and the clients; a rolled-back write takes its rows back out.
 * Returns the log's number: a log made again (its first making rolled back with
 * the transaction it was made in) gets a new one, so a ledger kept beside the
 * old log is rebuilt, never patched from a log that missed writes.
 * REPLACE's conflict deletions fire no DELETE trigger (recursive_triggers is
 * off): nothing writes these three tables with REPLACE.
 */
function touchLog(sqlite: Sqlite): number {
  const invoice = (row: 'new' | 'old') =>
    `INSERT INTO temp.ledger_touched (invoice_id) SELECT ${row}.id UNION ALL SELECT ${row}.credits_invoice_id WHERE ${row}.credits_invoice_id IS NOT NULL;`;
  const rowsOf = { INSERT: ['new'], UPDATE: ['old', 'new'], DELETE: ['old'] } as const;
  const statements = [
    'CREATE TEMP TABLE IF NOT EXISTS ledger_touched (invoice_id INTEGER, client_id INTEGER)',
    'CREATE TEMP TABLE IF NOT EXISTS ledger_touch_log (log INTEGER NOT NULL)',
  ];
  for (const [event, rows] of Object.entries(rowsOf)) {
    const on = (table: string, body: string) =>
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS ledger_touched_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN ${body} END`,
      );
    on('invoices', rows.map(invoice).join(' '));
    on('payments', rows.map((r) => `INSERT INTO temp.ledger_touched (invoice_id) VALUES (${r}.invoice_id);`).join(' '));
    on('clients', rows.map((r) => `INSERT INTO temp.ledger_touched (client_id) VALUES (${r}.id);`).join(' '));
  }
  sqlite.exec(statements.join(';\n'));
  const log = sqlite.prepare('SELECT log FROM temp.ledger_touch_log').pluck().get() as number | undefined;
  if (log !== undefined) return log;
  touchLogs++;
  sqlite.prepare('INSERT INTO temp.ledger_touch_log (log) VALUES (?)').run(touchLogs);
  return touchLogs;
}

interface KeptLedger {
  /** Other connections' commits when it was built (`data_version`): any since, and only a rebuild is sure. */
  dataVersion: number;
  /** The schema's version: a table dropped and made again (a migration) drops the triggers on it too. */
  schema: number;
  today: string;
  /** The touch log it was kept beside (emptied then). */
  log: number;
  ledger: Ledger;
}

const ledgers = new WeakMap<Sqlite, KeptLedger>();

/**
 * Every invoice's columns on `today`, kept while nothing it reads changed,
 * patched when this connection's own writes did (the touch log names their
 * rows; a write to any other table, a lead or an assignment, logs nothing), and
 * rebuilt when another process wrote, the schema changed or the day moved on.
 * `keep` says the caller's transaction only reads (first thing in it, so its
 * snapshot is the one named); inside one that writes, and may yet roll back,
 * nothing is kept.
 */
export function workspaceLedger(sqlite: Sqlite, today: string, keep: boolean): Ledger {
  if (!keep) return buildLedger(sqlite, today);
  const log = touchLog(sqlite);
  // A read of the main file first: it pins the transaction's snapshot, the one data_version then names.
  const touched =
    sqlite
      .prepare('SELECT EXISTS (SELECT 1 FROM temp.ledger_touched) FROM main.sqlite_schema LIMIT 1')
      .pluck()
      .get() === 1;
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const schema = sqlite.pragma('schema_version', { simple: true }) as number;
  const kept = ledgers.get(sqlite);
  const current =
    kept !== undefined &&
    kept.today === today &&
    kept.dataVersion === dataVersion &&
    kept.schema === schema &&
    kept.log === log;
  if (current && !touched) return kept.ledger;
  let ledger: Ledger;
  if (current) {
    const invoiceIds = new Set<number>();
    const clientIds = new Set<number>();
    for (const [invoiceId, clientId] of sqlite
      .prepare('SELECT invoice_id, client_id FROM temp.ledger_touched')
      .raw(true)
      .all() as [number | null, number | null][]) {
      if (invoiceId !== null) invoiceIds.add(invoiceId);
      if (clientId !== null) clientIds.add(clientId);
    }
    // A bulk change (an import, a big batch of writes) is read faster whole than as a list of ids.
    ledger =
      invoiceIds.size > kept.ledger.size / 10
        ? buildLedger(sqlite, today)
        : patchLedger(sqlite, kept.ledger, today, invoiceIds, clientIds);
  } else ledger = buildLedger(sqlite, today);
  // What the log held is in this ledger now. Should this read transaction roll back, the rows come back and are
  // merged again next time, which changes nothing.
  if (touched) sqlite.exec('DELETE FROM temp.ledger_touched');
  ledgers.set(sqlite, { dataVersion, schema, today, log, ledger });
  return ledger;
}

export interface LedgerFilter {
  status?: InvoiceStatus | undefined;
  clientId?: number | undefined;
  /** null or undefined: every hub. */
  hubId?: number | null | undefined;
  bucket?: (typeof AGING_BUCKETS)[number] | undefined;
  search?: string | undefined;
}

export interface LedgerSelection {
  /** Positions of the matching invoices, in the ledger's own order. */
  matches: number[];
  counts: Record<'all' | InvoiceStatus, number>;
  /** Positions of the open invoices under the client and hub filters alone (what the aging cards sum). */
  open: number[];
}

/** The invoices every filter keeps; the counts per status ignore the status filter (they label its choices). */
export function selectLedger(ledger: Ledger, filter: LedgerFilter): LedgerSelection {
  const counts = Object.fromEntries(['all', ...INVOICE_STATUSES].map((s) => [s, 0])) as LedgerSelection['counts'];
  const status = filter.status === undefined ? -1 : INVOICE_STATUSES.indexOf(filter.status);
  const bucket = filter.bucket === undefined ? -1 : AGING_BUCKETS.indexOf(filter.bucket);
  const hub = filter.hubId ?? null;
  const q = filter.search?.trim().toLowerCase() ?? '';
  const clientMatches = new Set<number>();
  if (q) for (const [id, name] of ledger.clientNames) if (name.toLowerCase().includes(q)) clientMatches.add(id);
  const matches: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < ledger.size; i++) {
    if (filter.clientId !== undefined && ledger.clientIds[i] !== filter.clientId) continue;
    if (hub !== null && ledger.hubIds[i] !== hub) continue;
    if (ledger.bucket[i]! >= 0) open.push(i);
    if (bucket >= 0 && ledger.bucket[i] !== bucket) continue;
    if (q && !clientMatches.has(ledger.clientIds[i]!) && !ledger.numbers[i]?.toLowerCase().includes(q)) continue;
    counts.all++;
    counts[INVOICE_STATUSES[ledger.status[i]!]!]++;
    if (status >= 0 && ledger.status[i] !== status) continue;
    matches.push(i);
  }
  return { matches, counts, open };
}

export type SortLanguage = 'en' | 'es';
const collators: Record<SortLanguage, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  es: new Intl.Collator('es', { sensitivity: 'base', numeric: true }),
};

/**
 * Each position's rank in the order of a text column in a language's alphabet: equal texts share one, so position
 * breaks ties (once per ledger and language).
 */
function rankBy(ledger: Ledger, column: 'number' | 'client', language: SortLanguage): Int32Array {
  const key = `${column}:${language}`;
  const kept = ledger.ranks.get(key);
  if (kept) return kept;
  const collator = collators[language];
  const text = (i: number) =>
    column === 'number' ? (ledger.numbers[i] ?? '') : ledger.clientNames.get(ledger.clientIds[i]!)!;
  const distinct = [...new Set(Array.from({ length: ledger.size }, (_, i) => text(i)))].sort(collator.compare);
  const rankOf = new Map<string, number>();
  let r = 0;
  distinct.forEach((value, k) => {
    if (k > 0 && collator.compare(distinct[k - 1]!, value) !== 0) r++;
    rankOf.set(value, r);
  });
  const rank = Int32Array.from({ length: ledger.size }, (_, i) => rankOf.get(text(i))!);
  ledger.ranks.set(key, rank);
  return rank;
}

function sortKey(ledger: Ledger, column: InvoiceSortColumn, language: SortLanguage): ArrayLike<number> {
  switch (column) {
    case 'number':
    case 'client':
      return rankBy(ledger, column, language);
    case 'kind':
      return ledger.kind;
    case 'issued':
      return ledger.issueDay;
    case 'due':
      return ledger.dueDay;
    case 'status':
      return ledger.status;
    case 'total':
      return ledger.signedTotal;
    case 'balance':
      return ledger.balance;
    case 'overdue':
      return ledger.overdue;
  }
}

/** Sorts positions by a column; equal values keep the ledger's own order (newest first) in either direction. */
export function sortLedger(
  ledger: Ledger,
  positions: number[],
  sort: { column: InvoiceSortColumn; direction: 'asc' | 'desc'; language?: SortLanguage | undefined },
): number[] {
  const key = sortKey(ledger, sort.column, sort.language ?? 'en');
  const sign = sort.direction === 'asc' ? 1 : -1;
  return positions.sort((a, b) => sign * (key[a]! - key[b]!) || a - b);
}
