/** Capacity reads: the people × periods matrix, demand against capacity, time-zone coverage. */
import {
  type Assignment,
  type CapacityCell,
  type CapacityGroup,
  type CapacityMatrix,
  type CapacityPeriod,
  type CapacityPerson,
  type CoverageReport,
  type DemandReport,
  type DemandWeek,
  skillOfService,
} from '../../../shared/capacity';
import { addDays, earlierDate, laterDate, localDate, startOfIsoWeek } from '../../../shared/dates';
import type { Sqlite } from '../db/client';
import { hoursCovered, utcWindow } from '../routing/timezones';
import {
  type AssignmentRow,
  type CapacityPersonRow,
  calendars,
  loadAssignments,
  loadPeople,
  loggedByPersonDay,
} from './calendar';
import {
  committedByDay,
  datesBetween,
  dayAvailability,
  figures,
  OVERDUE_HORIZON_DAYS,
  type PersonCalendar,
  remainingHours,
  roundFigures,
  spreadPerson,
  sumFigures,
} from './engine';

/**
 * An assignment as the interface sees it. `placed` says where its remaining hours fall: `spread`
 * (from `spreadPerson`) gives the first and last date with hours, `poured` whether they were
 * poured into free room (no working day of its own left), and `today` (the person's own, the
 * spread's first day) whether its end date passed; without it they are null.
 */
export function toAssignment(
  a: AssignmentRow,
  personName: string,
  placed?: { spread: ReadonlyMap<string, number>; poured: boolean; today: string },
): Assignment {
  const remaining = Math.round(remainingHours(a) * 100) / 100;
  let hoursFrom: string | null = null;
  let hoursTo: string | null = null;
  if (placed && remaining > 0)
    // An overdue spread's overflow is added after its free-room days: its keys are not in date order.
    for (const date of placed.spread.keys()) {
      if (hoursFrom === null || date < hoursFrom) hoursFrom = date;
      if (hoursTo === null || date > hoursTo) hoursTo = date;
    }
  return {
    id: a.id,
    projectId: a.projectId,
    projectName: a.projectName,
    clientName: a.clientName,
    personId: a.personId,
    personName,
    plannedHours: a.plannedHours,
    loggedHours: Math.round(a.loggedHours * 100) / 100,
    remainingHours: remaining,
    startDate: a.startDate,
    endDate: a.endDate,
    projectDueDate: a.projectDueDate,
    hoursFrom,
    hoursTo,
    overdue: placed ? remaining > 0 && placed.poured : null,
    late: placed ? a.endDate < placed.today : null,
    costMinor: a.costMinor,
    costCurrency: a.costCurrency,
    skill: skillOfService(a.serviceCode),
  };
}

/** The widest range any assignment's spread can reach, so calendars cover it. */
function horizon(from: string, to: string, today: string, assignments: readonly AssignmentRow[]): [string, string] {
  let start = from < today ? from : today;
  let end = to > today ? to : today;
  for (const a of assignments) {
    if (a.startDate < start) start = a.startDate;
    if (a.endDate > end) end = a.endDate;
  }
  // Overdue work fills free room for up to OVERDUE_HORIZON_DAYS from today or its start.
  return [start, addDays(end, OVERDUE_HORIZON_DAYS + 1)];
}

/** One person's calendar and where their committed hours fall, over a range. */
export interface PersonLoad {
  person: CapacityPersonRow;
  calendar: PersonCalendar;
  assignments: AssignmentRow[];
  availableOn: (date: string) => number;
  /** Where each assignment's remaining hours fall, by id (overdue work poured into free room). */
  spreads: Map<number, Map<string, number>>;
  /** The assignments whose hours were poured into free room: no working day of their own left. */
  poured: Set<number>;
  /** Committed hours by date inside the range: logged up to today, remaining hours from today on. */
  committed: Map<string, number>;
}

export interface PersonDays extends PersonLoad {
  days: { date: string; available: number; committed: number; timeOff: boolean; holidays: readonly string[] }[];
}

/**
 * Each person's calendar and committed hours between two dates.
 * `todayOf` gives each person's own today (their time zone).
 */
