/** The production board: cards per stage, moves with their history, quality gates, delivery. */
import { addDays, isoInstant } from '../../../shared/dates';
import { PROJECT_STAGES, type ProjectStage } from '../../../shared/domain';
import { failure, keysUnder, refFor } from '../../../shared/errors';
import {
  BOARD_DELIVERED_CARDS,
  BOARD_STAGES,
  type Board,
  type BoardCard,
  type BoardStage,
  type Gate,
  type ProjectDetail,
  type ProjectLookup,
  type ProjectOption,
  type ProjectStageChange,
} from '../../../shared/pipeline';
import { AppFailure } from '../../../shared/result';
import { audit } from '../audit/log';
import { cached, likeLiteral, type Sqlite } from '../db/client';
import { instantToWorkspaceDate, workspaceTimeZone } from '../fx/clock';
import { Converter } from '../fx/engine';
import { loadConverter, rateTableOn } from '../fx/repo';
import { deliveryDraft, issueInvoice, type Stamp } from '../invoices/repo';
import { localToUtc } from '../routing/timezones';
import {
  checklistPasses,
  deliveryBlockers,
  dueRisk,
  gateOrderProblem,
  gateStates,
  historyFigures,
  moveProblem,
  reviewerProblem,
} from './engine';
import { recordStage } from './history';

interface CardRow {
  id: number;
  name: string;
  client_id: number;
  client_name: string;
  hub_id: number;
  stage: ProjectStage;
  value_minor: number;
  currency: BoardCard['currency'];
  start_date: string;
  due_date: string;
  delivered_at: string | null;
  paid_on: string | null;
  created_at: string;
  revision_cycles: number;
  gates_passed: number;
}

/** Gates whose newest review passed. */
const GATES_PASSED = `(SELECT count(*) FROM quality_gate_reviews g
   WHERE g.project_id = p.id AND g.passed = 1
     AND g.id = (SELECT g2.id FROM quality_gate_reviews g2 WHERE g2.project_id = p.id AND g2.gate = g.gate
                 ORDER BY g2.at DESC, g2.id DESC LIMIT 1))`;

/**
 * When a paid project was settled: the day its final invoice was (the project reaches Paid then, by a payment or a
 * credit note; a late deposit does not move it).
 */
const PAID_ON = `CASE WHEN p.stage = 'paid' THEN (SELECT i.paid_on FROM invoices i
   WHERE i.project_id = p.id AND i.kind = 'delivery' AND i.status <> 'void') END`;

const CARD_COLUMNS = `p.id, p.name, p.client_id, c.name AS client_name, p.hub_id, p.stage, p.value_minor, p.currency,
    p.start_date, p.due_date, p.delivered_at, ${PAID_ON} AS paid_on, p.created_at, p.revision_cycles,
    ${GATES_PASSED} AS gates_passed`;
const CARD_SQL = `SELECT ${CARD_COLUMNS} FROM projects p JOIN clients c ON c.id = p.client_id`;

function toCard(r: CardRow, today: string, converter: Converter): BoardCard {
  return {
    id: r.id,
    name: r.name,
    clientId: r.client_id,
    clientName: r.client_name,
    hubId: r.hub_id,
    stage: r.stage,
    valueMinor: r.value_minor,
    currency: r.currency,
    reportingMinor: converter.toReporting(r.value_minor, r.currency, r.created_at.slice(0, 10)),
    startDate: r.start_date,
    dueDate: r.due_date,
    deliveredAt: r.delivered_at,
    paidOn: r.paid_on,
    risk: dueRisk(r.stage, r.due_date, today),
    gatesPassed: r.gates_passed,
    revisionCycles: r.revision_cycles,
  };
}

