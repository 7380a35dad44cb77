/**
 * Capacity (issue 5): skills, time off, hub holidays, assignments and time logs.
 * Available hours come from the person's workdays, hours per day, start/end,
 * time off and their hub's holidays; committed hours from assignments (planned
 * − logged, spread over the assignment's working days). Dates are local
 * calendar dates (YYYY-MM-DD) in the person's own time zone.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hubs, people } from './org';
import { projects } from './sales';

export const personSkills = sqliteTable(
  'person_skills',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    /** 1 = junior … 5 = lead. */
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.skill] }),
    check('person_skills_level', sql`${t.level} BETWEEN 1 AND 5`),
  ],
);

export const timeOff = sqliteTable(
  'time_off',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** 'vacation' | 'sick' | 'personal' | 'other'. */
    kind: text('kind').notNull(),
    note: text('note'),
  },
  (t) => [
    index('time_off_person').on(t.personId, t.startDate),
    check('time_off_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** Edits to a hub's holidays; the country's own calendar comes from the offline holiday library. */
export const hubHolidays = sqliteTable(
  'hub_holidays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hubId: integer('hub_id')
      .notNull()
      .references(() => hubs.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    name: text('name').notNull(),
    /**
     * 'manual' = added by hand; 'library' = a holiday of the country's calendar
     * (computed, not stored) that the hub works anyway, stored switched off.
     */
    source: text('source').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('hub_holidays_day').on(t.hubId, t.date, t.name)],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    plannedHours: real('planned_hours').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** What a freelancer or partner costs for this work (KPIS.md: not an expense). */
    costMinor: integer('cost_minor'),
    costCurrency: text('cost_currency'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('assignments_person').on(t.personId, t.endDate),
    index('assignments_project').on(t.projectId),
    check('assignments_hours', sql`${t.plannedHours} > 0`),
    check('assignments_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('assignments_cost', sql`(${t.costMinor} IS NULL) = (${t.costCurrency} IS NULL)`),
  ],
);

/** Hours a person logged on a project on a day (one row per person, project and day). */
export const timeEntries = sqliteTable(
  'time_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    date: text('date').notNull(),
    hours: real('hours').notNull(),
  },
  (t) => [
    uniqueIndex('time_entries_day').on(t.personId, t.projectId, t.date),
    index('time_entries_project').on(t.projectId, t.personId),
    check('time_entries_hours', sql`${t.hours} > 0 AND ${t.hours} <= 24`),
  ],
);

/**
 * Hours logged per person per day, kept by triggers on time_entries
 * (drizzle/0004_capacity.sql): the capacity matrix reads one row per person-day
 * instead of summing every entry.
 */
export const timeDaily = sqliteTable(
  'time_daily',
  {
    date: text('date').notNull(),
    personId: integer('person_id').notNull(),
    hours: real('hours').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.personId] }),
    // The hours beside the key: the matrix reads a range of days from the index alone, not a row per person-day.
    index('time_daily_hours').on(t.date, t.personId, t.hours),
  ],
);
