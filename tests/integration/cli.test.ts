import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cleanTempDirs, tempDir } from '../helpers';

function atalaya(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

afterAll(cleanTempDirs);

describe('atalaya CLI', () => {
  const dir = tempDir();
  const demo = path.join(dir, 'demo.atalaya');

  it('creates the demo deterministically: same seed and as-of give the same content', () => {
    const a = atalaya('demo', '--out', demo, '--seed', 'fixed', '--as-of', '2026-10-31', '--json');
    expect(a.code).toBe(0);
    expect(a.json()).toMatchObject({ profile: 'agency', seed: 'fixed', asOf: '2026-10-31' });
    const twin = path.join(dir, 'twin.atalaya');
    expect(atalaya('demo', '--out', twin, '--seed', 'fixed', '--as-of', '2026-10-31').code).toBe(0);
    const other = path.join(dir, 'other.atalaya');
    expect(atalaya('demo', '--out', other, '--seed', 'another', '--as-of', '2026-10-31').code).toBe(0);
    const hash = (f: string) => atalaya('info', '--workspace', f, '--json').json().contentHash;
    expect(hash(demo)).toBe(hash(twin));
    expect(hash(demo)).not.toBe(hash(other));
  });

  it('reports schema version and counts per table as JSON', () => {
    const info = atalaya('info', '--workspace', demo, '--json');
    expect(info.code).toBe(0);
    const json = info.json();
    expect(json.schemaVersion).toBe(json.latestSchemaVersion);
    expect(Object.keys(json.counts)).toEqual(
      expect.arrayContaining(['projects', 'leads', 'people', 'clients', 'hubs', 'services']),
    );
    expect(json.counts.people).toBe(19);
    const human = atalaya('info', '--workspace', demo);
    expect(human.stdout).toContain('Atalaya Demo Agency');
  });

  it('keeps the demo internally consistent', () => {
    const db = new Database(demo, { readonly: true });
    const q = (sql: string) => db.prepare(sql).pluck().get();
    expect(q("SELECT count(*) FROM projects p JOIN leads l ON l.id = p.lead_id WHERE l.stage != 'won'")).toBe(0);
    expect(q("SELECT count(*) FROM projects WHERE delivered_at > '2026-11-01'")).toBe(0);
    expect(
      q("SELECT count(*) FROM projects WHERE stage IN ('invoiced','paid','final_delivery') AND delivered_at IS NULL"),
    ).toBe(0);
    expect(
      q(
        'SELECT count(*) FROM leads l JOIN people p ON p.id = l.owner_id WHERE substr(l.created_at,1,10) < p.start_date',
      ),
    ).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses to overwrite an existing file without --force', () => {
    const again = atalaya('demo', '--out', demo, '--json');
    expect(again.code).toBe(1);
    expect(again.json().error.code).toBe('FILE_EXISTS');
  });

  it('backs up and restores, refusing to overwrite without --force', () => {
    const backup = path.join(dir, 'backup.atalaya');
    expect(atalaya('backup', '--workspace', demo, '--out', backup).code).toBe(0);
    expect(statSync(backup).size).toBeGreaterThan(0);

    const db = new Database(demo);
    const auditLines = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(auditLines).toBeGreaterThan(0);
    db.prepare('DELETE FROM audit_log').run();
    db.close();

    const refused = atalaya('restore', '--from', backup, '--workspace', demo, '--json');
    expect(refused.code).toBe(1);
    expect(refused.json().error.code).toBe('FILE_EXISTS');
    expect(atalaya('restore', '--from', backup, '--workspace', demo, '--force').code).toBe(0);
    const restored = new Database(demo, { readonly: true });
    expect(restored.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditLines);
    restored.close();

    const fresh = path.join(dir, 'fresh.atalaya');
    expect(atalaya('restore', '--from', backup, '--workspace', fresh).code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });

  it('refuses files that are not workspaces, and missing files, with clear messages', () => {
    const junk = path.join(dir, 'junk.atalaya');
    writeFileSync(junk, 'this is not a database at all, just text that is long enough');
    const bad = atalaya('info', '--workspace', junk);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/WORKSPACE_INVALID/);

    const foreign = path.join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY)');
    db.close();
    expect(atalaya('info', '--workspace', foreign).stderr).toMatch(/not an Atalaya workspace/);
    expect(atalaya('restore', '--from', foreign, '--workspace', path.join(dir, 'x.atalaya')).code).toBe(1);
    expect(existsSync(path.join(dir, 'x.atalaya'))).toBe(false);

    const missing = atalaya('info', '--workspace', path.join(dir, 'nope.atalaya'), '--json');
    expect(missing.code).toBe(1);
    // The documented shape, exactly: the UI's translation key and params stay out of the CLI's JSON.
    expect(missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: `There is no workspace file at ${path.join(dir, 'nope.atalaya')}.` },
    });
  });

  it('explains usage errors with exit code 2', () => {
    expect(atalaya('info').code).toBe(2);
    expect(atalaya('teleport').stderr).toContain('Unknown command');
    const badDate = atalaya('demo', '--out', path.join(dir, 'y.atalaya'), '--as-of', '2026-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of');
    expect(atalaya('demo', '--out', path.join(dir, 'z.atalaya'), '--profile', 'galactic').code).toBe(2);
    expect(atalaya('help').code).toBe(0);
  });

  it('refuses a workspace written by a newer Atalaya', () => {
    const newer = path.join(dir, 'newer.atalaya');
    copyFileSync(demo, newer);
    const db = new Database(newer);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now());
    db.close();
    const r = atalaya('info', '--workspace', newer, '--json');
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('WORKSPACE_TOO_NEW');
  });
});

