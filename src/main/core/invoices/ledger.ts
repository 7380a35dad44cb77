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
import { type Sqlite, tablesVersion } from '../db/client';
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

/** Reads the invoices (all, or one client's) into columns, as they stand on `today`. */
export function buildLedger(sqlite: Sqlite, today: string, clientId?: number): Ledger {
  const where = clientId === undefined ? '' : 'WHERE i.client_id = ?';
  const statement = sqlite.prepare(`${LEDGER_SQL} ${where} ${LEDGER_ORDER}`).raw(true);
  const counter = sqlite.prepare(`SELECT count(*) FROM invoices i ${where}`).pluck();
  const size = (clientId === undefined ? counter.get() : counter.get(clientId)) as number;
  const ledger: Ledger = {
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
  const rows = (
    clientId === undefined ? statement.iterate() : statement.iterate(clientId)
  ) as IterableIterator<LedgerRow>;
  let i = 0;
  for (const [id, number, kind, client, hub, currency, issue, due, stored, total, paid, credited] of rows) {
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
  const names = sqlite
    .prepare(clientId === undefined ? 'SELECT id, name FROM clients' : 'SELECT id, name FROM clients WHERE id = ?')
    .raw(true);
  for (const [cid, name] of (clientId === undefined ? names.iterate() : names.iterate(clientId)) as IterableIterator<
    [number, string]
  >)
    ledger.clientNames.set(cid, name);
  ledger.size = i;
  return ledger;
}

const ledgers = new WeakMap<Sqlite, { key: string; ledger: Ledger }>();

/**
 * What the ledger reads: a write to any other table (a lead, an assignment)
 * leaves it as it is. At the massive profile a rebuild takes ~1.5 s, which any
 * write anywhere used to cost the next list.
 */
const LEDGER_TABLES = ['invoices', 'payments', 'clients'];

/**
 * Every invoice's columns on `today`, rebuilt only when a row it reads changed
 * (here or in another process) or the day moved on. `keep` says the caller's
 * transaction only reads (first thing in it, so its snapshot is the one named);
 * inside one that writes, and may yet roll back, nothing is kept.
 */
export function workspaceLedger(sqlite: Sqlite, today: string, keep: boolean): Ledger {
  if (!keep) return buildLedger(sqlite, today);
  const key = `${tablesVersion(sqlite, 'ledger', LEDGER_TABLES)}@${today}`;
  const kept = ledgers.get(sqlite);
  if (kept?.key === key) return kept.ledger;
  const ledger = buildLedger(sqlite, today);
  ledgers.set(sqlite, { key, ledger });
  return ledger;
}

export interface LedgerFilter {
  status?: InvoiceStatus | undefined;
  clientId?: number | undefined;
  hubId?: number | undefined;
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
  const q = filter.search?.trim().toLowerCase() ?? '';
  const clientMatches = new Set<number>();
  if (q) for (const [id, name] of ledger.clientNames) if (name.toLowerCase().includes(q)) clientMatches.add(id);
  const matches: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < ledger.size; i++) {
    if (filter.clientId !== undefined && ledger.clientIds[i] !== filter.clientId) continue;
    if (filter.hubId !== undefined && ledger.hubIds[i] !== filter.hubId) continue;
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
