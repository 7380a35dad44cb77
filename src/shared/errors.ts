/**
 * The core's error sentences, one catalog: key → English template.
 *
 * The core builds an AppError's `message` from the template (so the English
 * stays what it always was, byte for byte) and sends the key and its params
 * beside it; the renderer translates the key (`coreError.<key>` in its locale
 * files) and falls back to `message` when it does not know it. The English
 * locale holds the same templates (tests/unit/core-errors.test.ts keeps them
 * equal), so the two cannot drift.
 *
 * Templates use i18next's `{{name}}` placeholders. A param listed under
 * `enums` is a domain value (e.g. a lead stage) that the renderer shows with
 * its translated label; one under `lists` holds keyed parts joined by the
 * given separator (each part is a key of this catalog with its own params).
 */
import { type Currency, LEAD_STAGES, MINOR_DIGITS } from './domain';
import { AppFailure, type ErrorCode, type ErrorParams, type ErrorRef } from './result';

/** Domain values that can appear in a sentence; the renderer has a label for each. */
export const ERROR_ENUMS = {
  leadStage: LEAD_STAGES,
} as const;
export type ErrorEnum = keyof typeof ERROR_ENUMS;

export interface CoreErrorEntry {
  readonly en: string;
  /** The English when the `count` param is 1 (`en` is then the plural); en.json holds the two as _one and _other. */
  readonly one?: string;
  readonly enums?: Readonly<Record<string, ErrorEnum>>;
  readonly lists?: Readonly<Record<string, string>>;
}

/**
 * A money amount as the sentences write it: the currency's decimals and en-US grouping ("12,500.00"), which is also
 * how the Spanish UI (es-419) writes numbers, so the param needs no translating.
 */
