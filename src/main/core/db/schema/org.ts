import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const hubs = sqliteTable(
  'hubs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    timeZone: text('time_zone').notNull(),
    currency: text('currency').notNull(),
    /** 'revenue' | 'projects' | null (no target). */
    targetKind: text('target_kind'),
    /** Target share in basis points (4000 = 40%). */
    targetShareBp: integer('target_share_bp'),
    leaderId: integer('leader_id').references((): AnySQLiteColumn => people.id, { onDelete: 'set null' }),
    color: text('color').notNull(),
  },
  (t) => [
    uniqueIndex('hubs_name_unique').on(sql`lower(${t.name})`),
    check('hubs_target_pair', sql`(${t.targetKind} IS NULL) = (${t.targetShareBp} IS NULL)`),
  ],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email'),
    role: text('role').notNull(),
    hubId: integer('hub_id').references(() => hubs.id),
    /** 'core' | 'freelancer' | 'partner'. */
    employmentType: text('employment_type').notNull(),
    timeZone: text('time_zone').notNull(),
    hoursPerDay: real('hours_per_day').notNull(),
    /** ISO weekdays as digits, Monday = 1: "12345". */
    workdays: text('workdays').notNull(),
    /** Local calendar dates, YYYY-MM-DD. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** When the working day starts, in minutes after local midnight (time-zone coverage). */
    workStartMinute: integer('work_start_minute').notNull().default(540),
    /** Freelancers and partners: the hourly rate routing estimates their cost with. */
    hourlyRateMinor: integer('hourly_rate_minor'),
    rateCurrency: text('rate_currency'),
  },
  (t) => [index('people_hub').on(t.hubId), check('people_hours', sql`${t.hoursPerDay} > 0 AND ${t.hoursPerDay} <= 24`)],
);

/** The service catalogue: default price range per tier, turnaround and effort. */
export const services = sqliteTable('services', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** 'project' | 'subscription'. */
  kind: text('kind').notNull(),
  currency: text('currency').notNull(),
  t1MinMinor: integer('t1_min_minor').notNull(),
  t1MaxMinor: integer('t1_max_minor').notNull(),
  t2MinMinor: integer('t2_min_minor').notNull(),
  t2MaxMinor: integer('t2_max_minor').notNull(),
  t3MinMinor: integer('t3_min_minor').notNull(),
  t3MaxMinor: integer('t3_max_minor').notNull(),
  turnaroundHoursMin: real('turnaround_hours_min').notNull(),
  turnaroundHoursMax: real('turnaround_hours_max').notNull(),
  effortHours: real('effort_hours').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});
