/**
 * App-level actions: boot, preferences, navigation, opening workspaces and the
 * demo job. Components call these; they talk to the core only through `api`.
 */
import { useEffect } from 'react';
import { toast } from 'sonner';
import type { AppError, Events, Prefs } from '../../../shared/contract';
import type { Section } from '../../../shared/domain';
import type { PrefsPatch } from '../../../shared/schemas';
import { api } from './api';
import { errorText } from './errors';
import i18n, { errorTitle } from './i18n';
import { leave } from './leaveGuard';
import { type CreateKind, DEFAULT_PREFS, type RecordScreen, type SettingsTab, useApp } from './store';

const set = useApp.setState;
const get = useApp.getState;

/** Shows a core error as a toast: a translated title and the core's sentence in the person's language. */
export function toastError(error: AppError): void {
  toast.error(errorTitle(error.code), { description: errorText(error) });
}

export async function boot(): Promise<void> {
  set({ boot: 'loading', bootError: null });
  const [info, prefs, workspace] = await Promise.all([
    api.call('app/info', {}),
    api.call('prefs/get', {}),
    api.call('workspace/current', {}),
  ]);
  if (!workspace.ok) {
    set({ boot: 'error', bootError: workspace.error });
    return;
  }
  const p: Prefs = prefs.ok ? { ...DEFAULT_PREFS, ...prefs.value } : get().prefs;
  set({
    info: info.ok ? info.value : null,
    prefs: p,
    section: p.lastSection,
    workspace: workspace.value,
  });
  if (workspace.value.state === 'open') await loadWorkspaceData();
  set({ boot: 'ready' });
}

/** Settings (name, logo) and hubs feed the shell's top bar and filters. */
export async function loadWorkspaceData(): Promise<void> {
  const [settings, hubs] = await Promise.all([api.call('settings/get', {}), api.call('hubs/list', {})]);
  set({
    settings: settings.ok ? settings.value : null,
    hubs: hubs.ok ? hubs.value : [],
  });
  const filter = get().prefs.hubFilter;
  if (hubs.ok && filter !== 'all' && !hubs.value.some((h) => h.id === filter)) {
    void setPrefs({ hubFilter: 'all' });
  }
}

export async function refreshWorkspace(): Promise<void> {
  const result = await api.call('workspace/current', {});
  if (!result.ok) {
    toastError(result.error);
    return;
  }
  set({ workspace: result.value });
  if (result.value.state === 'open') await loadWorkspaceData();
  else set({ settings: null, hubs: [] });
  set((s) => ({ dataVersion: s.dataVersion + 1 }));
}

/** Re-reads the open workspace's summary (record counts, flags) without reloading screens. */
export async function refreshSummary(): Promise<void> {
  const result = await api.call('workspace/current', {});
  if (result.ok) set({ workspace: result.value });
}

export async function refreshHubs(): Promise<void> {
  const hubs = await api.call('hubs/list', {});
  if (hubs.ok) set({ hubs: hubs.value });
  void refreshSummary();
}

/** Optimistic: the UI changes at once, the core stores it. */
export async function setPrefs(patch: PrefsPatch): Promise<void> {
  const before = get().prefs;
  set({ prefs: { ...before, ...patch } as Prefs });
  const result = await api.call('prefs/set', patch);
  if (!result.ok) toastError(result.error);
}

/**
 * Goes to a section (and a Settings tab), doing `first` (a request for the screen) on the way. Leaving the screen
 * asks first while a form holds unsaved changes (see leaveGuard); staying where one is does not.
 */
export function goTo(section: Section, tab: SettingsTab | undefined, first?: () => void): void {
  const run = () => {
    first?.();
    set(tab ? { section, settingsTab: tab } : { section });
    if (get().prefs.lastSection !== section) void setPrefs({ lastSection: section });
  };
  const now = get();
  if (now.section === section && (tab === undefined || now.settingsTab === tab)) run();
  else leave(run);
}

export function navigate(section: Section, tab?: SettingsTab): void {
  goTo(section, tab);
}

/** The section each record screen lives in (invoices are Finance's Invoices tab, which Finance shows for the request). */
const SECTION_OF: Record<RecordScreen, Section> = {
  projects: 'projects',
  clients: 'clients',
  pipeline: 'pipeline',
  invoices: 'finance',
};

/** Goes to the record's section and opens the record there (the screen takes the request). */
export function navigateToRecord(section: RecordScreen, id: number): void {
  goTo(SECTION_OF[section], undefined, () => set({ openRequest: { section, id } }));
}

/** The id a screen was asked to open, once: the request is cleared as it is taken. */
export function takeOpenRequest(section: RecordScreen): number | null {
  const request = get().openRequest;
  if (request?.section !== section) return null;
  set({ openRequest: null });
  return request.id;
}

/** The section whose "New …" button creates each kind. */
const SECTION_CREATING: Record<CreateKind, Section> = {
  lead: 'pipeline',
  client: 'clients',
  invoice: 'finance',
  person: 'capacity',
};

/** Goes to the section and opens its "New …" form, as the button there does (the screen takes the request). */
export function requestCreate(kind: CreateKind): void {
  goTo(SECTION_CREATING[kind], undefined, () => set({ createRequest: kind }));
}

/**
 * A screen's side of requestCreate: once `ready` (what its form needs is loaded), takes the request for `kind`
 * (clearing it) and calls `open`, what its "New …" button does.
 */