export function amountText(minor: number, currency: Currency): string {
  const digits = MINOR_DIGITS[currency];
  return (minor / 10 ** digits).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export const CORE_ERRORS = {
  // ----- Records that are not there -----
  'notFound.assignment': { en: 'There is no assignment with id {{id}}.' },
  'notFound.alert': { en: 'There is no open alert with id {{id}}.' },
  'notFound.backup': { en: 'There is no backup at {{path}}.' },
  'notFound.client': { en: 'There is no client with id {{id}}.' },
  'notFound.expense': { en: 'There is no expense with id {{id}}.' },
  'notFound.holiday': { en: 'There is no holiday "{{name}}" on {{date}}.' },
  'notFound.hub': { en: 'There is no hub with id {{id}}.' },
  'notFound.hubDeleted': { en: 'There is no hub with id {{id}}; it may have been deleted.' },
  'notFound.invoice': { en: 'There is no invoice with id {{id}}.' },
  'notFound.lead': { en: 'There is no lead with id {{id}}.' },
  'notFound.person': { en: 'There is no person with id {{id}}.' },
  'notFound.fxRate': { en: 'There is no {{currency}} rate on {{date}}.' },
  'notFound.project': { en: 'There is no project with id {{id}}.' },
  'notFound.savedView': { en: 'There is no saved view with id {{id}}.' },
  'notFound.service': { en: 'There is no service with id {{id}}.' },
  'notFound.subscription': { en: 'There is no subscription with id {{id}}.' },
  'notFound.timeOff': { en: 'There is no time off with id {{id}}.' },
  'notFound.workspaceFile': { en: 'There is no workspace file at {{path}}.' },

  // ----- The core itself -----
  'core.busy': {
    en: 'The workspace is busy with another program writing to it. Nothing was saved; try again in a moment.',
  },
  'core.constraint': { en: 'That change conflicts with existing records ({{detail}}). Nothing was saved.' },
  'core.unexpected': {
    en: 'Something went wrong inside Atalaya ({{detail}}). Nothing was saved; try again, and report it if it happens again.',
  },
  'job.cancelled': { en: 'Cancelled; nothing was changed.' },

  // ----- The browser host (what only the desktop app can do) -----
  'host.noFilePicker': {
    en: 'The browser version cannot show a file picker; type the path of the workspace file instead.',
  },
  'host.noFileManager': {
    en: 'The browser version cannot open your file manager; the path is shown so you can copy it.',
  },

  // ----- The desktop window's requests (the Electron IPC router refuses them before the core) -----
  'ipc.foreignSender': { en: 'This request did not come from the Atalaya window, so it was refused.' },
  'ipc.unknownMethod': { en: 'Atalaya does not know "{{method}}". Is the window older than the app? Reload it.' },
  'ipc.noMethodName': {
    en: 'Atalaya does not know a request without a method name. Is the window older than the app? Reload it.',
  },
  'ipc.badArguments': { en: 'The arguments of {{method}} are not valid.' },

  // ----- Workspace files, backups and upgrades -----
  'workspace.noSettings': { en: 'This workspace has no settings row; restore a backup.' },
  'workspace.none': { en: 'No workspace is open. Open the demo agency, start an empty one, or open a file.' },
  'workspace.cannotOpen': { en: '{{file}} could not be opened as a workspace ({{detail}}).' },
  'workspace.noProfile': { en: '{{file}} has no workspace profile; it is not usable.' },
  'workspace.fileExists': { en: '{{path}} already exists. Choose another file, or pass --force to replace it.' },
  'workspace.inUse': {
    en: 'This workspace is already open in another Atalaya window ({{host}}, process {{pid}}). Switch to that window, or close it first.',
  },
  'workspace.notAtalaya': {
    en: '{{file}} is a SQLite file but not an Atalaya workspace. Choose a workspace file (.atalaya).',
  },
  'workspace.tooNew': {
    en: 'This workspace was saved by a newer version of Atalaya (schema {{version}}; this version knows up to {{known}}). Update Atalaya to open it; the file was not changed.',
  },
  'workspace.upgradeBreaksLinks': {
    en: 'Upgrading this workspace would break {{count}} link(s) between records, so nothing was changed.',
  },
  'workspace.upgradeBreaksLinksBackup': {
    en: 'Upgrading this workspace would break {{count}} link(s) between records, so nothing was changed. A backup is at {{backup}}.',
  },
  'workspace.restoreTargetExists': { en: '{{path}} already exists. Pass --force to replace it with the backup.' },
  'workspace.restoreInUse': { en: '{{path}} is open in Atalaya (process {{pid}}); close it before restoring.' },
  'workspace.backupDamaged': { en: '{{path}} is damaged ({{detail}}); it was not restored.' },
  'backup.exists': { en: '{{path}} already exists; choose another name or remove it first.' },
  'backup.writeFailed': { en: 'Could not write the backup to {{path}}: {{detail}}' },

  // ----- Hubs, clients, views -----
  'hub.nameTaken': { en: 'A hub named "{{name}}" already exists; choose another name.' },
  'hub.noLeader': { en: 'There is no person with id {{id}} to lead this hub.' },
  'hub.targetIncomplete': { en: 'A target needs both a kind (revenue or projects) and a share, or neither.' },
  'hub.inUse': {
    en: '{{name}} still has {{records}}. Move them to another hub first; nothing was deleted.',
    lists: { records: ', ' },
  },
  'hub.inUseRecords.people': { en: '{{count}} people', one: '{{count}} person' },
  'hub.inUseRecords.clients': { en: '{{count}} clients', one: '{{count}} client' },
  'hub.inUseRecords.leads': { en: '{{count}} leads', one: '{{count}} lead' },
  'hub.inUseRecords.projects': { en: '{{count}} projects', one: '{{count}} project' },
  'client.nameTaken': { en: 'A client named {{name}} already exists.' },
  'view.tooLarge': { en: 'That view is too large to save.' },
  'view.nameTaken': { en: 'Another one is already called "{{name}}"; choose another name.' },

  // ----- Leads -----
  'lead.closedRecord': { en: 'The lead is closed; its record is kept as it was when it closed.' },
  'lead.movedMeanwhile': {
    en: 'The lead moved from {{from}} to {{to}} in the meantime; nothing was changed.',
    enums: { from: 'leadStage', to: 'leadStage' },
  },
  'lead.alreadyClosed': { en: 'The lead is already {{stage}}.', enums: { stage: 'leadStage' } },
  'lead.alreadyInStage': { en: 'The lead is already in {{stage}}.', enums: { stage: 'leadStage' } },
  'lead.outcomeKnown': {
    en: 'The lead is {{stage}}: its outcome is known, so its probability is not overridden.',
    enums: { stage: 'leadStage' },
  },
  'lead.needsProjectService': { en: 'Choose a project service; subscriptions are set up on the client.' },
  'lead.startInFuture': { en: 'The project cannot start in the future.' },
  'lead.noHub': { en: 'Add a hub first: every project belongs to one.' },

  // ----- Projects: moves, gates, delivery -----
  // The move rules' sentences (src/shared/pipeline.ts moveProblem, and the hint to deliver instead).
  'project.move.sameStage': { en: 'The project is already in that stage.' },
  'project.move.cancelled': { en: 'The project was cancelled; it cannot move.' },
  'project.move.delivered': {
    en: 'The project has been delivered; its later stages follow the invoice and the payments.',
  },
  'project.move.discoveryFirst': { en: 'Discovery leads into Production: the work is made before QA.' },
  'project.move.afterInvoice': {
    en: 'Invoiced and paid follow the final invoice and its payments; deliver the project first.',
  },
  'project.move.revisionOrder': { en: 'A revision follows the client preview (or QA).' },
  'project.move.useDeliver': { en: 'Deliver the project instead: it checks the gates and issues the final invoice.' },
  'project.undoStale': { en: 'The project has moved again since; nothing was undone.' },
  'project.gatesClosed': { en: 'The project is no longer in production; its gates are closed.' },
  'project.gateOrder': { en: 'Gate {{previous}} must pass before gate {{gate}} is reviewed.' },
  'project.reviewerPeer': { en: 'Gate {{gate}} is a peer review: choose who reviewed it.' },
  'project.reviewerSenior': { en: 'Gate {{gate}} is a senior review: choose who reviewed it.' },
  'project.notReady': { en: 'Not ready to deliver: {{blockers}}', lists: { blockers: ' ' } },
  'project.blocker.inDiscovery': { en: 'The project is still in Discovery: move it into Production first.' },
  'project.blocker.gateFailed': { en: 'Gate {{gate}} failed its last review.' },
  'project.blocker.gateNotReviewed': { en: 'Gate {{gate}} has not been reviewed.' },
  'project.deliveryInFuture': { en: 'The delivery date cannot be in the future.' },
  'project.deliveryBeforeStart': { en: 'The delivery date cannot be before the start ({{start}}).' },

  // ----- Capacity: assignments, time, time off, holidays -----
  'assignment.projectClosed': { en: '"{{project}}" is already delivered or cancelled; it takes no new assignments.' },
  'assignment.projectClosedKeep': {
    en: '"{{project}}" is already delivered or cancelled; its assignments stay as they are.',
  },
  'assignment.costPair': { en: 'Give the cost and its currency together.' },
  'assignment.allLogged': {
    en: 'Every planned hour of this assignment is already logged; there is nothing to move.',
  },
  'assignment.loggedSinceMove': {
    en: 'Hours were logged on "{{project}}" since the move; it can no longer be undone.',
  },
  'assignment.hasLoggedHours': {
    en: '{{person}} logged {{hours}} h on "{{project}}"; lower the planned hours instead of removing it.',
  },
  'assignment.endBeforeStart': { en: 'The end date cannot be before the start date.' },
  'assignment.beforePersonStart': {
    en: '{{person}} starts on {{personStart}}; the assignment cannot start on {{start}}.',
  },
  'assignment.afterPersonEnd': { en: '{{person}} leaves on {{personEnd}}; the assignment cannot end on {{end}}.' },
  'routing.weekChanged': {
    en: 'The week changed since this proposal was made; balance it again to see the current moves.',
  },
  'time.aheadOfToday': { en: 'Hours cannot be logged ahead of today ({{today}}).' },
  'time.notEmployed': { en: '{{person}} did not work here on {{date}}.' },
  'time.dayFull': { en: 'That makes {{hours}} h on {{date}}; a day has 24.' },
  'timeOff.overlap': { en: 'This overlaps time off already booked from {{start}} to {{end}}.' },
  'holiday.exists': { en: '"{{name}}" is already a holiday on {{date}}.' },
  'holiday.fromCalendar': {
    en: '"{{name}}" comes from the public calendar: it cannot be edited, only switched off.',
  },

  // ----- Exchange rates -----
  'fx.reportingCurrency': { en: '{{currency}} is the reporting currency; its rate is always 1.' },

  // ----- Invoices and payments -----
  'invoice.totalNotPositive': { en: 'The invoice total must be more than zero.' },
  'invoice.projectOtherClient': { en: 'That project belongs to another client.' },
  'invoice.onlyDraftEditable': {
    en: 'Only a draft can be edited; issue a credit note to correct a sent invoice.',
  },
  'invoice.alreadyIssued': { en: 'This invoice has already been issued.' },
  'invoice.numberOrder': {
    en: 'Invoices are numbered in date order: the last one in {{series}} was issued on {{date}}; use that date or a later one.',
  },
  'invoice.alreadyVoid': { en: 'This invoice is already void.' },
  'invoice.creditNoteNoVoid': {
    en: 'A credit note cannot be voided; issue a new invoice for the amount instead.',
  },
  'invoice.paidNoVoid': { en: 'Money was received on this invoice; issue a credit note instead of voiding it.' },
  'invoice.creditedNoVoid': {
    en: 'Credit notes were issued against this invoice; issue another credit note instead.',
  },
  'invoice.creditNoteNoPayments': { en: 'A credit note takes no payments or credits.' },
  'invoice.draftNoPayments': { en: 'Issue the invoice first: a draft cannot be paid or credited.' },
  'invoice.isVoid': { en: 'This invoice is void.' },
  'invoice.alreadyPaid': { en: 'This invoice is already paid in full.' },
  'invoice.creditOverBalance': {
    en: 'The credit ({{amount}} {{currency}}) is more than the balance ({{balance}} {{currency}}).',
  },
  'invoice.creditBeforeInvoice': { en: 'A credit note cannot be dated before the invoice it credits.' },
  'invoice.paymentBeforeInvoice': { en: 'A payment cannot be dated before the invoice ({{date}}).' },
  'invoice.paymentInFuture': { en: 'A payment cannot be dated in the future.' },
  'invoice.paymentRateMissing': {
    en: 'No exchange rate for {{from}} → {{to}} on or before {{date}}; add it under Finance → Exchange rates.',
  },
  'invoice.paymentTooSmall': { en: 'The payment is too small to apply.' },
  'invoice.paymentOverBalance': {
    en: 'The payment ({{amount}} {{currency}}) is more than the balance ({{balance}} {{currency}}).',
  },
  'invoice.projectCancelled': { en: 'That project was cancelled; it is not invoiced.' },
  'invoice.noDepositTerms': { en: "{{client}}'s terms ask for no deposit; set a deposit % on the client first." },
  'invoice.depositExists': { en: 'This project already has a deposit invoice.' },
  'invoice.finalExists': { en: 'This project already has a final invoice.' },

  // ----- Subscriptions and expenses -----
  'subscription.needsRecurringService': { en: 'Choose a recurring service (a subscription) from the catalogue.' },
  // The change rules' sentences (core/subscriptions/engine.ts changeProblem).
  'subscription.change.noStart': { en: 'The subscription has no start.' },
  'subscription.change.order': {
    en: 'Changes are effective-dated in order: this one cannot take effect before {{last}}, the date of the last change.',
  },
  'subscription.change.cancelled': { en: 'The subscription is cancelled; start a new one instead.' },
  'subscription.change.started': { en: 'The subscription has already started.' },
  'subscription.change.sameFee': { en: 'The new fee is the same as the current one.' },
  'subscription.change.pauseNotActive': { en: 'Only an active subscription can be paused.' },
  'subscription.change.resumeNotPaused': { en: 'Only a paused subscription can be resumed.' },
  'subscription.notActiveInMonth': { en: 'The subscription was not active in {{month}}; there is nothing to invoice.' },
  'subscription.monthInvoiced': { en: '{{month}} of this subscription is already invoiced.' },
  'expense.alreadyVoid': { en: 'This expense is already void.' },
  'expense.notVoid': { en: 'This expense is not void.' },
  'expense.onlyMonthlyStops': { en: 'Only a monthly expense can be stopped.' },
  'expense.lastBeforeFirst': { en: 'The last month cannot be before the first ({{first}}).' },
} as const satisfies Record<string, CoreErrorEntry>;

export type CoreErrorKey = keyof typeof CORE_ERRORS;

type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ListNames<K extends CoreErrorKey> = (typeof CORE_ERRORS)[K] extends { lists: infer L } ? keyof L : never;

/** The params a key's template needs: one per placeholder (keyed parts for a list). */
export type CoreErrorParams<K extends CoreErrorKey> = {
  [P in Placeholders<(typeof CORE_ERRORS)[K]['en']>]: P extends ListNames<K> ? ErrorRef[] : string | number;
};

type ParamArgs<K extends CoreErrorKey> = [keyof CoreErrorParams<K>] extends [never]
  ? [params?: Record<string, never>, field?: string]
  : [params: CoreErrorParams<K>, field?: string];

export function isCoreErrorKey(key: string): key is CoreErrorKey {
  return Object.hasOwn(CORE_ERRORS, key);
}

/** A key's catalog entry (its English template, and which params are domain values or lists). */
export const coreErrorEntry = (key: string): CoreErrorEntry | undefined =>
  isCoreErrorKey(key) ? CORE_ERRORS[key] : undefined;

/**
 * The English sentence of a key and its params, as the core sends it. A value
 * is inserted as a template literal would (`String(value)`); a list param's
 * parts are rendered and joined by the catalog's separator.
 */
export function renderCoreError(ref: ErrorRef): string {
  const entry = coreErrorEntry(ref.key);
  if (!entry) throw new Error(`Unknown core error key ${ref.key}`);
  const template = entry.one !== undefined && ref.params?.count === 1 ? entry.one : entry.en;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = ref.params?.[name];
    if (Array.isArray(value)) return value.map(renderCoreError).join(entry.lists?.[name] ?? ' ');
    return String(value);
  });
}

