/** Capacity writes: assignments (create, move, undo), time logs, time off, skills and hub holidays. */

import type { z } from 'zod';
import {
  type Assignment,
  type AssignmentMoved,
  type AssignmentRevert,
  type Holiday,
  movedDates,
  type PersonSkill,
  type TimeOff,
  type TimeWeek,
} from '../../../shared/capacity';
import type {
  assignmentInputSchema,
  assignmentUpdateSchema,
  holidayInputSchema,
  holidayRemoveSchema,
  holidayToggleSchema,
  holidayUpdateSchema,
  skillsSetSchema,
  timeLogSchema,
  timeOffInputSchema,
  timeOffPreviewSchema,
} from '../../../shared/capacity-schemas';
import { addDays, daysBetween, earlierDate, laterDate, startOfIsoWeek } from '../../../shared/dates';
import { failure } from '../../../shared/errors';
import { audit } from '../audit/log';
import { cached, type Sqlite } from '../db/client';
import { assertHubExists } from '../hubs/repo';
import { calendars, listHolidays, loadAssignments, loadPeople } from './calendar';
import { assignmentDatesProblem, workingDaysBetween } from './engine';
import { toAssignment } from './matrix';

export interface Stamp {
  at: string;
  actor: string;
}

const CLOSED_STAGES = new Set(['final_delivery', 'invoiced', 'paid', 'cancelled']);

function person(sqlite: Sqlite, id: number) {
  const p = loadPeople(sqlite, { ids: [id] })[0];
  if (!p) throw failure('NOT_FOUND', 'notFound.person', { id }, 'personId');
  return p;
}

function project(sqlite: Sqlite, id: number) {
  const p = cached(sqlite, 'SELECT id, name, stage FROM projects WHERE id = ?').get(id) as
    | { id: number; name: string; stage: string }
    | undefined;
  if (!p) throw failure('NOT_FOUND', 'notFound.project', { id }, 'projectId');
  return p;
}

export function getAssignment(sqlite: Sqlite, id: number): Assignment {
  const row = loadAssignments(sqlite, { ids: [id] })[0];
  if (!row) throw failure('NOT_FOUND', 'notFound.assignment', { id });
  return toAssignment(row, person(sqlite, row.personId).name);
}

export function assignmentsForProject(sqlite: Sqlite, projectId: number): Assignment[] {
  project(sqlite, projectId);
  const names = new Map(loadPeople(sqlite).map((p) => [p.id, p.name]));
  return loadAssignments(sqlite, { projectId }).map((a) => toAssignment(a, names.get(a.personId) ?? ''));
}

function checkDates(sqlite: Sqlite, personId: number, startDate: string, endDate: string): void {
  const problem = assignmentDatesProblem(person(sqlite, personId), startDate, endDate);
  if (problem) throw problem;
}