describe('atalaya clients, invoices and mrr', () => {
  const dir = tempDir();
  const demo = path.join(dir, 'money.atalaya');
  const asOf = ['--as-of', '2026-11-20'];

  it('lists clients with their health score and its factors; --at-risk keeps only those at risk', () => {
    expect(atalaya('demo', '--out', demo, '--seed', 'cli-money', ...asOf).code).toBe(0);
    const all = atalaya('clients', '--workspace', demo, ...asOf, '--json');
    expect(all.code).toBe(0);
    const list = all.json();
    expect(list).toMatchObject({ asOf: '2026-11-20', reportingCurrency: 'USD', missingRates: [] });
    expect(list.clients.length).toBeGreaterThan(20);
    const first = list.clients[0];
    expect(first.health.factors.map((f: { key: string }) => f.key)).toEqual([
      'recency',
      'frequency',
      'satisfaction',
      'revisions',
      'payment',
      'subscription',
    ]);
    for (const c of list.clients)
      expect(c.health.score).toBe(c.health.factors.reduce((s: number, f: { points: number }) => s + f.points, 0));
    // Lowest health first.
    const scores = list.clients.map((c: { health: { score: number } }) => c.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    const atRisk = atalaya('clients', '--workspace', demo, ...asOf, '--at-risk', '--json').json();
    expect(atRisk.clients.every((c: { health: { status: string } }) => c.health.status === 'at_risk')).toBe(true);
    expect(atalaya('clients', '--workspace', demo, ...asOf).stdout).toContain('health 0–100');
  });

  it('lists invoices by status with balance, days overdue and aging bucket', () => {
    const overdue = atalaya('invoices', '--workspace', demo, '--status', 'overdue', ...asOf, '--json');
    expect(overdue.code).toBe(0);
    const list = overdue.json();
    expect(list.invoices.length).toBeGreaterThan(0);
    for (const i of list.invoices) {
      expect(i.status).toBe('overdue');
      expect(i.daysOverdue).toBeGreaterThan(0);
      expect(['0-15', '16-30', '31-60', '60+']).toContain(i.agingBucket);
      expect(i.balanceMinor).toBeGreaterThan(0);
    }
    expect(Object.keys(list.aging)).toEqual(['0-15', '16-30', '31-60', '60+']);
    const bad = atalaya('invoices', '--workspace', demo, '--status', 'lost');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status');
  });

  it('reports a month of MRR movements that reconcile', () => {
    const r = atalaya('mrr', '--workspace', demo, '--month', '2026-11', '--json');
    expect(r.code).toBe(0);
    const m = r.json();
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining(['opening', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'closing']),
    );
    expect(m.opening + m.new + m.expansion + m.contraction + m.churn + m.reactivation).toBe(m.closing);
    expect(atalaya('mrr', '--workspace', demo).code).toBe(2);
    expect(atalaya('mrr', '--workspace', demo, '--month', '2026-13').code).toBe(2);
  });
});

describe('atalaya score', () => {
  it('rescores every lead and reports counts per band and the model on held-out leads', () => {
    const dir = tempDir();
    const demo = path.join(dir, 'score.atalaya');
    expect(atalaya('demo', '--out', demo, '--seed', 'cli-score', '--as-of', '2026-11-20').code).toBe(0);
    const r = atalaya('score', '--workspace', demo, '--json');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(Object.keys(out.bands)).toEqual(['cold', 'warm', 'hot', 'priority']);
    expect(Object.values(out.bands as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(out.leads);
    const db = new Database(demo, { readonly: true });
    expect(out.leads).toBe(db.prepare('SELECT count(*) FROM leads').pluck().get());
    expect(db.prepare('SELECT count(*) FROM leads WHERE score IS NULL').pluck().get()).toBe(0);
    db.close();
    expect(out.model.auc).toBeGreaterThan(0.5);
    expect(out.model.auc).toBeLessThanOrEqual(1);
    expect(out.model.brier).toBeGreaterThan(0);
    expect(out.model.brier).toBeLessThan(0.25);
    expect(atalaya('score').code).toBe(2);
  });
});
