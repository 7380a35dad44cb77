import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupWorkspace } from '../../src/main/core/workspace/service';
import type { CoreClient } from '../../src/main/hosts/core-client';
import type { OnboardingInput } from '../../src/shared/schemas';
import { CLI, cleanTempDirs, expectOk, nextEvent, tempDir, testCore } from '../helpers';

const cores: CoreClient[] = [];
const start = (...args: Parameters<typeof testCore>) => {
  const core = testCore(...args);
  cores.push(core);
  return core;
};
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  cleanTempDirs();
});

async function openDemo(core: CoreClient) {
  const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'test', asOf: '2026-11-20' }));
  const finished = await nextEvent(core, 'job/finished', (p) => p.jobId === jobId);
  expect(finished.result.ok).toBe(true);
  const current = expectOk(await core.call('workspace/current', {}));
  if (current.state !== 'open') throw new Error('workspace not open');
  return current;
}

const onboarding: OnboardingInput = {
  name: 'Faro Studio',
  reportingCurrency: 'USD',
  timeZone: 'America/Lima',
  hubs: [
    {
      name: 'Lima',
      country: 'PE',
      timeZone: 'America/Lima',
      currency: 'USD',
      targetKind: 'revenue',
      targetSharePct: 60,
      leaderId: null,
      color: 'emerald',
    },
    {
      name: 'Remote',
      country: 'US',
      timeZone: 'UTC',
      currency: 'USD',
      targetKind: null,
      targetSharePct: null,
      leaderId: null,
      color: 'violet',
    },
  ],
  people: [{ name: 'Ana Ruiz', role: 'Project Manager', hubName: 'Lima', employmentType: 'core', hoursPerDay: 8 }],
};