export function createAssignment(
  sqlite: Sqlite,
  input: z.output<typeof assignmentInputSchema>,
  stamp: Stamp,
): Assignment {
  const p = project(sqlite, input.projectId);
  if (CLOSED_STAGES.has(p.stage)) throw failure('CONFLICT', 'assignment.projectClosed', { project: p.name });
  checkDates(sqlite, input.personId, input.startDate, input.endDate);
  const r = cached(
    sqlite,
    `INSERT INTO assignments (project_id, person_id, planned_hours, start_date, end_date, cost_minor, cost_currency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.projectId,
    input.personId,
    input.plannedHours,
    input.startDate,
    input.endDate,
    input.costMinor,
    input.costCurrency,
    stamp.at,
  );
  const id = Number(r.lastInsertRowid);
  audit(sqlite, { ...stamp, action: 'create', entity: 'assignment', entityId: id, detail: input });
  return getAssignment(sqlite, id);
}

export function updateAssignment(
  sqlite: Sqlite,
  input: z.output<typeof assignmentUpdateSchema>,
  stamp: Stamp,
): Assignment {
  const current = getAssignment(sqlite, input.id);
  const next = {
    plannedHours: input.plannedHours ?? current.plannedHours,
    startDate: input.startDate ?? current.startDate,
    endDate: input.endDate ?? current.endDate,
    costMinor: input.costMinor === undefined ? current.costMinor : input.costMinor,
    costCurrency: input.costCurrency === undefined ? current.costCurrency : input.costCurrency,
  };
  if ((next.costMinor === null) !== (next.costCurrency === null))
    throw failure('BAD_REQUEST', 'assignment.costPair', {}, 'costCurrency');
  checkDates(sqlite, current.personId, next.startDate, next.endDate);
  cached(
    sqlite,
    'UPDATE assignments SET planned_hours = ?, start_date = ?, end_date = ?, cost_minor = ?, cost_currency = ? WHERE id = ?',
  ).run(next.plannedHours, next.startDate, next.endDate, next.costMinor, next.costCurrency, input.id);
  audit(sqlite, { ...stamp, action: 'update', entity: 'assignment', entityId: input.id, detail: input });
  return getAssignment(sqlite, input.id);
}

function rowState(a: Assignment): AssignmentRevert['restore'][number] {
  return { id: a.id, personId: a.personId, plannedHours: a.plannedHours, startDate: a.startDate, endDate: a.endDate };
}

/**
 * Moves an assignment to another person and/or shifts it by whole days. Hours
 * already logged stay with whoever logged them: the old assignment keeps them
 * (its plan shrinks to what was logged) and the new person takes the rest.
 */
export function moveAssignment(
  sqlite: Sqlite,
  input: { id: number; personId: number; shiftDays: number },
  stamp: Stamp,
  today: string,
): AssignmentMoved {
  const current = getAssignment(sqlite, input.id);
  const p = project(sqlite, current.projectId);
  if (CLOSED_STAGES.has(p.stage)) throw failure('CONFLICT', 'assignment.projectClosedKeep', { project: p.name });
  const { startDate, endDate, split } = movedDates(current, input.personId, input.shiftDays, today);
  const revert: AssignmentRevert = { restore: [rowState(current)], remove: [] };
  if (!split) {
    if (input.personId === current.personId && input.shiftDays === 0)
      return { assignment: current, revert: { restore: [], remove: [] } };
    checkDates(sqlite, input.personId, startDate, endDate);
    cached(sqlite, 'UPDATE assignments SET person_id = ?, start_date = ?, end_date = ? WHERE id = ?').run(
      input.personId,
      startDate,
      endDate,
      input.id,
    );
    audit(sqlite, { ...stamp, action: 'move', entity: 'assignment', entityId: input.id, detail: input });
    return { assignment: getAssignment(sqlite, input.id), revert };
  }
  // Split: the logged part stays, the remaining hours move, from today at the earliest.
  if (current.remainingHours <= 0) throw failure('CONFLICT', 'assignment.allLogged');
  checkDates(sqlite, input.personId, startDate, endDate);
  cached(sqlite, 'UPDATE assignments SET planned_hours = ?, end_date = ? WHERE id = ?').run(
    current.loggedHours,
    current.endDate < today ? current.endDate : today < current.startDate ? current.startDate : today,
    input.id,
  );
  const created = createAssignment(
    sqlite,
    {
      projectId: current.projectId,
      personId: input.personId,
      plannedHours: current.remainingHours,
      startDate,
      endDate,
      costMinor: null,
      costCurrency: null,
    },
    stamp,
  );
  revert.remove.push(created.id);
  audit(sqlite, {
    ...stamp,
    action: 'split',
    entity: 'assignment',
    entityId: input.id,
    detail: { ...input, into: created.id },
  });
  return { assignment: created, revert };
}

/** Puts rows back as they were and removes the rows a move created (they must have no logged hours). */
export function revertAssignments(sqlite: Sqlite, revert: AssignmentRevert, stamp: Stamp): number {
  for (const id of revert.remove) {
    const a = getAssignment(sqlite, id);
    if (a.loggedHours > 0) throw failure('CONFLICT', 'assignment.loggedSinceMove', { project: a.projectName });
    cached(sqlite, 'DELETE FROM assignments WHERE id = ?').run(id);
  }
  for (const r of revert.restore) {
    getAssignment(sqlite, r.id);
    checkDates(sqlite, r.personId, r.startDate, r.endDate);
    cached(
      sqlite,
      'UPDATE assignments SET person_id = ?, planned_hours = ?, start_date = ?, end_date = ? WHERE id = ?',
    ).run(r.personId, r.plannedHours, r.startDate, r.endDate, r.id);
  }
  audit(sqlite, { ...stamp, action: 'revert', entity: 'assignment', detail: revert });
  return revert.restore.length + revert.remove.length;
}

export function deleteAssignment(sqlite: Sqlite, id: number, stamp: Stamp): number {
  const a = getAssignment(sqlite, id);
  if (a.loggedHours > 0)
    throw failure('CONFLICT', 'assignment.hasLoggedHours', {
      person: a.personName,
      hours: a.loggedHours,
      project: a.projectName,
    });
  cached(sqlite, 'DELETE FROM assignments WHERE id = ?').run(id);
  audit(sqlite, { ...stamp, action: 'delete', entity: 'assignment', entityId: id, detail: a });
  return 1;
}

// ---------- time logging ----------

export function timeWeek(sqlite: Sqlite, personId: number, weekStartInput: string): TimeWeek {
  const p = person(sqlite, personId);
  const weekStart = startOfIsoWeek(weekStartInput);
  const end = addDays(weekStart, 6);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const { availableOn } = calendars(sqlite, [p], weekStart, end).get(p.id)!;
  const rows = new Map<number, TimeWeek['rows'][number]>();
  for (const a of loadAssignments(sqlite, { personIds: [personId], from: weekStart, to: end }))
    if (!rows.has(a.projectId))
      rows.set(a.projectId, {
        projectId: a.projectId,
        projectName: a.projectName,
        assignmentId: a.id,
        hours: days.map(() => 0),
      });
  for (const e of sqlite
    .prepare(
      `SELECT t.project_id, p.name, t.date, t.hours FROM time_entries t JOIN projects p ON p.id = t.project_id
       WHERE t.person_id = ? AND t.date BETWEEN ? AND ?`,
    )
    .all(personId, weekStart, end) as { project_id: number; name: string; date: string; hours: number }[]) {
    let row = rows.get(e.project_id);
    if (!row) {
      row = { projectId: e.project_id, projectName: e.name, assignmentId: null, hours: days.map(() => 0) };
      rows.set(e.project_id, row);
    }
    row.hours[daysBetween(weekStart, e.date)] = e.hours;
  }
  return {
    personId,
    weekStart,
    days,
    rows: [...rows.values()].sort((a, b) => a.projectName.localeCompare(b.projectName)),
    available: days.map(availableOn),
  };
}

export function logTime(sqlite: Sqlite, input: z.output<typeof timeLogSchema>, stamp: Stamp, today: string): TimeWeek {
  const p = person(sqlite, input.personId);
  project(sqlite, input.projectId);
  if (input.date > today) throw failure('BAD_REQUEST', 'time.aheadOfToday', { today }, 'date');
  if (input.date < p.startDate || (p.endDate !== null && input.date > p.endDate))
    throw failure('BAD_REQUEST', 'time.notEmployed', { person: p.name, date: input.date }, 'date');
  const others = (
    cached(
      sqlite,
      'SELECT coalesce(sum(hours), 0) AS h FROM time_entries WHERE person_id = ? AND date = ? AND project_id != ?',
    ).get(input.personId, input.date, input.projectId) as { h: number }
  ).h;
  if (others + input.hours > 24)
    throw failure('BAD_REQUEST', 'time.dayFull', { hours: others + input.hours, date: input.date }, 'hours');
  if (input.hours === 0)
    cached(sqlite, 'DELETE FROM time_entries WHERE person_id = ? AND project_id = ? AND date = ?').run(
      input.personId,
      input.projectId,
      input.date,
    );
  else
    cached(
      sqlite,
      `INSERT INTO time_entries (person_id, project_id, date, hours) VALUES (?, ?, ?, ?)
       ON CONFLICT (person_id, project_id, date) DO UPDATE SET hours = excluded.hours`,
    ).run(input.personId, input.projectId, input.date, input.hours);
  audit(sqlite, { ...stamp, action: 'log', entity: 'time_entry', entityId: input.projectId, detail: input });
  return timeWeek(sqlite, input.personId, input.date);
}

// ---------- time off ----------

const TIME_OFF_SQL = `SELECT id, person_id AS personId, start_date AS startDate, end_date AS endDate, kind, note FROM time_off`;

type TimeOffRow = Omit<TimeOff, 'workingDays'>;

/** Time off with the working days each takes from its person, by the capacity engine's own rule. */
function withWorkingDays<R extends { personId: number; startDate: string; endDate: string }>(
  sqlite: Sqlite,
  rows: R[],
): (R & { workingDays: number })[] {
  if (rows.length === 0) return [];
  const people = loadPeople(sqlite, { ids: [...new Set(rows.map((r) => r.personId))] });
  const from = rows.reduce((m, r) => earlierDate(m, r.startDate), rows[0]!.startDate);
  const to = rows.reduce((m, r) => laterDate(m, r.endDate), rows[0]!.endDate);
  const cals = calendars(sqlite, people, from, to);
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = byId.get(r.personId)!;
    return { ...r, workingDays: workingDaysBetween(p, cals.get(p.id)!.calendar.holidays, r.startDate, r.endDate) };
  });
}

/** The working days time off over these dates would take from the person, counted as the booked ones are. */
export function timeOffWorkingDays(sqlite: Sqlite, input: z.output<typeof timeOffPreviewSchema>): number {
  person(sqlite, input.personId);
  return withWorkingDays(sqlite, [input])[0]!.workingDays;
}

export function listTimeOff(sqlite: Sqlite, personId: number | null): TimeOff[] {
  return withWorkingDays(
    sqlite,
    (personId === null
      ? sqlite.prepare(`${TIME_OFF_SQL} ORDER BY start_date DESC, id`).all()
      : sqlite
          .prepare(`${TIME_OFF_SQL} WHERE person_id = ? ORDER BY start_date DESC, id`)
          .all(personId)) as TimeOffRow[],
  );
}

export function addTimeOff(sqlite: Sqlite, input: z.output<typeof timeOffInputSchema>, stamp: Stamp): TimeOff {
  person(sqlite, input.personId);
  const clash = sqlite
    .prepare('SELECT start_date, end_date FROM time_off WHERE person_id = ? AND start_date <= ? AND end_date >= ?')
    .get(input.personId, input.endDate, input.startDate) as { start_date: string; end_date: string } | undefined;
  if (clash)
    throw failure('CONFLICT', 'timeOff.overlap', { start: clash.start_date, end: clash.end_date }, 'startDate');
  const r = sqlite
    .prepare('INSERT INTO time_off (person_id, start_date, end_date, kind, note) VALUES (?, ?, ?, ?, ?)')
    .run(input.personId, input.startDate, input.endDate, input.kind, input.note);
  const id = Number(r.lastInsertRowid);
  audit(sqlite, { ...stamp, action: 'create', entity: 'time_off', entityId: id, detail: input });
  return withWorkingDays(sqlite, [sqlite.prepare(`${TIME_OFF_SQL} WHERE id = ?`).get(id) as TimeOffRow])[0]!;
}

export function removeTimeOff(sqlite: Sqlite, id: number, stamp: Stamp): number {
  const row = sqlite.prepare(`${TIME_OFF_SQL} WHERE id = ?`).get(id);
  if (!row) throw failure('NOT_FOUND', 'notFound.timeOff', { id });
  sqlite.prepare('DELETE FROM time_off WHERE id = ?').run(id);
  audit(sqlite, { ...stamp, action: 'delete', entity: 'time_off', entityId: id, detail: row });
  return 1;
}

// ---------- skills ----------

export function setSkills(sqlite: Sqlite, input: z.output<typeof skillsSetSchema>, stamp: Stamp): PersonSkill[] {
  person(sqlite, input.personId);
  sqlite.prepare('DELETE FROM person_skills WHERE person_id = ?').run(input.personId);
  const insert = sqlite.prepare('INSERT INTO person_skills (person_id, skill, level) VALUES (?, ?, ?)');
  for (const s of input.skills) insert.run(input.personId, s.skill, s.level);
  audit(sqlite, {
    ...stamp,
    action: 'update',
    entity: 'person_skills',
    entityId: input.personId,
    detail: input.skills,
  });
  return person(sqlite, input.personId).skills;
}

// ---------- hub holidays ----------

/** The hub's holiday of that name on that day, public or added by hand (as the list shows it), if there is one. */
function holidayOn(sqlite: Sqlite, hubId: number, date: string, name: string): Holiday | undefined {
  return listHolidays(sqlite, hubId, Number(date.slice(0, 4))).find((h) => h.date === date && h.name === name);
}

export function addHoliday(sqlite: Sqlite, input: z.output<typeof holidayInputSchema>, stamp: Stamp): Holiday {
  assertHubExists(sqlite, input.hubId);
  if (holidayOn(sqlite, input.hubId, input.date, input.name))
    throw failure('CONFLICT', 'holiday.exists', { name: input.name, date: input.date }, 'name');
  sqlite
    .prepare("INSERT INTO hub_holidays (hub_id, date, name, source, active) VALUES (?, ?, ?, 'manual', 1)")
    .run(input.hubId, input.date, input.name);
  audit(sqlite, { ...stamp, action: 'create', entity: 'hub_holiday', entityId: input.hubId, detail: input });
  return { hubId: input.hubId, date: input.date, name: input.name, source: 'manual', active: true };
}

/** Removes a holiday added by hand; one from the public calendar can only be switched off. */
export function removeHoliday(sqlite: Sqlite, input: z.output<typeof holidayRemoveSchema>, stamp: Stamp): number {
  assertHubExists(sqlite, input.hubId);
  const r = sqlite
    .prepare("DELETE FROM hub_holidays WHERE hub_id = ? AND date = ? AND name = ? AND source = 'manual'")
    .run(input.hubId, input.date, input.name);
  if (r.changes === 0) throw failure('NOT_FOUND', 'notFound.holiday', { name: input.name, date: input.date });
  audit(sqlite, { ...stamp, action: 'delete', entity: 'hub_holiday', entityId: input.hubId, detail: input });
  return r.changes;
}

/**
 * Moves and/or renames a holiday added by hand (on or off, it stays so). One from the public calendar is refused
 * (it can only be switched off), as is a name the hub already has on the new date; nothing changes then.
 */
export function updateHoliday(sqlite: Sqlite, input: z.output<typeof holidayUpdateSchema>, stamp: Stamp): Holiday {
  assertHubExists(sqlite, input.hubId);
  const { from } = input;
  const holiday = holidayOn(sqlite, input.hubId, from.date, from.name);
  if (!holiday) throw failure('NOT_FOUND', 'notFound.holiday', { name: from.name, date: from.date });
  if (holiday.source !== 'manual') throw failure('CONFLICT', 'holiday.fromCalendar', { name: from.name });
  if (input.date === from.date && input.name === from.name) return holiday;
  if (holidayOn(sqlite, input.hubId, input.date, input.name))
    throw failure('CONFLICT', 'holiday.exists', { name: input.name, date: input.date }, 'name');
  sqlite
    .prepare(
      "UPDATE hub_holidays SET date = ?, name = ? WHERE hub_id = ? AND date = ? AND name = ? AND source = 'manual'",
    )
    .run(input.date, input.name, input.hubId, from.date, from.name);
  audit(sqlite, { ...stamp, action: 'update', entity: 'hub_holiday', entityId: input.hubId, detail: input });
  return { ...holiday, date: input.date, name: input.name };
}

export function setHolidayActive(sqlite: Sqlite, input: z.output<typeof holidayToggleSchema>, stamp: Stamp): Holiday {
  assertHubExists(sqlite, input.hubId);
  const holiday = holidayOn(sqlite, input.hubId, input.date, input.name);
  if (!holiday) throw failure('NOT_FOUND', 'notFound.holiday', { name: input.name, date: input.date });
  if (holiday.source === 'manual')
    sqlite
      .prepare("UPDATE hub_holidays SET active = ? WHERE hub_id = ? AND date = ? AND name = ? AND source = 'manual'")
      .run(input.active ? 1 : 0, input.hubId, input.date, input.name);
  else if (input.active)
    sqlite
      .prepare("DELETE FROM hub_holidays WHERE hub_id = ? AND date = ? AND name = ? AND source = 'library'")
      .run(input.hubId, input.date, input.name);
  else
    sqlite
      .prepare("INSERT OR IGNORE INTO hub_holidays (hub_id, date, name, source, active) VALUES (?, ?, ?, 'library', 0)")
      .run(input.hubId, input.date, input.name);
  audit(sqlite, { ...stamp, action: 'update', entity: 'hub_holiday', entityId: input.hubId, detail: input });
  return { ...holiday, active: input.active };
}
