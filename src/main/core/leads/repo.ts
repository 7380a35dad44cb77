/**
 * Leads: the paged, server-side sorted and filtered table (full-text search
 * through FTS5), the lead detail with its history, and every write — each one
 * appends to the stage history or the activity log rather than rewriting it.
 */
import { isClosedLead, type LeadStage } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import type { LeadActivity, LeadDetail, LeadStageChange, WonLead } from '../../../shared/leads';
import type { LeadInput, LeadUpdate } from '../../../shared/leads-schemas';
import { SCORE_FACTORS } from '../../../shared/scoring';
import { audit } from '../audit/log';
import type { Sqlite } from '../db/client';
import { depositDraft, issueInvoice, type Stamp } from '../invoices/repo';
import { ROW_COLUMNS } from './query';

export { countSegments, ftsQuery, leadWhere, queryLeads } from './query';

/**
 * The stored breakdown: the points in SCORE_FACTORS order, then each factor's maximum under the weights it was made
 * with (breakdowns stored before the maxima were have only the points: their maxima are not known).
 */
function breakdownOf(stored: string): Pick<LeadDetail, 'scoreBreakdown' | 'scoreBreakdownMax'> {
  const numbers = JSON.parse(stored) as number[];
  const n = SCORE_FACTORS.length;
  const factors = (from: number) => Object.fromEntries(SCORE_FACTORS.map((f, i) => [f, numbers[from + i] ?? 0]));
  return {
    scoreBreakdown: factors(0),
    scoreBreakdownMax: numbers.length >= 2 * n ? (factors(n) as LeadDetail['scoreBreakdownMax']) : null,
  };
}

export function getLead(sqlite: Sqlite, id: number): Omit<LeadDetail, 'probabilityFactors'> {
  const row = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS}, l.contact_email AS contactEmail, l.role, l.budget_minor AS budgetMinor, l.timeline,
              l.authority, l.need, l.service_id AS serviceId, l.client_id AS clientId, l.closed_at AS closedAt,
              l.lost_reason AS lostReason, l.activity_count AS activityCount, l.score_breakdown AS scoreBreakdown
       FROM leads l WHERE l.id = ?`,
    )
    .get(id) as
    | (Omit<LeadDetail, 'scoreBreakdown' | 'scoreBreakdownMax' | 'history' | 'activities' | 'projectIds'> & {
        scoreBreakdown: string | null;
      })
    | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.lead', { id });
  const history = sqlite
    .prepare(
      'SELECT from_stage AS fromStage, to_stage AS toStage, at, reason FROM lead_stage_changes WHERE lead_id = ? ORDER BY at, id',
    )
    .all(id) as LeadStageChange[];
  const activities = sqlite
    .prepare(
      'SELECT id, kind, at, person_id AS personId, note FROM lead_activities WHERE lead_id = ? ORDER BY at DESC, id DESC',
    )
    .all(id) as LeadActivity[];
  const projectIds = (
    sqlite.prepare('SELECT id FROM projects WHERE lead_id = ? ORDER BY id').all(id) as { id: number }[]
  ).map((p) => p.id);
  return {
    ...row,
    ...(row.scoreBreakdown === null
      ? { scoreBreakdown: null, scoreBreakdownMax: null }
      : breakdownOf(row.scoreBreakdown)),
    history,
    activities,
    projectIds,
  };
}

function assertRefs(
  sqlite: Sqlite,
  refs: { ownerId?: number | null; hubId?: number | null; serviceId?: number | null },
): void {
  const check = (
    table: string,
    value: number | null | undefined,
    field: string,
    what: 'person' | 'hub' | 'service',
  ) => {
    if (value !== null && value !== undefined && !sqlite.prepare(`SELECT id FROM ${table} WHERE id = ?`).get(value))
      throw failure('NOT_FOUND', `notFound.${what}`, { id: value }, field);
  };
  check('people', refs.ownerId, 'ownerId', 'person');
  check('hubs', refs.hubId, 'hubId', 'hub');
  check('services', refs.serviceId, 'serviceId', 'service');
}

/** Appends a move to the lead's stage history; a move to proposal is also marked on the lead (reached_proposal). */
function appendStage(
  sqlite: Sqlite,
  leadId: number,
  from: LeadStage | null,
  to: LeadStage,
  at: string,
  reason: string | null,
) {
  sqlite
    .prepare('INSERT INTO lead_stage_changes (lead_id, from_stage, to_stage, at, reason) VALUES (?, ?, ?, ?, ?)')
    .run(leadId, from, to, at, reason);
  if (to === 'proposal') sqlite.prepare('UPDATE leads SET reached_proposal = 1 WHERE id = ?').run(leadId);
}

export function createLead(sqlite: Sqlite, input: Required<LeadInput>, stamp: Stamp): number {
  assertRefs(sqlite, input);
  const r = sqlite
    .prepare(
      `INSERT INTO leads (company, contact_name, contact_email, channel, vertical, tier, role, budget_minor, timeline,
         authority, need, expected_value_minor, currency, owner_id, hub_id, service_id, stage, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?)`,
    )
    .run(
      input.company,
      input.contactName,
      input.contactEmail,
      input.channel,
      input.vertical,
      input.tier,
      input.role,
      input.budgetMinor,
      input.timeline,
      input.authority,
      input.need,
      input.expectedValueMinor,
      input.currency,
      input.ownerId,
      input.hubId,
      input.serviceId,
      stamp.at,
    );
  const id = Number(r.lastInsertRowid);
  appendStage(sqlite, id, null, 'new', stamp.at, null);
  audit(sqlite, { ...stamp, action: 'create', entity: 'lead', entityId: id, detail: { company: input.company } });
  return id;
}

const LEAD_COLUMNS: Record<keyof LeadUpdate['patch'], string> = {
  company: 'company',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  channel: 'channel',
  vertical: 'vertical',
  tier: 'tier',
  role: 'role',
  budgetMinor: 'budget_minor',
  timeline: 'timeline',
  authority: 'authority',
  need: 'need',
  expectedValueMinor: 'expected_value_minor',
  currency: 'currency',
  ownerId: 'owner_id',
  hubId: 'hub_id',
  serviceId: 'service_id',
};

export function updateLead(sqlite: Sqlite, { id, patch }: LeadUpdate, stamp: Stamp): void {
  const lead = getLead(sqlite, id);
  assertRefs(sqlite, patch);
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof LeadUpdate['patch'], unknown][];
  if (entries.length === 0) return;
  if (isClosedLead(lead.stage)) throw failure('CONFLICT', 'lead.closedRecord');
  sqlite
    .prepare(`UPDATE leads SET ${entries.map(([k]) => `${LEAD_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`)
    .run(...entries.map(([, v]) => v as string | number | null), id);
  audit(sqlite, { ...stamp, action: 'update', entity: 'lead', entityId: id, detail: patch });
}

