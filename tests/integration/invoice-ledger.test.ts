/**
 * The invoice ledger patched after this connection's own writes must hold
 * exactly what a fresh build reads: the same invoices in the same order with
 * the same figures, and the same client names.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../../src/main/core/db/client';
import { generateDemo } from '../../src/main/core/demo/generate';
import {
  buildLedger,
  type Ledger,
  patchLedger,
  sortLedger,
  workspaceLedger,
} from '../../src/main/core/invoices/ledger';
import { createWorkspaceFile } from '../../src/main/core/workspace/files';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

const TODAY = '2026-11-20';
let file: string;

beforeAll(async () => {
  file = await createWorkspaceFile(
    path.join(tempDir(), 'ledger.atalaya'),
    { migrationsDir: MIGRATIONS_DIR },
    (sqlite) => generateDemo(sqlite, { profile: 'agency', seed: 'ledger', asOf: TODAY }),
  );
});
afterAll(cleanTempDirs);

/** Everything a list reads from a ledger, as plain values (ranks are worked out on demand). */
function contents(ledger: Ledger) {
  const column = (c: keyof Ledger) => Array.from(ledger[c] as ArrayLike<number | string | null>).slice(0, ledger.size);
  return {
    size: ledger.size,
    ids: column('ids'),
    clientIds: column('clientIds'),
    hubIds: column('hubIds'),
    status: column('status'),
    bucket: column('bucket'),
    kind: column('kind'),
    currency: column('currency'),
    issueDay: column('issueDay'),
    dueDay: column('dueDay'),
    signedTotal: column('signedTotal'),
    balance: column('balance'),
    overdue: column('overdue'),
    numbers: ledger.numbers.slice(0, ledger.size),
    clientNames: [...ledger.clientNames].sort((a, b) => a[0] - b[0]),
  };
}

/** The ids in the order of a text column (through the ledger's kept ranks). */
const sortedIds = (ledger: Ledger, column: 'number' | 'client') =>
  sortLedger(
    ledger,
    Array.from({ length: ledger.size }, (_, i) => i),
    { column, direction: 'asc', language: 'en' },
  ).map((i) => ledger.ids[i]);

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const ids = (db: Sqlite, sql: string) => db.prepare(sql).pluck().all() as number[];

/** One write of the kinds the app makes to what the ledger reads; returns what it touched. */
function randomWrite(db: Sqlite, r: () => number, n: number): void {
  const invoices = ids(db, 'SELECT id FROM invoices');
  const drafts = ids(db, "SELECT id FROM invoices WHERE status = 'draft'");
  const sent = ids(db, "SELECT id FROM invoices WHERE status = 'sent' AND kind <> 'credit_note'");
  const clients = ids(db, 'SELECT id FROM clients');
  const day = (offset: number) =>
    new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  switch (Math.floor(r() * 8)) {
    case 0: {
      // A new draft, copied from another invoice.
      db.prepare(
        `INSERT INTO invoices (kind, client_id, hub_id, currency, status, net_minor, tax_minor, total_minor, created_at, updated_at)
         SELECT 'standard', client_id, hub_id, currency, 'draft', net_minor, tax_minor, total_minor, created_at, updated_at
         FROM invoices WHERE id = ?`,
      ).run(pick(invoices, r));
      break;
    }
    case 1: {
      // A draft issued: it moves from the top to its issue date.
      if (drafts.length === 0) return;
      const issue = day(-Math.floor(r() * 120));
      db.prepare(
        "UPDATE invoices SET status = 'sent', number = ?, issue_date = ?, due_date = date(?, '+30 days') WHERE id = ?",
      ).run(`T-${n}`, issue, issue, pick(drafts, r));
      break;
    }
    case 2: {
      // A payment, part or whole.
      if (sent.length === 0) return;
      const id = pick(sent, r);
      const total = db.prepare('SELECT total_minor FROM invoices WHERE id = ?').pluck().get(id) as number;
      const amount = Math.max(1, Math.floor(total * (0.2 + r() * 0.8)));
      db.prepare(
        `INSERT INTO payments (invoice_id, paid_on, amount_minor, currency, applied_minor, method, created_at)
         SELECT id, ?, ?, currency, ?, 'transfer', ? FROM invoices WHERE id = ?`,
      ).run(day(0), amount, amount, TODAY, id);
      break;
    }
    case 3: {
      // A credit note against a sent invoice (its balance drops).
      if (sent.length === 0) return;
      const id = pick(sent, r);
      db.prepare(
        `INSERT INTO invoices (number, kind, client_id, hub_id, credits_invoice_id, currency, status, issue_date, due_date,
           net_minor, tax_minor, total_minor, created_at, updated_at)
         SELECT ?, 'credit_note', client_id, hub_id, id, currency, 'sent', ?, ?, net_minor / 4, tax_minor / 4,
           total_minor / 4, created_at, updated_at FROM invoices WHERE id = ?`,
      ).run(`CN-${n}`, day(-1), day(-1), id);
      break;
    }
    case 4: {
      // A void (a credit note voided gives its invoice's balance back).
      const voidable = ids(db, "SELECT id FROM invoices WHERE status = 'sent'");
      if (voidable.length === 0) return;
      db.prepare("UPDATE invoices SET status = 'void', void_reason = 'test' WHERE id = ?").run(pick(voidable, r));
      break;
    }
    case 5: {
      // A draft deleted.
      if (drafts.length === 0) return;
      db.prepare('DELETE FROM invoices WHERE id = ?').run(pick(drafts, r));
      break;
    }
    case 6: {
      // A client renamed (searched and sorted by).
      db.prepare('UPDATE clients SET name = ? WHERE id = ?').run(`Renamed ${n}`, pick(clients, r));
      break;
    }
    default: {
      // A payment removed.
      const payments = ids(db, 'SELECT id FROM payments');
      if (payments.length === 0) return;
      db.prepare('DELETE FROM payments WHERE id = ?').run(pick(payments, r));
    }
  }
}

