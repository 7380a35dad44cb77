/**
 * Loads what the capacity engine needs from the workspace: people, their hub's
 * holidays (the country's calendar from the offline `date-holidays` library,
 * with the hub's own edits on top), time off, assignments and logged hours.
 */
import Holidays from 'date-holidays';
import type { Holiday, PersonSkill } from '../../../shared/capacity';
import type { Currency, EmploymentType } from '../../../shared/domain';
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

/**
 * Assignments that can put hours between `from` and `to`: those overlapping the
 * range, and open ones ending before it (their remaining hours are due now).
 * Logged hours are given to each person's assignments on a project in date order.
 */
export function loadAssignments(
  sqlite: Sqlite,
  from: string,
  to: string,
  where: { personIds?: number[]; projectId?: number; ids?: number[] } = {},
): AssignmentRow[] {
  const clauses = [
    `((a.start_date <= ? AND a.end_date >= ?) OR (a.end_date < ? AND p.stage NOT IN ('final_delivery', 'invoiced', 'paid', 'cancelled')))`,
  ];
  const params: (string | number)[] = [to, from, from];
  if (where.projectId !== undefined) {
    clauses.length = 0;
    params.length = 0;
    clauses.push('a.project_id = ?');
    params.push(where.projectId);
  }
  if (where.ids) {
    clauses.length = 0;
    params.length = 0;
    clauses.push(`a.id IN (${where.ids.map(() => '?').join(',') || 'NULL'})`);
    params.push(...where.ids);
  }
  if (where.personIds) {
    clauses.push(`a.person_id IN (${where.personIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...where.personIds);
  }
  const rows = sqlite
    .prepare(`${ASSIGNMENT_SQL} WHERE ${clauses.join(' AND ')} ORDER BY a.start_date, a.id`)
    .all(...params) as Omit<AssignmentRow, 'loggedHours'>[];
  return withLogged(sqlite, rows);
}

function withLogged(sqlite: Sqlite, rows: Omit<AssignmentRow, 'loggedHours'>[]): AssignmentRow[] {
  // Every assignment of the same person and project shares the logged hours.
  const pairs = new Map<string, { personId: number; projectId: number }>();
  for (const r of rows) pairs.set(`${r.personId}|${r.projectId}`, { personId: r.personId, projectId: r.projectId });
  const loggedStmt = cached(
    sqlite,
    'SELECT coalesce(sum(hours), 0) AS h FROM time_entries WHERE person_id = ? AND project_id = ?',
  );
  const siblingsStmt = cached(
    sqlite,
    'SELECT id, planned_hours AS plannedHours, start_date AS startDate FROM assignments WHERE person_id = ? AND project_id = ?',
  );
  const allocated = new Map<number, number>();
  for (const { personId, projectId } of pairs.values()) {
    const logged = (loggedStmt.get(personId, projectId) as { h: number }).h;
    const siblings = siblingsStmt.all(personId, projectId) as { id: number; plannedHours: number; startDate: string }[];
    for (const [id, hours] of allocateLogged(siblings, logged)) allocated.set(id, hours);
  }
  return rows.map((r) => ({ ...r, loggedHours: allocated.get(r.id) ?? 0 }));
}

/** Hours each person logged per day between two dates: person → date → hours. */
export function loggedByPersonDay(sqlite: Sqlite, from: string, to: string): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  for (const r of sqlite
    .prepare('SELECT person_id, date, sum(hours) AS hours FROM time_entries WHERE date BETWEEN ? AND ? GROUP BY 1, 2')
    .all(from, to) as { person_id: number; date: string; hours: number }[]) {
    let days = out.get(r.person_id);
    if (!days) {
      days = new Map();
      out.set(r.person_id, days);
    }
    days.set(r.date, r.hours);
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
