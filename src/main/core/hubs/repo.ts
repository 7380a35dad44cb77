import { eq, sql } from 'drizzle-orm';
import type { Hub } from '../../../shared/contract';
import type { Currency, HubColor, HubTargetKind } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type { HubInput, HubUpdate } from '../../../shared/schemas';
import { audit } from '../audit/log';
import { cached, type Db, type Sqlite, writeTransaction } from '../db/client';
import { hubs, people } from '../db/schema';

/**
 * Refuses a hub id that names no hub (NOT_FOUND on `hubId`): a filter or a record pointing at a typo or a deleted
 * hub is an error, not an empty hub. No hub (null or absent) passes.
 */
export function assertHubExists(sqlite: Sqlite, hubId: number | null | undefined): void {
  if (hubId !== null && hubId !== undefined && !cached(sqlite, 'SELECT id FROM hubs WHERE id = ?').get(hubId))
    throw failure('NOT_FOUND', 'notFound.hub', { id: hubId }, 'hubId');
}

const pctToBp = (pct: number | null | undefined) => (pct === null || pct === undefined ? null : Math.round(pct * 100));

type HubCounts = Pick<Hub, 'peopleCount' | 'projectsCount' | 'clientsCount' | 'leadsCount'>;

function toHub(row: typeof hubs.$inferSelect, counts: HubCounts): Hub {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    timeZone: row.timeZone,
    currency: row.currency as Currency,
    targetKind: row.targetKind as HubTargetKind | null,
    targetSharePct: row.targetShareBp === null ? null : row.targetShareBp / 100,
    leaderId: row.leaderId,
    color: row.color as HubColor,
    peopleCount: counts.peopleCount,
    projectsCount: counts.projectsCount,
    clientsCount: counts.clientsCount,
    leadsCount: counts.leadsCount,
  };
}

export function listHubs(db: Db): Hub[] {
  const rows = db
    .select({
      hub: hubs,
      // Qualified by hand: inside a subquery drizzle renders ${hubs.id} as a bare "id".
      peopleCount: sql<number>`(SELECT count(*) FROM people p WHERE p.hub_id = "hubs"."id")`,
      projectsCount: sql<number>`(SELECT count(*) FROM projects p WHERE p.hub_id = "hubs"."id")`,
      clientsCount: sql<number>`(SELECT count(*) FROM clients c WHERE c.hub_id = "hubs"."id")`,
      leadsCount: sql<number>`(SELECT count(*) FROM leads l WHERE l.hub_id = "hubs"."id")`,
    })
    .from(hubs)
    .orderBy(hubs.id)
    .all();
  return rows.map(({ hub, ...counts }) => toHub(hub, counts));
}

function getHub(db: Db, id: number): Hub {
  const hub = listHubs(db).find((h) => h.id === id);
  if (!hub) throw failure('NOT_FOUND', 'notFound.hubDeleted', { id });
  return hub;
}

function assertNameFree(db: Db, name: string, exceptId?: number) {
  const clash = db.select({ id: hubs.id }).from(hubs).where(sql`lower(${hubs.name}) = lower(${name})`).get();
  if (clash && clash.id !== exceptId) {
    throw failure('CONFLICT', 'hub.nameTaken', { name }, 'name');
  }
}

function assertLeaderExists(db: Db, leaderId: number | null | undefined) {
  if (leaderId === null || leaderId === undefined) return;
  if (!db.select({ id: people.id }).from(people).where(eq(people.id, leaderId)).get()) {
    throw failure('BAD_REQUEST', 'hub.noLeader', { id: leaderId }, 'leaderId');
  }
}

export function createHub(db: Db, sqlite: Sqlite, input: HubInput, at: string, actor: string): Hub {
  return writeTransaction(sqlite, () => {
    assertNameFree(db, input.name);
    assertLeaderExists(db, input.leaderId);
    const { targetSharePct, ...rest } = input;
    const row = db
      .insert(hubs)
      .values({ ...rest, targetShareBp: pctToBp(targetSharePct) })
      .returning()
      .get();
    audit(sqlite, { at, actor, action: 'create', entity: 'hub', entityId: row.id, detail: input });
    return getHub(db, row.id);
  });
}

export function updateHub(db: Db, sqlite: Sqlite, { id, patch }: HubUpdate, at: string, actor: string): Hub {
  return writeTransaction(sqlite, () => {
    const before = getHub(db, id);
    if (patch.name !== undefined) assertNameFree(db, patch.name, id);
    assertLeaderExists(db, patch.leaderId);
    const targetKind = patch.targetKind === undefined ? before.targetKind : patch.targetKind;
    const targetSharePct = patch.targetSharePct === undefined ? before.targetSharePct : patch.targetSharePct;
    if ((targetKind === null) !== (targetSharePct === null)) {
      throw failure('BAD_REQUEST', 'hub.targetIncomplete', {}, 'targetSharePct');
    }
    const { targetSharePct: _pct, ...rest } = patch;
    db.update(hubs)
      .set({ ...rest, targetKind, targetShareBp: pctToBp(targetSharePct) })
      .where(eq(hubs.id, id))
      .run();
    audit(sqlite, { at, actor, action: 'update', entity: 'hub', entityId: id, detail: patch });
    return getHub(db, id);
  });
}

/** A hub still referenced by people, clients, leads or projects is kept: records are never orphaned. */
export function deleteHub(db: Db, sqlite: Sqlite, id: number, at: string, actor: string): { deleted: number } {
  return writeTransaction(sqlite, () => {
    const hub = getHub(db, id);
    const refs = sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM people WHERE hub_id = ?) AS people,
                (SELECT count(*) FROM clients WHERE hub_id = ?) AS clients,
                (SELECT count(*) FROM leads WHERE hub_id = ?) AS leads,
                (SELECT count(*) FROM projects WHERE hub_id = ?) AS projects`,
      )
      .get(id, id, id, id) as Record<'people' | 'clients' | 'leads' | 'projects', number>;
    const inUse = Object.entries(refs).filter(([, n]) => n > 0);
    if (inUse.length > 0) {
      throw failure('CONFLICT', 'hub.inUse', {
        name: hub.name,
        records: inUse.map(([what, n]) => ({ key: `hub.inUseRecords.${what}`, params: { count: n } })),
      });
    }
    db.delete(hubs).where(eq(hubs.id, id)).run();
    audit(sqlite, { at, actor, action: 'delete', entity: 'hub', entityId: id, detail: { name: hub.name } });
    return { deleted: id };
  });
}

export interface HubRow {
  name: string;
  country: string;
  timeZone: string;
  currency: string;
  targetKind: string | null;
  targetShareBp: number | null;
  color: string;
}

/** Inserts a hub inside the caller's transaction (new workspaces: onboarding, demo). */
export function insertHubRow(sqlite: Sqlite, h: HubRow): number {
  const r = sqlite
    .prepare(
      'INSERT INTO hubs (name, country, time_zone, currency, target_kind, target_share_bp, color) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(h.name, h.country, h.timeZone, h.currency, h.targetKind, h.targetShareBp, h.color);
  return Number(r.lastInsertRowid);
}
