/**
 * The CLI host, `atalaya <command>`: scripting and automation on a workspace
 * file. Human-readable output by default, `--json` for scripts; a non-zero
 * exit code with a clear message on any error. It runs the core's services
 * in-process (no worker: nothing to keep responsive) and takes no app lock,
 * so it may work beside an open Atalaya window; SQLite serializes writers.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type CapacityFigures, type CapacityMatrix, type RoutingReport, utilizationBand } from '../../shared/capacity';
import { AGING_BUCKETS, INVOICE_STATUSES } from '../../shared/domain';
import type { ExplainedClientRow, InvoiceList, MrrMonth } from '../../shared/money';
import { demoOptionsSchema, isoDateSchema, monthSchema } from '../../shared/schemas';
import { capacityMatrix } from '../core/capacity/matrix';
import { explainClients } from '../core/clients/repo';
import { backupTo } from '../core/db/backup';
import { assertOpenable, knownMigrations, locateMigrationsDir } from '../core/db/migrate';
import { demoMadeNow, generateDemo } from '../core/demo/generate';
import { toAppError } from '../core/errors';
import { workspaceToday } from '../core/fx/clock';
import { listInvoices } from '../core/invoices/repo';
import { routingReport } from '../core/routing/repo';
import { rescoreAll } from '../core/scoring/service';
import { mrrReport } from '../core/subscriptions/repo';
import { canonicalContentHash } from '../core/workspace/dump';
import {
  countTables,
  createWorkspaceFile,
  type DbLocation,
  openExisting,
  openWorkspaceFile,
} from '../core/workspace/files';
import { restoreWorkspace } from '../core/workspace/service';

const USAGE = `Atalaya — command line

Usage: atalaya <command> [options]

Commands:
  demo     --out FILE [--profile agency|growth|massive] [--seed S] [--as-of YYYY-MM-DD] [--force]
           Create the demo agency workspace (deterministic for a seed and --as-of;
           without --as-of: today in Caracas, its history ending now).
  info     --workspace FILE
           Schema version, record counts per table and a content hash.
  backup   --workspace FILE --out FILE
           Copy a workspace safely, even while Atalaya has it open.
  restore  --from BACKUP --workspace FILE [--force]
           Replace a workspace with a backup (refuses to overwrite without --force).
  clients  --workspace FILE [--at-risk] [--as-of YYYY-MM-DD]
           Clients with their health score (0–100), churn risk and the factors behind it.
  invoices --workspace FILE [--status draft|sent|due|overdue|paid|void] [--as-of YYYY-MM-DD]
           Invoices with balance, days overdue and aging bucket (0-15, 16-30, 31-60, 60+ days).
  mrr      --workspace FILE --month YYYY-MM
           MRR movements of a month: opening, new, expansion, contraction, churn, reactivation, closing.
  score    --workspace FILE
           Retrain the win-probability model and rescore every lead; counts per band and the model's held-out quality.
  capacity --workspace FILE [--from YYYY-MM-DD] [--weeks N] [--as-of YYYY-MM-DD]
           Available and committed hours and utilization per person and per hub, week by week (default: 4 weeks from today).
  route    --workspace FILE --project ID [--as-of YYYY-MM-DD]
           Who should take a project: ranked candidates with the reasons behind each, or the overflow ladder.
  help     Show this text.

Every command accepts --json for machine-readable output.`;

class UsageError extends Error {}

const OPTIONS = {
  out: { type: 'string' },
  workspace: { type: 'string' },
  from: { type: 'string' },
  profile: { type: 'string' },
  seed: { type: 'string' },
  'as-of': { type: 'string' },
  'at-risk': { type: 'boolean', default: false },
  status: { type: 'string' },
  month: { type: 'string' },
  weeks: { type: 'string' },
  project: { type: 'string' },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, name: 'out' | 'workspace' | 'from'): string {
  const value = values[name];
  if (!value) throw new UsageError(`Missing --${name} FILE.`);
  return path.resolve(value);
}

function where(): DbLocation {
  return {
    migrationsDir: locateMigrationsDir({ override: process.env.ATALAYA_MIGRATIONS_DIR, moduleDir: __dirname }),
  };
}

function readWorkspace(file: string, location: DbLocation) {
  const sqlite = openExisting(file, { readonly: true });
  try {
    const latest = knownMigrations(location.migrationsDir).length;
    const schemaVersion = assertOpenable(sqlite, file, latest);
    return { sqlite, schemaVersion, latest };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

type Output = { json: unknown; text: string };

async function run(command: string, values: Values): Promise<Output> {
  const location = where();
  switch (command) {
    case 'demo': {
      const out = required(values, 'out');
      const parsed = demoOptionsSchema.safeParse({
        profile: values.profile,
        seed: values.seed,
        asOf: values['as-of'],
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UsageError(`--${String(issue.path[0] ?? '').replace('asOf', 'as-of')}: ${issue.message}`);
      }
      // Without --as-of it is made for today, the history ending now rather than at midnight.
      const { asOf, ...options } = parsed.data;
      const plan = { ...options, ...(asOf ? { asOf } : demoMadeNow(new Date())) };
      const started = Date.now();
      await createWorkspaceFile(out, location, (sqlite) => generateDemo(sqlite, plan), { overwrite: values.force });
      const { sqlite } = readWorkspace(out, location);
      const counts = countTables(sqlite);
      sqlite.close();
      const seconds = (Date.now() - started) / 1000;
      return {
        json: { path: out, profile: plan.profile, seed: plan.seed, asOf: plan.asOf, counts, seconds },
        text: `Created the ${plan.profile} demo at ${out} (seed "${plan.seed}", as of ${plan.asOf}) in ${seconds.toFixed(1)} s:\n${formatCounts(counts)}`,
      };
    }
    case 'info': {
      const file = required(values, 'workspace');
      const { sqlite, schemaVersion, latest } = readWorkspace(file, location);
      try {
        const name =
          (sqlite.prepare('SELECT name FROM workspace_settings WHERE id = 1').pluck().get() as string | undefined) ??
          null;
        const counts = countTables(sqlite);
        const contentHash = canonicalContentHash(sqlite);
        const upgrade = schemaVersion < latest ? ` (will be upgraded to ${latest} when opened)` : '';
        return {
          json: { path: file, name, schemaVersion, latestSchemaVersion: latest, counts, contentHash },
          text: `${name ?? '(unnamed)'} — ${file}\nSchema version ${schemaVersion}${upgrade}\n${formatCounts(counts)}\nContent hash ${contentHash}`,
        };
      } finally {
        sqlite.close();
      }
    }
    case 'backup': {
      const file = required(values, 'workspace');
      const out = required(values, 'out');
      const { sqlite } = readWorkspace(file, location);
      try {
        const bytes = await backupTo(sqlite, out);
        return { json: { path: out, bytes }, text: `Backed up ${file} to ${out} (${(bytes / 1024).toFixed(0)} KB).` };
      } finally {
        sqlite.close();
      }
    }
    case 'restore': {
      const from = required(values, 'from');
      const file = required(values, 'workspace');
      const restored = await restoreWorkspace(from, file, location, values.force);
      return {
        json: { path: restored.path, from, schemaVersion: restored.schemaVersion },
        text: `Restored ${file} from ${from} (schema version ${restored.schemaVersion}).`,
      };
    }
    case 'clients':
    case 'invoices':
    case 'mrr':
      return await report(command, values, location);
    case 'capacity':
    case 'route':
      return await capacityReport(command, values, location);
    case 'score': {
      const file = required(values, 'workspace');
      const ws = await openWorkspaceFile(file, location);
      try {
        const started = Date.now();
        const now = new Date();
        const result = await rescoreAll(ws.sqlite, {
          asOf: workspaceToday(ws.sqlite, now),
          at: now.toISOString(),
          retrain: true,
        });
        const seconds = (Date.now() - started) / 1000;
        const q = result.model.quality;
        const json = {
          leads: result.leads,
          bands: result.bands,
          model: {
            auc: q.auc,
            brier: q.brier,
            heldOut: q.heldOut,
            trainedOn: q.trainedOn,
            trainedAt: result.model.trainedAt,
          },
          seconds,
        };
        const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));
        return {
          json,
          text: `Rescored ${result.leads} leads in ${seconds.toFixed(1)} s: ${Object.entries(result.bands)
            .map(([band, n]) => `${band} ${n}`)
            .join(
              ' · ',
            )}\nWin-probability model: AUC ${fmt(q.auc)}, Brier ${fmt(q.brier)} on ${q.heldOut} held-out leads (trained on ${q.trainedOn}).`,
        };
      } finally {
        ws.sqlite.close();
      }
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/** Validates one option with a shared schema; a bad value is a usage error (exit 2). */
function option<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${name}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** Reports on a workspace: opened like the app opens it (migrated if older, with a backup first). */
async function report(command: 'clients' | 'invoices' | 'mrr', values: Values, location: DbLocation): Promise<Output> {
  const file = required(values, 'workspace');
  const asOfArg = option(isoDateSchema.optional(), values['as-of'], 'as-of');
  const status = option(z.enum(INVOICE_STATUSES).optional(), values.status, 'status');
  const month = command === 'mrr' ? option(monthSchema, values.month, 'month') : '';
  if (command === 'mrr' && !values.month) throw new UsageError('Missing --month YYYY-MM.');
  const ws = await openWorkspaceFile(file, location);
  try {
    const asOf = asOfArg ?? workspaceToday(ws.sqlite, new Date());
    if (command === 'clients') {
      const list = explainClients(ws.sqlite, asOf);
      const clients = values['at-risk'] ? list.clients.filter((c) => c.health.status === 'at_risk') : list.clients;
      clients.sort((a, b) => a.health.score - b.health.score || a.name.localeCompare(b.name));
      return { json: { ...list, clients }, text: clientsText(clients, list.asOf) };
    }
    if (command === 'invoices') {
      const list = listInvoices(ws.sqlite, { status }, asOf);
      return { json: list, text: invoicesText(list) };
    }
    const report = mrrReport(ws.sqlite, month, month);
    const m = report.months[0]!;
    return {
      json: { ...m, currency: report.currency, movements: report.movements, missingRates: report.missingRates },
      text: mrrText(m, report.currency, report.missingRates.length > 0),
    };
  } finally {
    ws.sqlite.close();
  }
}

