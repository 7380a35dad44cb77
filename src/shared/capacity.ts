/**
 * Capacity and routing (PRODUCT.md §3.2–3.3): who has room, who should take a project,
 * how to balance the week. Shapes shared by the core, the CLI and the interface.
 */
import { addDays, laterDate } from './dates';
import type { Currency, EmploymentType } from './domain';

/** What a person can do; each service needs one primary skill (SERVICE_SKILL). */
export const SKILLS = [
  'video_editing',
  'motion',
  'design',
  'copywriting',
  'voice',
  'ai_generation',
  'qa',
  'project_management',
  'sales',
  'marketing',
  'client_success',
] as const;
export type Skill = (typeof SKILLS)[number];

/** 1 = junior … 5 = lead. */
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** The skill a project of each service needs most (by service code). */
export const SERVICE_SKILL: Record<string, Skill> = {
  social_video: 'video_editing',
  explainer: 'motion',
  brand_campaign: 'video_editing',
  quick_edit: 'video_editing',
  ai_asset: 'ai_generation',
  template_custom: 'design',
  content_subscription: 'copywriting',
  social_management: 'marketing',
  brand_library: 'design',
};

/** The skill a service's projects need (video editing for a service SERVICE_SKILL does not list). */
export const skillOfService = (serviceCode: string): Skill => SERVICE_SKILL[serviceCode] ?? 'video_editing';

/** A client's time zone from its country (the capital's), for time-zone overlap and coverage. */
export const COUNTRY_TIME_ZONES: Record<string, string> = {
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CO: 'America/Bogota',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  MX: 'America/Mexico_City',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PA: 'America/Panama',
  PE: 'America/Lima',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  SE: 'Europe/Stockholm',
  US: 'America/New_York',
  VE: 'America/Caracas',
};

export const TIME_OFF_KINDS = ['vacation', 'sick', 'personal', 'other'] as const;
export type TimeOffKind = (typeof TIME_OFF_KINDS)[number];

/** Utilization bands (PRODUCT.md §3.3): healthy ≥ 75%, warning ≥ 85%, overloaded > 100%. */
export const UTILIZATION_BANDS = ['idle', 'under', 'healthy', 'warning', 'overloaded'] as const;
export type UtilizationBand = (typeof UTILIZATION_BANDS)[number];
export const HEALTHY_UTILIZATION = 0.75;
export const WARNING_UTILIZATION = 0.85;
export const OVERLOADED_UTILIZATION = 1;

/** The band of a utilization ratio; null (nothing available) is 'idle'. */
export function utilizationBand(utilization: number | null): UtilizationBand {
  if (utilization === null) return 'idle';
  if (utilization > OVERLOADED_UTILIZATION + 1e-9) return 'overloaded';
  if (utilization >= WARNING_UTILIZATION - 1e-9) return 'warning';
  if (utilization >= HEALTHY_UTILIZATION - 1e-9) return 'healthy';
  return 'under';
}

/** Hours in one cell of the capacity matrix (a day or a week). */
export interface CapacityFigures {
  available: number;
  committed: number;
  /** committed ÷ available; null when nothing is available (weekend, time off, not employed). */
  utilization: number | null;
}

export interface CapacityCell extends CapacityFigures {
  /** Days of the cell the person is off (time off), and the hub holiday names inside it. */
  timeOffDays: number;
  holidays: string[];
}

export interface PersonSkill {
  skill: Skill;
  level: SkillLevel;
}

/** An assignment: a person on a project with planned hours between two dates. */
export interface Assignment {
  id: number;
  projectId: number;
  projectName: string;
  clientName: string;
  personId: number;
  personName: string;
  plannedHours: number;
  loggedHours: number;
  /** planned − logged, never below 0. */
  remainingHours: number;
  startDate: string;
  endDate: string;
  projectDueDate: string;
  /**
   * The first and last date the remaining hours fall on, in the person's own
   * calendar: scheduled work over its working days from today, overdue work
   * poured into the person's free room from today on (it may land weeks later,
   * or spread over many weeks). Null when nothing remains, and in replies that
   * do not work out where hours fall (only `capacity/matrix` does).
   */
  hoursFrom: string | null;
  hoursTo: string | null;
  /**
   * Its hours were poured into the person's free room because none of its own
   * working days is left: its end date passed, or every day left in its dates
   * is off (a weekend, time off, holidays). Its hours then fall after its
   * dates (`hoursFrom`…`hoursTo`; for someone with no working day at all, on
   * its first day). Null in replies that do not work out where hours fall (only
   * `capacity/matrix` does).
   */
  overdue: boolean | null;
  /**
   * Its end date is before the person's own today (their time zone: the same
   * today its hours are spread from), so overdue work is late rather than left
   * with only days off in its dates. Null where `overdue` is.
   */
  late: boolean | null;
  /** What a freelancer or partner costs for this assignment (null for core people). */
  costMinor: number | null;
  costCurrency: Currency | null;
  /** The skill its project's service needs (SERVICE_SKILL), as routing and balancing match it. */
  skill: Skill;
}

export interface CapacityPerson {
  id: number;
  name: string;
  role: string;
  hubId: number | null;
  employmentType: EmploymentType;
  timeZone: string;
  hoursPerDay: number;
  skills: PersonSkill[];
  cells: CapacityCell[];
  total: CapacityFigures;
  assignments: Assignment[];
}

export interface CapacityGroup {
  hubId: number | null;
  name: string;
  cells: CapacityFigures[];
  total: CapacityFigures;
}

export interface CapacityPeriod {
  start: string;
  end: string;
}

