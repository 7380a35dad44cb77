/**
 * The demo agency, simulated week by week through the domain's own rules:
 * a lead arrives → it is won or lost → a won lead makes (or reuses) a client
 * and a project → the project moves through production → it is delivered.
 * Everything derives from the seed and the as-of date, never from the clock,
 * so the same inputs give the same workspace. The money (invoices, payments,
 * subscriptions, expenses, FX) follows in ./money.ts.
 */

import { addDays, dayNumber, daysBetween, isoInstant, localDate, startOfIsoWeek } from '../../../shared/dates';
import type { LeadChannel, Tier, Vertical } from '../../../shared/domain';
import { audit } from '../audit/log';
import { syncCapacityAlerts } from '../capacity/alerts';
import { DEFAULT_SERVICES } from '../catalogue/defaults';
import { insertDefaultServices } from '../catalogue/repo';
import { syncClientAlerts } from '../clients/repo';
import { BatchedInsert, deferIndexes } from '../db/bulk';
import type { Sqlite } from '../db/client';
import { insertHubRow } from '../hubs/repo';
import type { JobControl } from '../jobs/runner';
import { insertPersonRow } from '../people/repo';
import { scoreAllNow } from '../scoring/service';
import { insertSettings } from '../settings/repo';
import { simulateCapacity } from './capacity';
import { qualifyLead } from './leads';
import { simulateMoney } from './money';
import { COMPANY_WORDS, DEMO_HUBS, DEMO_PEOPLE, FIRST_NAMES, LAST_NAMES } from './people';
import { type ProductionPlan, simulateProduction } from './production';
import { Random } from './random';

export interface DemoPlan {
  profile: 'agency' | 'growth' | 'massive';
  seed: string;
  /** Last day of the simulated history, YYYY-MM-DD. */
  asOf: string;
  /**
   * The instant the history ends, on the as-of day: a demo made "today" is stamped
   * no later than the moment it is made. Absent: the end of the as-of day.
   */
  until?: string;
}

export const HISTORY_WEEKS = 26;

/**
 * Scale profiles (PERFORMANCE.md): the same agency curve, a year long and
 * `scale` times the volume, with more people to own the leads. The growth
 * profile aims at ~120k leads; massive at ~1.2M.
 */
export const PROFILES = {
  agency: { weeks: HISTORY_WEEKS, scale: 1, extraPeople: 0, repeatBoost: 0, winFactor: 1 },
  growth: { weeks: 52, scale: 150, extraPeople: 41, repeatBoost: 0.3, winFactor: 0.6 },
  massive: { weeks: 52, scale: 1500, extraPeople: 381, repeatBoost: 0.3, winFactor: 0.4 },
} as const;

const EXTRA_ROLES = [
  ['Sales / BD', true],
  ['Content Creator', false],
  ['Video Editor', false],
  ['AI Specialist', false],
  ['Designer', false],
  ['Video Editor', false],
  ['Project Manager', false],
  ['Content Creator', false],
  ['QA Specialist', false],
  ['Designer', false],
] as const;

type HubName = (typeof DEMO_HUBS)[number]['name'];

interface ClientRecord {
  id: number;
  company: string;
  tier: Tier;
  vertical: Vertical;
  hub: HubName;
}

const CHANNELS: [LeadChannel, number][] = [
  ['email', 22],
  ['linkedin', 18],
  ['whatsapp', 20],
  ['sms', 5],
  ['referral', 12],
  ['partner', 8],
  ['inbound_form', 15],
];

/** Base win probability by channel: referrals and partners close best. */
const CHANNEL_WIN: Record<LeadChannel, number> = {
  referral: 0.55,
  partner: 0.45,
  inbound_form: 0.38,
  whatsapp: 0.33,
  email: 0.25,
  linkedin: 0.25,
  sms: 0.12,
};

const LOST_REASONS = ['price', 'timing', 'no_response', 'chose_competitor', 'no_budget'] as const;

/** Verticals open up week by week (PRODUCT.md §1: new verticals by week). */
function verticalsOpenIn(week: number): [Vertical, number][] {
  const list: [Vertical, number][] = [
    ['ecommerce', 5],
    ['media', 1],
    ['hospitality', 1],
  ];
  if (week >= 6) list.push(['saas', 4]);
  if (week >= 12) list.push(['real_estate', 3]);
  if (week >= 18) list.push(['education', 3]);
  return list;
}

