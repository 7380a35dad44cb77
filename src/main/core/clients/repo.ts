/**
 * The clients read model: each client's revenue to date, deliveries,
 * subscription state and invoices, fed to the pure health engine. Also the
 * client alerts (at risk → ATTENTION, repeat work without a subscription →
 * OPPORTUNITY), kept in step with the data by `syncClientAlerts`.
 */

import { dateOfDayNumber, dayNumber } from '../../../shared/dates';
import type { Tier, Vertical } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type {
  Alert,
  ClientActivity,
  ClientDetail,
  ClientLead,
  ClientList,
  ClientLookup,
  ClientOption,
  ClientProject,
  ClientRow,
  ExplainedClientRow,
} from '../../../shared/money';
import type { ClientInput, ClientUpdate } from '../../../shared/money-schemas';
import { reconcileAlerts, type WantedAlert } from '../alerts/reconcile';
import { audit } from '../audit/log';
import { likeLiteral, type Sqlite } from '../db/client';
import { instantToWorkspaceDate } from '../fx/clock';
import type { Converter } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import { assertHubExists } from '../hubs/repo';
import { listInvoices, type Stamp } from '../invoices/repo';
import { activeSegments, revenueParts, stateOn } from '../subscriptions/engine';
import { loadSubscriptions, toSubscription } from '../subscriptions/repo';
import { clientHealth, type HealthInput, isUpsellCandidate, suggestTier } from './health';

interface ClientBase {
  id: number;
  name: string;
  tier: Tier;
  vertical: Vertical;
  hub_id: number | null;
  country: string;
  email: string | null;
  created_at: string;
  payment_terms_days: number;
  deposit_pct: number;
}

interface Computed {
  rows: ExplainedClientRow[];
  /** Clients with repeat work and no subscription (the upsell alert's condition). */
  upsell: Set<number>;
}

/**
 * The projects (not cancelled) and the sent or paid invoices of the clients,
 * as columns grouped by client. Two scans in id order and a counting sort: at
 * 36k clients (~455k facts, ~10 MB of columns) reading them through the client
 * index, sorted by SQL, took ~2 s, and holding them as row objects ~200 MB.
 */
/** A day number that stands for no date (any real day, even before 1970, is far from it). */
const NO_DAY = -(2 ** 31);

class ClientFacts {
  /** Positions into the project columns, client by client: client i's are projectOrder[projectStart[i] … projectStart[i + 1]). */
  readonly projectStart: Int32Array;
  readonly projectOrder: Int32Array;
  readonly valueMinor: Float64Array;
  readonly currency: Uint8Array;
  readonly currencies: string[] = [];
  /** The delivery's day number in the workspace's zone; NO_DAY when not delivered. */
  readonly deliveredDay: Int32Array;
  /** -1 for none. */
  readonly satisfaction: Int16Array;
  readonly revisionCycles: Int32Array;
  readonly invoiceStart: Int32Array;
  readonly invoiceOrder: Int32Array;
  readonly dueDay: Int32Array;
  /** NO_DAY when unpaid. */
  readonly paidDay: Int32Array;