describe('invoice ledger', () => {
  it('patched after a batch of writes, holds what a fresh build reads', () => {
    const db = new Database(file);
    try {
      const r = random(7);
      for (let round = 0; round < 12; round++) {
        const kept = buildLedger(db, TODAY);
        const touched = { invoices: new Set<number>(), clients: new Set<number>() };
        const before = db.prepare('SELECT id, client_id FROM invoices').raw().all() as [number, number][];
        db.transaction(() => {
          for (let k = 0; k < 1 + round; k++) randomWrite(db, r, round * 100 + k);
        })();
        // What the writes touched, worked out by comparing the tables (not by the triggers under test).
        const fresh = buildLedger(db, TODAY);
        const row = (l: Ledger, id: number) => {
          const i = l.ids.indexOf(id);
          return i < 0 ? null : [l.status[i], l.balance[i], l.issueDay[i], l.numbers[i], l.signedTotal[i]].join();
        };
        for (const [id] of before) if (row(kept, id) !== row(fresh, id)) touched.invoices.add(id);
        for (let i = 0; i < fresh.size; i++) if (row(kept, fresh.ids[i]!) === null) touched.invoices.add(fresh.ids[i]!);
        for (const [id, name] of fresh.clientNames) if (kept.clientNames.get(id) !== name) touched.clients.add(id);
        const patched = patchLedger(db, kept, TODAY, touched.invoices, touched.clients);
        expect(contents(patched)).toEqual(contents(fresh));
      }
    } finally {
      db.close();
    }
  });

  it('is rebuilt, not patched, when the first list that made its touch log rolled back', () => {
    const db = new Database(file);
    try {
      // The first list's transaction fails after the ledger was kept: its temporary log and triggers go with it.
      expect(() =>
        db.transaction(() => {
          workspaceLedger(db, TODAY, true);
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      // A payment nothing logs, then a list.
      const sent = ids(db, "SELECT id FROM invoices WHERE status = 'sent' AND kind <> 'credit_note'")[0]!;
      db.prepare(
        `INSERT INTO payments (invoice_id, paid_on, amount_minor, currency, applied_minor, method, created_at)
         SELECT id, ?, 7, currency, 7, 'transfer', ? FROM invoices WHERE id = ?`,
      ).run(TODAY, TODAY, sent);
      const listed = db.transaction(() => workspaceLedger(db, TODAY, true))();
      expect(contents(listed)).toEqual(contents(buildLedger(db, TODAY)));
    } finally {
      db.close();
    }
  });

  it("is patched from this connection's own writes, and rebuilt after another connection's", () => {
    const db = new Database(file);
    const other = new Database(file);
    try {
      const inRead = () => db.transaction(() => workspaceLedger(db, TODAY, true))();
      const r = random(11);
      let last = inRead();
      sortedIds(last, 'number');
      // A payment: patched, not rebuilt (the client names are carried over as they were, not read again), and the
      // invoice keeps its place, number and client: the text ranks stay too.
      const sent = ids(db, "SELECT id FROM invoices WHERE status = 'sent' AND kind <> 'credit_note'")[0]!;
      db.prepare(
        `INSERT INTO payments (invoice_id, paid_on, amount_minor, currency, applied_minor, method, created_at)
         SELECT id, ?, 1, currency, 1, 'transfer', ? FROM invoices WHERE id = ?`,
      ).run(TODAY, TODAY, sent);
      const paid = inRead();
      expect(paid).not.toBe(last);
      expect(paid.clientNames).toBe(last.clientNames);
      expect(paid.ranks).toBe(last.ranks);
      expect(contents(paid)).toEqual(contents(buildLedger(db, TODAY)));
      last = paid;
      for (let n = 0; n < 40; n++) {
        randomWrite(db, r, 1000 + n);
        const now = inRead();
        const fresh = buildLedger(db, TODAY);
        expect(contents(now)).toEqual(contents(fresh));
        // Ranks carried over or worked out again, the text sorts agree with a fresh build's.
        expect(sortedIds(now, 'number')).toEqual(sortedIds(fresh, 'number'));
        expect(sortedIds(now, 'client')).toEqual(sortedIds(fresh, 'client'));
        last = now;
      }
      // A write rolled back leaves the ledger as it was.
      expect(() =>
        db.transaction(() => {
          randomWrite(db, r, 2000);
          db.prepare("UPDATE invoices SET notes = 'x'").run();
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      expect(inRead()).toBe(last);
      // Another connection's commit is not in this connection's touch log: the whole ledger is read again.
      other.prepare("UPDATE invoices SET total_minor = total_minor + 100 WHERE status = 'sent'").run();
      expect(contents(inRead())).toEqual(contents(buildLedger(db, TODAY)));
      // The next day, the same: statuses and aging move with the day.
      const tomorrow = workspaceLedger(db, '2026-12-31', true);
      expect(contents(tomorrow)).toEqual(contents(buildLedger(db, '2026-12-31')));
    } finally {
      other.close();
      db.close();
    }
  });
});
