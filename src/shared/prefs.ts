import type { Prefs } from './contract';

/** Preferences before the person has chosen anything (core and interface agree on them). */
export const DEFAULT_PREFS: Prefs = {
  language: null,
  theme: 'system',
  period: 'month',
  hubFilter: 'all',
  sidebarCollapsed: false,
  lastSection: 'executive',
  windowBounds: null,
  customRange: null,
  lastWorkspace: null,
  recentWorkspaces: [],
};
