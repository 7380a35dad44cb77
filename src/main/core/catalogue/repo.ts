import { eq } from 'drizzle-orm';
import type { Service } from '../../../shared/contract';
import type { Currency, ServiceKind } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type { ServiceUpdate } from '../../../shared/schemas';
import { audit } from '../audit/log';
import { type Db, type Sqlite, writeTransaction } from '../db/client';
import { services } from '../db/schema';
import { DEFAULT_SERVICES } from './defaults';

function toService(row: typeof services.$inferSelect): Service {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as ServiceKind,
    currency: row.currency as Currency,
    prices: {
      1: { min: row.t1MinMinor, max: row.t1MaxMinor },
      2: { min: row.t2MinMinor, max: row.t2MaxMinor },
      3: { min: row.t3MinMinor, max: row.t3MaxMinor },
    },
    turnaroundHours: { min: row.turnaroundHoursMin, max: row.turnaroundHoursMax },
    effortHours: row.effortHours,
    active: row.active,
  };
}

export function listServices(db: Db): Service[] {
  return db.select().from(services).orderBy(services.id).all().map(toService);
}

export function updateService(
  db: Db,
  sqlite: Sqlite,
  { id, patch }: ServiceUpdate,
  at: string,
  actor: string,
): Service {
  return writeTransaction(sqlite, () => {
    const existing = db.select().from(services).where(eq(services.id, id)).get();
    if (!existing) throw failure('NOT_FOUND', 'notFound.service', { id });
    const { prices, turnaroundHours, ...rest } = patch;
    db.update(services)
      .set({
        ...rest,
        ...(prices && {
          t1MinMinor: prices[1].min,
          t1MaxMinor: prices[1].max,
          t2MinMinor: prices[2].min,
          t2MaxMinor: prices[2].max,
          t3MinMinor: prices[3].min,
          t3MaxMinor: prices[3].max,
        }),
        ...(turnaroundHours && { turnaroundHoursMin: turnaroundHours.min, turnaroundHoursMax: turnaroundHours.max }),
      })
      .where(eq(services.id, id))
      .run();
    audit(sqlite, { at, actor, action: 'update', entity: 'service', entityId: id, detail: patch });
    return toService(db.select().from(services).where(eq(services.id, id)).get()!);
  });
}

/** Fills the default catalogue into a new workspace (inside the caller's transaction). */
export function insertDefaultServices(sqlite: Sqlite): void {
  const insert = sqlite.prepare(
    `INSERT INTO services (code, name, kind, currency, t1_min_minor, t1_max_minor, t2_min_minor, t2_max_minor,
       t3_min_minor, t3_max_minor, turnaround_hours_min, turnaround_hours_max, effort_hours, active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  for (const s of DEFAULT_SERVICES) {
    const [t1, t2, t3] = s.prices.map(([min, max]) => [min * 100, max * 100]) as [number, number][];
    insert.run(s.code, s.name, s.kind, s.currency, ...t1!, ...t2!, ...t3!, ...s.turnaroundHours, s.effortHours);
  }
}
