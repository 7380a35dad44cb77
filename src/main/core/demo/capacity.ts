/**
 * The demo's capacity history: skills and freelancer rates from each person's
 * role, an assignment for every project (the best-skilled core person with
 * room that week, else a freelancer at their rate), hours logged on the days
 * worked, and some time off. Its own random stream.
 */
import type { Skill } from '../../../shared/capacity';
import { SERVICE_SKILL } from '../../../shared/capacity';
import { addDays, dayNumber, daysBetween, laterDate, startOfIsoWeek, weekday } from '../../../shared/dates';
import { datesBetween } from '../capacity/engine';
import { BatchedInsert, deferIndexes } from '../db/bulk';
import type { Sqlite } from '../db/client';
import type { DemoPlan } from './generate';
import { Random } from './random';

/** What each role can do, and how well (1–5). */
export const ROLE_SKILLS: Record<string, [Skill, number][]> = {
  'Project Manager': [
    ['project_management', 5],
    ['qa', 3],
  ],
  'Sales / BD': [
    ['sales', 5],
    ['copywriting', 2],
  ],
  'Digital Marketing': [
    ['marketing', 5],
    ['copywriting', 3],
    ['design', 2],
  ],
  'Content Creator': [
    ['video_editing', 4],
    ['copywriting', 3],
    ['design', 3],
    ['ai_generation', 2],
  ],
  // The innovation lab: AI work, explainers and some editing.
  'AI Specialist': [
    ['ai_generation', 5],
    ['motion', 4],
    ['video_editing', 3],
  ],
  'Senior Video Editor': [
    ['video_editing', 5],
    ['motion', 4],
  ],
  'QA Specialist': [['qa', 5]],
  'Client Success Manager': [
    ['client_success', 5],
    ['marketing', 2],
  ],
  'BD Assistant': [['sales', 3]],
  'Video Editor': [['video_editing', 4]],
  Designer: [['design', 4]],
  Copywriter: [['copywriting', 4]],
  'Voice Artist': [['voice', 5]],
  'Motion Artist': [
    ['motion', 5],
    ['video_editing', 3],
  ],
};

/** Freelancers' hourly rates in USD cents (PRODUCT.md §1's per-piece prices over typical hours). */
const HOURLY_RATE: Record<string, number> = {
  'Video Editor': 2500,
  Designer: 2000,
  Copywriter: 1800,
  'Voice Artist': 3000,
  'Motion Artist': 3500,
};

/** Bigger clients ask for more work than the catalogue's typical effort. */
const TIER_EFFORT: Record<number, number> = { 1: 4, 2: 2, 3: 1.2 };

interface DemoPersonRow {
  id: number;
  role: string;
  hub: string | null;
  employment_type: string;
  hours_per_day: number;
  workdays: string;
  start_date: string;
}

interface DemoProjectRow {
  id: number;
  code: string;
  effort: number;
  tier: number;
  hub: string;
  start_date: string;
  due_date: string;
  delivered_at: string | null;
  stage: string;
}

const quarter = (h: number) => Math.max(0.25, Math.round(h * 4) / 4);

