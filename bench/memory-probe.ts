/**
 * The core worker's memory, for the `core.memory` benchmark: run in a process of
 * its own (`node out/main/memory-probe.js <workspace>`), it starts the core worker
 * on the workspace, makes the calls the screens make (every list and report,
 * the leads table's deepest pages, a full rescore), and prints one JSON line:
 * the process's resident set before the core started, at its peak (the kernel's
 * high-water mark) and after each step. The process holds nothing else, so its
 * peak is the core worker's footprint plus a bare Node process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { locateMigrationsDir } from '../src/main/core/db/migrate';
import { startCore } from '../src/main/hosts/core-client';
import type { Args, Events, Method } from '../src/shared/contract';
import { LEAD_SORT_COLUMNS } from '../src/shared/leads';
import { INVOICES_SHOWN } from '../src/shared/money';

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The kernel's peak resident set of this process (VmHWM), in MB; falls back to the current one off Linux. */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux
  }
  return mb(process.memoryUsage.rss());
}

async function main() {
  const [workspacePath, userDataDir, asOf] = process.argv.slice(2);
  if (!workspacePath || !userDataDir || !asOf)
    throw new Error('usage: memory-probe.js <workspace> <user-data-dir> <as-of date>');
  const before = mb(process.memoryUsage.rss());
  let sampled = before;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, mb(process.memoryUsage.rss()));
  }, 20);
  const core = startCore(path.join(__dirname, 'worker.js'), {
    host: 'cli',
    userDataDir,
    migrationsDir: locateMigrationsDir({ moduleDir: __dirname }),
    workspacePath,
    takeAppLock: false,
    appVersion: 'bench',
  });
  /** After each step: the resident set then, the high-water mark so far (which step set the peak), and its time. */
  const steps: { step: string; rssMb: number; peakMb: number; seconds: number }[] = [];
  const call = async <M extends Method>(method: M, args: Args<M>) => {
    const result = await core.call(method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    const seconds = Math.round(performance.now() - started) / 1000;
    steps.push({ step: name, rssMb: mb(process.memoryUsage.rss()), peakMb: peakRssMb(), seconds });
  };
  try {
    const month = asOf.slice(0, 7);
    const yearAgo = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4, 7)}`;
    await step('open', () => call('workspace/current', {}));
    await step('clients', () => call('clients/list', { asOf }));
    await step('invoices', async () => {
      // The screen's first rows, then a sort, a search and a status filter (each asks the core again).
      const first = { asOf, limit: INVOICES_SHOWN };
      await call('invoices/list', first);
      await call('invoices/list', { ...first, sort: { column: 'client', direction: 'asc' } });
      await call('invoices/list', { ...first, search: 'studio' });
      await call('invoices/list', { ...first, status: 'overdue', sort: { column: 'balance', direction: 'desc' } });
    });
    await step('mrr', () => call('mrr/report', { from: yearAgo, to: month }));
    await step('board', () => call('projects/board', { hubId: null }));
    await step('capacity', () => call('capacity/matrix', { from: asOf, granularity: 'week', count: 13, hubId: null }));
    await step('demand', () => call('capacity/demand', { weeks: 13, from: asOf }));
    await step('alerts', () => call('alerts/list', {}));
    await step('leads', async () => {
      for (const column of LEAD_SORT_COLUMNS) {
        const first = await call('leads/query', { sort: { column, direction: 'desc' }, offset: 0, limit: 100 });
        await call('leads/query', {
          sort: { column, direction: 'desc' },
          offset: Math.max(0, first.total - 100),
          limit: 100,
        });
      }
      await call('leads/query', { search: 'studio', limit: 500 });
    });
    await step('rescore', async () => {
      const finished = new Map<string, Events['job/finished']>();
      let wake = () => {};
      const off = core.onEvent((name, payload) => {
        if (name !== 'job/finished') return;
        const done = payload as Events['job/finished'];
        finished.set(done.jobId, done);
        wake();
      });
      const { jobId } = await call('scoring/rescore', { retrain: true });
      while (!finished.has(jobId)) await new Promise<void>((resolve) => (wake = resolve));
      off();
      const result = finished.get(jobId)!.result;
      if (!result.ok) throw new Error(`rescore: ${result.error.message}`);
    });
  } finally {
    clearInterval(sampler);
    await core.close();
  }
  console.log(JSON.stringify({ beforeCoreMb: before, peakMb: Math.max(peakRssMb(), sampled), steps }));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