/**
 * An AppFailure whose English message is built from the catalog and which
 * carries the key and params for the UI:
 * `throw failure('NOT_FOUND', 'notFound.client', { id }, 'clientId')`.
 */
export function failure<K extends CoreErrorKey>(code: ErrorCode, key: K, ...[params, field]: ParamArgs<K>): AppFailure {
  const ref: ErrorRef = params && Object.keys(params).length > 0 ? { key, params: params as ErrorParams } : { key };
  return new AppFailure(code, renderCoreError(ref), field, ref);
}

/** Every key of the catalog under `prefix` (e.g. 'project.move.'), each with each of the param sets. */
export function keysUnder(prefix: string, ...paramSets: ErrorParams[]): ErrorRef[] {
  const sets = paramSets.length > 0 ? paramSets : [{}];
  return Object.entries(CORE_ERRORS)
    .filter(([key]) => key.startsWith(prefix))
    .flatMap(([key, entry]: [string, CoreErrorEntry]) =>
      sets.map((set) => {
        // Only the params the template names travel with the key.
        const params = Object.fromEntries(Object.entries(set).filter(([name]) => entry.en.includes(`{{${name}}}`)));
        return Object.keys(params).length > 0 ? { key, params } : { key };
      }),
    );
}

/**
 * For a sentence made elsewhere (a pure rule returns it as text): the candidate
 * whose English renders to exactly that sentence, or undefined. The sentence
 * stays the message either way, so a key is attached only when it says the same.
 */
export function refFor(sentence: string, candidates: readonly ErrorRef[]): ErrorRef | undefined {
  return candidates.find((c) => coreErrorEntry(c.key) !== undefined && renderCoreError(c) === sentence);
}
