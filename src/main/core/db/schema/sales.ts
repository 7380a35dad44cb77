import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hubs, people, services } from './org';

export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tier: integer('tier').notNull(),
    vertical: text('vertical').notNull(),
    hubId: integer('hub_id').references(() => hubs.id),
    country: text('country').notNull(),
    email: text('email'),
    /** UTC instant, ISO 8601. */
    createdAt: text('created_at').notNull(),
    /** Days between an invoice's issue and due dates. */
    paymentTermsDays: integer('payment_terms_days').notNull().default(15),
    /** Deposit invoiced at contract, percent of the project value (0 = none). */
    depositPct: integer('deposit_pct').notNull().default(0),
  },
  (t) => [
    index('clients_hub').on(t.hubId),
    check('clients_tier', sql`${t.tier} IN (1, 2, 3)`),
    check('clients_terms', sql`${t.paymentTermsDays} BETWEEN 0 AND 180 AND ${t.depositPct} BETWEEN 0 AND 100`),
  ],
);

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    company: text('company').notNull(),
    contactName: text('contact_name').notNull(),
    channel: text('channel').notNull(),
    vertical: text('vertical').notNull(),
    tier: integer('tier').notNull(),
    hubId: integer('hub_id').references(() => hubs.id),
    ownerId: integer('owner_id').references(() => people.id),
    serviceId: integer('service_id').references(() => services.id),
    /** 'new' | 'qualified' | 'proposal' | 'won' | 'lost'. */
    stage: text('stage').notNull(),
    expectedValueMinor: integer('expected_value_minor').notNull(),
    currency: text('currency').notNull(),
    createdAt: text('created_at').notNull(),
    closedAt: text('closed_at'),
    lostReason: text('lost_reason'),
    clientId: integer('client_id').references(() => clients.id),
    contactEmail: text('contact_email'),
    /** The contact's role, free text ("Head of Marketing"). */
    role: text('role'),
    /** The budget the lead named, in `currency` minor units (null = not given). */
    budgetMinor: integer('budget_minor'),
    /** 'now' | 'this_month' | 'this_quarter' | 'later' (null = unknown). */
    timeline: text('timeline'),
    /** 'decision_maker' | 'influencer' | 'user'. */
    authority: text('authority'),
    /** 'urgent' | 'clear' | 'exploring'. */
    need: text('need'),
    lastActivityAt: text('last_activity_at'),
    activityCount: integer('activity_count').notNull().default(0),
    /** Rule score 0–100 and its breakdown (JSON: factor → points), written by the scorer. */
    score: integer('score'),
    scoreBreakdown: text('score_breakdown'),
    /** Learned win probability 0–1 (the model's), and a person's override beside it. */
    winProbability: real('win_probability'),
    probabilityOverride: real('probability_override'),
    scoredAt: text('scored_at'),
    /** Whether the stage history holds a move to 'proposal' (the proposal win rate); set with that move. */
    reachedProposal: integer('reached_proposal', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => {
    // The filter columns a sort index holds besides its key and the id (ties), so a walk down one tests a filter
    // without the row: the dates, which change seldom, and the categorical columns.
    const filters = [
      t.createdAt,
      t.lastActivityAt,
      t.stage,
      t.channel,
      t.vertical,
      t.tier,
      t.ownerId,
      t.hubId,
    ] as const;
    const categorical = filters.slice(2);
    return [
      // Filters of the leads table (and their counts).
      index('leads_stage').on(t.stage),
      index('leads_channel').on(t.channel),
      index('leads_vertical').on(t.vertical),
      index('leads_tier').on(t.tier),
      index('leads_owner').on(t.ownerId),
      index('leads_hub').on(t.hubId),
      // Sort orders of the leads table (server-side, 1.2M rows; see leads/query.ts), each holding the filter columns.
      // The score and probability ones are rewritten by rescoring: their wider entries make a bulk rescore after a weight
      // change ~10–15% slower (drizzle/0006), a price paid for pages read from indexes alone.
      // The score index also holds the probability's columns: a score range sorted by probability reads no rows.
      index('leads_score').on(t.score, t.id, ...filters, t.probabilityOverride, t.winProbability),
      index('leads_probability').on(sql`coalesce(${t.probabilityOverride}, ${t.winProbability})`, t.id, ...filters),
      index('leads_created').on(t.createdAt, t.id, t.lastActivityAt, ...categorical),
      index('leads_last_activity').on(t.lastActivityAt, t.id, t.createdAt, ...categorical),
      index('leads_company').on(sql`${t.company} COLLATE NOCASE`, t.id, ...filters),
      index('leads_expected_value').on(t.expectedValueMinor, t.id, ...filters),
      // Leads by close, per stage: the pipeline's KPIs of a period (booked, conversion, proposal win rate) read from this
      // index alone, the won (~1 in 5 closed) apart from the lost, so the won value is summed over the won entries only.
      index('leads_closed')
        .on(t.stage, t.closedAt, t.reachedProposal, t.hubId, t.expectedValueMinor, t.currency)
        .where(sql`closed_at IS NOT NULL`),
      // The company by id: sorts full-text matches by company without reading their rows.
      index('leads_company_by_id').on(t.id, sql`${t.company} COLLATE NOCASE`),
      check('leads_probability', sql`${t.probabilityOverride} IS NULL OR ${t.probabilityOverride} BETWEEN 0 AND 1`),
    ];
  },
);

export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    hubId: integer('hub_id')
      .notNull()
      .references(() => hubs.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    leadId: integer('lead_id').references(() => leads.id),
    valueMinor: integer('value_minor').notNull(),
    currency: text('currency').notNull(),
    /** Production stage (PRODUCT.md §3.1) or 'cancelled'. */
    stage: text('stage').notNull(),
    createdAt: text('created_at').notNull(),
    /** Local calendar dates in the hub's time zone, YYYY-MM-DD. */
    startDate: text('start_date').notNull(),
    dueDate: text('due_date').notNull(),
    /** UTC instant of final delivery. */
    deliveredAt: text('delivered_at'),
    /** Client satisfaction 1–10, captured at delivery. */
    satisfaction: integer('satisfaction'),
    /** Revision rounds the client asked for. */
    revisionCycles: integer('revision_cycles').notNull().default(0),
  },
  (t) => [
    // A client's projects, and (covering) every client's history in client order: clients' KPIs group all
    // projects by client in one walk of this index (a table scan plus a sort at massive took ~2× as long).
    index('projects_client').on(t.clientId, t.createdAt, t.stage, t.serviceId, t.deliveredAt, t.hubId),
    index('projects_hub').on(t.hubId),
    index('projects_stage').on(t.stage),
    // Projects by delivery: the KPIs of a period (delivered, on time, first pass, satisfaction, revenue) read from
    // this index alone.
    index('projects_delivered')
      .on(t.deliveredAt, t.hubId, t.stage, t.dueDate, t.revisionCycles, t.satisfaction, t.valueMinor, t.currency)
      .where(sql`delivered_at IS NOT NULL`),
    check('projects_value', sql`${t.valueMinor} >= 0`),
    check('projects_satisfaction', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} BETWEEN 1 AND 10`),
  ],
);