export function setLeadStage(
  sqlite: Sqlite,
  input: { id: number; stage: 'new' | 'qualified' | 'proposal' | 'lost'; reason: string | null; from?: LeadStage },
  stamp: Stamp,
): void {
  const lead = getLead(sqlite, input.id);
  if (input.from !== undefined && lead.stage !== input.from)
    throw failure('CONFLICT', 'lead.movedMeanwhile', { from: input.from, to: lead.stage }, 'stage');
  if (isClosedLead(lead.stage)) throw failure('CONFLICT', 'lead.alreadyClosed', { stage: lead.stage });
  if (lead.stage === input.stage) throw failure('CONFLICT', 'lead.alreadyInStage', { stage: input.stage }, 'stage');
  const closing = input.stage === 'lost';
  sqlite
    .prepare('UPDATE leads SET stage = ?, closed_at = ?, lost_reason = ? WHERE id = ?')
    .run(input.stage, closing ? stamp.at : null, closing ? input.reason : null, input.id);
  appendStage(sqlite, input.id, lead.stage, input.stage, stamp.at, input.reason);
  audit(sqlite, {
    ...stamp,
    action: 'stage',
    entity: 'lead',
    entityId: input.id,
    detail: { from: lead.stage, to: input.stage },
  });
}

export function addActivity(
  sqlite: Sqlite,
  input: { leadId: number; kind: string; note: string | null },
  personId: number | null,
  stamp: Stamp,
): void {
  getLead(sqlite, input.leadId);
  sqlite
    .prepare('INSERT INTO lead_activities (lead_id, kind, at, person_id, note) VALUES (?, ?, ?, ?, ?)')
    .run(input.leadId, input.kind, stamp.at, personId, input.note);
  sqlite
    .prepare('UPDATE leads SET last_activity_at = ?, activity_count = activity_count + 1 WHERE id = ?')
    .run(stamp.at, input.leadId);
}

export function overrideProbability(sqlite: Sqlite, id: number, probability: number | null, stamp: Stamp): void {
  const lead = getLead(sqlite, id);
  if (probability !== null && isClosedLead(lead.stage))
    throw failure('CONFLICT', 'lead.outcomeKnown', { stage: lead.stage });
  sqlite.prepare('UPDATE leads SET probability_override = ? WHERE id = ?').run(probability, id);
  audit(sqlite, { ...stamp, action: 'override_probability', entity: 'lead', entityId: id, detail: { probability } });
}

