/**
 * The one contract between the interface and the core. Adding a feature means:
 * a method here (argument schema + reply type), its handler in
 * `src/main/core/<domain>/handlers.ts`, and a UI that calls
 * `api.call('domain/method', args)`. There are no other channels.
 */
import type { z } from 'zod';
import type {
  Assignment,
  AssignmentMoved,
  BalanceProposal,
  CapacityMatrix,
  CoverageReport,
  DemandReport,
  Holiday,
  PersonSkill,
  RoutingReport,
  TimeOff,
  TimeWeek,
} from './capacity';
import {
  assignmentInputSchema,
  assignmentMoveSchema,
  assignmentRevertSchema,
  assignmentUpdateSchema,
  balanceApplySchema,
  balanceSchema,
  coverageSchema,
  demandSchema,
  holidayInputSchema,
  holidayListSchema,
  holidayRemoveSchema,
  holidayToggleSchema,
  holidayUpdateSchema,
  matrixSchema,
  projectIdSchema,
  skillsSetSchema,
  timeLogSchema,
  timeOffInputSchema,
  timeOffListSchema,
  timeOffPreviewSchema,
  timeWeekSchema,
} from './capacity-schemas';
import type {
  Currency,
  EmploymentType,
  HubColor,
  HubTargetKind,
  Period,
  Section,
  ServiceKind,
  Tier,
  Weekday,
} from './domain';
import { type ClientKpis, type FinanceKpis, type PipelineKpis, type ProjectKpis, periodKpisSchema } from './kpis';
import type { LeadDetail, LeadPage, ModelInfo, ScoringPreview, ScoringSettings, WonLead } from './leads';
import {
  activityInputSchema,
  leadInputSchema,
  leadQuerySchema,
  leadStageSchema,
  leadUpdateSchema,
  leadWinSchema,
  previewWeightsSchema,
  probabilityOverrideSchema,
  rescoreSchema,
  segmentCountsSchema,
  setWeightsSchema,
} from './leads-schemas';
import type {
  Alert,
  ClientDetail,
  ClientList,
  ClientLookup,
  ClientRow,
  Expense,
  ExpenseMonth,
  FxRate,
  Invoice,
  InvoiceList,
  MrrReport,
  SavedView,
  Subscription,
} from './money';
import {
  asOfSchema,
  clientGetSchema,
  clientInputSchema,
  clientLookupSchema,
  clientUpdateSchema,
  creditNoteSchema,
  expenseInputSchema,
  expenseMonthSchema,
  expenseStopSchema,
  fxDeleteSchema,
  fxListSchema,
  fxSetSchema,
  invoiceDraftSchema,
  invoiceFromSchema,
  invoiceIssueSchema,
  invoiceListSchema,
  invoiceUpdateDraftSchema,
  invoiceVoidSchema,
  mrrRangeSchema,
  paymentSchema,
  subscriptionChangeSchema,
  subscriptionCreateSchema,
  subscriptionListSchema,
  viewListSchema,
  viewRenameSchema,
  viewSaveSchema,
} from './money-schemas';
import type { Board, ProjectDetail, ProjectLookup } from './pipeline';
import {
  boardSchema,
  deliverSchema,
  gateReviewSchema,
  projectLookupSchema,
  projectMoveSchema,
  projectUndoMoveSchema,
} from './pipeline-schemas';
import type { AppError, Result } from './result';
import {
  alertDismissSchema,
  alertListSchema,
  demoOptionsSchema,
  emptyArgs,
  hubInputSchema,
  hubUpdateSchema,
  idSchema,
  jobIdSchema,
  onboardingSchema,
  pathSchema,
  personInputSchema,
  prefsPatchSchema,
  printRouteSchema,
  serviceUpdateSchema,
  settingsPatchSchema,
} from './schemas';

// ---------- DTOs (what replies carry) ----------

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface AppInfo {
  version: string;
  host: HostKind;
  /** Newest schema version this build knows. */
  schemaVersion: number;
  userDataDir: string;
  platform: string;
}

export interface Prefs {
  language: 'en' | 'es' | null;
  theme: 'light' | 'dark' | 'system';
  period: Period;
  hubFilter: 'all' | number;
  sidebarCollapsed: boolean;
  lastSection: Section;
  windowBounds: { x: number; y: number; width: number; height: number; maximized: boolean } | null;
  /** The dates of the custom period (used when `period` is 'custom'). */
  customRange: { from: string; to: string } | null;
  lastWorkspace: string | null;
  recentWorkspaces: string[];
}

