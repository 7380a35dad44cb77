/** The production board and quality gates (issue 4): replies and vocabulary. */
import type { Currency, ProjectStage } from './domain';
import type { MissingRate } from './money';

/**
 * Cards shown per delivered column (invoiced, paid): the board is for work in
 * progress, and an agency at scale delivers thousands of projects a month
 * (~35k in 30 days at the massive profile, far more than a screen can hold).
 */
export const BOARD_DELIVERED_CARDS = 50;

/** The board's columns, in order (PRODUCT.md §3.1); cancelled projects leave the board. */
export const BOARD_STAGES = [
  'discovery',
  'production',
  'qa',
  'client_preview',
  'revision',
  'final_delivery',
  'invoiced',
  'paid',
] as const satisfies readonly ProjectStage[];
export type BoardStage = (typeof BOARD_STAGES)[number];

/** Stages a person moves a project through by hand; the later ones follow delivery and money. */
export const WORK_STAGES = ['discovery', 'production', 'qa', 'client_preview', 'revision'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];

export const GATES = [1, 2, 3] as const;
export type Gate = (typeof GATES)[number];

/** Checklist items per gate (PRODUCT.md §3.1). A gate passes when every item does. */
export const GATE_CHECKLISTS = {
  1: ['technical_specs', 'brand_guidelines', 'common_issues'],
  2: ['creative_direction', 'brief_compliance', 'technical_execution'],
  3: ['final_approval', 'predicted_satisfaction', 'upsell_opportunity'],
} as const satisfies Record<Gate, readonly string[]>;

/** overdue: past the due date; due_soon: due within 2 days and not yet with the client; on_track otherwise. */
export const DUE_RISKS = ['on_track', 'due_soon', 'overdue'] as const;
export type DueRisk = (typeof DUE_RISKS)[number];

export interface GateState {
  gate: Gate;
  /** Null when the gate was never reviewed. */
  passed: boolean | null;
  reviewerId: number | null;
  reviewerName: string | null;
  checklist: Record<string, boolean>;
  notes: string | null;
  at: string | null;
}

export interface BoardCard {
  id: number;
  name: string;
  clientId: number;
  clientName: string;
  hubId: number;
  /** A board stage, or 'cancelled' (cancelled projects are not on the board). */
  stage: ProjectStage;
  valueMinor: number;
  currency: Currency;
  /**
   * The value in the reporting currency at the rate of the day the project was created (as its column's total
   * counts it), so projects in different currencies compare; null when that rate is missing.
   */
  reportingMinor: number | null;
  startDate: string;
  dueDate: string;
  deliveredAt: string | null;
  /** Paid projects: the day their final invoice was settled, by payment or credit note (null for other stages). */
  paidOn: string | null;
  risk: DueRisk;
  /** Gates passed so far (0–3). */
  gatesPassed: number;
  revisionCycles: number;
}

/** A project as the command palette lists it: found by name, with what tells projects of the same name apart. */
export interface ProjectOption {
  id: number;
  name: string;
  clientName: string;
  stage: ProjectStage;
  dueDate: string;
}

export interface ProjectLookup {
  /** Open work first (not invoiced, paid or cancelled), then the rest; newest first within each. */
  matches: ProjectOption[];
}

export interface BoardColumn {
  stage: BoardStage;
  /** Every project in the stage (WIP count). */
  count: number;
  /** Their value in the reporting currency (null when a rate is missing). */
  valueMinor: number | null;
  /** The cards shown: all open work; invoiced and paid only those moved there in the last 30 days. */
  cards: BoardCard[];
}

export interface Board {
  asOf: string;
  reportingCurrency: Currency;
  columns: BoardColumn[];
  missingRates: MissingRate[];
}

export interface ProjectStageChange {
  fromStage: ProjectStage | null;
  toStage: ProjectStage;
  at: string;
  actor: string;
}

export interface ProjectDetail extends BoardCard {
  serviceId: number;
  serviceName: string;
  leadId: number | null;
  satisfaction: number | null;
  history: ProjectStageChange[];
  gates: GateState[];
  /** Why the project cannot be delivered yet (missing gates), empty when it can. */
  deliveryBlockers: string[];
  /** Derived from the history. */
  firstPassApproved: boolean | null;
  sameDayDelivery: boolean | null;
  invoiceIds: number[];
}

const WORK = new Set<string>(WORK_STAGES);

/**
 * Why a project cannot move from `from` to `to` by hand, or null when it can.
 * Shared by the core (which decides) and the board (which hints before asking).
 */
export function moveProblem(from: ProjectStage, to: ProjectStage): string | null {
  if (from === to) return 'The project is already in that stage.';
  if (from === 'cancelled') return 'The project was cancelled; it cannot move.';
  if (!WORK.has(from)) return 'The project has been delivered; its later stages follow the invoice and the payments.';
  if (to === 'cancelled') return null;
  // The work is produced before it is checked, previewed or delivered (PRODUCT.md §3.1).
  if (from === 'discovery' && to !== 'production')
    return 'Discovery leads into Production: the work is made before QA.';
  if (to === 'final_delivery') return null; // checked against the gates by `deliveryBlockers`
  if (!WORK.has(to)) return 'Invoiced and paid follow the final invoice and its payments; deliver the project first.';
  if (to === 'revision' && from !== 'client_preview' && from !== 'qa')
    return 'A revision follows the client preview (or QA).';
  return null;
}

/** Gate 1 is an automated check; the peer and senior reviews (gates 2 and 3) name who reviewed. */
export function reviewerProblem(gate: Gate, reviewerId: number | null): string | null {
  if (gate === 1 || reviewerId !== null) return null;
  return `Gate ${gate} is a ${gate === 2 ? 'peer' : 'senior'} review: choose who reviewed it.`;
}
