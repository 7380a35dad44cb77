/** Feeds the pure routing and balancing engines from the workspace. */
import {
  type AssignmentRevert,
  type BalanceProposal,
  COUNTRY_TIME_ZONES,
  type RoutingReport,
  skillOfService,
} from '../../../shared/capacity';
import { addDays, laterDate, startOfIsoWeek } from '../../../shared/dates';
import type { Currency, Tier } from '../../../shared/domain';
import { failure } from '../../../shared/errors';
import { type CapacityPersonRow, loadPeople } from '../capacity/calendar';
import { personDays, personToday } from '../capacity/matrix';
import { moveAssignment, type Stamp } from '../capacity/writes';
import { cached, type Sqlite, tablesVersion } from '../db/client';
import { instantToWorkspaceDate } from '../fx/clock';
import { convertMinor } from '../fx/engine';
import { loadConverter } from '../fx/repo';
import { type BalanceAssignment, type BalancePerson, balanceWeek } from './balance';
import { overflowLadder, type RoutingPerson, type RoutingProject, rankCandidates } from './engine';

/** How far ahead routing looks for a new due date. */
const LOOKAHEAD_DAYS = 90;

const skillOf = skillOfService;

interface ProjectRow {
  id: number;
  name: string;
  stage: string;
  startDate: string;
  dueDate: string;
  currency: Currency;
  tier: Tier;
  serviceCode: string;
  effort: number;
  hubName: string | null;
  hubTimeZone: string | null;
  country: string;
  planned: number;
}

function loadProject(sqlite: Sqlite, id: number): RoutingProject & { stage: string } {
  const p = cached(
    sqlite,
    `SELECT p.id, p.name, p.stage, p.start_date AS startDate, p.due_date AS dueDate, p.currency, c.tier,
       s.code AS serviceCode, s.effort_hours AS effort, h.name AS hubName, h.time_zone AS hubTimeZone, c.country,
       (SELECT coalesce(sum(planned_hours), 0) FROM assignments a WHERE a.project_id = p.id) AS planned
     FROM projects p JOIN clients c ON c.id = p.client_id JOIN services s ON s.id = p.service_id
     LEFT JOIN hubs h ON h.id = p.hub_id WHERE p.id = ?`,
  ).get(id) as ProjectRow | undefined;
  if (!p) throw failure('NOT_FOUND', 'notFound.project', { id }, 'projectId');
  // Hours still to plan; a fully planned project is routed for its whole effort (a second opinion).
  const neededHours = p.planned < p.effort ? p.effort - p.planned : p.effort;
  return {
    id: p.id,
    name: p.name,
    stage: p.stage,
    skill: skillOf(p.serviceCode),
    neededHours: Math.round(neededHours * 100) / 100,
    startDate: p.startDate,
    dueDate: p.dueDate,
    hubName: p.hubName,
    currency: p.currency,
    tier: p.tier,
    serviceCode: p.serviceCode,
    clientTimeZone: COUNTRY_TIME_ZONES[p.country] ?? p.hubTimeZone,
  };
}

interface QualityRecord {
  firstPassRate: number | null;
  onTimeRate: number | null;
}

const qualityCache = new WeakMap<Sqlite, { key: string; records: Map<number, QualityRecord> }>();

/**
 * First-pass approval and on-time delivery of the delivered projects each
 * person worked on. On time compares the delivery's date in the workspace's
 * zone with the due date (a delivery at 21:00 in Caracas is the next day in UTC).
 * Reading them costs ~2 s at the massive profile, so they are kept until what
 * they read changes (the settings hold the time zone).
 */
function qualityRecords(sqlite: Sqlite): Map<number, QualityRecord> {
  const key = tablesVersion(sqlite, 'routing_quality', ['assignments', 'projects', 'workspace_settings']);
  const kept = qualityCache.get(sqlite);
  if (kept?.key === key) return kept.records;
  const toDate = instantToWorkspaceDate(sqlite);
  const counts = new Map<number, { n: number; firstPass: number; onTime: number }>();
  let lastProject = -1;
  let onTime = false;
  for (const [personId, projectId, revisionCycles, deliveredAt, dueDate] of sqlite
    .prepare(
      `SELECT x.person_id, p.id, p.revision_cycles, p.delivered_at, p.due_date
       FROM (SELECT DISTINCT person_id, project_id FROM assignments) x JOIN projects p ON p.id = x.project_id
       WHERE p.delivered_at IS NOT NULL ORDER BY p.id`,
    )
    .raw()
    .iterate() as IterableIterator<[number, number, number, string, string]>) {
    if (projectId !== lastProject) {
      onTime = toDate(deliveredAt) <= dueDate;
      lastProject = projectId;
    }
    let c = counts.get(personId);
    if (!c) {
      c = { n: 0, firstPass: 0, onTime: 0 };
      counts.set(personId, c);
    }
    c.n++;
    if (revisionCycles === 0) c.firstPass++;
    if (onTime) c.onTime++;
  }
  const records = new Map<number, QualityRecord>();
  for (const [personId, c] of counts)
    records.set(personId, { firstPassRate: c.firstPass / c.n, onTimeRate: c.onTime / c.n });
  qualityCache.set(sqlite, { key, records });
  return records;
}