describe('workspaces through the core worker', () => {
  it('creates the demo agency as a job with progress, in the user-data folder, and opens it', async () => {
    const home = tempDir();
    const core = start(home);
    const progress: number[] = [];
    core.onEvent((name, payload) => {
      if (name === 'job/progress') progress.push((payload as { done: number }).done);
    });
    const current = await openDemo(core);
    expect(current.path.startsWith(path.join(home, 'workspaces'))).toBe(true);
    expect(current.counts.projects).toBeGreaterThan(80);
    expect(current.counts.leads).toBeGreaterThan(250);
    expect(current.counts.people).toBe(19);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(28);
    // The last workspace opens again on the next start.
    await core.close();
    const again = start(home);
    const reopened = expectOk(await again.call('workspace/current', {}));
    expect(reopened.state === 'open' && reopened.path).toBe(current.path);
  });

  it('cancels the demo job and leaves no workspace file behind', async () => {
    const home = tempDir();
    const core = start(home);
    const { jobId } = expectOk(await core.call('workspace/createDemo', { seed: 'x', asOf: '2026-11-20' }));
    await nextEvent(core, 'job/progress', (p) => p.jobId === jobId);
    expectOk(await core.call('jobs/cancel', { jobId }));
    const finished = await nextEvent(core, 'job/finished', (p) => p.jobId === jobId);
    expect(finished.result.ok === false && finished.result.error.code).toBe('CANCELLED');
    const dir = path.join(home, 'workspaces');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    expect(expectOk(await core.call('workspace/current', {})).state).toBe('none');
  });

  it('onboards an empty workspace in one go, and refuses bad input with the field named', async () => {
    const core = start(tempDir());
    const bad = await core.call('workspace/createEmpty', {
      ...onboarding,
      people: [{ ...onboarding.people[0]!, hubName: 'Atlantis' }],
    });
    expect(bad.ok === false && bad.error.field).toBe('people.0.hubName');
    expect(expectOk(await core.call('workspace/current', {})).state).toBe('none');

    const summary = expectOk(await core.call('workspace/createEmpty', onboarding));
    expect(summary.name).toBe('Faro Studio');
    expect(summary.counts).toMatchObject({ hubs: 2, people: 1, services: 9, projects: 0 });
    const people = expectOk(await core.call('people/list', {}));
    expect(people[0]).toMatchObject({ name: 'Ana Ruiz', timeZone: 'America/Lima', workdays: [1, 2, 3, 4, 5] });
  });

  it('edits settings, hubs and the catalogue, recording each change in the audit log', async () => {
    const core = start(tempDir());
    const ws = await openDemo(core);
    const settings = expectOk(await core.call('settings/update', { name: 'Renamed', baselineMonth: '2026-06' }));
    expect(settings).toMatchObject({ name: 'Renamed', baselineMonth: '2026-06' });

    const badTz = await core.call('settings/update', { timeZone: 'Mars/Olympus' });
    expect(badTz.ok === false && badTz.error.field).toBe('timeZone');

    const hubs = expectOk(await core.call('hubs/list', {}));
    const caracas = hubs.find((h) => h.name === 'Caracas')!;
    expect(caracas).toMatchObject({ targetKind: 'projects', targetSharePct: 40 });
    const truth = new Database(ws.path, { readonly: true });
    for (const hub of hubs) {
      expect(hub.peopleCount).toBe(truth.prepare('SELECT count(*) FROM people WHERE hub_id = ?').pluck().get(hub.id));
      expect(hub.projectsCount).toBe(
        truth.prepare('SELECT count(*) FROM projects WHERE hub_id = ?').pluck().get(hub.id),
      );
      // Clients and leads keep a hub from being deleted too, so the list reports them (Settings › Hubs shows them).
      expect(hub.clientsCount).toBe(truth.prepare('SELECT count(*) FROM clients WHERE hub_id = ?').pluck().get(hub.id));
      expect(hub.leadsCount).toBe(truth.prepare('SELECT count(*) FROM leads WHERE hub_id = ?').pluck().get(hub.id));
    }
    truth.close();
    expect(hubs.reduce((n, h) => n + h.projectsCount, 0)).toBe(ws.counts.projects);
    const dup = await core.call('hubs/create', { ...caracas, name: 'caracas' } as never);
    expect(dup.ok === false && dup.error.code).toBe('BAD_REQUEST'); // extra fields (id, counts) are refused
    const created = expectOk(
      await core.call('hubs/create', {
        name: 'Bogotá',
        country: 'CO',
        timeZone: 'America/Bogota',
        currency: 'USD',
        targetKind: null,
        targetSharePct: null,
        leaderId: null,
        color: 'rose',
      }),
    );
    const clash = await core.call('hubs/update', { id: created.id, patch: { name: 'LIMA' } });
    expect(clash.ok === false && clash.error.code).toBe('CONFLICT');
    expect(created).toMatchObject({ peopleCount: 0, projectsCount: 0, clientsCount: 0, leadsCount: 0 });
    const inUse = await core.call('hubs/delete', { id: caracas.id });
    expect(inUse.ok === false && inUse.error.code).toBe('CONFLICT');
    expect(inUse.ok === false && inUse.error.message).toMatch(/Caracas still has \d+ people/);
    // A client alone keeps a hub, and hubs/list says so (what the delete dialog relies on).
    const client = expectOk(
      await core.call('clients/create', {
        name: 'Andes Bikes',
        tier: 2,
        vertical: 'ecommerce',
        hubId: created.id,
        country: 'CO',
        email: null,
      }),
    );
    const withClient = expectOk(await core.call('hubs/list', {})).find((h) => h.id === created.id);
    expect(withClient).toMatchObject({ peopleCount: 0, projectsCount: 0, clientsCount: 1, leadsCount: 0 });
    const clientBlocks = await core.call('hubs/delete', { id: created.id });
    expect(clientBlocks.ok === false && clientBlocks.error.message).toMatch(/Bogotá still has 1 client\b/);
    expectOk(await core.call('clients/update', { id: client.id, patch: { hubId: null } }));
    expectOk(await core.call('hubs/delete', { id: created.id }));

    const [first] = expectOk(await core.call('catalogue/list', {}));
    const inverted = await core.call('catalogue/update', {
      id: first!.id,
      patch: { turnaroundHours: { min: 10, max: 2 } },
    });
    expect(inverted.ok).toBe(false);
    const updated = expectOk(await core.call('catalogue/update', { id: first!.id, patch: { effortHours: 4.5 } }));
    expect(updated.effortHours).toBe(4.5);

    const db = new Database(ws.path, { readonly: true });
    const actions = db.prepare("SELECT action || ' ' || entity AS a FROM audit_log WHERE actor = 'test'").pluck().all();
    db.close();
    expect(actions).toEqual([
      'update workspace_settings',
      'create hub',
      'create client',
      'update client',
      'delete hub',
      'update service',
    ]);
  });

  it('backs up the open workspace to the user-data backups folder', async () => {
    const home = tempDir();
    const core = start(home);
    await openDemo(core);
    const backup = expectOk(await core.call('workspace/backup', {}));
    expect(backup.path.startsWith(path.join(home, 'backups'))).toBe(true);
    const db = new Database(backup.path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM projects').pluck().get()).toBeGreaterThan(0);
    db.close();
  });

  it('a second backup within the same second gets its own name instead of failing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'agency.atalaya');
    const sqlite = new Database(file);
    try {
      sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      const at = new Date('2026-12-07T10:00:00.250Z');
      const first = await backupWorkspace(sqlite, file, path.join(dir, 'backups'), at);
      const second = await backupWorkspace(sqlite, file, path.join(dir, 'backups'), new Date(at.getTime() + 500));
      expect(path.basename(first.path)).toBe('agency-2026-12-07T100000Z.atalaya');
      expect(path.basename(second.path)).toBe('agency-2026-12-07T100000Z-2.atalaya');
      expect(readdirSync(path.join(dir, 'backups')).sort()).toEqual([
        'agency-2026-12-07T100000Z-2.atalaya',
        'agency-2026-12-07T100000Z.atalaya',
      ]);
      // Two asked for at once, while neither file exists yet: each its own name.
      const both = await Promise.all([
        backupWorkspace(sqlite, file, path.join(dir, 'backups'), at),
        backupWorkspace(sqlite, file, path.join(dir, 'backups'), at),
      ]);
      expect(both.map((b) => path.basename(b.path))).toEqual([
        'agency-2026-12-07T100000Z-3.atalaya',
        'agency-2026-12-07T100000Z-4.atalaya',
      ]);
    } finally {
      sqlite.close();
    }
  });

  it('lets only one app window open a workspace at a time', async () => {
    const first = start(tempDir());
    const ws = await openDemo(first);
    const second = start(tempDir());
    const refused = await second.call('workspace/open', { path: ws.path });
    expect(refused.ok === false && refused.error.code).toBe('WORKSPACE_IN_USE');
    expectOk(await first.call('workspace/close', {}));
    expectOk(await second.call('workspace/open', { path: ws.path }));
  });

  it('notices when another process (the CLI) changes the open workspace', async () => {
    const core = start(tempDir());
    const ws = await openDemo(core);
    const changed = nextEvent(core, 'workspace/changed', (p) => p.reason === 'external', 10_000);
    execFileSync(process.execPath, [CLI, 'backup', '--workspace', ws.path, '--out', `${ws.path}.bak`]);
    const db = new Database(ws.path);
    db.prepare("UPDATE workspace_settings SET name = 'Changed outside'").run();
    db.close();
    await changed;
    const current = expectOk(await core.call('workspace/current', {}));
    expect(current.state === 'open' && current.name).toBe('Changed outside');
  });

  it('says NOT_FOUND for a workspace path that does not exist, leaving nothing behind', async () => {
    const home = tempDir();
    const core = start(home);
    const missing = path.join(home, 'nowhere', 'gone.atalaya');
    const result = await core.call('workspace/open', { path: missing });
    expect(result.ok === false && result.error.code).toBe('NOT_FOUND');
    expect(existsSync(path.dirname(missing))).toBe(false);
  });

  it('explains why the last workspace could not be opened', async () => {
    const home = tempDir();
    const core = start(home, { workspacePath: path.join(home, 'gone.atalaya') });
    const current = expectOk(await core.call('workspace/current', {}));
    expect(current).toEqual({ state: 'none', reason: expect.stringContaining('no workspace file') });
  });
});