export function useCreateRequest(kind: CreateKind, open: () => void, ready = true): void {
  const requested = useApp((s) => s.createRequest === kind);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a request arrives or the screen gets ready.
  useEffect(() => {
    if (!requested || !ready || get().createRequest !== kind) return;
    set({ createRequest: null });
    open();
  }, [requested, ready, kind]);
}

export function setLogTimeOpen(open: boolean): void {
  set({ logTimeOpen: open });
}

/** Hours were logged where no screen reloads by itself (the palette's Log time): open screens read again. */
export function dataChanged(): void {
  set((s) => ({ dataVersion: s.dataVersion + 1 }));
}

export function setPaletteOpen(open: boolean): void {
  set({ paletteOpen: open });
}

export function setShortcutsOpen(open: boolean): void {
  set({ shortcutsOpen: open });
}

export function setOpenFileOpen(open: boolean): void {
  set({ openFileOpen: open });
}

/** Opens a workspace file; returns the error so a form can show it. */
export async function openWorkspace(path: string): Promise<AppError | null> {
  const result = await api.call('workspace/open', { path });
  if (!result.ok) return result.error;
  toast.success(i18n.t('toast.workspaceOpened', { name: result.value.name }));
  set({ openFileOpen: false });
  await refreshWorkspace();
  return null;
}

/** Electron: the native picker, then open. Returns false when the person cancelled. */
export async function pickAndOpenWorkspace(): Promise<AppError | null> {
  const picked = await api.call('host/pickWorkspaceFile', {});
  if (!picked.ok) return picked.error;
  if (!picked.value.path) return null;
  return openWorkspace(picked.value.path);
}

export async function backupNow(): Promise<void> {
  const id = toast.loading(i18n.t('toast.backingUp'));
  const result = await api.call('workspace/backup', {});
  if (!result.ok) {
    toast.error(errorTitle(result.error.code), { id, description: errorText(result.error) });
    return;
  }
  toast.success(i18n.t('toast.backupDone'), { id, description: result.value.path, duration: 8000 });
}

export async function closeWorkspace(): Promise<void> {
  const result = await api.call('workspace/close', {});
  if (!result.ok) {
    toastError(result.error);
    return;
  }
  await refreshWorkspace();
}

// ---------- The demo job ----------

type JobEvent = { progress?: Events['job/progress']; finished?: Events['job/finished'] };
/** Events that arrive before the job's id does (a fast job can finish first). */
const early = new Map<string, JobEvent>();

function onProgress(p: Events['job/progress']): void {
  const job = get().demoJob;
  if (job?.status === 'running' && job.jobId === p.jobId) {
    set({ demoJob: { ...job, progress: p } });
  } else if (job?.status === 'starting') {
    early.set(p.jobId, { ...early.get(p.jobId), progress: p });
  }
}

function onFinished(f: Events['job/finished']): void {
  const job = get().demoJob;
  if (job?.status === 'running' && job.jobId === f.jobId) {
    void finishDemo(f);
  } else if (job?.status === 'starting') {
    early.set(f.jobId, { ...early.get(f.jobId), finished: f });
  }
}

async function finishDemo(f: Events['job/finished']): Promise<void> {
  if (f.result.ok) {
    await refreshWorkspace();
    set({ demoJob: null });
    toast.success(i18n.t('toast.demoReady'));
  } else if (f.result.error.code === 'CANCELLED') {
    set({ demoJob: null });
    toast(i18n.t('toast.demoCancelled'));
  } else {
    set({ demoJob: { status: 'failed', error: f.result.error } });
  }
}

export async function startDemo(): Promise<void> {
  const current = get().demoJob;
  if (current?.status === 'starting' || current?.status === 'running') return;
  early.clear();
  set({ demoJob: { status: 'starting' } });
  const result = await api.call('workspace/createDemo', {});
  if (!result.ok) {
    set({ demoJob: { status: 'failed', error: result.error } });
    return;
  }
  const { jobId } = result.value;
  const seen = early.get(jobId);
  early.clear();
  set({ demoJob: { status: 'running', jobId, progress: seen?.progress ?? null, cancelling: false } });
  if (seen?.finished) await finishDemo(seen.finished);
}

export async function cancelDemo(): Promise<void> {
  const job = get().demoJob;
  if (job?.status !== 'running') return;
  set({ demoJob: { ...job, cancelling: true } });
  const result = await api.call('jobs/cancel', { jobId: job.jobId });
  if (!result.ok) {
    toastError(result.error);
    const now = get().demoJob;
    if (now?.status === 'running') set({ demoJob: { ...now, cancelling: false } });
  }
}

export function dismissDemo(): void {
  set({ demoJob: null });
}

/** Subscribes to the core's events for the app's lifetime; returns the unsubscribe. */
export function subscribeToCore(): () => void {
  const offs = [
    api.on('job/progress', onProgress),
    api.on('job/finished', onFinished),
    api.on('workspace/changed', () => {
      void refreshWorkspace();
    }),
    // Another window or the native menu changed a preference (e.g. View → Toggle dark).
    api.on('prefs/changed', (prefs) => set({ prefs })),
    // The native menu or the OS opens a workspace: as the palette does, unsaved changes are asked about first.
    api.on('host/openWorkspace', ({ path }) =>
      leave(() => {
        void (path === null ? pickAndOpenWorkspace() : openWorkspace(path)).then((error) => {
          if (error) toastError(error);
        });
      }),
    ),
  ];
  return () => {
    for (const off of offs) off();
  };
}