export function personLoads(
  sqlite: Sqlite,
  people: readonly CapacityPersonRow[],
  from: string,
  to: string,
  todayOf: (person: CapacityPersonRow) => string,
): PersonLoad[] {
  const ids = people.map((p) => p.id);
  const earliestToday = people.reduce((m, p) => earlierDate(todayOf(p), m), laterDate(to, from));
  const assignments = loadAssignments(sqlite, { open: true, personIds: ids });
  const [hFrom, hTo] = horizon(from, to, earliestToday, assignments);
  const cals = calendars(sqlite, people, hFrom, hTo);
  // Hours logged today take room overdue work cannot fill, whatever the range shows.
  const logged = loggedByPersonDay(sqlite, earlierDate(from, earliestToday), to);
  const byPerson = new Map<number, AssignmentRow[]>();
  for (const a of assignments) {
    const mine = byPerson.get(a.personId);
    if (mine) mine.push(a);
    else byPerson.set(a.personId, [a]);
  }
  return people.map((person) => {
    const { calendar, availableOn } = cals.get(person.id)!;
    const mine = byPerson.get(person.id) ?? [];
    const today = todayOf(person);
    const loggedByDate = logged.get(person.id) ?? new Map<string, number>();
    const poured = new Set<number>();
    const spreads = spreadPerson(mine, availableOn, today, loggedByDate.get(today) ?? 0, poured);
    const committed = committedByDay(mine, loggedByDate, availableOn, today, from, to, spreads);
    return { person, calendar, assignments: mine, availableOn, spreads, poured, committed };
  });
}

/** Available and committed hours per person per day between two dates (`personLoads`, a row per day). */
export function personDays(
  sqlite: Sqlite,
  people: readonly CapacityPersonRow[],
  from: string,
  to: string,
  todayOf: (person: CapacityPersonRow) => string,
): PersonDays[] {
  const dates = datesBetween(from, to);
  return personLoads(sqlite, people, from, to, todayOf).map((load) => ({
    ...load,
    days: dates.map((date) => {
      const d = dayAvailability(load.person, load.calendar, date);
      return {
        date,
        available: d.available,
        committed: load.committed.get(date) ?? 0,
        timeOff: d.timeOff,
        holidays: d.holidays,
      };
    }),
  }));
}

export const personToday = (now: Date) => (p: { timeZone: string }) => localDate(now, p.timeZone);

/** Consecutive days, ISO weeks (from the Monday on or before `from`) or calendar months. */
export function periodsOf(granularity: 'day' | 'week' | 'month', fromDate: string, count: number): CapacityPeriod[] {
  const periods: CapacityPeriod[] = [];
  let start =
    granularity === 'week'
      ? startOfIsoWeek(fromDate)
      : granularity === 'month'
        ? `${fromDate.slice(0, 8)}01`
        : fromDate;
  for (let i = 0; i < count; i++) {
    const next =
      granularity === 'day' ? addDays(start, 1) : granularity === 'week' ? addDays(start, 7) : firstOfNextMonth(start);
    periods.push({ start, end: addDays(next, -1) });
    start = next;
  }
  return periods;
}