  constructor(sqlite: Sqlite, clientIndex: Map<number, number>, onlyIds: readonly number[] | undefined) {
    const only = onlyIds === undefined ? [] : [JSON.stringify(onlyIds)];
    const among = onlyIds === undefined ? '' : 'AND client_id IN (SELECT value FROM json_each(?))';
    const toDate = instantToWorkspaceDate(sqlite);
    const projectWhere = `FROM projects WHERE stage <> 'cancelled' ${among}`;
    // Counted first, so the columns are sized once and the rows streamed (not held as arrays).
    const n = sqlite
      .prepare(`SELECT count(*) ${projectWhere}`)
      .pluck()
      .get(...only) as number;
    const projectClient = new Int32Array(n);
    this.valueMinor = new Float64Array(n);
    this.currency = new Uint8Array(n);
    this.deliveredDay = new Int32Array(n);
    this.satisfaction = new Int16Array(n);
    this.revisionCycles = new Int32Array(n);
    const codes = new Map<string, number>();
    let i = 0;
    for (const [clientId, value, currency, deliveredAt, satisfaction, revisionCycles] of sqlite
      .prepare(
        `SELECT client_id, value_minor, currency, delivered_at, satisfaction, revision_cycles ${projectWhere} ORDER BY id`,
      )
      .raw()
      .iterate(...only) as IterableIterator<[number, number, string, string | null, number | null, number]>) {
      projectClient[i] = clientIndex.get(clientId) ?? -1;
      this.valueMinor[i] = value;
      let code = codes.get(currency);
      if (code === undefined) {
        code = this.currencies.push(currency) - 1;
        codes.set(currency, code);
      }
      this.currency[i] = code;
      this.deliveredDay[i] = deliveredAt ? dayNumber(toDate(deliveredAt)) : NO_DAY;
      this.satisfaction[i] = satisfaction ?? -1;
      this.revisionCycles[i] = revisionCycles;
      i++;
    }
    // The count and the read share compute's snapshot; positions past the rows read (none, then) belong to no client.
    projectClient.fill(-1, i);
    // For a few clients, `+status` keeps SQLite on the client index: the status index would read every sent invoice.
    const invoiceWhere = `FROM invoices
      WHERE +status IN ('sent', 'paid') AND kind <> 'credit_note' AND due_date IS NOT NULL ${among}`;
    const m = sqlite
      .prepare(`SELECT count(*) ${invoiceWhere}`)
      .pluck()
      .get(...only) as number;
    const invoiceClient = new Int32Array(m);
    this.dueDay = new Int32Array(m);
    this.paidDay = new Int32Array(m);
    i = 0;
    for (const [clientId, dueDate, paidOn] of sqlite
      .prepare(`SELECT client_id, due_date, paid_on ${invoiceWhere} ORDER BY id`)
      .raw()
      .iterate(...only) as IterableIterator<[number, string, string | null]>) {
      invoiceClient[i] = clientIndex.get(clientId) ?? -1;
      this.dueDay[i] = dayNumber(dueDate);
      this.paidDay[i] = paidOn ? dayNumber(paidOn) : NO_DAY;
      i++;
    }
    invoiceClient.fill(-1, i);
    [this.projectStart, this.projectOrder] = groupBy(projectClient, clientIndex.size);
    [this.invoiceStart, this.invoiceOrder] = groupBy(invoiceClient, clientIndex.size);
  }
}

/** A stable counting sort of positions by group (-1: in none): where each group starts, and the positions. */
function groupBy(groupOf: Int32Array, groups: number): [Int32Array, Int32Array] {
  const start = new Int32Array(groups + 1);
  for (const g of groupOf) if (g >= 0) start[g + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const order = new Int32Array(start[groups]!);
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i]!;
    if (g >= 0) order[next[g]!++] = i;
  }
  return [start, order];
}

