/**
 * What a demo lead looks like beyond its company and channel: the contact's
 * role, budget, timeline, authority and need, the activities with it and its
 * stage history. Drawn from a separate random stream *given the outcome the
 * simulation already decided*, so won leads carry a real, learnable signal
 * (decision makers with urgent needs and a budget that fits win more often)
 * without changing the rest of the history.
 */
import { isoInstant as iso } from '../../../shared/dates';
import type { Random } from './random';

export type LeadOutcome = 'won' | 'lost' | 'open';

const ROLES = [
  'Founder',
  'CEO',
  'Head of Marketing',
  'Marketing Manager',
  'Content Lead',
  'Brand Manager',
  'Operations',
];

/** [value, weight if won, weight if lost]; open leads mix the two. */
const AUTHORITY = [
  ['decision_maker', 6, 2],
  ['influencer', 3, 4],
  ['user', 1, 4],
] as const;
const NEED = [
  ['urgent', 5, 2],
  ['clear', 4, 4],
  ['exploring', 1, 4],
] as const;
const TIMELINE = [
  ['now', 5, 2],
  ['this_month', 4, 3],
  ['this_quarter', 2, 3],
  ['later', 1, 3],
] as const;

function draw<T>(rng: Random, table: readonly (readonly [T, number, number])[], outcome: LeadOutcome): T {
  return rng.weighted(
    table.map(([v, won, lost]) => [v, outcome === 'won' ? won : outcome === 'lost' ? lost : won + lost] as const),
  );
}

const ACTIVITY_KINDS = [
  ['email', 5],
  ['call', 3],
  ['meeting', 1],
  ['note', 2],
] as const;

export interface DemoLead {
  outcome: LeadOutcome;
  stage: string;
  contactName: string;
  company: string;
  expectedValueMinor: number;
  /** UTC instants. */
  createdAt: string;
  closedAt: string | null;
  lostReason: string | null;
  /** The end of the history (as-of, end of day). */
  until: string;
}

const MIN = 60_000;

/** What the generator writes for a lead besides its company and channel: its qualification, activities and stage history. */
export interface LeadQualification {
  contactEmail: string;
  role: string;
  budgetMinor: number | null;
  timeline: string;
  authority: string;
  need: string;
  lastActivityAt: string;
  /** [kind, at] in time order. */
  activities: [string, string][];
  /** [from, to, at, reason] in time order. */
  stages: [string | null, string, string, string | null][];
}

export function qualifyLead(rng: Random, lead: DemoLead): LeadQualification {
  const o = lead.outcome;
  const authority = draw(rng, AUTHORITY, o);
  const need = draw(rng, NEED, o);
  const timeline = draw(rng, TIMELINE, o);
  // Budget: winners usually name one that covers the quote; a fifth of leads name none.
  const fits = rng.chance(o === 'won' ? 0.8 : o === 'lost' ? 0.35 : 0.55);
  const budgetMinor = rng.chance(0.2)
    ? null
    : Math.round((lead.expectedValueMinor * (fits ? 1 + rng.next() * 0.6 : 0.3 + rng.next() * 0.6)) / 500) * 500;

  const start = Date.parse(lead.createdAt);
  const end = Date.parse(lead.closedAt ?? lead.until);
  const span = Math.max(30 * MIN, end - start);
  // Activities: engaged leads get more touches, spread over the lead's life.
  const touches = Math.max(1, Math.min(12, Math.round((o === 'won' ? 3 : o === 'lost' ? 1.5 : 2) + rng.next() * 3)));
  const times: number[] = [];
  for (let i = 0; i < touches; i++) times.push(start + Math.round(span * rng.next()));
  times.sort((a, b) => a - b);
  const activities = times.map((t): [string, string] => [rng.weighted(ACTIVITY_KINDS), iso(t)]);

  // Stage history: created → qualified → proposal → closed (or wherever it is now).
  const path = ['new', 'qualified', 'proposal'];
  const target = lead.stage === 'won' || lead.stage === 'lost' ? 'proposal' : lead.stage;
  const steps = path.slice(0, path.indexOf(target) + 1);
  // Some lost leads never reached a proposal.
  if (lead.stage === 'lost' && rng.chance(0.4)) steps.splice(rng.chance(0.5) ? 1 : 2);
  const stages: LeadQualification['stages'] = [];
  let previous: string | null = null;
  steps.forEach((stage, i) => {
    stages.push([previous, stage, iso(start + Math.round((span * i) / (steps.length + 1))), null]);
    previous = stage;
  });
  if (lead.closedAt) stages.push([previous, lead.stage, lead.closedAt, lead.lostReason]);

  const first = lead.contactName
    .split(' ')[0]!
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z]/g, '');
  const domain = lead.company.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return {
    contactEmail: `${first}@${domain}.test`,
    role: rng.pick(ROLES),
    budgetMinor,
    timeline,
    authority,
    need,
    lastActivityAt: activities[activities.length - 1]![1],
    activities,
    stages,
  };
}