function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function capacityMatrix(
  sqlite: Sqlite,
  args: { from: string; granularity: 'day' | 'week' | 'month'; count: number; hubId: number | null },
  now: Date,
  workspaceToday: string,
): CapacityMatrix {
  const periods = periodsOf(args.granularity, args.from, args.count);
  const from = periods[0]!.start;
  const to = periods[periods.length - 1]!.end;
  const people = loadPeople(sqlite, { hubId: args.hubId }).filter(
    (p) => p.startDate <= to && (p.endDate === null || p.endDate >= from),
  );
  const todayOf = personToday(now);
  const rows = personLoads(sqlite, people, from, to, todayOf);
  const index = new Map(periods.map((p, i) => [p.start, i]));
  const periodOf = (date: string) =>
    index.get(
      args.granularity === 'week'
        ? startOfIsoWeek(date)
        : args.granularity === 'month'
          ? `${date.slice(0, 8)}01`
          : date,
    )!;
  // Every person's days are the same dates: their periods are worked out once, and no row per person-day is kept.
  const dates = datesBetween(from, to);
  const periodOfDay = dates.map(periodOf);

  const capacityPeople: CapacityPerson[] = rows.map(({ person, calendar, committed, assignments, spreads, poured }) => {
    const cells: CapacityCell[] = periods.map(() => ({
      available: 0,
      committed: 0,
      utilization: null,
      timeOffDays: 0,
      holidays: [],
    }));
    dates.forEach((date, i) => {
      const d = dayAvailability(person, calendar, date);
      const c = cells[periodOfDay[i]!]!;
      c.available += d.available;
      c.committed += committed.get(date) ?? 0;
      if (d.timeOff) c.timeOffDays += 1;
      for (const h of d.holidays) if (!c.holidays.includes(h)) c.holidays.push(h);
    });
    for (const c of cells) c.utilization = figures(c.available, c.committed).utilization;
    const today = todayOf(person); // the same as personLoads spread from
    return {
      id: person.id,
      name: person.name,
      role: person.role,
      hubId: person.hubId,
      employmentType: person.employmentType,
      timeZone: person.timeZone,
      hoursPerDay: person.hoursPerDay,
      skills: person.skills,
      cells,
      total: sumFigures(cells),
      assignments: assignments.map((a) =>
        toAssignment(a, person.name, { spread: spreads.get(a.id)!, poured: poured.has(a.id), today }),
      ),
    };
  });

  const group = (hubId: number | null, name: string, members: CapacityPerson[]): CapacityGroup => {
    const cells = periods.map((_, i) => sumFigures(members.map((m) => m.cells[i]!)));
    return { hubId, name, cells, total: sumFigures(cells) };
  };
  const hubs: CapacityGroup[] = [];
  for (const person of rows.map((r) => r.person))
    if (!hubs.some((h) => h.hubId === person.hubId))
      hubs.push(
        group(
          person.hubId,
          person.hubName ?? '',
          capacityPeople.filter((p) => p.hubId === person.hubId),
        ),
      );
  const core = capacityPeople.filter((p) => p.employmentType === 'core');
  const roundGroup = (g: CapacityGroup): CapacityGroup => ({
    ...g,
    cells: g.cells.map(roundFigures),
    total: roundFigures(g.total),
  });
  return {
    granularity: args.granularity,
    from,
    to,
    today: workspaceToday,
    periods,
    people: capacityPeople.map((p) => ({ ...p, cells: p.cells.map(roundFigures), total: roundFigures(p.total) })),
    hubs: hubs.map(roundGroup),
    team: roundGroup(group(null, 'team', core)),
  };
}

// ---------- demand ----------

const TIMELINE_WEEKS: Record<string, [number, number]> = {
  now: [0, 1],
  this_month: [0, 4],
  this_quarter: [0, 13],
  later: [4, 13],
  unknown: [0, 13],
};

/**
 * Team capacity (core people) against demand, week by week: open projects'
 * remaining hours where they fall, plus the pipeline's expected hours (win
 * probability × the service's typical effort) spread over the lead's timeline.
 * With a hub, only its people, its projects and its leads count (as the board's hub filter shows them).
 */
