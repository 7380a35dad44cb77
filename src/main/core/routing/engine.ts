/**
 * Project routing (pure, PRODUCT.md §3.2): who should take a project, with a
 * reason for every point, and the overflow ladder when nobody internal fits.
 * Score 0–100 (points of a maximum, each rounded to a whole point):
 *   skill 30        level 1–5 in the project's skill: 6 points a level
 *   free_hours 25   slack left after the job, full when it is at least the job again
 *   hub_fit 15      the hub the work belongs to: premium → Copenhagen, high-volume → Caracas,
 *                   LATAM mid-size → Lima; the project's own hub 10, Remote or none 8, another hub 5
 *   time_zone 10    hours the person's working day shares with the client's 09–17, full at 6;
 *                   5 when the client's zone is unknown
 *   utilization 10  1 − current utilization over the project window; 5 when nothing is available
 *   quality 10      mean of first-pass and on-time rates, an unknown rate counting as 0.5
 */
import {
  type OverflowOption,
  type PersonSkill,
  type RoutingCandidate,
  type RoutingReason,
  type Skill,
  utilizationBand,
} from '../../../shared/capacity';
import { addDays } from '../../../shared/dates';
import type { Currency, EmploymentType, Tier } from '../../../shared/domain';
import { clientDayWindow, isTimeZone, overlapHours, utcWindow } from './timezones';

export interface RoutingProject {
  id: number;
  name: string;
  skill: Skill;
  neededHours: number;
  startDate: string;
  dueDate: string;
  /** The hub the project belongs to today. */
  hubName: string | null;
  currency: Currency;
  tier: Tier;
  serviceCode: string;
  clientTimeZone: string | null;
}

export interface RoutingAssignment {
  id: number;
  projectName: string;
  skill: Skill;
  hoursInWindow: number;
  dueDate: string;
}

export interface RoutingPerson {
  id: number;
  name: string;
  role: string;
  hubId: number | null;
  hubName: string | null;
  employmentType: EmploymentType;
  timeZone: string;
  workStartMinute: number;
  hoursPerDay: number;
  skills: PersonSkill[];
  /** available − committed from max(today, project start) to the due date, never below 0 */
  freeHoursBeforeDue: number;
  /** committed ÷ available over the same window (null = nothing available) */
  utilization: number | null;
  firstPassRate: number | null;
  onTimeRate: number | null;
  hourlyRateMinor: number | null;
  rateCurrency: Currency | null;
  /** free hours per day from today for the next ~90 days, for finding a new due date */
  freeByDay: { date: string; free: number }[];
  /** this person's other assignments that overlap the window, with their remaining hours inside it */
  assignments: RoutingAssignment[];
}

export type RoutingExclusion = 'overloaded' | 'no_free_hours';

export interface RankResult {
  candidates: RoutingCandidate[];
  excluded: { personId: number; name: string; reason: RoutingExclusion }[];
}

/** Converts an amount in minor units between currencies; null when no rate is known. */
export type MinorConverter = (amountMinor: number, from: Currency, to: Currency) => number | null;

export const HUB_COPENHAGEN = 'Copenhagen';
export const HUB_CARACAS = 'Caracas';
export const HUB_LIMA = 'Lima';
export const HUB_REMOTE = 'Remote';

/** Quick, template-driven services that belong to the high-volume hub. */
const HIGH_VOLUME_SERVICES = new Set(['quick_edit', 'ai_asset', 'social_video']);

const EPS = 1e-9;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round1 = (v: number) => Math.round(v * 10) / 10;
const sameHub = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

export function skillLevel(person: Pick<RoutingPerson, 'skills'>, skill: Skill): number | null {
  return person.skills.find((s) => s.skill === skill)?.level ?? null;
}

const isOverloaded = (p: RoutingPerson) => utilizationBand(p.utilization) === 'overloaded';

/** Segment and hub the work belongs to; premium wins over volume, volume over LATAM mid-size. */
export function preferredHub(project: Pick<RoutingProject, 'tier' | 'currency' | 'serviceCode'>): {
  segment: 'premium' | 'high_volume' | 'latam_mid';
  hub: string;
} {
  if (project.tier === 1 || project.currency === 'EUR') return { segment: 'premium', hub: HUB_COPENHAGEN };
  if (project.tier === 3 || HIGH_VOLUME_SERVICES.has(project.serviceCode))
    return { segment: 'high_volume', hub: HUB_CARACAS };
  return { segment: 'latam_mid', hub: HUB_LIMA };
}

/**
 * Hours a person's working day shares with the client's business day. The
 * person's days before and after count too: far-east people meet a western
 * client's day on their own next morning.
 */