export function board(sqlite: Sqlite, today: string, hubId: number | null): Board {
  const converter = loadConverter(sqlite);
  const hubFilter = hubId === null ? '' : ' AND p.hub_id = ?';
  const params = hubId === null ? [] : [hubId];
  const totals = cached(
    sqlite,
    `SELECT p.stage, p.currency, substr(p.created_at, 1, 10) AS day, count(*) AS n, sum(p.value_minor) AS value
       FROM projects p WHERE p.stage <> 'cancelled'${hubFilter} GROUP BY p.stage, p.currency, day`,
  ).all(...params) as { stage: BoardStage; currency: string; day: string; n: number; value: number }[];
  // Open work in full, most urgent first; invoiced and paid only the latest moved there in the last 30 days, by when
  // the move was recorded: a delivery entered late (dated weeks back) or paid long after it was delivered still shows.
  const open = cached(
    sqlite,
    `${CARD_SQL} WHERE p.stage NOT IN ('cancelled', 'invoiced', 'paid')${hubFilter} ORDER BY p.due_date, p.id`,
  ).all(...params) as CardRow[];
  const since = `${addDays(today, -30)}T00:00:00Z`;
  // Walks the moves into the stage newest first (the index's order, so it stops at the 50th card), each project at
  // its latest move there.
  const latestMoved = cached(
    sqlite,
    `SELECT ${CARD_COLUMNS}
       FROM project_stage_changes m CROSS JOIN projects p ON p.id = m.project_id
       JOIN clients c ON c.id = p.client_id
      WHERE m.to_stage = ? AND m.at >= ? AND p.stage = ?${hubFilter}
        AND m.id = (SELECT m2.id FROM project_stage_changes m2 WHERE m2.project_id = m.project_id
                     AND m2.to_stage = m.to_stage ORDER BY m2.at DESC, m2.id DESC LIMIT 1)
      ORDER BY m.at DESC, m.project_id DESC LIMIT ${BOARD_DELIVERED_CARDS}`,
  );
  const cards = [
    ...open,
    ...(['invoiced', 'paid'] as const).flatMap((stage) => latestMoved.all(stage, since, stage, ...params) as CardRow[]),
  ];
  return {
    asOf: today,
    reportingCurrency: converter.reporting,
    columns: BOARD_STAGES.map((stage) => {
      const rows = totals.filter((t) => t.stage === stage);
      return {
        stage,
        count: rows.reduce((s, r) => s + r.n, 0),
        valueMinor: converter.sum(rows.map((r) => ({ minor: r.value, currency: r.currency, date: r.day }))),
        cards: cards.filter((c) => c.stage === stage).map((c) => toCard(c, today, converter)),
      };
    }),
    missingRates: converter.missingRates(),
  };
}

/** Stages whose projects are done with (billed or dropped); every other stage is open work. */
const CLOSED_STAGES: readonly ProjectStage[] = ['invoiced', 'paid', 'cancelled'];
const sqlList = (stages: readonly string[]) => stages.map((s) => `'${s}'`).join(', ');
const OPEN_STAGES_SQL = sqlList(PROJECT_STAGES.filter((s) => !CLOSED_STAGES.includes(s)));

const LOOKUP_COLUMNS = `p.id, p.name, (SELECT c.name FROM clients c WHERE c.id = p.client_id) AS clientName,
  p.stage, p.due_date AS dueDate`;

/**
 * Projects whose name contains `search` (case aside, as `clients/lookup`
 * matches), at most `limit`: open work first (not invoiced, paid or cancelled:
 * a few thousand at most, read through the stage index), then the rest, newest
 * first within each. The rest is walked by id from the newest and stops at the
 * limit, so nothing sorts every match: a name most projects hold answers at
 * once, and a name none holds costs one pass over the table (~50 ms at 218k).
 */
export function lookupProjects(sqlite: Sqlite, search: string, limit: number): ProjectLookup {
  const pattern = `%${likeLiteral(search)}%`;
  const open = cached(
    sqlite,
    `SELECT ${LOOKUP_COLUMNS} FROM projects p INDEXED BY projects_stage
      WHERE p.stage IN (${OPEN_STAGES_SQL}) AND p.name LIKE ? ESCAPE '\\'
      ORDER BY p.id DESC LIMIT ?`,
  ).all(pattern, limit) as ProjectOption[];
  if (open.length === limit) return { matches: open };
  // Every open match is in hand (fewer than the limit): the rest are the other matches, newest first. Leaving the
  // open ones out by id, not by stage, spares reading each row's stage (a fifth of the pass).
  const rest = cached(
    sqlite,
    `SELECT ${LOOKUP_COLUMNS} FROM projects p NOT INDEXED
      WHERE p.name LIKE ? ESCAPE '\\' AND p.id NOT IN (SELECT value FROM json_each(?))
      ORDER BY p.id DESC LIMIT ?`,
  ).all(pattern, JSON.stringify(open.map((p) => p.id)), limit - open.length) as ProjectOption[];
  return { matches: [...open, ...rest] };
}