/** Every client in name order, or only those of `onlyIds` (their facts read through the client_id indexes). */
function compute(sqlite: Sqlite, asOf: string, converter: Converter, onlyIds?: readonly number[]): Computed {
  // One snapshot: the clients, the counts that size the columns and the rows read into them.
  if (!sqlite.inTransaction) return sqlite.transaction(() => compute(sqlite, asOf, converter, onlyIds))();
  const only = onlyIds === undefined ? [] : [JSON.stringify(onlyIds)];
  const among = (column: string) => (onlyIds === undefined ? '' : `AND ${column} IN (SELECT value FROM json_each(?))`);
  const clients = sqlite
    .prepare(`SELECT * FROM clients WHERE 1 ${among('id')} ORDER BY name`)
    .all(...only) as ClientBase[];
  const facts = new ClientFacts(sqlite, new Map(clients.map((c, i) => [c.id, i])), onlyIds);
  const subs =
    onlyIds === undefined
      ? loadSubscriptions(sqlite)
      : onlyIds.flatMap((clientId) => loadSubscriptions(sqlite, { clientId }));
  const subsBy = new Map<number, typeof subs>();
  for (const sub of subs) {
    const list = subsBy.get(sub.client_id);
    if (list) list.push(sub);
    else subsBy.set(sub.client_id, [sub]);
  }

  const upsell = new Set<number>();
  const build = (c: ClientBase, index: number): ExplainedClientRow => {
    const delivered: { date: string; value: number | null; satisfaction: number | null; revisionCycles: number }[] = [];
    const invoices: HealthInput['invoices'] = [];
    let open = 0;
    const revenueParts_: { minor: number; currency: string; date: string }[] = [];
    for (let k = facts.invoiceStart[index]!; k < facts.invoiceStart[index + 1]!; k++) {
      const at = facts.invoiceOrder[k]!;
      const paid = facts.paidDay[at]!;
      invoices.push({
        dueDate: dateOfDayNumber(facts.dueDay[at]!),
        paidOn: paid === NO_DAY ? null : dateOfDayNumber(paid),
      });
    }
    for (let k = facts.projectStart[index]!; k < facts.projectStart[index + 1]!; k++) {
      const at = facts.projectOrder[k]!;
      const day = facts.deliveredDay[at]!;
      const date = day === NO_DAY ? null : dateOfDayNumber(day);
      if (date === null || date > asOf) {
        open++;
        continue;
      }
      const minor = facts.valueMinor[at]!;
      const currency = facts.currencies[facts.currency[at]!]!;
      const satisfaction = facts.satisfaction[at]!;
      revenueParts_.push({ minor, currency, date });
      delivered.push({
        date,
        value: converter.toReporting(minor, currency, date),
        satisfaction: satisfaction < 0 ? null : satisfaction,
        revisionCycles: facts.revisionCycles[at]!,
      });
    }
    // Subscription state on the as-of date, and the revenue its active days earned.
    const states = (subsBy.get(c.id) ?? []).map((s) => ({ s, state: stateOn(s.changes, asOf) }));
    let mrr: number | null = 0;
    for (const { s, state } of states) {
      for (const part of revenueParts(activeSegments(s.changes, asOf), '0000-01-01', asOf))
        revenueParts_.push({ minor: part.minor, currency: s.currency, date: part.feeSince });
      if (state.status === 'active') {
        const v = converter.toReporting(state.feeMinor, s.currency, state.feeSince);
        mrr = mrr === null || v === null ? null : mrr + v;
      }
    }
    const statuses = states.map((x) => x.state.status);
    const subscription = statuses.includes('active')
      ? 'active'
      : statuses.includes('paused')
        ? 'paused'
        : statuses.includes('cancelled')
          ? 'cancelled'
          : 'none';
    const revenue = converter.sum(revenueParts_);

    const input: HealthInput = {
      asOf,
      deliveries: delivered.map(({ date, satisfaction, revisionCycles }) => ({ date, satisfaction, revisionCycles })),
      invoices,
      subscription,
    };
    if (isUpsellCandidate(input)) upsell.add(c.id);
    const values = delivered.map((d) => d.value);
    const suggestion = values.includes(null)
      ? { tier: null, averageMinor: null }
      : suggestTier(c.tier, values as number[]);
    const lastDelivery = delivered.reduce<string | null>((m, d) => (m === null || d.date > m ? d.date : m), null);
    return {
      id: c.id,
      name: c.name,
      tier: c.tier,
      vertical: c.vertical,
      hubId: c.hub_id,
      country: c.country,
      email: c.email,
      createdAt: c.created_at,
      paymentTermsDays: c.payment_terms_days,
      depositPct: c.deposit_pct,
      revenueToDateMinor: revenue === null ? null : Math.round(revenue),
      projectsDelivered: delivered.length,
      projectsOpen: open,
      lastDeliveryDate: lastDelivery,
      subscription: { status: subscription, mrrMinor: mrr },
      health: clientHealth(input),
      suggestedTier: suggestion.tier,
      averageProjectMinor: suggestion.averageMinor,
    };
  };
  return { rows: clients.map(build), upsell };
}

/** Every client with the factors behind each health score (the CLI's report). */
export function explainClients(
  sqlite: Sqlite,
  asOf: string,
): Omit<ClientList, 'clients'> & { clients: ExplainedClientRow[] } {
  const converter = loadConverter(sqlite);
  const { rows } = compute(sqlite, asOf, converter);
  return { asOf, reportingCurrency: converter.reporting, clients: rows, missingRates: converter.missingRates() };
}

/**
 * Every client as the Clients screen lists them: health as score, risk and
 * status. The factors behind a score are the detail's (`getClient`); at 36k
 * clients they were most of the list's size.
 */
export function listClients(sqlite: Sqlite, asOf: string): ClientList {
  const list: ClientList = explainClients(sqlite, asOf);
  // In place: a copy of 36k rows would cost what dropping the factors saves.
  for (const c of list.clients) c.health = { score: c.health.score, risk: c.health.risk, status: c.health.status };
  return list;
}

