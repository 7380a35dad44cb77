import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row (id = 1): the workspace profile. */
export const workspaceSettings = sqliteTable(
  'workspace_settings',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    logoDataUrl: text('logo_data_url'),
    reportingCurrency: text('reporting_currency').notNull(),
    timeZone: text('time_zone').notNull(),
    /** YYYY-MM; null = the first full month with revenue. */
    baselineMonth: text('baseline_month'),
    /** JSON scoring weights (null = the defaults). */
    scoringWeights: text('scoring_weights'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('workspace_settings_single_row', sql`${t.id} = 1`)],
);

/** Every user action that changes data leaves one line here. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** UTC instant, ISO 8601. */
  at: text('at').notNull(),
  /** Which host made the change: electron, web, cli, demo. */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: integer('entity_id'),
  /** JSON with what changed. */
  detail: text('detail'),
});