const COUNTRIES: Record<HubName, string[]> = {
  Caracas: ['VE', 'VE', 'CO', 'PA', 'US'],
  Copenhagen: ['DK', 'DK', 'DE', 'SE', 'NL'],
  Lima: ['PE', 'PE', 'CL', 'CO', 'MX'],
  Remote: ['US'],
};

/** Which services a tier buys: the early mix is dominated by quick, cheap work. */
function serviceMix(tier: Tier, week: number): [string, number][] {
  if (tier === 3)
    return [
      ['quick_edit', 30],
      ['ai_asset', 25],
      ['social_video', 30],
      ['template_custom', 15],
    ];
  if (tier === 2)
    return week < 10
      ? [
          ['social_video', 50],
          ['template_custom', 30],
          ['quick_edit', 20],
        ]
      : [
          ['social_video', 40],
          ['explainer', 30],
          ['template_custom', 15],
          ['brand_campaign', 15],
        ];
  return [
    ['explainer', 40],
    ['brand_campaign', 30],
    ['social_video', 30],
  ];
}

function projectsPerWeek(week: number): number {
  // ~8 projects in the first month growing to ~30 in the last (PRODUCT.md §1).
  return 1.85 * (7 / 1.85) ** (week / (HISTORY_WEEKS - 1));
}

function tierFor(rng: Random, week: number): Tier {
  const t1 = week < 8 ? 0.02 : 0.02 + (0.1 * (week - 8)) / (HISTORY_WEEKS - 9);
  const t2 = week < 8 ? 0.15 : 0.3;
  const r = rng.next();
  return r < t1 ? 1 : r < t1 + t2 ? 2 : 3;
}

function hubFor(rng: Random, tier: Tier): HubName {
  if (tier === 1) return rng.chance(0.8) ? 'Copenhagen' : 'Lima';
  if (tier === 2)
    return rng.weighted<HubName>([
      ['Lima', 55],
      ['Caracas', 35],
      ['Copenhagen', 10],
    ]);
  return rng.weighted<HubName>([
    ['Caracas', 70],
    ['Lima', 25],
    ['Copenhagen', 5],
  ]);
}

/** The demo agency's time zone: its workspace's, and the calendar a demo made "today" is dated by. */
const DEMO_TIME_ZONE = 'America/Caracas';

/**
 * A demo made now: as of today in the agency's calendar, its history ending at
 * this moment. (Caracas is behind UTC, so the moment always falls on or after
 * the as-of day's UTC midnight, where the simulation's clock starts the day.)
 */
export function demoMadeNow(now: Date): { asOf: string; until: string } {
  return { asOf: localDate(now, DEMO_TIME_ZONE), until: now.toISOString() };
}

const utcInstant = (date: string, minutes: number) => isoInstant(dayNumber(date) * 86_400_000 + minutes * 60_000);

/**
 * The instant of a simulated event: a day and minutes after its midnight UTC.
 * When the history ends before the as-of day does, that day's events keep
 * their order but are squeezed in before the end, so none lies in the future.
 */
export function demoClock(plan: DemoPlan): (date: string, minutes: number) => string {
  const day = 24 * 60;
  const end = plan.until === undefined ? day : (Date.parse(plan.until) - dayNumber(plan.asOf) * 86_400_000) / 60_000;
  if (!(end < day)) return utcInstant;
  const squeeze = Math.max(0, end) / day;
  return (date, minutes) => utcInstant(date, date === plan.asOf ? Math.floor(minutes * squeeze) : minutes);
}

