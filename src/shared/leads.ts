/** Leads (issue 4): the paged table's rows and query, and the lead detail. */
import type { Currency, LeadChannel, LeadStage, Tier, Vertical } from './domain';
import type {
  Authority,
  ModelQuality,
  Need,
  ProbabilityFactor,
  ScoreBand,
  ScoreFactor,
  ScoringWeights,
  Timeline,
} from './scoring';

/** Columns the leads table can sort by on the server. */
export const LEAD_SORT_COLUMNS = [
  'created_at',
  'last_activity_at',
  'score',
  'win_probability',
  'expected_value',
  'company',
] as const;
export type LeadSortColumn = (typeof LEAD_SORT_COLUMNS)[number];

export const ACTIVITY_KINDS = ['call', 'email', 'meeting', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface LeadFilter {
  stages?: LeadStage[];
  channels?: LeadChannel[];
  verticals?: Vertical[];
  tiers?: Tier[];
  ownerIds?: number[];
  hubIds?: number[];
  scoreMin?: number;
  scoreMax?: number;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  createdFrom?: string;
  createdTo?: string;
  activityFrom?: string;
  activityTo?: string;
}

export interface LeadRow {
  id: number;
  company: string;
  contactName: string;
  channel: LeadChannel;
  vertical: Vertical;
  tier: Tier;
  ownerId: number | null;
  hubId: number | null;
  stage: LeadStage;
  expectedValueMinor: number;
  currency: Currency;
  score: number | null;
  /** The model's probability; `probabilityOverride` is a person's, shown beside it. */
  winProbability: number | null;
  probabilityOverride: number | null;
  createdAt: string;
  lastActivityAt: string | null;
}

export interface LeadPage {
  /** Rows matching the filter and search (the whole result, not the page). */
  total: number;
  offset: number;
  rows: LeadRow[];
}

export interface LeadStageChange {
  fromStage: LeadStage | null;
  toStage: LeadStage;
  at: string;
  reason: string | null;
}

export interface LeadActivity {
  id: number;
  kind: ActivityKind;
  at: string;
  personId: number | null;
  note: string | null;
}

export interface LeadDetail extends LeadRow {
  contactEmail: string | null;
  role: string | null;
  budgetMinor: number | null;
  timeline: Timeline | null;
  authority: Authority | null;
  need: Need | null;
  serviceId: number | null;
  clientId: number | null;
  closedAt: string | null;
  lostReason: string | null;
  activityCount: number;
  /** Points per scoring factor (SCORE_FACTORS), as stored by the scorer. */
  scoreBreakdown: Record<string, number> | null;
  /**
   * Each factor's maximum under the weights the breakdown was made with: the weights in force, unless they changed
   * and the rescore was cancelled before reaching this lead. Null when not known (stored before it was recorded).
   */
  scoreBreakdownMax: Record<ScoreFactor, number> | null;
  /** Why the model says what it says: the win rate it starts from and the top 3 fields for and against. */
  probabilityFactors: { baseRate: number; for: ProbabilityFactor[]; against: ProbabilityFactor[] } | null;
  history: LeadStageChange[];
  activities: LeadActivity[];
  /** Projects made from this lead once won. */
  projectIds: number[];
}

export interface WonLead {
  lead: LeadDetail;
  clientId: number;
  projectId: number;
  /** The deposit invoice, when the client's terms ask for one. */
  depositInvoiceId: number | null;
}

// ---------- Scoring ----------

export interface ModelInfo {
  trainedAt: string;
  /** Closed leads it learned from. */
  examples: number;
  quality: ModelQuality;
}

export interface ScoringSettings {
  weights: ScoringWeights;
  defaults: ScoringWeights;
  /** The model in force (null until there are closed leads to learn from). */
  model: ModelInfo | null;
}

/** What new weights would do: leads moving between bands (on an even sample of large workspaces). */
export interface ScoringPreview {
  sampled: boolean;
  leads: number;
  moved: number;
  up: number;
  down: number;
  before: Record<ScoreBand, number>;
  after: Record<ScoreBand, number>;
}