export function clientOverlap(
  person: Pick<RoutingPerson, 'timeZone' | 'workStartMinute' | 'hoursPerDay'>,
  clientTimeZone: string,
  onDate: string,
): number {
  const client = clientDayWindow(onDate, clientTimeZone);
  const hours = Math.min(24, person.hoursPerDay);
  return [-1, 0, 1].reduce(
    (s, d) => s + overlapHours(utcWindow(addDays(onDate, d), person.timeZone, person.workStartMinute, hours), client),
    0,
  );
}

function reasonsFor(project: RoutingProject, person: RoutingPerson, level: number, onDate: string): RoutingReason[] {
  const needed = Math.max(0, project.neededHours);
  const slack = Math.max(0, person.freeHoursBeforeDue - needed);
  const skill: RoutingReason = {
    factor: 'skill',
    max: 30,
    points: Math.round((30 * Math.min(5, Math.max(0, level))) / 5),
    detail: { skill: project.skill, level },
  };
  const freeHours: RoutingReason = {
    factor: 'free_hours',
    max: 25,
    points: Math.round(25 * (needed === 0 ? 1 : clamp01(slack / needed))),
    detail: { freeHours: round1(person.freeHoursBeforeDue), neededHours: round1(needed), slackHours: round1(slack) },
  };

  const { segment, hub } = preferredHub(project);
  let hubPoints = 5;
  if (sameHub(person.hubName, hub)) hubPoints = 15;
  else if (sameHub(person.hubName, project.hubName)) hubPoints = 10;
  else if (person.hubName === null || sameHub(person.hubName, HUB_REMOTE)) hubPoints = 8;
  const hubFit: RoutingReason = {
    factor: 'hub_fit',
    max: 15,
    points: hubPoints,
    detail: { segment, preferredHub: hub, personHub: person.hubName, projectHub: project.hubName },
  };

  const zone = project.clientTimeZone !== null && isTimeZone(project.clientTimeZone) ? project.clientTimeZone : null;
  const overlap = zone === null ? null : round1(clientOverlap(person, zone, onDate));
  const timeZone: RoutingReason = {
    factor: 'time_zone',
    max: 10,
    points: overlap === null ? 5 : Math.round(10 * clamp01(overlap / 6)),
    detail: { overlapHours: overlap, clientTimeZone: zone ?? 'unknown', personTimeZone: person.timeZone, onDate },
  };

  const utilization: RoutingReason = {
    factor: 'utilization',
    max: 10,
    points: person.utilization === null ? 5 : Math.round(10 * (1 - clamp01(person.utilization))),
    detail: { utilization: person.utilization === null ? null : Math.round(person.utilization * 1000) / 1000 },
  };

  const rates = [person.firstPassRate, person.onTimeRate].map((r) => (r === null ? 0.5 : clamp01(r)));
  const quality: RoutingReason = {
    factor: 'quality',
    max: 10,
    points: Math.round((10 * (rates[0]! + rates[1]!)) / 2),
    detail: { firstPassRate: person.firstPassRate, onTimeRate: person.onTimeRate },
  };

  return [skill, freeHours, hubFit, timeZone, utilization, quality];
}

/** Internal people with the project's skill, ranked; the overloaded and those without room are set aside. */
export function rankCandidates(project: RoutingProject, people: readonly RoutingPerson[], onDate: string): RankResult {
  const candidates: RoutingCandidate[] = [];
  const excluded: RankResult['excluded'] = [];
  for (const person of people) {
    const level = skillLevel(person, project.skill);
    if (person.employmentType !== 'core' || level === null) continue;
    if (isOverloaded(person)) {
      excluded.push({ personId: person.id, name: person.name, reason: 'overloaded' });
      continue;
    }
    if (person.freeHoursBeforeDue < project.neededHours - EPS) {
      excluded.push({ personId: person.id, name: person.name, reason: 'no_free_hours' });
      continue;
    }
    const reasons = reasonsFor(project, person, level, onDate);
    const overlap = reasons.find((r) => r.factor === 'time_zone')?.detail.overlapHours;
    candidates.push({
      personId: person.id,
      name: person.name,
      role: person.role,
      hubId: person.hubId,
      hubName: person.hubName,
      employmentType: person.employmentType,
      score: reasons.reduce((s, r) => s + r.points, 0),
      skillLevel: level,
      freeHoursBeforeDue: person.freeHoursBeforeDue,
      utilization: person.utilization,
      overlapHours: typeof overlap === 'number' ? overlap : 0,
      firstPassRate: person.firstPassRate,
      onTimeRate: person.onTimeRate,
      reasons,
    });
  }
  candidates.sort(
    (a, b) => b.score - a.score || b.freeHoursBeforeDue - a.freeHoursBeforeDue || a.personId - b.personId,
  );
  excluded.sort((a, b) => a.personId - b.personId);
  return { candidates, excluded };
}

const MAX_REDISTRIBUTIONS = 3;

