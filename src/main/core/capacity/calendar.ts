/**
 * Loads what the capacity engine needs from the workspace: people, their hub's
 * holidays (the country's calendar from the offline `date-holidays` library,
 * with the hub's own edits on top), time off, assignments and logged hours.
 */
import Holidays from 'date-holidays';
import type { Holiday, PersonSkill } from '../../../shared/capacity';
import type { Currency, EmploymentType } from '../../../shared/domain';
import { WORK_STAGES } from '../../../shared/pipeline';
import { cached, type Sqlite } from '../db/client';
import {
  allocateLogged,
  type CalendarPerson,
  dayAvailability,
  type EngineAssignment,
  type PersonCalendar,
} from './engine';

// ---------- holidays ----------

const libraryCache = new Map<string, { date: string; name: string }[]>();

/** Public holidays of a country in a year, from the offline library (none for an unknown country). */
export function libraryHolidays(country: string, year: number): { date: string; name: string }[] {
  const key = `${country}|${year}`;
  let list = libraryCache.get(key);
  if (!list) {
    list = [];
    try {
      const calendar = new Holidays(country);
      for (const h of calendar.getHolidays(year) || [])
        if (h.type === 'public') list.push({ date: h.date.slice(0, 10), name: h.name });
    } catch {
      // Not a country the library knows (e.g. a remote hub): no public holidays.
    }
    libraryCache.set(key, list);
  }
  return list;
}

interface EditRow {
  date: string;
  name: string;
  source: 'library' | 'manual';
  active: number;
}

/** A hub's holidays for a year: its country's calendar plus manual ones, each switched on or off. */
export function listHolidays(sqlite: Sqlite, hubId: number, year: number): Holiday[] {
  const hub = cached(sqlite, 'SELECT country FROM hubs WHERE id = ?').get(hubId) as { country: string } | undefined;
  if (!hub) return [];
  const edits = cached(
    sqlite,
    'SELECT date, name, source, active FROM hub_holidays WHERE hub_id = ? AND date BETWEEN ? AND ?',
  ).all(hubId, `${year}-01-01`, `${year}-12-31`) as EditRow[];
  const off = new Set(edits.filter((e) => e.source === 'library' && !e.active).map((e) => `${e.date}|${e.name}`));
  const out: Holiday[] = libraryHolidays(hub.country, year).map((h) => ({
    hubId,
    date: h.date,
    name: h.name,
    source: 'library',
    active: !off.has(`${h.date}|${h.name}`),
  }));
  for (const e of edits)
    if (e.source === 'manual') out.push({ hubId, date: e.date, name: e.name, source: 'manual', active: !!e.active });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

/** Active holidays of a hub between two dates: date → names. */
export function activeHolidays(sqlite: Sqlite, hubId: number | null, from: string, to: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (hubId === null) return out;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const h of listHolidays(sqlite, hubId, year))
      if (h.active && h.date >= from && h.date <= to) out.set(h.date, [...(out.get(h.date) ?? []), h.name]);
  return out;
}

// ---------- people ----------

export interface CapacityPersonRow extends CalendarPerson {
  name: string;
  role: string;
  hubId: number | null;
  hubName: string | null;
  employmentType: EmploymentType;
  timeZone: string;
  workStartMinute: number;
  hourlyRateMinor: number | null;
  rateCurrency: Currency | null;
  skills: PersonSkill[];
}