/**
 * Wins a lead: links or creates the client, creates the project from the chosen
 * service, and issues the deposit invoice when the client's terms ask for one —
 * inside the caller's transaction, so all of it happens or none of it does.
 */
export function winLead(
  sqlite: Sqlite,
  input: {
    id: number;
    serviceId: number;
    valueMinor: number;
    startDate: string;
    dueDate: string;
    clientId: number | null;
  },
  today: string,
  stamp: Stamp,
): Omit<WonLead, 'lead'> {
  const lead = getLead(sqlite, input.id);
  if (isClosedLead(lead.stage)) throw failure('CONFLICT', 'lead.alreadyClosed', { stage: lead.stage });
  const service = sqlite.prepare('SELECT name, kind FROM services WHERE id = ?').get(input.serviceId) as
    | { name: string; kind: string }
    | undefined;
  if (!service) throw failure('NOT_FOUND', 'notFound.service', { id: input.serviceId }, 'serviceId');
  if (service.kind !== 'project') throw failure('BAD_REQUEST', 'lead.needsProjectService', {}, 'serviceId');
  if (input.startDate > today) throw failure('BAD_REQUEST', 'lead.startInFuture', {}, 'startDate');

  let clientId = input.clientId;
  if (clientId !== null) {
    if (!sqlite.prepare('SELECT id FROM clients WHERE id = ?').get(clientId))
      throw failure('NOT_FOUND', 'notFound.client', { id: clientId }, 'clientId');
  } else {
    const existing = sqlite.prepare('SELECT id FROM clients WHERE lower(name) = lower(?)').get(lead.company) as
      | { id: number }
      | undefined;
    clientId =
      existing?.id ??
      Number(
        sqlite
          .prepare(
            `INSERT INTO clients (name, tier, vertical, hub_id, country, email, created_at, payment_terms_days, deposit_pct)
             VALUES (?, ?, ?, ?, coalesce((SELECT country FROM hubs WHERE id = ?), 'ZZ'), ?, ?, ?, ?)`,
          )
          .run(
            lead.company,
            lead.tier,
            lead.vertical,
            lead.hubId,
            lead.hubId,
            lead.contactEmail,
            stamp.at,
            lead.tier === 3 ? 7 : 15,
            lead.tier === 1 ? 30 : 0,
          ).lastInsertRowid,
      );
  }
  const hubId =
    lead.hubId ??
    (sqlite.prepare('SELECT hub_id FROM clients WHERE id = ?').get(clientId) as { hub_id: number | null }).hub_id ??
    (sqlite.prepare('SELECT id FROM hubs ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id;
  if (hubId === undefined || hubId === null) throw failure('CONFLICT', 'lead.noHub');

  const project = sqlite
    .prepare(
      `INSERT INTO projects (name, client_id, hub_id, service_id, lead_id, value_minor, currency, stage, created_at, start_date, due_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'discovery', ?, ?, ?)`,
    )
    .run(
      `${service.name} · ${lead.company}`,
      clientId,
      hubId,
      input.serviceId,
      input.id,
      input.valueMinor,
      lead.currency,
      stamp.at,
      input.startDate,
      input.dueDate,
    );
  const projectId = Number(project.lastInsertRowid);
  sqlite
    .prepare(
      "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor) VALUES (?, NULL, 'discovery', ?, ?)",
    )
    .run(projectId, stamp.at, stamp.actor);

  sqlite
    .prepare(
      "UPDATE leads SET stage = 'won', closed_at = ?, client_id = ?, service_id = ?, expected_value_minor = ? WHERE id = ?",
    )
    .run(stamp.at, clientId, input.serviceId, input.valueMinor, input.id);
  appendStage(sqlite, input.id, lead.stage, 'won', stamp.at, null);

  const deposit = (
    sqlite.prepare('SELECT deposit_pct AS pct FROM clients WHERE id = ?').get(clientId) as { pct: number }
  ).pct;
  let depositInvoiceId: number | null = null;
  if (deposit > 0) {
    depositInvoiceId = depositDraft(sqlite, projectId, stamp);
    issueInvoice(sqlite, depositInvoiceId, input.startDate < today ? today : input.startDate, stamp);
  }
  audit(sqlite, {
    ...stamp,
    action: 'win',
    entity: 'lead',
    entityId: input.id,
    detail: { clientId, projectId, depositInvoiceId },
  });
  return { clientId, projectId, depositInvoiceId };
}