/** People × periods (days or weeks), grouped by hub, with hub and team totals. */
export interface CapacityMatrix {
  granularity: 'day' | 'week' | 'month';
  from: string;
  to: string;
  today: string;
  periods: CapacityPeriod[];
  people: CapacityPerson[];
  hubs: CapacityGroup[];
  /** Core people only: freelancers and partners are overflow, not team capacity. */
  team: CapacityGroup;
}

/** Team capacity against demand for one week. */
export interface DemandWeek {
  weekStart: string;
  capacityHours: number;
  /** Remaining hours of open projects due or worked that week. */
  projectHours: number;
  /** Σ win probability × the service's typical effort of open leads expected that week. */
  pipelineHours: number;
  demandHours: number;
  /** demand − capacity (positive = short of hours). */
  gapHours: number;
  /** gap in people of this team's average week. */
  gapPeople: number;
}

export interface DemandReport {
  weeks: DemandWeek[];
  hoursPerPersonWeek: number;
}

/** For a client's time zone, who works each hour of its day. */
export interface CoverageReport {
  timeZone: string;
  date: string;
  hours: { hour: number; people: { id: number; name: string; hubId: number | null }[] }[];
}

export interface TimeOff {
  id: number;
  personId: number;
  startDate: string;
  endDate: string;
  /** The person's working days it takes (weekends, days they do not work and hub holidays left out), as capacity counts them. */
  workingDays: number;
  kind: TimeOffKind;
  note: string | null;
}

export interface Holiday {
  hubId: number;
  date: string;
  name: string;
  /** 'library' = from the offline holiday calendar of the hub's country; 'manual' = added by hand. */
  source: 'library' | 'manual';
  /** Switched off = the hub works that day. */
  active: boolean;
}

export interface TimeWeek {
  personId: number;
  weekStart: string;
  days: string[];
  rows: { projectId: number; projectName: string; assignmentId: number | null; hours: number[] }[];
  available: number[];
}

/** What undoes a move: the rows as they were, and the rows the move created. */
export interface AssignmentRevert {
  restore: { id: number; personId: number; plannedHours: number; startDate: string; endDate: string }[];
  remove: number[];
}

export interface AssignmentMoved {
  assignment: Assignment;
  revert: AssignmentRevert;
}

// ---------- routing ----------

export const ROUTING_FACTORS = ['skill', 'free_hours', 'hub_fit', 'time_zone', 'utilization', 'quality'] as const;
export type RoutingFactor = (typeof ROUTING_FACTORS)[number];

export interface RoutingReason {
  factor: RoutingFactor;
  points: number;
  max: number;
  /** Numbers behind the points, for the interface to phrase (hours, %, overlap…). */
  detail: Record<string, number | string | null>;
}

export interface RoutingCandidate {
  personId: number;
  name: string;
  role: string;
  hubId: number | null;
  hubName: string | null;
  employmentType: EmploymentType;
  score: number;
  skillLevel: number;
  freeHoursBeforeDue: number;
  utilization: number | null;
  overlapHours: number;
  firstPassRate: number | null;
  onTimeRate: number | null;
  reasons: RoutingReason[];
}

export interface OverflowOption {
  step: 'redistribute' | 'freelancer' | 'partner' | 'new_due_date';
  personId: number | null;
  name: string | null;
  /** For 'redistribute': the assignment to move away and who takes it. */
  moveAssignmentId?: number;
  moveProjectName?: string;
  moveToPersonId?: number;
  moveToName?: string;
  freedHours?: number;
  /** For freelancers and partners: the estimated cost. */
  costMinor?: number;
  costCurrency?: Currency;
  /** For 'new_due_date': the first date the best internal person can finish by. */
  dueDate?: string;
}

export interface RoutingReport {
  projectId: number;
  projectName: string;
  neededHours: number;
  startDate: string;
  dueDate: string;
  skill: Skill;
  clientTimeZone: string | null;
  candidates: RoutingCandidate[];
  /** People with the skill left out, and why ('overloaded', 'no_free_hours', 'not_employed'). */
  excluded: { personId: number; name: string; reason: string }[];
  /** The overflow ladder in order, when nobody internal fits. */
  overflow: OverflowOption[];
}

// ---------- balance the week ----------

export interface BalanceMove {
  assignmentId: number;
  projectName: string;
  fromPersonId: number;
  fromName: string;
  toPersonId: number;
  toName: string;
  hours: number;
  reason: 'overload' | 'due_risk';
}

export interface BalanceProposal {
  weekStart: string;
  moves: BalanceMove[];
  before: { personId: number; name: string; utilization: number | null }[];
  after: { personId: number; name: string; utilization: number | null }[];
  overloadBefore: number;
  overloadAfter: number;
}

/**
 * The dates an assignment gets when it moves `shiftDays` and perhaps to
 * another person, as the core applies the move (`assignments/move`): shifted
 * as it is; but when another person takes over work with hours logged, the
 * logged part stays and the remaining hours start today at the earliest.
 * `split` says which of the two happens.
 */
export function movedDates(
  a: { personId: number; startDate: string; endDate: string; loggedHours: number },
  toPersonId: number,
  shiftDays: number,
  today: string,
): { startDate: string; endDate: string; split: boolean } {
  const startDate = addDays(a.startDate, shiftDays);
  const endDate = addDays(a.endDate, shiftDays);
  if (toPersonId === a.personId || a.loggedHours === 0) return { startDate, endDate, split: false };
  const start = laterDate(startDate, today);
  return { startDate: start, endDate: laterDate(endDate, start), split: true };
}