/** `capacity` and `route`: the capacity engine and the router, as of today (or --as-of). */
async function capacityReport(command: 'capacity' | 'route', values: Values, location: DbLocation): Promise<Output> {
  const file = required(values, 'workspace');
  const asOfArg = option(isoDateSchema.optional(), values['as-of'], 'as-of');
  const from = command === 'capacity' ? option(isoDateSchema.optional(), values.from, 'from') : undefined;
  const weeks = option(z.coerce.number().int().min(1).max(26).default(4), values.weeks, 'weeks');
  const projectId =
    command === 'route'
      ? option(z.coerce.number({ message: 'Give a project id.' }).int().positive(), values.project, 'project')
      : 0;
  const ws = await openWorkspaceFile(file, location);
  try {
    const now = asOfArg ? new Date(`${asOfArg}T12:00:00Z`) : new Date();
    const today = asOfArg ?? workspaceToday(ws.sqlite, now);
    if (command === 'route') {
      const r = routingReport(ws.sqlite, projectId, now, today);
      return { json: r, text: routeText(r) };
    }
    const m = capacityMatrix(
      ws.sqlite,
      { from: from ?? today, granularity: 'week', count: weeks, hubId: null },
      now,
      today,
    );
    const json = capacityJson(m);
    return { json, text: capacityText(json) };
  } finally {
    ws.sqlite.close();
  }
}

