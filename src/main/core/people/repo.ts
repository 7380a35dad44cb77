import { eq } from 'drizzle-orm';
import type { Person } from '../../../shared/contract';
import type { EmploymentType, Weekday } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type { PersonInput } from '../../../shared/schemas';
import { audit } from '../audit/log';
import { type Db, type Sqlite, writeTransaction } from '../db/client';
import { hubs, people } from '../db/schema';

export const workdaysToText = (days: readonly Weekday[]) => [...new Set(days)].sort().join('');
export const textToWorkdays = (text: string) => [...text].map(Number) as Weekday[];

function toPerson(row: typeof people.$inferSelect): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    hubId: row.hubId,
    employmentType: row.employmentType as EmploymentType,
    timeZone: row.timeZone,
    hoursPerDay: row.hoursPerDay,
    workdays: textToWorkdays(row.workdays),
    startDate: row.startDate,
    endDate: row.endDate,
  };
}

export function listPeople(db: Db): Person[] {
  return db.select().from(people).orderBy(people.name).all().map(toPerson);
}

export function createPerson(db: Db, sqlite: Sqlite, input: PersonInput, at: string, actor: string): Person {
  return writeTransaction(sqlite, () => {
    if (input.hubId !== null && !db.select({ id: hubs.id }).from(hubs).where(eq(hubs.id, input.hubId)).get()) {
      throw failure('BAD_REQUEST', 'notFound.hub', { id: input.hubId }, 'hubId');
    }
    const row = db
      .insert(people)
      .values({ ...input, workdays: workdaysToText(input.workdays) })
      .returning()
      .get();
    audit(sqlite, { at, actor, action: 'create', entity: 'person', entityId: row.id, detail: { name: input.name } });
    return toPerson(row);
  });
}

export interface PersonRow {
  name: string;
  email: string | null;
  role: string;
  hubId: number;
  employmentType: string;
  timeZone: string;
  hoursPerDay: number;
  startDate: string;
}

/** Inserts a Monday-to-Friday person inside the caller's transaction (onboarding, demo). */
export function insertPersonRow(sqlite: Sqlite, p: PersonRow): number {
  const r = sqlite
    .prepare(
      `INSERT INTO people (name, email, role, hub_id, employment_type, time_zone, hours_per_day, workdays, start_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, '12345', ?)`,
    )
    .run(p.name, p.email, p.role, p.hubId, p.employmentType, p.timeZone, p.hoursPerDay, p.startDate);
  return Number(r.lastInsertRowid);
}