/** (1) Free a short internal person by handing one of their assignments to a colleague with room. */
function redistributions(project: RoutingProject, people: readonly RoutingPerson[]): OverflowOption[] {
  const internal = people.filter((p) => p.employmentType === 'core' && !isOverloaded(p));
  const options: { option: OverflowOption; level: number; personId: number; assignmentId: number }[] = [];
  for (const person of internal) {
    const level = skillLevel(person, project.skill);
    if (level === null) continue;
    const short = project.neededHours - person.freeHoursBeforeDue;
    if (short <= EPS) continue;
    for (const a of person.assignments) {
      if (a.hoursInWindow < short - EPS) continue;
      const taker = internal
        .filter(
          (q) => q.id !== person.id && skillLevel(q, a.skill) !== null && q.freeHoursBeforeDue >= a.hoursInWindow - EPS,
        )
        .sort(
          (x, y) =>
            skillLevel(y, a.skill)! - skillLevel(x, a.skill)! ||
            y.freeHoursBeforeDue - x.freeHoursBeforeDue ||
            x.id - y.id,
        )[0];
      if (!taker) continue;
      options.push({
        option: {
          step: 'redistribute',
          personId: person.id,
          name: person.name,
          moveAssignmentId: a.id,
          moveProjectName: a.projectName,
          moveToPersonId: taker.id,
          moveToName: taker.name,
          freedHours: a.hoursInWindow,
        },
        level,
        personId: person.id,
        assignmentId: a.id,
      });
    }
  }
  return options
    .sort(
      (x, y) =>
        x.option.freedHours! - y.option.freedHours! ||
        y.level - x.level ||
        x.personId - y.personId ||
        x.assignmentId - y.assignmentId,
    )
    .slice(0, MAX_REDISTRIBUTIONS)
    .map((o) => o.option);
}

/**
 * (2)/(3) Outside people with the skill, cheapest first. Without a converter
 * only costs in the project's currency compare; other currencies follow.
 */
function outsiders(
  project: RoutingProject,
  people: readonly RoutingPerson[],
  kind: 'freelancer' | 'partner',
  convert?: MinorConverter,
): OverflowOption[] {
  const rows = people
    .filter((p) => p.employmentType === kind && skillLevel(p, project.skill) !== null)
    .map((p) => {
      const cost = p.hourlyRateMinor === null ? null : Math.round(p.hourlyRateMinor * project.neededHours);
      const currency = p.rateCurrency ?? project.currency;
      let key: number | null = null;
      if (cost !== null)
        key = convert ? convert(cost, currency, project.currency) : currency === project.currency ? cost : null;
      return { p, cost, currency, key };
    });
  rows.sort((a, b) => {
    if (a.key !== null && b.key !== null) return a.key - b.key || a.p.id - b.p.id;
    if (a.key !== null || b.key !== null) return a.key !== null ? -1 : 1;
    if (a.cost !== null && b.cost !== null)
      return a.currency.localeCompare(b.currency) || a.cost - b.cost || a.p.id - b.p.id;
    if (a.cost !== null || b.cost !== null) return a.cost !== null ? -1 : 1;
    return a.p.id - b.p.id;
  });
  return rows.map(({ p, cost, currency }) => ({
    step: kind,
    personId: p.id,
    name: p.name,
    ...(cost === null ? {} : { costMinor: cost, costCurrency: currency }),
  }));
}

/** (4) The first day some internal skilled person has piled up enough free hours, counting from the project start. */
function newDueDate(project: RoutingProject, people: readonly RoutingPerson[]): OverflowOption | null {
  let best: { date: string; level: number; person: RoutingPerson } | null = null;
  for (const person of people) {
    const level = skillLevel(person, project.skill);
    if (person.employmentType !== 'core' || level === null || isOverloaded(person)) continue;
    let sum = 0;
    const days = [...person.freeByDay].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const day of days) {
      if (day.date < project.startDate) continue;
      sum += Math.max(0, day.free);
      if (sum >= project.neededHours - EPS) {
        const better =
          best === null ||
          day.date < best.date ||
          (day.date === best.date && (level > best.level || (level === best.level && person.id < best.person.id)));
        if (better) best = { date: day.date, level, person };
        break;
      }
    }
  }
  return best === null
    ? null
    : { step: 'new_due_date', personId: best.person.id, name: best.person.name, dueDate: best.date };
}

/**
 * The overflow ladder, in order (PRODUCT.md §3.2): redistribute internally,
 * approved freelancers, partner agencies, then a new due date to negotiate.
 * Empty while someone internal can take the project.
 */
export function overflowLadder(
  project: RoutingProject,
  people: readonly RoutingPerson[],
  ranked: readonly RoutingCandidate[],
  convert?: MinorConverter,
): OverflowOption[] {
  if (ranked.length > 0) return [];
  const due = newDueDate(project, people);
  return [
    ...redistributions(project, people),
    ...outsiders(project, people, 'freelancer', convert),
    ...outsiders(project, people, 'partner', convert),
    ...(due ? [due] : []),
  ];
}