export function getProject(sqlite: Sqlite, id: number, today: string): ProjectDetail {
  const row = cached(sqlite, `${CARD_SQL} WHERE p.id = ?`).get(id) as CardRow | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.project', { id });
  const extra = cached(
    sqlite,
    `SELECT p.service_id, s.name AS service_name, p.lead_id, p.satisfaction FROM projects p
       JOIN services s ON s.id = p.service_id WHERE p.id = ?`,
  ).get(id) as { service_id: number; service_name: string; lead_id: number | null; satisfaction: number | null };
  const history = cached(
    sqlite,
    `SELECT from_stage AS fromStage, to_stage AS toStage, at, actor FROM project_stage_changes
       WHERE project_id = ? ORDER BY at, id`,
  ).all(id) as ProjectStageChange[];
  const reviews = (
    cached(
      sqlite,
      `SELECT g.gate, g.passed, g.reviewer_id AS reviewerId, pe.name AS reviewerName, g.checklist, g.notes, g.at
         FROM quality_gate_reviews g LEFT JOIN people pe ON pe.id = g.reviewer_id WHERE g.project_id = ? ORDER BY g.at, g.id`,
    ).all(id) as {
      gate: Gate;
      passed: number;
      reviewerId: number | null;
      reviewerName: string | null;
      checklist: string;
      notes: string | null;
      at: string;
    }[]
  ).map((r) => ({ ...r, passed: r.passed === 1, checklist: JSON.parse(r.checklist) as Record<string, boolean> }));
  const gates = gateStates(reviews);
  const figures = historyFigures(history, instantToWorkspaceDate(sqlite), row.delivered_at);
  const invoiceIds = (
    cached(sqlite, 'SELECT id FROM invoices WHERE project_id = ? ORDER BY id').all(id) as { id: number }[]
  ).map((r) => r.id);
  return {
    // One rate (the project's currency on the day it was created) rather than every rate the workspace holds.
    ...toCard(row, today, new Converter(rateTableOn(sqlite, [row.currency], row.created_at.slice(0, 10)))),
    serviceId: extra.service_id,
    serviceName: extra.service_name,
    leadId: extra.lead_id,
    satisfaction: extra.satisfaction,
    history,
    gates,
    deliveryBlockers: row.stage === 'cancelled' || row.delivered_at ? [] : deliveryBlockers(row.stage, gates),
    firstPassApproved: figures.firstPassApproved,
    sameDayDelivery: figures.sameDayDelivery,
    invoiceIds,
  };
}

function currentStage(sqlite: Sqlite, id: number): ProjectStage {
  const row = cached(sqlite, 'SELECT stage FROM projects WHERE id = ?').get(id) as { stage: ProjectStage } | undefined;
  if (!row) throw failure('NOT_FOUND', 'notFound.project', { id });
  return row.stage;
}

/** A move by hand on the board (delivery has its own action: it needs the gates and makes the invoice). */
export function moveProject(sqlite: Sqlite, id: number, to: ProjectStage, stamp: Stamp): void {
  const from = currentStage(sqlite, id);
  const problem =
    to === 'final_delivery'
      ? 'Deliver the project instead: it checks the gates and issues the final invoice.'
      : moveProblem(from, to);
  if (problem) throw new AppFailure('CONFLICT', problem, 'stage', refFor(problem, keysUnder('project.move.')));
  recordStage(sqlite, id, to, stamp.at, stamp.actor);
  audit(sqlite, { ...stamp, action: 'move', entity: 'project', entityId: id, detail: { from, to } });
}

/**
 * Takes back the board move just made (the toast's Undo). The move must still be the project's latest, from `from`
 * to `to`; it leaves the stage history as if the move had not happened, so an undone move into revision counts no
 * cycle. The audit log keeps the move and its undoing.
 */
export function undoProjectMove(
  sqlite: Sqlite,
  input: { id: number; from: ProjectStage; to: ProjectStage },
  stamp: Stamp,
): void {
  const stage = currentStage(sqlite, input.id);
  const last = cached(
    sqlite,
    `SELECT id, from_stage AS fromStage, to_stage AS toStage FROM project_stage_changes
      WHERE project_id = ? ORDER BY id DESC LIMIT 1`,
  ).get(input.id) as { id: number; fromStage: ProjectStage | null; toStage: ProjectStage } | undefined;
  if (stage !== input.to || last?.fromStage !== input.from || last.toStage !== input.to)
    throw failure('CONFLICT', 'project.undoStale', {}, 'stage');
  cached(sqlite, 'DELETE FROM project_stage_changes WHERE id = ?').run(last.id);
  cached(sqlite, 'UPDATE projects SET stage = ?, revision_cycles = revision_cycles - ? WHERE id = ?').run(
    input.from,
    input.to === 'revision' ? 1 : 0,
    input.id,
  );
  audit(sqlite, { ...stamp, action: 'undo-move', entity: 'project', entityId: input.id, detail: input });
}