export function loadPeople(
  sqlite: Sqlite,
  filter: { hubId?: number | null; ids?: number[] } = {},
): CapacityPersonRow[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.name, p.role, p.hub_id AS hubId, h.name AS hubName, p.employment_type AS employmentType,
         p.time_zone AS timeZone, p.hours_per_day AS hoursPerDay, p.workdays, p.start_date AS startDate,
         p.end_date AS endDate, p.work_start_minute AS workStartMinute, p.hourly_rate_minor AS hourlyRateMinor,
         p.rate_currency AS rateCurrency
       FROM people p LEFT JOIN hubs h ON h.id = p.hub_id
       ORDER BY h.name IS NULL, h.name, p.name COLLATE NOCASE, p.id`,
    )
    .all() as Omit<CapacityPersonRow, 'skills'>[];
  const skills = new Map<number, PersonSkill[]>();
  for (const s of sqlite
    .prepare('SELECT person_id, skill, level FROM person_skills ORDER BY level DESC, skill')
    .all() as {
    person_id: number;
    skill: PersonSkill['skill'];
    level: PersonSkill['level'];
  }[])
    skills.set(s.person_id, [...(skills.get(s.person_id) ?? []), { skill: s.skill, level: s.level }]);
  const ids = filter.ids ? new Set(filter.ids) : null;
  return rows
    .filter((r) => (filter.hubId == null || r.hubId === filter.hubId) && (!ids || ids.has(r.id)))
    .map((r) => ({ ...r, skills: skills.get(r.id) ?? [] }));
}

// ---------- assignments and logged hours ----------

export interface AssignmentRow extends EngineAssignment {
  projectName: string;
  clientName: string;
  projectDueDate: string;
  projectStage: string;
  serviceCode: string;
  costMinor: number | null;
  costCurrency: Currency | null;
}

const ASSIGNMENT_SQL = `SELECT a.id, a.person_id AS personId, a.project_id AS projectId, a.planned_hours AS plannedHours,
    a.start_date AS startDate, a.end_date AS endDate, a.cost_minor AS costMinor, a.cost_currency AS costCurrency,
    p.name AS projectName, c.name AS clientName, p.due_date AS projectDueDate, p.stage AS projectStage,
    s.code AS serviceCode
  FROM assignments a JOIN projects p ON p.id = a.project_id JOIN clients c ON c.id = p.client_id
  JOIN services s ON s.id = p.service_id`;

const OPEN = `(${WORK_STAGES.map((st) => `'${st}'`).join(', ')})`;

/**
 * Open work of some people: the open projects (few, through the stage index)
 * and their assignments (through the project index), joined here rather than
 * in SQL — the matrix's hot path at 400 people.
 */
function openAssignmentRows(sqlite: Sqlite, personIds: readonly number[]): AssignmentRow[] {
  const projects = new Map<number, [string, string, string, string, string]>();
  for (const [id, name, client, due, stage, code] of cached(
    sqlite,
    `SELECT p.id, p.name, c.name, p.due_date, p.stage, s.code FROM projects p
     JOIN clients c ON c.id = p.client_id JOIN services s ON s.id = p.service_id WHERE p.stage IN ${OPEN}`,
  )
    .raw()
    .all() as [number, string, string, string, string, string][])
    projects.set(id, [name, client, due, stage, code]);
  const people = new Set(personIds);
  const rows: AssignmentRow[] = [];
  for (const [id, personId, projectId, plannedHours, startDate, endDate, costMinor, costCurrency] of cached(
    sqlite,
    `SELECT id, person_id, project_id, planned_hours, start_date, end_date, cost_minor, cost_currency FROM assignments
     WHERE project_id IN (SELECT id FROM projects WHERE stage IN ${OPEN})`,
  )
    .raw()
    .all() as [number, number, number, number, string, string, number | null, Currency | null][]) {
    if (!people.has(personId)) continue;
    const [projectName, clientName, projectDueDate, projectStage, serviceCode] = projects.get(projectId)!;
    rows.push({
      id,
      personId,
      projectId,
      plannedHours,
      startDate,
      endDate,
      costMinor,
      costCurrency,
      projectName,
      clientName,
      projectDueDate,
      projectStage,
      serviceCode,
      loggedHours: 0,
      done: false,
    });
  }
  return rows.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
}

export type AssignmentFilter =
  /** Open work (the project is not delivered or cancelled) of these people: what commits their hours. */
  | { open: true; personIds: readonly number[] }
  /** Everything of these people overlapping two dates (a person's week). */
  | { personIds: readonly number[]; from: string; to: string }
  | { projectId: number }
  | { ids: readonly number[] };

/** Assignments with their logged hours (each person's hours on a project fill their assignments on it in date order). */
export function loadAssignments(sqlite: Sqlite, filter: AssignmentFilter): AssignmentRow[] {
  const list = (xs: readonly number[]) => xs.map(() => '?').join(',') || 'NULL';
  let where: string;
  let params: (string | number)[];
  if ('open' in filter) {
    where = '';
    params = [];
  } else if ('from' in filter) {
    where = `a.start_date <= ? AND a.end_date >= ? AND a.person_id IN (${list(filter.personIds)})`;
    params = [filter.to, filter.from, ...filter.personIds];
  } else if ('projectId' in filter) {
    where = 'a.project_id = ?';
    params = [filter.projectId];
  } else {
    where = `a.id IN (${list(filter.ids)})`;
    params = [...filter.ids];
  }
  // Rows of either query are fresh objects: their logged hours and `done` are filled in below.
  const rows =
    'open' in filter
      ? openAssignmentRows(sqlite, filter.personIds)
      : (sqlite
          .prepare(`${ASSIGNMENT_SQL} WHERE ${where} ORDER BY a.start_date, a.id`)
          .all(...params) as AssignmentRow[]);
  if (rows.length === 0) return [];
  const logged = new Map<number, number>();
  const siblings = new Map<number, { id: number; plannedHours: number; startDate: string }[]>();
  const addSibling = (
    personId: number,
    projectId: number,
    a: { id: number; plannedHours: number; startDate: string },
  ) => {
    const key = pairKey(personId, projectId);
    const group = siblings.get(key);
    if (group) group.push(a);
    else siblings.set(key, [a]);
  };
  if ('open' in filter) {
    // Every assignment of a selected person on an open project is in `rows`: its siblings are there too.
    for (const r of rows) addSibling(r.personId, r.projectId, r);
    for (const [personId, projectId, hours] of cached(
      sqlite,
      `SELECT person_id, project_id, sum(hours) AS h FROM time_entries
       WHERE project_id IN (SELECT id FROM projects WHERE stage IN ${OPEN}) GROUP BY project_id, person_id`,
    )
      .raw()
      .all() as [number, number, number][])
      logged.set(pairKey(personId, projectId), hours);
  } else {
    // The person-project pairs selected, their logged hours and every assignment of each pair.
    const pairs = `SELECT DISTINCT a.person_id, a.project_id FROM assignments a JOIN projects p ON p.id = a.project_id WHERE ${where}`;
    for (const r of sqlite
      .prepare(
        `SELECT x.person_id, x.project_id, sum(t.hours) AS h FROM (${pairs}) x
         JOIN time_entries t ON t.project_id = x.project_id AND t.person_id = x.person_id GROUP BY 1, 2`,
      )
      .all(...params) as { person_id: number; project_id: number; h: number }[])
      logged.set(pairKey(r.person_id, r.project_id), r.h);
    for (const r of sqlite
      .prepare(
        `SELECT a2.id, a2.person_id, a2.project_id, a2.planned_hours AS plannedHours, a2.start_date AS startDate
         FROM (${pairs}) x JOIN assignments a2 ON a2.project_id = x.project_id AND a2.person_id = x.person_id`,
      )
      .all(...params) as {
      id: number;
      person_id: number;
      project_id: number;
      plannedHours: number;
      startDate: string;
    }[])
      addSibling(r.person_id, r.project_id, r);
  }
  const allocated = new Map<number, number>();
  for (const [key, group] of siblings) {
    const hours = logged.get(key) ?? 0;
    // Most people have one assignment per project: it takes every hour they logged on it.
    if (group.length === 1) allocated.set(group[0]!.id, hours);
    else for (const [id, share] of allocateLogged(group, hours)) allocated.set(id, share);
  }
  for (const r of rows) {
    r.loggedHours = allocated.get(r.id) ?? 0;
    r.done = CLOSED_STAGES.has(r.projectStage);
  }
  return rows;
}

/** One number for a person-project pair: exact while person ids stay below 2^21 and project ids below 2^32. */
const pairKey = (personId: number, projectId: number) => personId * 2 ** 32 + projectId;

const CLOSED_STAGES = new Set(['final_delivery', 'invoiced', 'paid', 'cancelled']);

/** Hours each person logged per day between two dates: person → date → hours. */
export function loggedByPersonDay(sqlite: Sqlite, from: string, to: string): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const [date, personId, hours] of cached(
    sqlite,
    'SELECT date, person_id, hours FROM time_daily WHERE date BETWEEN ? AND ?',
  )
    .raw()
    // all() rather than iterate(): at 400 people a quarter is ~15k rows, fetched twice as fast in one call.
    .all(from, to) as [string, number, number][]) {
    let days = out.get(personId);
    if (!days) {
      days = new Map();
      out.set(personId, days);
    }
    days.set(date, hours);
  }
  return out;
}

/** Time off per person overlapping the range. */
export function timeOffBetween(
  sqlite: Sqlite,
  from: string,
  to: string,
): Map<number, { startDate: string; endDate: string }[]> {
  const out = new Map<number, { startDate: string; endDate: string }[]>();
  for (const r of sqlite
    .prepare('SELECT person_id, start_date, end_date FROM time_off WHERE start_date <= ? AND end_date >= ?')
    .all(to, from) as { person_id: number; start_date: string; end_date: string }[])
    out.set(r.person_id, [...(out.get(r.person_id) ?? []), { startDate: r.start_date, endDate: r.end_date }]);
  return out;
}

/**
 * Each person's calendar and a memoized "hours available on date" function,
 * over a horizon wide enough for every assignment's spread.
 */
export function calendars(
  sqlite: Sqlite,
  people: readonly CapacityPersonRow[],
  from: string,
  to: string,
): Map<number, { calendar: PersonCalendar; availableOn: (date: string) => number }> {
  const holidaysByHub = new Map<number | null, Map<string, string[]>>();
  const timeOff = timeOffBetween(sqlite, from, to);
  const out = new Map<number, { calendar: PersonCalendar; availableOn: (date: string) => number }>();
  for (const p of people) {
    if (!holidaysByHub.has(p.hubId)) holidaysByHub.set(p.hubId, activeHolidays(sqlite, p.hubId, from, to));
    const calendar: PersonCalendar = { holidays: holidaysByHub.get(p.hubId)!, timeOff: timeOff.get(p.id) ?? [] };
    const memo = new Map<string, number>();
    const availableOn = (date: string) => {
      let h = memo.get(date);
      if (h === undefined) {
        h = dayAvailability(p, calendar, date).available;
        memo.set(date, h);
      }
      return h;
    };
    out.set(p.id, { calendar, availableOn });
  }
  return out;
}