/**
 * Clients whose name contains `search` (case aside), best first. Matching uses
 * SQLite's `lower()`/LIKE, the same rule `winLead` links a client by name with.
 */
export function lookupClients(sqlite: Sqlite, search: string, limit: number): ClientLookup {
  const contains = `%${likeLiteral(search)}%`;
  const startsWith = `${likeLiteral(search)}%`;
  const matches = sqlite
    .prepare(
      `SELECT id, name, tier, hub_id AS hubId FROM clients
       WHERE name LIKE ? ESCAPE '\\'
       ORDER BY lower(name) = lower(?) DESC, name LIKE ? ESCAPE '\\' DESC, name COLLATE NOCASE, id
       LIMIT ?`,
    )
    .all(contains, search, startsWith, limit) as ClientOption[];
  const total = (
    sqlite.prepare(`SELECT count(*) AS n FROM clients WHERE name LIKE ? ESCAPE '\\'`).get(contains) as { n: number }
  ).n;
  const sameName =
    search === ''
      ? null
      : ((sqlite
          .prepare(
            'SELECT id, name, tier, hub_id AS hubId FROM clients WHERE lower(name) = lower(?) ORDER BY id LIMIT 1',
          )
          .get(search) as ClientOption | undefined) ?? null);
  return { matches, total, sameName };
}

export function clientRow(sqlite: Sqlite, id: number, asOf: string): ClientRow {
  const row = compute(sqlite, asOf, loadConverter(sqlite), [id]).rows[0];
  if (!row) throw failure('NOT_FOUND', 'notFound.client', { id });
  return row;
}

export function getClient(sqlite: Sqlite, id: number, asOf: string): ClientDetail {
  const converter = loadConverter(sqlite);
  const row = compute(sqlite, asOf, converter, [id]).rows[0];
  if (!row) throw failure('NOT_FOUND', 'notFound.client', { id });
  const toDate = instantToWorkspaceDate(sqlite);
  const projects = sqlite
    .prepare(
      `SELECT id, name, stage, value_minor AS valueMinor, currency, start_date AS startDate, due_date AS dueDate,
              delivered_at AS deliveredAt, satisfaction, revision_cycles AS revisionCycles
       FROM projects WHERE client_id = ? ORDER BY start_date DESC, id DESC`,
    )
    .all(id) as ClientProject[];
  const leads = sqlite
    .prepare(
      `SELECT id, company, stage, channel, expected_value_minor AS expectedValueMinor, currency, created_at AS createdAt,
              closed_at AS closedAt
       FROM leads WHERE client_id = ? OR (client_id IS NULL AND lower(company) = lower(?)) ORDER BY created_at DESC`,
    )
    .all(id, row.name) as ClientLead[];
  const invoices = listInvoices(sqlite, { clientId: id }, asOf).invoices;
  const subscriptions = loadSubscriptions(sqlite, { clientId: id }).map((s) => toSubscription(s, asOf));
  const satisfaction = projects
    .filter((p) => p.deliveredAt !== null && p.satisfaction !== null)
    .map((p) => ({ date: toDate(p.deliveredAt!), score: p.satisfaction!, projectId: p.id }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));

  const activity: ClientActivity[] = [];
  for (const p of projects) {
    activity.push({ at: `${p.startDate}T00:00:00Z`, kind: 'project_started', params: { project: p.name } });
    if (p.deliveredAt) activity.push({ at: p.deliveredAt, kind: 'project_delivered', params: { project: p.name } });
  }
  for (const l of leads) activity.push({ at: l.createdAt, kind: 'lead_created', params: { channel: l.channel } });
  for (const i of invoices) {
    if (i.issueDate)
      activity.push({
        at: `${i.issueDate}T00:00:00Z`,
        kind: i.kind === 'credit_note' ? 'credit_note_issued' : 'invoice_issued',
        params: { number: i.number, totalMinor: i.totalMinor, currency: i.currency },
      });
  }
  const payments = sqlite
    .prepare(
      `SELECT p.paid_on, p.amount_minor, p.currency, i.number FROM payments p JOIN invoices i ON i.id = p.invoice_id
       WHERE i.client_id = ?`,
    )
    .all(id) as { paid_on: string; amount_minor: number; currency: string; number: string }[];
  for (const p of payments)
    activity.push({
      at: `${p.paid_on}T00:00:00Z`,
      kind: 'payment_recorded',
      params: { number: p.number, amountMinor: p.amount_minor, currency: p.currency },
    });
  for (const s of subscriptions)
    for (const c of s.changes)
      activity.push({
        at: `${c.effectiveOn}T00:00:00Z`,
        kind: `subscription_${c.kind}`,
        params: { service: s.serviceName, feeMinor: c.feeMinor, currency: s.currency },
      });
  activity.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    ...row,
    projects,
    leads,
    invoices,
    subscriptions,
    satisfaction,
    activity: activity.filter((a) => a.at.slice(0, 10) <= asOf).slice(0, 100),
    missingRates: converter.missingRates(),
  };
}