const pct = (u: number | null) => (u === null ? '—' : `${Math.round(u * 100)}%`);

function figuresJson(f: CapacityFigures) {
  return {
    ...f,
    utilization: f.utilization === null ? null : Math.round(f.utilization * 1000) / 1000,
    band: utilizationBand(f.utilization),
  };
}

function capacityJson(m: CapacityMatrix) {
  const hubName = new Map(m.hubs.map((h) => [h.hubId, h.name]));
  const weeks = (cells: readonly CapacityFigures[]) =>
    cells.map((c, i) => ({ weekStart: m.periods[i]!.start, ...figuresJson(c) }));
  return {
    from: m.from,
    to: m.to,
    today: m.today,
    people: m.people.map((p) => ({
      id: p.id,
      name: p.name,
      hub: hubName.get(p.hubId) ?? null,
      employmentType: p.employmentType,
      ...figuresJson(p.total),
      weeks: weeks(p.cells),
    })),
    hubs: m.hubs.map((h) => ({ hubId: h.hubId, name: h.name, ...figuresJson(h.total), weeks: weeks(h.cells) })),
    team: { ...figuresJson(m.team.total), weeks: weeks(m.team.cells) },
  };
}

function capacityText(c: ReturnType<typeof capacityJson>): string {
  const row = (name: string, f: { available: number; committed: number; utilization: number | null; band: string }) =>
    `  ${name.slice(0, 26).padEnd(26)}  ${f.available.toFixed(1).padStart(7)} h  ${f.committed.toFixed(1).padStart(7)} h  ${pct(f.utilization).padStart(5)}  ${f.band}`;
  return [
    `Capacity ${c.from} → ${c.to} (today ${c.today})     available   committed   use`,
    ...c.people.map((p) => row(`${p.name}${p.employmentType === 'core' ? '' : ` (${p.employmentType})`}`, p)),
    '',
    ...c.hubs.map((h) => row(`Hub ${h.name || '—'}`, h)),
    row('Team (core people)', c.team),
  ].join('\n');
}

