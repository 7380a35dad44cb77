/**
 * The CLI host, `atalaya <command>`: scripting and automation on a workspace
 * file. Human-readable output by default, `--json` for scripts; a non-zero
 * exit code with a clear message on any error. It runs the core's services
 * in-process (no worker: nothing to keep responsive) and takes no app lock,
 * so it may work beside an open Atalaya window; SQLite serializes writers.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoOptionsSchema } from '../../shared/schemas';
import { backupTo } from '../core/db/backup';
import { assertOpenable, knownMigrations, locateMigrationsDir } from '../core/db/migrate';
import { generateDemo } from '../core/demo/generate';
import { toAppError } from '../core/errors';
import { canonicalContentHash } from '../core/workspace/dump';
import { countTables, createWorkspaceFile, type DbLocation, openExisting } from '../core/workspace/files';
import { restoreWorkspace } from '../core/workspace/service';
import { todayHere } from './paths';

const USAGE = `Atalaya — command line

Usage: atalaya <command> [options]

Commands:
  demo     --out FILE [--profile agency|growth|massive] [--seed S] [--as-of YYYY-MM-DD] [--force]
           Create the demo agency workspace (deterministic for a seed and as-of date).
  info     --workspace FILE
           Schema version, record counts per table and a content hash.
  backup   --workspace FILE --out FILE
           Copy a workspace safely, even while Atalaya has it open.
  restore  --from BACKUP --workspace FILE [--force]
           Replace a workspace with a backup (refuses to overwrite without --force).
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
        asOf: values['as-of'] ?? todayHere(),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UsageError(`--${String(issue.path[0] ?? '').replace('asOf', 'as-of')}: ${issue.message}`);
      }
      const plan = { ...parsed.data, asOf: parsed.data.asOf! };
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
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([table, n]) => `  ${table.padEnd(10)} ${String(n).padStart(8)}`)
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
    if (values.json) console.log(JSON.stringify({ error: appError }));
    console.error(`Error (${appError.code}): ${appError.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