export function createClient(sqlite: Sqlite, input: Required<ClientInput>, stamp: Stamp): number {
  assertHubExists(sqlite, input.hubId);
  const taken = sqlite.prepare('SELECT id FROM clients WHERE lower(name) = lower(?)').get(input.name);
  if (taken) throw failure('CONFLICT', 'client.nameTaken', { name: input.name }, 'name');
  const r = sqlite
    .prepare(
      `INSERT INTO clients (name, tier, vertical, hub_id, country, email, created_at, payment_terms_days, deposit_pct)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      input.name,
      input.tier,
      input.vertical,
      input.hubId,
      input.country,
      input.email,
      stamp.at,
      input.paymentTermsDays,
      input.depositPct,
    );
  const id = Number(r.lastInsertRowid);
  audit(sqlite, { ...stamp, action: 'create', entity: 'client', entityId: id, detail: { name: input.name } });
  return id;
}

const COLUMNS: Record<keyof ClientUpdate['patch'], string> = {
  name: 'name',
  tier: 'tier',
  vertical: 'vertical',
  hubId: 'hub_id',
  country: 'country',
  email: 'email',
  paymentTermsDays: 'payment_terms_days',
  depositPct: 'deposit_pct',
};

export function updateClient(sqlite: Sqlite, { id, patch }: ClientUpdate, stamp: Stamp): void {
  const before = sqlite.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientBase | undefined;
  if (!before) throw failure('NOT_FOUND', 'notFound.client', { id });
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ClientUpdate['patch'], unknown][];
  if (entries.length === 0) return;
  if (patch.name !== undefined) {
    const taken = sqlite.prepare('SELECT id FROM clients WHERE lower(name) = lower(?) AND id <> ?').get(patch.name, id);
    if (taken) throw failure('CONFLICT', 'client.nameTaken', { name: patch.name }, 'name');
  }
  assertHubExists(sqlite, patch.hubId);
  sqlite
    .prepare(`UPDATE clients SET ${entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`)
    .run(...entries.map(([, v]) => v as string | number | null), id);
  audit(sqlite, { ...stamp, action: 'update', entity: 'client', entityId: id, detail: patch });
}

// ---------- alerts ----------

/** Raises the client alerts whose condition holds and resolves those whose condition no longer does. */
/**
 * Brings the client alerts up to date with the data as of `asOf`: for every
 * client, or only for `onlyIds` (the alerts of other clients stay as they are).
 */
export function syncClientAlerts(sqlite: Sqlite, asOf: string, at: string, onlyIds?: readonly number[]): void {
  const converter = loadConverter(sqlite);
  const { rows, upsell } = compute(sqlite, asOf, converter, onlyIds);
  const wanted: WantedAlert[] = [];
  for (const r of rows) {
    if (r.health.status === 'at_risk')
      wanted.push({
        priority: 'ATTENTION',
        rule: 'client_at_risk',
        entity: 'client',
        entityId: r.id,
        params: { clientName: r.name, score: r.health.score },
      });
    if (upsell.has(r.id))
      wanted.push({
        priority: 'OPPORTUNITY',
        rule: 'client_upsell',
        entity: 'client',
        entityId: r.id,
        params: { clientName: r.name, deliveredLast90Days: r.health.factors[1]!.inputs.deliveredLast90Days ?? 0 },
      });
  }
  reconcileAlerts(sqlite, ['client_at_risk', 'client_upsell'], wanted, at, onlyIds);
}

/**
 * Above this many changed clients, one pass over every client is cheaper than
 * one lookup per client.
 */
const SCOPED_SYNC_LIMIT = 200;

/**
 * The client alerts after a write, without recomputing every client's health
 * each time (about 3 s at 36k clients). Temporary triggers on this connection
 * note the clients whose health inputs a write touched (their projects,
 * invoices, subscriptions, the client itself); only those are recomputed. Every
 * client is, once a day (health depends on the date), after another process
 * wrote to the file (`data_version` moved), or after the settings changed (the
 * time zone dates deliveries). The bookkeeping lives in the connection's temp
 * schema, so a rolled-back action rolls it back too.
 */
export function syncClientAlertsAfterWrite(sqlite: Sqlite, asOf: string, at: string): void {
  trackClientChanges(sqlite);
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const last = sqlite.prepare('SELECT day, data_version FROM temp.client_alerts_synced').get() as
    | { day: string; data_version: number }
    | undefined;
  const changed = sqlite.prepare('SELECT client_id FROM temp.client_alerts_dirty').pluck().all() as number[];
  const everyone = !last || last.day !== asOf || last.data_version !== dataVersion || changed.includes(0);
  if (everyone || changed.length > SCOPED_SYNC_LIMIT) syncClientAlerts(sqlite, asOf, at);
  else if (changed.length > 0) syncClientAlerts(sqlite, asOf, at, changed);
  sqlite.exec('DELETE FROM temp.client_alerts_dirty; DELETE FROM temp.client_alerts_synced;');
  sqlite.prepare('INSERT INTO temp.client_alerts_synced (day, data_version) VALUES (?, ?)').run(asOf, dataVersion);
}

/** The client ids a row of each table concerns; 0 stands for every client. */
const CLIENT_OF: Record<string, (row: 'NEW' | 'OLD') => string> = {
  clients: (row) => `${row}.id`,
  projects: (row) => `${row}.client_id`,
  invoices: (row) => `${row}.client_id`,
  subscriptions: (row) => `${row}.client_id`,
  subscription_changes: (row) => `(SELECT client_id FROM subscriptions WHERE id = ${row}.subscription_id)`,
  workspace_settings: () => '0',
};

function trackClientChanges(sqlite: Sqlite): void {
  const statements = [
    'CREATE TEMP TABLE IF NOT EXISTS client_alerts_dirty (client_id INTEGER PRIMARY KEY)',
    'CREATE TEMP TABLE IF NOT EXISTS client_alerts_synced (day TEXT NOT NULL, data_version INTEGER NOT NULL)',
  ];
  for (const [table, clientOf] of Object.entries(CLIENT_OF))
    for (const [event, rows] of [
      ['INSERT', ['NEW']],
      ['UPDATE', ['NEW', 'OLD']],
      ['DELETE', ['OLD']],
    ] as const) {
      const note = rows.map((r) => `INSERT OR IGNORE INTO client_alerts_dirty VALUES (${clientOf(r)});`).join(' ');
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS client_alerts_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN ${note} END`,
      );
    }
  sqlite.exec(statements.join(';\n'));
}

export function listAlerts(sqlite: Sqlite, entity?: Alert['entity']): Alert[] {
  const rows = sqlite
    .prepare(
      `SELECT id, priority, rule, entity, entity_id AS entityId, params, raised_at AS raisedAt FROM alerts
       WHERE resolved_at IS NULL AND dismissed_at IS NULL ${entity === undefined ? '' : 'AND entity = ?'}
       ORDER BY CASE priority WHEN 'URGENT' THEN 0 WHEN 'ATTENTION' THEN 1 WHEN 'OPPORTUNITY' THEN 2 ELSE 3 END, raised_at DESC, id DESC`,
    )
    .all(...(entity === undefined ? [] : [entity])) as (Omit<Alert, 'params'> & { params: string })[];
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Alert['params'] }));
}

/** Dismisses every alert named, inside the caller's transaction; one that is not open fails them all. */
export function dismissAlerts(sqlite: Sqlite, ids: readonly number[], at: string): number {
  const dismiss = sqlite.prepare('UPDATE alerts SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL');
  for (const id of ids) if (dismiss.run(at, id).changes === 0) throw failure('NOT_FOUND', 'notFound.alert', { id });
  return ids.length;
}