function routeText(r: RoutingReport): string {
  const lines = [`${r.projectName}: ${r.neededHours} h of ${r.skill}, ${r.startDate} → ${r.dueDate}`];
  if (r.candidates.length === 0) lines.push('Nobody internal fits.');
  for (const [i, c] of r.candidates.entries())
    lines.push(
      `  ${i + 1}. ${c.name.padEnd(24)} ${String(c.score).padStart(3)}  ${c.hubName ?? '—'}  ${c.freeHoursBeforeDue} h free  ${pct(c.utilization)} used  ` +
        c.reasons.map((x) => `${x.factor} ${x.points}/${x.max}`).join(' · '),
    );
  for (const e of r.excluded) lines.push(`  not proposed: ${e.name} (${e.reason.replaceAll('_', ' ')})`);
  for (const [i, o] of r.overflow.entries())
    lines.push(
      `  overflow ${i + 1}: ${o.step}${o.name ? ` ${o.name}` : ''}${o.moveToName ? ` → move to ${o.moveToName} frees ${o.freedHours} h` : ''}${
        o.costMinor !== undefined ? ` costs ${money(o.costMinor, o.costCurrency ?? '')}` : ''
      }${o.dueDate ? ` new due date ${o.dueDate}` : ''}`,
    );
  return lines.join('\n');
}

const money = (minor: number | null, currency: string) =>
  minor === null
    ? '—'
    : `${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

function clientsText(clients: ExplainedClientRow[], asOf: string): string {
  if (clients.length === 0) return `No clients to show (as of ${asOf}).`;
  const lines = clients.map((c) => {
    const weakest = [...c.health.factors].sort((a, b) => a.points / a.max - b.points / b.max)[0]!;
    return `  ${String(c.id).padStart(5)}  ${c.name.slice(0, 28).padEnd(28)}  T${c.tier}  ${String(c.health.score).padStart(3)}  ${c.health.risk.padEnd(6)}  ${c.health.status.padEnd(8)}  weakest: ${weakest.key} ${weakest.points}/${weakest.max}`;
  });
  return `Clients as of ${asOf} (health 0–100, lowest first):\n     id  name                          tier hlth risk    status\n${lines.join('\n')}`;
}

function invoicesText(list: InvoiceList): string {
  const lines = list.invoices.map(
    (i) =>
      `  ${(i.number ?? 'draft').padEnd(14)}  ${i.clientName.slice(0, 24).padEnd(24)}  ${i.status.padEnd(8)}  ${money(i.totalMinor, i.currency).padStart(14)}  ${money(i.balanceMinor, i.currency).padStart(14)}  ${String(i.daysOverdue).padStart(4)}  ${i.agingBucket ?? ''}`,
  );
  const aging = AGING_BUCKETS.map(
    (b) => `${b}: ${list.aging[b].count} (${money(list.aging[b].balanceMinor, list.reportingCurrency)})`,
  );
  return `Invoices as of ${list.asOf}: ${list.invoices.length}\n  number          client                    status             total         balance  late  aging\n${lines.join('\n')}\nOpen receivables by age — ${aging.join(' · ')}`;
}

function mrrText(m: MrrMonth, currency: string, incomplete: boolean): string {
  const row = (label: string, v: number) => `  ${label.padEnd(13)} ${money(v, currency).padStart(16)}`;
  return [
    `MRR ${m.month}${incomplete ? ' (incomplete: FX rates missing)' : ''}`,
    row('opening', m.opening),
    row('new', m.new),
    row('expansion', m.expansion),
    row('contraction', m.contraction),
    row('churn', m.churn),
    row('reactivation', m.reactivation),
    row('closing', m.closing),
  ].join('\n');
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `  ${table.padEnd(14)} ${String(n).padStart(8)}`)
    .join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const command = positionals[0];
  if (!command || command === 'help' || values.help) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  try {
    const output = await run(command, values);
    console.log(values.json ? JSON.stringify(output.json, null, 2) : output.text);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      if (values.json) console.log(JSON.stringify({ error: { code: 'BAD_REQUEST', message: error.message } }));
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const appError = toAppError(error);
    // The documented shape ({code, message} and the field when there is one); the UI's translation key stays inside.
    const { code, message, field } = appError;
    if (values.json)
      console.log(JSON.stringify({ error: field === undefined ? { code, message } : { code, message, field } }));
    console.error(`Error (${appError.code}): ${appError.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