export function reviewGate(
  sqlite: Sqlite,
  input: {
    projectId: number;
    gate: Gate;
    reviewerId: number | null;
    checklist: Record<string, boolean>;
    notes: string | null;
  },
  today: string,
  stamp: Stamp,
): void {
  const project = getProject(sqlite, input.projectId, today);
  if (project.deliveredAt || project.stage === 'cancelled') throw failure('CONFLICT', 'project.gatesClosed');
  const order = gateOrderProblem(project.gates, input.gate);
  if (order)
    throw new AppFailure(
      'CONFLICT',
      order,
      'gate',
      refFor(order, keysUnder('project.gateOrder', { previous: input.gate - 1, gate: input.gate })),
    );
  const who = reviewerProblem(input.gate, input.reviewerId);
  if (who)
    throw new AppFailure(
      'BAD_REQUEST',
      who,
      'reviewerId',
      refFor(who, keysUnder('project.reviewer', { gate: input.gate })),
    );
  if (input.reviewerId !== null && !cached(sqlite, 'SELECT id FROM people WHERE id = ?').get(input.reviewerId))
    throw failure('NOT_FOUND', 'notFound.person', { id: input.reviewerId }, 'reviewerId');
  const passed = checklistPasses(input.gate, input.checklist);
  cached(
    sqlite,
    'INSERT INTO quality_gate_reviews (project_id, gate, passed, reviewer_id, checklist, notes, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    input.projectId,
    input.gate,
    passed ? 1 : 0,
    input.reviewerId,
    JSON.stringify(input.checklist),
    input.notes,
    stamp.at,
  );
  audit(sqlite, {
    ...stamp,
    action: 'review_gate',
    entity: 'project',
    entityId: input.projectId,
    detail: { gate: input.gate, passed },
  });
}

/**
 * Delivers a project: all three gates passed, satisfaction captured, and the
 * final invoice (net of deposits) issued — one transaction (the handler's).
 */
/** A back-dated delivery's time of day, local: clear of midnight whatever daylight saving does. */
const NOON_MINUTE = 12 * 60;

export function deliverProject(
  sqlite: Sqlite,
  input: { id: number; satisfaction: number | null; deliveredOn: string },
  today: string,
  stamp: Stamp,
): number {
  const project = getProject(sqlite, input.id, today);
  const problem = moveProblem(project.stage, 'final_delivery');
  if (problem) throw new AppFailure('CONFLICT', problem, undefined, refFor(problem, keysUnder('project.move.')));
  if (project.deliveryBlockers.length > 0) {
    const message = `Not ready to deliver: ${project.deliveryBlockers.join(' ')}`;
    const gates = [1, 2, 3].map((gate) => ({ gate }));
    const blockers = project.deliveryBlockers.map((b) => refFor(b, keysUnder('project.blocker.', ...gates)));
    const ref = blockers.every((b) => b !== undefined)
      ? refFor(message, [{ key: 'project.notReady', params: { blockers } }])
      : undefined;
    throw new AppFailure('CONFLICT', message, 'gates', ref);
  }
  if (input.deliveredOn > today) throw failure('BAD_REQUEST', 'project.deliveryInFuture', {}, 'deliveredOn');
  if (input.deliveredOn < project.startDate)
    throw failure('BAD_REQUEST', 'project.deliveryBeforeStart', { start: project.startDate }, 'deliveredOn');
  // Recorded after the day it happened, a delivery is dated that day (noon, workspace time): revenue,
  // client health and on-time count it there. The stage history keeps when the move was recorded.
  const deliveredAt =
    input.deliveredOn === today
      ? stamp.at
      : isoInstant(localToUtc(input.deliveredOn, workspaceTimeZone(sqlite), NOON_MINUTE));
  cached(sqlite, 'UPDATE projects SET delivered_at = ?, satisfaction = ? WHERE id = ?').run(
    deliveredAt,
    input.satisfaction,
    input.id,
  );
  recordStage(sqlite, input.id, 'final_delivery', stamp.at, stamp.actor);
  const invoiceId = deliveryDraft(sqlite, input.id, stamp);
  issueInvoice(sqlite, invoiceId, input.deliveredOn, stamp);
  audit(sqlite, { ...stamp, action: 'deliver', entity: 'project', entityId: input.id, detail: { invoiceId } });
  return invoiceId;
}