export function simulateCapacity(sqlite: Sqlite, plan: DemoPlan, at: (date: string) => string): void {
  const rng = new Random(`${plan.seed}|${plan.asOf}|capacity`);
  const people = sqlite
    .prepare(
      `SELECT p.id, p.role, h.name AS hub, p.employment_type, p.hours_per_day, p.workdays, p.start_date
       FROM people p LEFT JOIN hubs h ON h.id = p.hub_id ORDER BY p.id`,
    )
    .all() as DemoPersonRow[];

  const insertSkill = sqlite.prepare('INSERT INTO person_skills (person_id, skill, level) VALUES (?, ?, ?)');
  const setRate = sqlite.prepare("UPDATE people SET hourly_rate_minor = ?, rate_currency = 'USD' WHERE id = ?");
  const skillLevel = new Map<number, Map<Skill, number>>();
  for (const p of people) {
    const skills = new Map<Skill, number>();
    for (const [skill, level] of ROLE_SKILLS[p.role] ?? []) {
      insertSkill.run(p.id, skill, level);
      skills.set(skill, level);
    }
    skillLevel.set(p.id, skills);
    if (p.employment_type !== 'core') setRate.run(HOURLY_RATE[p.role] ?? 2500, p.id);
  }

  // Time off: a week of vacation for most core people, and someone away next week.
  const insertTimeOff = sqlite.prepare(
    'INSERT INTO time_off (person_id, start_date, end_date, kind, note) VALUES (?, ?, ?, ?, ?)',
  );
  const core = people.filter((p) => p.employment_type === 'core');
  const timeOff = new Map<number, [string, string][]>();
  const addOff = (personId: number, start: string, days: number, kind: string, note: string | null) => {
    const end = addDays(start, days - 1);
    insertTimeOff.run(personId, start, end, kind, note);
    timeOff.set(personId, [...(timeOff.get(personId) ?? []), [start, end]]);
  };
  core.forEach((p, i) => {
    if (rng.chance(0.6)) {
      const earliest = laterDate(p.start_date, addDays(plan.asOf, -150));
      const span = daysBetween(earliest, addDays(plan.asOf, -14));
      if (span > 7) addOff(p.id, startOfIsoWeek(addDays(earliest, rng.int(7, span))), 5, 'vacation', null);
    }
    if (i === 3 && p.start_date <= plan.asOf)
      addOff(p.id, addDays(startOfIsoWeek(plan.asOf), 7), 5, 'vacation', 'Family trip');
  });
  const isOff = (personId: number, date: string) =>
    (timeOff.get(personId) ?? []).some(([s, e]) => date >= s && date <= e);

  const works = (p: DemoPersonRow, date: string) =>
    date >= p.start_date && p.workdays.includes(String(weekday(date))) && !isOff(p.id, date);

  const projects = sqlite
    .prepare(
      `SELECT p.id, s.code, s.effort_hours AS effort, c.tier, h.name AS hub, p.start_date, p.due_date,
         p.delivered_at, p.stage
       FROM projects p JOIN services s ON s.id = p.service_id JOIN clients c ON c.id = p.client_id
       JOIN hubs h ON h.id = p.hub_id WHERE p.stage != 'cancelled' ORDER BY p.start_date, p.id`,
    )
    .all() as DemoProjectRow[];

  const insertAssignment = sqlite.prepare(
    `INSERT INTO assignments (project_id, person_id, planned_hours, start_date, end_date, cost_minor, cost_currency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /**
   * Hours logged per person, project and day, in the order first logged; two bookings of one person on one
   * project and day add up (to at most 24), as the app's upsert does. Written at the end in one bulk load.
   */
  const entries = new Map<string, { person: number; project: number; date: string; hours: number }>();
  const logHours = (person: number, project: number, date: string, hours: number) => {
    const key = `${person}|${project}|${date}`;
    const entry = entries.get(key);
    if (entry) entry.hours = Math.min(24, entry.hours + hours);
    else entries.set(key, { person, project, date, hours });
  };
  /** Hours already booked per person per ISO week (keyed by person and week number), to pick someone with room. */
  const booked = new Map<number, number>();
  const bookedKey = (personId: number, week: number) => personId * 10_000 + week;

  const weekCapacity = (p: DemoPersonRow) => p.hours_per_day * p.workdays.length;
  /** The ISO weeks an assignment spans, as week numbers (evenly loaded: the demo's own rough plan). */
  const weeksOf = (start: string, end: string) => {
    const weeks: number[] = [];
    for (let w = dayNumber(startOfIsoWeek(start)); w <= dayNumber(end); w += 7) weeks.push(Math.floor(w / 7));
    return weeks;
  };
  const roomFor = (p: DemoPersonRow, weeks: number[], perWeek: number) =>
    weeks.every((w) => weekCapacity(p) * 0.95 - (booked.get(bookedKey(p.id, w)) ?? 0) >= perWeek);

  const book = (person: DemoPersonRow, project: DemoProjectRow, planned: number, start: string, end: string) => {
    const cost = person.employment_type === 'core' ? null : Math.round((HOURLY_RATE[person.role] ?? 2500) * planned);
    insertAssignment.run(project.id, person.id, planned, start, end, cost, cost === null ? null : 'USD', at(start));
    const weeks = weeksOf(start, end);
    for (const w of weeks) {
      const key = bookedKey(person.id, w);
      booked.set(key, (booked.get(key) ?? 0) + planned / weeks.length);
    }

    // Hours logged on the days worked: all of it (±15%) once delivered, in proportion to time passed otherwise.
    const lastWorked = project.delivered_at ? project.delivered_at.slice(0, 10) : addDays(plan.asOf, -1);
    const until = lastWorked < end ? lastWorked : end;
    const workedDays = until < start ? [] : datesBetween(start, until).filter((d) => works(person, d) && d < plan.asOf);
    if (workedDays.length === 0) return;
    const share = project.delivered_at
      ? 0.85 + rng.next() * 0.3
      : Math.min(0.9, (daysBetween(start, plan.asOf) + 1) / (daysBetween(start, end) + 2));
    const total = planned * share;
    const perDay = quarter(total / workedDays.length);
    let left = total;
    for (const day of workedDays) {
      if (left < 0.125) break;
      const hours = Math.min(quarter(Math.min(perDay, left)), 12);
      logHours(person.id, project.id, day, hours);
      left -= hours;
    }
  };

  const employedAt = (p: DemoPersonRow, date: string) => p.start_date <= date;
  const pms = core.filter((p) => p.role === 'Project Manager');
  const qas = core.filter((p) => p.role === 'QA Specialist');

  /** Core people with a skill, best first and the project's hub first among equals (built once per skill and hub). */
  const ranked = new Map<string, DemoPersonRow[]>();
  const coreBySkillAndHub = (skill: Skill, hub: string) => {
    const key = `${skill}|${hub}`;
    let list = ranked.get(key);
    if (!list) {
      const level = (p: DemoPersonRow) => skillLevel.get(p.id)?.get(skill) ?? 0;
      list = core
        .filter((p) => level(p) > 0)
        .sort((a, b) => level(b) - level(a) || Number(b.hub === hub) - Number(a.hub === hub) || a.id - b.id);
      ranked.set(key, list);
    }
    return list;
  };

  const outside = new Map<Skill, DemoPersonRow[]>();
  const outsideBySkill = (skill: Skill) => {
    let list = outside.get(skill);
    if (!list) {
      list = people.filter((p) => p.employment_type !== 'core' && (skillLevel.get(p.id)?.get(skill) ?? 0) > 0);
      outside.set(skill, list);
    }
    return list;
  };

  for (const project of projects) {
    const skill = SERVICE_SKILL[project.code] ?? 'video_editing';
    const planned = quarter(project.effort * (TIER_EFFORT[project.tier] ?? 1) * (0.8 + rng.next() * 0.5));
    const start = project.start_date;
    const end = laterDate(project.due_date, start);
    const weeks = weeksOf(start, end);
    const level = (p: DemoPersonRow) => skillLevel.get(p.id)?.get(skill) ?? 0;
    // The best-skilled core person with room in those weeks (their own hub first); else a freelancer.
    const internal = coreBySkillAndHub(skill, project.hub).find(
      (p) => employedAt(p, start) && roomFor(p, weeks, planned / weeks.length),
    );
    const load = (p: DemoPersonRow) => booked.get(bookedKey(p.id, weeks[0]!)) ?? 0;
    const freelancers = outsideBySkill(skill)
      .filter((p) => employedAt(p, start))
      .sort((a, b) => load(a) - load(b) || a.id - b.id);
    const person = internal ?? freelancers[0] ?? core.find((p) => level(p) > 0 && employedAt(p, start));
    if (person) book(person, project, planned, start, end);
    // Coordination and the quality gates take their share, from whoever has room for it.
    for (const [team, share] of [
      [pms, 0.15],
      [qas, 0.1],
    ] as const) {
      const hours = quarter(planned * share);
      const who = team.find((p) => employedAt(p, start) && roomFor(p, weeks, hours / weeks.length));
      if (who) book(who, project, hours, start, end);
    }
  }

  const indexes = deferIndexes(sqlite, ['time_entries']);
  const insertEntries = new BatchedInsert(sqlite, 'time_entries', ['person_id', 'project_id', 'date', 'hours']);
  for (const e of entries.values()) insertEntries.add(e.person, e.project, e.date, e.hours);
  insertEntries.flush();
  indexes.restore();
}