export function routingReport(sqlite: Sqlite, projectId: number, now: Date, today: string): RoutingReport {
  const project = loadProject(sqlite, projectId);
  // Everyone still employed: candidates need the project's skill, but whoever takes over
  // redistributed work needs only that work's skill (the engine decides both).
  const people = loadPeople(sqlite).filter((p) => p.skills.length > 0 && (p.endDate === null || p.endDate >= today));
  const windowStart = laterDate(project.startDate, today);
  const windowEnd = laterDate(project.dueDate, windowStart);
  const horizonEnd = laterDate(addDays(today, LOOKAHEAD_DAYS), windowEnd);
  const quality = qualityRecords(sqlite);
  const rows = personDays(sqlite, people, today, horizonEnd, personToday(now));
  const routingPeople: RoutingPerson[] = rows.map(({ person, days, assignments, spreads }) => {
    const inWindow = days.filter((d) => d.date >= windowStart && d.date <= windowEnd);
    const available = inWindow.reduce((s, d) => s + d.available, 0);
    const committed = inWindow.reduce((s, d) => s + d.committed, 0);
    const q = quality.get(person.id);
    return {
      ...personFields(person),
      freeHoursBeforeDue: Math.max(0, Math.round((available - committed) * 100) / 100),
      utilization: available > 0 ? committed / available : null,
      firstPassRate: q?.firstPassRate ?? null,
      onTimeRate: q?.onTimeRate ?? null,
      freeByDay: days.map((d) => ({ date: d.date, free: Math.max(0, d.available - d.committed) })),
      assignments: assignments
        .filter((a) => a.projectId !== projectId)
        .map((a) => {
          let hours = 0;
          for (const [date, h] of spreads.get(a.id) ?? []) if (date >= windowStart && date <= windowEnd) hours += h;
          return {
            id: a.id,
            projectName: a.projectName,
            skill: skillOf(a.serviceCode),
            hoursInWindow: hours,
            dueDate: a.projectDueDate,
          };
        })
        .filter((a) => a.hoursInWindow > 0),
    };
  });
  const ranked = rankCandidates(project, routingPeople, windowStart);
  const converter = loadConverter(sqlite);
  return {
    projectId: project.id,
    projectName: project.name,
    neededHours: project.neededHours,
    startDate: windowStart,
    dueDate: project.dueDate,
    skill: project.skill,
    clientTimeZone: project.clientTimeZone,
    candidates: ranked.candidates,
    excluded: ranked.excluded,
    overflow: overflowLadder(project, routingPeople, ranked.candidates, (minor, from, to) =>
      convertMinor(converter.table, minor, from, to, today),
    ),
  };
}

function personFields(p: CapacityPersonRow) {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    hubId: p.hubId,
    hubName: p.hubName,
    employmentType: p.employmentType,
    timeZone: p.timeZone,
    workStartMinute: p.workStartMinute,
    hoursPerDay: p.hoursPerDay,
    skills: p.skills,
    hourlyRateMinor: p.hourlyRateMinor,
    rateCurrency: p.rateCurrency,
  };
}

// ---------- balance the week ----------

function balanceInputs(sqlite: Sqlite, weekStart: string, now: Date, hubId: number | null) {
  const end = addDays(weekStart, 6);
  const people = loadPeople(sqlite, { hubId }).filter(
    (p) => p.employmentType === 'core' && p.startDate <= end && (p.endDate === null || p.endDate >= weekStart),
  );
  const rows = personDays(sqlite, people, weekStart, end, personToday(now));
  const balancePeople: BalancePerson[] = [];
  const balanceAssignments: BalanceAssignment[] = [];
  for (const { person, days, assignments, spreads } of rows) {
    balancePeople.push({
      id: person.id,
      name: person.name,
      employmentType: person.employmentType,
      skills: person.skills,
      availableHours: days.reduce((s, d) => s + d.available, 0),
      committedHours: days.reduce((s, d) => s + d.committed, 0),
    });
    for (const a of assignments) {
      let hours = 0;
      for (const [date, h] of spreads.get(a.id) ?? []) if (date >= weekStart && date <= end) hours += h;
      if (hours <= 0) continue;
      balanceAssignments.push({
        id: a.id,
        projectName: a.projectName,
        personId: a.personId,
        skill: skillOf(a.serviceCode),
        hoursThisWeek: Math.round(hours * 100) / 100,
        dueDate: a.projectDueDate,
        // Work with hours logged today stays put; the rest can move.
        movable: a.projectStage !== 'final_delivery',
      });
    }
  }
  return { people: balancePeople, assignments: balanceAssignments };
}

/** The week's proposal among the core team, or among one hub's core people. */
export function balanceProposal(
  sqlite: Sqlite,
  weekStartInput: string,
  now: Date,
  hubId: number | null = null,
): BalanceProposal {
  const weekStart = startOfIsoWeek(weekStartInput);
  const { people, assignments } = balanceInputs(sqlite, weekStart, now, hubId);
  return balanceWeek(weekStart, people, assignments);
}

/**
 * Applies the accepted moves (each must still be one the optimizer proposes
 * for that week, so a stale proposal is refused rather than half-applied).
 */
export function applyBalance(
  sqlite: Sqlite,
  input: { weekStart: string; hubId?: number | null; moves: { assignmentId: number; toPersonId: number }[] },
  now: Date,
  today: string,
  stamp: Stamp,
): AssignmentRevert {
  const proposal = balanceProposal(sqlite, input.weekStart, now, input.hubId ?? null);
  const proposed = new Set(proposal.moves.map((m) => `${m.assignmentId}>${m.toPersonId}`));
  for (const m of input.moves)
    if (!proposed.has(`${m.assignmentId}>${m.toPersonId}`)) throw failure('CONFLICT', 'routing.weekChanged');
  const revert: AssignmentRevert = { restore: [], remove: [] };
  for (const m of input.moves) {
    const moved = moveAssignment(sqlite, { id: m.assignmentId, personId: m.toPersonId, shiftDays: 0 }, stamp, today);
    revert.restore.push(...moved.revert.restore);
    revert.remove.push(...moved.revert.remove);
  }
  return revert;
}