export type TableCounts = Record<
  | 'hubs'
  | 'people'
  | 'services'
  | 'clients'
  | 'projects'
  | 'leads'
  | 'subscriptions'
  | 'invoices'
  | 'payments'
  | 'expenses'
  | 'fx_rates'
  | 'audit_log',
  number
>;

export interface WorkspaceSummary {
  path: string;
  name: string;
  schemaVersion: number;
  counts: TableCounts;
  /** True when the file sits in a folder that a sync client or network share manages. */
  onSyncedFolder: boolean;
  /** Backup taken before a schema migration when opening, if any. */
  migratedFrom: number | null;
}

export type WorkspaceState = { state: 'none'; reason: string | null } | ({ state: 'open' } & WorkspaceSummary);

export interface WorkspaceSettings {
  name: string;
  logoDataUrl: string | null;
  reportingCurrency: Currency;
  timeZone: string;
  baselineMonth: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Hub {
  id: number;
  name: string;
  country: string;
  timeZone: string;
  currency: Currency;
  targetKind: HubTargetKind | null;
  targetSharePct: number | null;
  leaderId: number | null;
  color: HubColor;
  peopleCount: number;
  projectsCount: number;
  /** Clients and leads placed in this hub; like people and projects, they keep a hub from being deleted. */
  clientsCount: number;
  leadsCount: number;
}

export interface Person {
  id: number;
  name: string;
  email: string | null;
  role: string;
  hubId: number | null;
  employmentType: EmploymentType;
  timeZone: string;
  hoursPerDay: number;
  workdays: Weekday[];
  startDate: string;
  endDate: string | null;
}

export interface PriceRange {
  min: number;
  max: number;
}

export interface Service {
  id: number;
  code: string;
  name: string;
  kind: ServiceKind;
  currency: Currency;
  /** Price range per client tier, in minor units of `currency`. */
  prices: Record<Tier, PriceRange>;
  turnaroundHours: { min: number; max: number };
  effortHours: number;
  active: boolean;
}

export interface BackupInfo {
  path: string;
  bytes: number;
  at: string;
}

export interface JobStarted {
  jobId: string;
}

// ---------- Methods ----------

/** Argument schema and reply type of every method. */
export const methods = {
  'app/ping': { args: emptyArgs, reply: {} as { pong: true; at: number } },
  'app/info': { args: emptyArgs, reply: {} as AppInfo },

  'prefs/get': { args: emptyArgs, reply: {} as Prefs },
  'prefs/set': { args: prefsPatchSchema, reply: {} as Prefs },

  'workspace/current': { args: emptyArgs, reply: {} as WorkspaceState },
  'workspace/createDemo': { args: demoOptionsSchema, reply: {} as JobStarted },
  'workspace/createEmpty': { args: onboardingSchema, reply: {} as WorkspaceSummary },
  'workspace/open': { args: pathSchema, reply: {} as WorkspaceSummary },
  'workspace/close': { args: emptyArgs, reply: {} as { closed: boolean } },
  'workspace/backup': { args: emptyArgs, reply: {} as BackupInfo },

  'jobs/cancel': { args: jobIdSchema, reply: {} as { cancelled: boolean } },

  'settings/get': { args: emptyArgs, reply: {} as WorkspaceSettings },
  'settings/update': { args: settingsPatchSchema, reply: {} as WorkspaceSettings },

  'hubs/list': { args: emptyArgs, reply: {} as Hub[] },
  'hubs/create': { args: hubInputSchema, reply: {} as Hub },
  'hubs/update': { args: hubUpdateSchema, reply: {} as Hub },
  'hubs/delete': { args: idSchema, reply: {} as { deleted: number } },

  'people/list': { args: emptyArgs, reply: {} as Person[] },
  'people/create': { args: personInputSchema, reply: {} as Person },

  'catalogue/list': { args: emptyArgs, reply: {} as Service[] },
  'catalogue/update': { args: serviceUpdateSchema, reply: {} as Service },

  'clients/list': { args: asOfSchema, reply: {} as ClientList },
  'clients/get': { args: clientGetSchema, reply: {} as ClientDetail },
  /** Clients by name for pickers: cheap at any size (the list computes every client's health). */
  'clients/lookup': { args: clientLookupSchema, reply: {} as ClientLookup },
  'clients/create': { args: clientInputSchema, reply: {} as ClientRow },
  /** Also how a suggested tier is applied, once the user confirms it. */
  'clients/update': { args: clientUpdateSchema, reply: {} as ClientRow },

  'views/list': { args: viewListSchema, reply: {} as SavedView[] },
  'views/save': { args: viewSaveSchema, reply: {} as SavedView },
  /** Only the name changes; a name another view of its screen has is refused. */
  'views/rename': { args: viewRenameSchema, reply: {} as SavedView },
  'views/delete': { args: idSchema, reply: {} as { deleted: number } },

  'alerts/list': { args: alertListSchema, reply: {} as Alert[] },
  'alerts/dismiss': { args: alertDismissSchema, reply: {} as { dismissed: number } },

  'subscriptions/list': { args: subscriptionListSchema, reply: {} as Subscription[] },
  'subscriptions/create': { args: subscriptionCreateSchema, reply: {} as Subscription },
  'subscriptions/change': { args: subscriptionChangeSchema, reply: {} as Subscription },
  'mrr/report': { args: mrrRangeSchema, reply: {} as MrrReport },

  'invoices/list': { args: invoiceListSchema, reply: {} as InvoiceList },
  'invoices/get': { args: idSchema, reply: {} as Invoice },
  'invoices/createDraft': { args: invoiceDraftSchema, reply: {} as Invoice },
  /** A draft computed from a project (deposit or final, net of deposits) or a subscription month. */
  'invoices/draftFrom': { args: invoiceFromSchema, reply: {} as Invoice },
  'invoices/updateDraft': { args: invoiceUpdateDraftSchema, reply: {} as Invoice },
  /** Gives the next number (no gaps, no duplicates) and sends it; due date = issue date + the client's terms. */
  'invoices/issue': { args: invoiceIssueSchema, reply: {} as Invoice },
  /** Voids an invoice; it keeps its number. Refused once money was received. */
  'invoices/void': { args: invoiceVoidSchema, reply: {} as Invoice },
  /** Issues a credit note against a sent invoice (sent invoices are never edited). Replies with the credit note. */
  'invoices/creditNote': { args: creditNoteSchema, reply: {} as Invoice },
  /** Records a full or partial payment in any currency; replies with the updated invoice. */
  'payments/record': { args: paymentSchema, reply: {} as Invoice },

  'expenses/month': { args: expenseMonthSchema, reply: {} as ExpenseMonth },
  'expenses/create': { args: expenseInputSchema, reply: {} as Expense },
  /** Expenses are never deleted: a void hides it from every figure and can be undone. */
  'expenses/void': { args: idSchema, reply: {} as Expense },
  'expenses/unvoid': { args: idSchema, reply: {} as Expense },
  /** Ends a monthly expense after `lastMonth`. */
  'expenses/stop': { args: expenseStopSchema, reply: {} as Expense },

  'fx/list': { args: fxListSchema, reply: {} as FxRate[] },
  'fx/set': { args: fxSetSchema, reply: {} as FxRate },
  'fx/delete': { args: fxDeleteSchema, reply: {} as { deleted: number } },

  /** The pipeline's KPIs of a period (KPIS.md): new leads, booked, conversion, proposal win rate. */
  'kpis/pipeline': { args: periodKpisSchema, reply: {} as PipelineKpis },
  /** Production's KPIs of a period (KPIS.md): delivered, on time, first pass, revision cycles, satisfaction. */
  'kpis/projects': { args: periodKpisSchema, reply: {} as ProjectKpis },
  /** Finance's KPIs of a period (KPIS.md): revenue, collected, expenses, DSO. */
  'kpis/finance': { args: periodKpisSchema, reply: {} as FinanceKpis },
  /** Clients' KPIs of a period (KPIS.md): new clients, repeat-client rate, upsell rate, client retention (month). */
  'kpis/clients': { args: periodKpisSchema, reply: {} as ClientKpis },

  /** Server-side sorted, filtered and searched page of leads (stays fast at 1.2M leads). */
  'leads/query': { args: leadQuerySchema, reply: {} as LeadPage },
  /** Live counts of saved segments (named filter sets), one per segment. */
  'leads/segmentCounts': { args: segmentCountsSchema, reply: {} as { counts: number[] } },
  'leads/get': { args: idSchema, reply: {} as LeadDetail },
  'leads/create': { args: leadInputSchema, reply: {} as LeadDetail },
  'leads/update': { args: leadUpdateSchema, reply: {} as LeadDetail },
  /** new / qualified / proposal / lost (with a reason); appended to the stage history. */
  'leads/setStage': { args: leadStageSchema, reply: {} as LeadDetail },
  /** Creates or links the client, the project and (per the client's terms) the deposit invoice, in one transaction. */
  'leads/win': { args: leadWinSchema, reply: {} as WonLead },
  'leads/addActivity': { args: activityInputSchema, reply: {} as LeadDetail },
  /** A person's probability beside the model's (null removes the override). */
  'leads/overrideProbability': { args: probabilityOverrideSchema, reply: {} as LeadDetail },

  'scoring/get': { args: emptyArgs, reply: {} as ScoringSettings },
  /** How many leads would change band with these weights (nothing is saved). */
  'scoring/preview': { args: previewWeightsSchema, reply: {} as ScoringPreview },
  /** Saves the weights (null = defaults) and starts rescoring every lead (a job: progress, cancel). */
  'scoring/setWeights': { args: setWeightsSchema, reply: {} as JobStarted },
  /** Rescores every lead as a job, optionally retraining the model first. */
  'scoring/rescore': { args: rescoreSchema, reply: {} as JobStarted },
  /** Retrains the win-probability model on every closed lead; replies with its held-out quality. */
  'scoring/retrain': { args: emptyArgs, reply: {} as ModelInfo },

  'projects/board': { args: boardSchema, reply: {} as Board },
  'projects/get': { args: idSchema, reply: {} as ProjectDetail },
  /** Projects by name for the command palette: a few, open work first; fast at any size (no sort of every match). */
  'projects/lookup': { args: projectLookupSchema, reply: {} as ProjectLookup },
  /** A move by hand between the work stages (or to cancelled), recorded in the stage history. */
  'projects/move': { args: projectMoveSchema, reply: {} as ProjectDetail },
  /** Takes back the latest move (the toast's Undo), leaving the stage history as if it had not happened. */
  'projects/undoMove': { args: projectUndoMoveSchema, reply: {} as ProjectDetail },
  'projects/reviewGate': { args: gateReviewSchema, reply: {} as ProjectDetail },
  /** Needs gates 1–3 passed; records satisfaction and issues the final invoice (net of deposits) in one transaction. */
  'projects/deliver': { args: deliverSchema, reply: {} as ProjectDetail },

  /** People × days or weeks: available, committed and utilization, grouped by hub, with assignments. */
  'capacity/matrix': { args: matrixSchema, reply: {} as CapacityMatrix },
  /** Team capacity against open projects and the probability-weighted pipeline, week by week. */
  'capacity/demand': { args: demandSchema, reply: {} as DemandReport },
  /** For a client's time zone, who works each hour of the day. */
  'capacity/coverage': { args: coverageSchema, reply: {} as CoverageReport },
  'assignments/forProject': { args: projectIdSchema, reply: {} as Assignment[] },
  'assignments/create': { args: assignmentInputSchema, reply: {} as Assignment },
  'assignments/update': { args: assignmentUpdateSchema, reply: {} as Assignment },
  /** To another person and/or shifted in time; logged hours stay with whoever logged them. Replies with what undoes it. */
  'assignments/move': { args: assignmentMoveSchema, reply: {} as AssignmentMoved },
  /** Undoes a move or an applied balance (the rows as they were; the rows it created are removed). */
  'assignments/revert': { args: assignmentRevertSchema, reply: {} as { reverted: number } },
  /** Removes an assignment with no logged hours. */
  'assignments/delete': { args: idSchema, reply: {} as { deleted: number } },
  'time/week': { args: timeWeekSchema, reply: {} as TimeWeek },
  /** Sets a day's hours for a person on a project (0 removes them). */
  'time/log': { args: timeLogSchema, reply: {} as TimeWeek },
  'timeOff/list': { args: timeOffListSchema, reply: {} as TimeOff[] },
  /** The working days time off over these dates would take (the form's count before it is added), as the list counts them. */
  'timeOff/workingDays': { args: timeOffPreviewSchema, reply: {} as { workingDays: number } },
  'timeOff/add': { args: timeOffInputSchema, reply: {} as TimeOff },
  'timeOff/remove': { args: idSchema, reply: {} as { removed: number } },
  /** A hub's public holidays for a year: its country's calendar plus the ones added by hand. */
  'holidays/list': { args: holidayListSchema, reply: {} as Holiday[] },
  'holidays/add': { args: holidayInputSchema, reply: {} as Holiday },
  /** Moves and/or renames a holiday added by hand (the public calendar's can only be switched off). */
  'holidays/update': { args: holidayUpdateSchema, reply: {} as Holiday },
  /** Switches a holiday off (the hub works that day) or back on. */
  'holidays/setActive': { args: holidayToggleSchema, reply: {} as Holiday },
  /** Removes a holiday added by hand (the public calendar's are switched off instead). */
  'holidays/remove': { args: holidayRemoveSchema, reply: {} as { removed: number } },
  'skills/set': { args: skillsSetSchema, reply: {} as PersonSkill[] },
  /** Ranked candidates for a project with the reasons behind each, and the overflow ladder when nobody fits. */
  'routing/candidates': { args: projectIdSchema, reply: {} as RoutingReport },
  /** Proposes reassignments for the week that minimize overload and due-date risk (nothing is saved). */
  'capacity/balance': { args: balanceSchema, reply: {} as BalanceProposal },
  /** Applies the accepted moves of a proposal in one transaction; replies with what undoes them. */
  'capacity/applyBalance': { args: balanceApplySchema, reply: {} as AssignmentMoved['revert'] },

  /** Answered by the host, not the core: a native file picker (Electron only). */
  'host/pickWorkspaceFile': { args: emptyArgs, reply: {} as { path: string | null } },
  /** Answered by the host: show the workspace file in the OS file manager. */
  'host/revealPath': { args: pathSchema, reply: {} as { shown: boolean } },
  /**
   * Answered by the host: print a report route of the renderer (e.g. `#/print/invoice/12`).
   * Electron saves it as PDF (printToPDF, after a save dialog); the browser host replies
   * `{ saved: null }` and the page uses the browser's print dialog instead.
   */
  'host/printToPdf': { args: printRouteSchema, reply: {} as { saved: string | null } },
} as const;

export type Method = keyof typeof methods;
export type Args<M extends Method> = z.input<(typeof methods)[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<(typeof methods)[M]['args']>;
export type Reply<M extends Method> = (typeof methods)[M]['reply'];

/** Methods the hosts answer themselves (native dialogs, the OS shell). */
export type HostMethod = Extract<Method, `host/${string}`>;
export type CoreMethod = Exclude<Method, HostMethod>;

/** A handler receives validated arguments and the call context. */
export type Handler<M extends Method, Ctx> = (args: ParsedArgs<M>, ctx: Ctx) => Reply<M> | Promise<Reply<M>>;
export type Handlers<Ctx> = { [M in CoreMethod]: Handler<M, Ctx> };
export type HostHandlers = { [M in HostMethod]: (args: ParsedArgs<M>) => Promise<Reply<M>> };

// ---------- Events (core → interface) ----------

export interface JobProgress {
  jobId: string;
  kind: string;
  done: number;
  total: number;
  /** A short, untranslated key of the current step (the UI translates it). */
  step: string;
}

export interface Events {
  'job/progress': JobProgress;
  'job/finished': { jobId: string; kind: string; result: Result<unknown> };
  /** The open workspace changed: opened, closed, or written by another process. */
  'workspace/changed': { reason: 'opened' | 'closed' | 'external' | 'migrated' };
  /** Preferences changed (from any window, or the native menu). */
  'prefs/changed': Prefs;
  /**
   * Sent by the host, not the core: the native menu (File → Open Workspace…, `path` null: pick one), a file opened
   * with Atalaya or a second launch asks to open a workspace. The window asks about unsaved changes first.
   */
  'host/openWorkspace': { path: string | null };
}
export type EventName = keyof Events;

// ---------- What the renderer sees as `window.api` ----------

export interface Api {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<Reply<M>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export type { AppError, Result };