export function demandReport(
  sqlite: Sqlite,
  weeks: number,
  fromDate: string,
  now: Date,
  hubId: number | null = null,
): DemandReport {
  const from = startOfIsoWeek(fromDate);
  const to = addDays(from, 7 * weeks - 1);
  const weekIndex = (date: string) => Math.floor((Date.parse(date) - Date.parse(from)) / (7 * 86_400_000));
  const rows: DemandWeek[] = Array.from({ length: weeks }, (_, i) => ({
    weekStart: addDays(from, 7 * i),
    capacityHours: 0,
    projectHours: 0,
    pipelineHours: 0,
    demandHours: 0,
    gapHours: 0,
    gapPeople: 0,
  }));
  const people = loadPeople(sqlite, { hubId }).filter(
    (p) => p.startDate <= to && (p.endDate === null || p.endDate >= from),
  );
  const days = personDays(sqlite, people, from, to, personToday(now));
  for (const { person, days: ds } of days)
    for (const d of ds) {
      const w = rows[weekIndex(d.date)]!;
      if (person.employmentType === 'core') w.capacityHours += d.available;
      w.projectHours += d.committed;
    }
  // Open projects nobody is assigned to yet: the service's effort, spread evenly until the due date.
  const unassigned = sqlite
    .prepare(
      `SELECT p.start_date AS startDate, p.due_date AS dueDate, s.effort_hours AS effort
       FROM projects p JOIN services s ON s.id = p.service_id
       WHERE p.stage NOT IN ('final_delivery', 'invoiced', 'paid', 'cancelled')
         AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.project_id = p.id)
         AND (? IS NULL OR p.hub_id = ?)`,
    )
    .all(hubId, hubId) as { startDate: string; dueDate: string; effort: number }[];
  for (const p of unassigned) {
    const start = laterDate(p.startDate, from);
    const end = laterDate(p.dueDate, start);
    const first = Math.max(0, weekIndex(start));
    const last = Math.min(weeks - 1, weekIndex(end));
    if (first > weeks - 1) continue;
    const span = Math.max(1, last - first + 1);
    for (let i = first; i <= Math.max(first, last); i++) rows[i]!.projectHours += p.effort / span;
  }
  const pipeline = sqlite
    .prepare(
      `SELECT coalesce(l.timeline, 'unknown') AS timeline,
         sum(coalesce(l.probability_override, l.win_probability, 0) * coalesce(s.effort_hours, 0)) AS hours
       FROM leads l LEFT JOIN services s ON s.id = l.service_id
       WHERE l.stage IN ('new', 'qualified', 'proposal') AND (? IS NULL OR l.hub_id = ?) GROUP BY 1`,
    )
    .all(hubId, hubId) as { timeline: string; hours: number }[];
  for (const { timeline, hours } of pipeline) {
    const [a, b] = TIMELINE_WEEKS[timeline] ?? TIMELINE_WEEKS.unknown!;
    const lo = Math.min(a, weeks - 1);
    const hi = Math.min(b, weeks);
    for (let i = lo; i < Math.max(hi, lo + 1); i++) rows[i]!.pipelineHours += hours / Math.max(1, hi - lo);
  }
  const capacityTotal = rows.reduce((s, r) => s + r.capacityHours, 0);
  // "A person" is this team's average week (time off and holidays included).
  const corePeople = people.filter((p) => p.employmentType === 'core').length;
  const perPerson = corePeople > 0 && capacityTotal > 0 ? capacityTotal / (corePeople * weeks) : 40;
  const round = (h: number) => Math.round(h * 10) / 10;
  for (const r of rows) {
    r.demandHours = r.projectHours + r.pipelineHours;
    r.gapHours = r.demandHours - r.capacityHours;
    r.gapPeople = round(r.gapHours / perPerson);
    r.capacityHours = round(r.capacityHours);
    r.projectHours = round(r.projectHours);
    r.pipelineHours = round(r.pipelineHours);
    r.demandHours = round(r.demandHours);
    r.gapHours = round(r.gapHours);
  }
  return { weeks: rows, hoursPerPersonWeek: round(perPerson) };
}

// ---------- time-zone coverage ----------

/** Which hours of a day in the client's time zone each working person covers. */
export function coverage(sqlite: Sqlite, timeZone: string, date: string): CoverageReport {
  const people = loadPeople(sqlite).filter((p) => p.employmentType === 'core');
  const cals = calendars(sqlite, people, addDays(date, -1), addDays(date, 1));
  const hours: CoverageReport['hours'] = Array.from({ length: 24 }, (_, hour) => ({ hour, people: [] }));
  for (const p of people) {
    // The person's own date may differ from the client's: try their yesterday, today and tomorrow.
    for (const d of [addDays(date, -1), date, addDays(date, 1)]) {
      if (cals.get(p.id)!.availableOn(d) <= 0) continue;
      const window = utcWindow(d, p.timeZone, p.workStartMinute, p.hoursPerDay);
      for (const h of hoursCovered(date, timeZone, window))
        if (!hours[h]!.people.some((x) => x.id === p.id))
          hours[h]!.people.push({ id: p.id, name: p.name, hubId: p.hubId });
    }
  }
  return { timeZone, date, hours };
}
