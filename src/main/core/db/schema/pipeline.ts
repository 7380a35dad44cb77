/**
 * The pipeline (issue 4): lead stage history and activities, stored scores,
 * the learned win-probability model, project stage history and quality gates.
 * Histories are appended, never rewritten: revision cycles, first-pass
 * approval and same-day delivery are derived from them.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from './org';
import { leads, projects } from './sales';

export const leadStageChanges = sqliteTable(
  'lead_stage_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    /** Null when the lead was created. */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    /** UTC instant. */
    at: text('at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('lead_stage_changes_lead').on(t.leadId, t.at)],
);

export const leadActivities = sqliteTable(
  'lead_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    /** 'call' | 'email' | 'meeting' | 'note'. */
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    personId: integer('person_id').references(() => people.id),
    note: text('note'),
  },
  (t) => [index('lead_activities_lead').on(t.leadId, t.at)],
);

/** The learned win-probability model: one row per training; the newest is in force. */
export const scoringModels = sqliteTable('scoring_models', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  trainedAt: text('trained_at').notNull(),
  /** JSON: the model's counts (plain data). */
  model: text('model').notNull(),
  /** JSON: AUC, Brier score and calibration on held-out leads. */
  quality: text('quality').notNull(),
  examples: integer('examples').notNull(),
});

export const projectStageChanges = sqliteTable(
  'project_stage_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [
    index('project_stage_changes_project').on(t.projectId, t.at),
    // The board's Invoiced and Paid columns: the projects moved into a stage lately, by when the move was recorded.
    index('project_stage_changes_moves').on(t.toStage, t.at, t.projectId),
  ],
);

/** Quality gates 1–3 (PRODUCT.md §3.1): every review is kept; the newest per gate is its state. */
export const qualityGateReviews = sqliteTable(
  'quality_gate_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    gate: integer('gate').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    reviewerId: integer('reviewer_id').references(() => people.id),
    /** JSON: the checklist items and whether each passed. */
    checklist: text('checklist').notNull(),
    notes: text('notes'),
    at: text('at').notNull(),
  },
  (t) => [
    index('quality_gate_reviews_project').on(t.projectId, t.gate, t.at),
    check('quality_gate_reviews_gate', sql`${t.gate} IN (1, 2, 3)`),
  ],
);