export async function generateDemo(sqlite: Sqlite, plan: DemoPlan, job?: JobControl): Promise<void> {
  const profile = PROFILES[plan.profile];
  const weeks = profile.weeks;
  /** Where a week of this profile sits on the agency's 26-week curve (mix of tiers, services, verticals). */
  const phase = (week: number) => Math.floor((week * HISTORY_WEEKS) / weeks);
  const rng = new Random(`${plan.seed}|${plan.asOf}|${plan.profile}`);
  const firstWeek = addDays(startOfIsoWeek(plan.asOf), -7 * (weeks - 1));
  const at = demoClock(plan);
  const total = weeks + 2;
  job?.progress(0, total, 'setup');

  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // --- the agency itself ---
    insertSettings(sqlite, {
      name: 'Atalaya Demo Agency',
      reportingCurrency: 'USD',
      timeZone: DEMO_TIME_ZONE,
      at: at(firstWeek, -60 * 24 * 7),
    });
    insertDefaultServices(sqlite);
    const serviceIds = new Map<string, number>(
      (sqlite.prepare('SELECT id, code FROM services').all() as { id: number; code: string }[]).map((s) => [
        s.code,
        s.id,
      ]),
    );

    const hubIds = new Map<HubName, number>();
    for (const h of DEMO_HUBS) hubIds.set(h.name, insertHubRow(sqlite, { ...h, targetShareBp: h.targetBp }));

    const sellers: { id: number; hub: string; startDate: string }[] = [];
    for (const p of DEMO_PEOPLE) {
      const hub = DEMO_HUBS.find((h) => h.name === p.hub)!;
      const startDate = addDays(firstWeek, p.startWeek * 7);
      const email = `${
        p.name
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/ø/g, 'o')
          .split(' ')[0]
      }@atalaya-demo.test`;
      const id = insertPersonRow(sqlite, {
        ...p,
        email,
        hubId: hubIds.get(p.hub)!,
        timeZone: hub.timeZone,
        startDate,
      });
      if (p.leads) sqlite.prepare('UPDATE hubs SET leader_id = ? WHERE id = ?').run(id, hubIds.get(p.leads)!);
      if (p.sells || p.role === 'Project Manager') sellers.push({ id, hub: p.hub, startDate });
    }
    // Larger profiles: more people across the hubs, a fifth of them selling.
    for (let i = 0; i < profile.extraPeople; i++) {
      const hub = DEMO_HUBS[i % 3]!;
      const [role, sells] = EXTRA_ROLES[i % EXTRA_ROLES.length]!;
      const startDate = addDays(firstWeek, -7 * rng.int(1, 30));
      const id = insertPersonRow(sqlite, {
        name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
        email: `person${i + 1}@atalaya-demo.test`,
        role,
        employmentType: 'core',
        hoursPerDay: 8,
        hubId: hubIds.get(hub.name)!,
        timeZone: hub.timeZone,
        startDate,
      });
      if (sells) sellers.push({ id, hub: hub.name, startDate });
    }
    job?.progress(1, total, 'setup');

    // --- week by week ---
    // The leads and their histories are only appended to until every lead is scored: all their indexes (and the
    // full-text index) are built once at the end. Measured at the massive profile, even the indexes whose keys
    // arrive nearly in order cost more kept live (a seek per row per index: ~37 s) than built at the end (~15 s).
    const leadIndexes = deferIndexes(sqlite, ['leads', 'lead_activities', 'lead_stage_changes']);
    // Projects are appended here and then only moved by id (production, capacity, money), their stage history only
    // appended to: their indexes are built once after the money too, before the client alerts read them (kept live
    // through production, they were dropped by the money's bulk load and built again).
    const projectIndexes = deferIndexes(sqlite, ['projects', 'project_stage_changes']);
    const insertClient = sqlite.prepare(
      'INSERT INTO clients (name, tier, vertical, hub_id, country, email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertLead = sqlite.prepare(
      `INSERT INTO leads (company, contact_name, channel, vertical, tier, hub_id, owner_id, service_id, stage,
         expected_value_minor, currency, created_at, closed_at, lost_reason, client_id,
         contact_email, role, budget_minor, timeline, authority, need, last_activity_at, activity_count,
         reached_proposal)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const leadStages = new BatchedInsert(sqlite, 'lead_stage_changes', [
      'lead_id',
      'from_stage',
      'to_stage',
      'at',
      'reason',
    ]);
    const leadActivities = new BatchedInsert(sqlite, 'lead_activities', ['lead_id', 'kind', 'at', 'person_id']);
    const insertProject = sqlite.prepare(
      `INSERT INTO projects (name, client_id, hub_id, service_id, lead_id, value_minor, currency, stage, created_at,
         start_date, due_date, delivered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const clients: ClientRecord[] = [];
    const production: ProductionPlan[] = [];
    const leadRng = new Random(`${plan.seed}|${plan.asOf}|leads`);
    const usedCompanies = new Set<string>();

    const newCompany = (vertical: Vertical): string => {
      const suffix = rng.pick(COMPANY_WORDS[vertical]);
      for (let attempt = 0; ; attempt++) {
        const name = `${rng.pick(COMPANY_WORDS.first)} ${suffix}`;
        if (!usedCompanies.has(name)) {
          usedCompanies.add(name);
          return name;
        }
        // Large profiles run out of short names: number them, and count up once random numbers keep colliding.
        const numbered = attempt < 3 ? `${name} ${rng.int(2, 99)}` : `${name} ${usedCompanies.size + attempt}`;
        if (!usedCompanies.has(numbered)) {
          usedCompanies.add(numbered);
          return numbered;
        }
      }
    };

    /** Who can own a lead that arrives on a day: the hub's sellers who had started, else anyone's. */
    const owners = new Map<string, (typeof sellers)[number][]>();
    const ownersOn = (day: string, hub: HubName) => {
      const key = `${day}|${hub}`;
      let list = owners.get(key);
      if (!list) {
        const started = sellers.filter((s) => s.startDate <= day);
        const inHub = started.filter((s) => s.hub === hub);
        list = inHub.length > 0 ? inHub : started;
        owners.set(key, list);
      }
      return list;
    };

    for (let week = 0; week < weeks; week++) {
      const weekStart = addDays(firstWeek, week * 7);
      const leadCount = rng.poisson((projectsPerWeek(phase(week)) * profile.scale) / 0.25);
      for (let n = 0; n < leadCount; n++) {
        const day = addDays(weekStart, rng.int(0, 6));
        if (day > plan.asOf) continue;
        const createdAt = at(day, rng.int(13 * 60, 22 * 60));

        // Who is asking: a returning client (more often as the agency grows) or a new company.
        // At scale a larger share of demand comes from existing clients (PERFORMANCE.md: ~6k clients for ~25k projects).
        const repeat = clients.length > 0 && rng.chance(0.2 + (0.35 * week) / weeks + profile.repeatBoost);
        const existing = repeat ? rng.pick(clients) : null;
        const tier = existing?.tier ?? tierFor(rng, phase(week));
        const vertical = existing?.vertical ?? rng.weighted(verticalsOpenIn(phase(week)));
        const hub = existing?.hub ?? hubFor(rng, tier);
        const company = existing?.company ?? newCompany(vertical);
        const channel: LeadChannel = existing
          ? rng.weighted<LeadChannel>([
              ['email', 5],
              ['whatsapp', 4],
              ['referral', 1],
            ])
          : rng.weighted(CHANNELS);

        const serviceCode = rng.weighted(serviceMix(tier, phase(week)));
        const service = DEFAULT_SERVICES.find((s) => s.code === serviceCode)!;
        const [min, max] = service.prices[tier - 1]!;
        const valueMinor = Math.round(rng.int(min, max) / 5) * 5 * 100;
        const currency = hub === 'Copenhagen' ? 'EUR' : 'USD';

        const owner = rng.pick(ownersOn(day, hub));

        const winP = (existing ? 0.55 : CHANNEL_WIN[channel] * (tier === 1 ? 0.65 : 0.8)) * profile.winFactor;
        const won = rng.chance(winP);
        const closeDay = addDays(day, tier === 1 ? rng.int(7, 21) : rng.int(1, 10));
        const closed = closeDay <= plan.asOf;
        const closedAt = closed ? at(closeDay, rng.int(14 * 60, 23 * 60)) : null;
        let stage: string;
        if (closed) stage = won ? 'won' : 'lost';
        else {
          const progress = daysBetween(day, plan.asOf) / Math.max(1, daysBetween(day, closeDay));
          stage = progress < 0.3 ? 'new' : progress < 0.65 ? 'qualified' : 'proposal';
        }

        let client = existing;
        if (closed && won && !client) {
          const r = insertClient.run(
            company,
            tier,
            vertical,
            hubIds.get(hub)!,
            rng.pick(COUNTRIES[hub]),
            `hello@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.test`,
            closedAt,
          );
          client = { id: Number(r.lastInsertRowid), company, tier, vertical, hub };
          clients.push(client);
        }

        const contactName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const lostReason = closed && !won ? rng.pick(LOST_REASONS) : null;
        const q = qualifyLead(leadRng, {
          outcome: closed ? (won ? 'won' : 'lost') : 'open',
          stage,
          contactName,
          company,
          expectedValueMinor: valueMinor,
          createdAt,
          closedAt,
          lostReason,
          until: at(plan.asOf, 23 * 60),
        });
        const leadResult = insertLead.run(
          company,
          contactName,
          channel,
          vertical,
          tier,
          hubIds.get(hub)!,
          owner.id,
          serviceIds.get(serviceCode)!,
          stage,
          valueMinor,
          currency,
          createdAt,
          closedAt,
          lostReason,
          closed && won ? client!.id : null,
          q.contactEmail,
          q.role,
          q.budgetMinor,
          q.timeline,
          q.authority,
          q.need,
          q.lastActivityAt,
          q.activities.length,
          q.stages.some(([, to]) => to === 'proposal') ? 1 : 0,
        );
        const leadId = Number(leadResult.lastInsertRowid);
        for (const [kind, when] of q.activities) leadActivities.add(leadId, kind, when, owner.id);
        for (const [from, to, when, reason] of q.stages) leadStages.add(leadId, from, to, when, reason);

        if (!(closed && won && client)) continue;

        // The project: production takes the service's turnaround; most are on time.
        const turnaroundDays = Math.ceil(rng.int(service.turnaroundHours[0], service.turnaroundHours[1]) / 24);
        const dueDate = addDays(closeDay, turnaroundDays);
        const cancelled = rng.chance(0.02);
        const late = rng.chance(0.08) ? rng.int(1, 3) : 0;
        const deliveredDay = addDays(dueDate, late - (turnaroundDays > 2 && rng.chance(0.3) ? 1 : 0));
        const deliveredAt =
          !cancelled && deliveredDay <= plan.asOf ? at(deliveredDay, rng.int(15 * 60, 23 * 60)) : null;
        let projectStage: string;
        if (cancelled) projectStage = 'cancelled';
        // Invoiced and paid follow the final invoice and its payments (./money.ts).
        else if (deliveredAt) projectStage = 'final_delivery';
        else {
          const progress = daysBetween(closeDay, plan.asOf) / Math.max(1, daysBetween(closeDay, deliveredDay));
          projectStage =
            progress < 0.15
              ? 'discovery'
              : progress < 0.6
                ? 'production'
                : progress < 0.75
                  ? 'qa'
                  : progress < 0.9
                    ? 'client_preview'
                    : 'revision';
        }
        // Every project starts in discovery; ./production.ts walks it to its stage, recording the history.
        const project = insertProject.run(
          `${service.name} · ${client.company}`,
          client.id,
          hubIds.get(hub)!,
          serviceIds.get(serviceCode)!,
          leadId,
          valueMinor,
          currency,
          'discovery',
          closedAt,
          closeDay,
          dueDate,
          deliveredAt,
        );
        production.push({
          id: Number(project.lastInsertRowid),
          target: projectStage as ProductionPlan['target'],
          createdAt: closedAt!,
          deliveredAt,
          dueDate,
        });
      }
      leadActivities.flush();
      leadStages.flush();
      job?.progress(week + 2, total, 'simulating');
      if (job) await job.checkpoint();
    }

    // --- production: stage histories, quality gates, satisfaction ---
    simulateProduction(sqlite, production, plan, (date, minutes) => at(date, minutes));

    // --- capacity: skills, assignments, logged hours, time off ---
    simulateCapacity(sqlite, plan, (date) => at(date, 9 * 60));

    // --- the money: terms, FX, subscriptions, invoices, payments, expenses ---
    job?.progress(weeks + 1, total, 'money');
    simulateMoney(sqlite, plan.seed, firstWeek, plan.asOf, (date) => at(date, 12 * 60));
    projectIndexes.restore();
    syncClientAlerts(sqlite, plan.asOf, at(plan.asOf, 12 * 60));

    // --- every lead scored, the win probability learned from the closed ones ---
    scoreAllNow(sqlite, plan.asOf, at(plan.asOf, 23 * 60 + 30));
    syncCapacityAlerts(sqlite, plan.asOf, at(plan.asOf, 23 * 60 + 45));
    leadIndexes.restore();

    audit(sqlite, {
      at: at(plan.asOf, 23 * 60 + 59),
      actor: 'demo',
      action: 'generate',
      entity: 'workspace',
      entityId: 1,
      detail: plan,
    });
    sqlite.exec('COMMIT');
    job?.progress(total, total, 'finishing');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
