/**
 * The renderer's app state: what the core told us at boot (host, prefs, the
 * open workspace), the router (current section and settings tab), and the few
 * UI flags shared across the shell. Features keep their own data locally.
 */
import { create } from 'zustand';
import type {
  AppError,
  AppInfo,
  Hub,
  JobProgress,
  Prefs,
  WorkspaceSettings,
  WorkspaceState,
} from '../../../shared/contract';
import type { Section } from '../../../shared/domain';
import { DEFAULT_PREFS } from '../../../shared/prefs';

export const SETTINGS_TABS = ['profile', 'hubs', 'holidays', 'catalogue', 'scoring', 'data', 'appearance'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

export { DEFAULT_PREFS };

export interface DateRange {
  from: string;
  to: string;
}

export type DemoJob =
  | { status: 'starting' }
  | { status: 'running'; jobId: string; progress: JobProgress | null; cancelling: boolean }
  | { status: 'failed'; error: AppError };

/** The screens that open a record by id: a section's own, or Finance's Invoices tab ('invoices'). */
export type RecordScreen = 'projects' | 'clients' | 'pipeline' | 'invoices';

/** What a screen's "New …" button creates: a lead (Pipeline), a client (Clients), an invoice (Finance › Invoices). */
export type CreateKind = 'lead' | 'client' | 'invoice' | 'person';

export interface AppState {
  boot: 'loading' | 'ready' | 'error';
  bootError: AppError | null;
  info: AppInfo | null;
  prefs: Prefs;
  workspace: WorkspaceState | null;
  settings: WorkspaceSettings | null;
  hubs: Hub[];
  section: Section;
  settingsTab: SettingsTab;
  paletteOpen: boolean;
  /** The "Keyboard shortcuts" dialog (? or Ctrl+/). */
  shortcutsOpen: boolean;
  openFileOpen: boolean;
  demoJob: DemoJob | null;
  /**
   * A record another screen asked to open (a won lead's project or client, a
   * palette search result); the screen takes it on arrival.
   */
  openRequest: { section: RecordScreen; id: number } | null;
  /** A "New …" form another screen asked for (a palette action); the screen opens it, as its button does, on arrival. */
  createRequest: CreateKind | null;
  /** The time-log grid opened on its own (the palette's Log time), for any person and week. */
  logTimeOpen: boolean;
  /** Bumped when the workspace's data changed, so open screens reload. */
  dataVersion: number;
}

/** The custom period's dates: the saved ones, or this month so far. */
export function customRangeOf(prefs: Prefs): DateRange {
  return prefs.customRange ?? defaultRange();
}

function defaultRange(): DateRange {
  const now = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1));
  return { from: iso(first), to: iso(now) };
}

export const useApp = create<AppState>()(() => ({
  boot: 'loading',
  bootError: null,
  info: null,
  prefs: DEFAULT_PREFS,
  workspace: null,
  settings: null,
  hubs: [],
  section: 'executive',
  settingsTab: 'profile',
  paletteOpen: false,
  shortcutsOpen: false,
  openFileOpen: false,
  demoJob: null,
  openRequest: null,
  createRequest: null,
  logTimeOpen: false,
  dataVersion: 0,
}));

/** The hub the top bar's filter chose; null for all hubs, or for a hub this workspace no longer has. */
export function useFilterHub(): Hub | null {
  return useApp((s) => {
    const filter = s.prefs.hubFilter;
    return filter === 'all' ? null : (s.hubs.find((h) => h.id === filter) ?? null);
  });
}

/** The open workspace's summary, or null. */
export function useOpenWorkspace() {
  return useApp((s) => (s.workspace?.state === 'open' ? s.workspace : null));
}
