/** What the Capacity section remembers while the app runs: the tab, the board's scale and window, open rows. */
import { create } from 'zustand';

export const CAPACITY_TABS = ['board', 'demand', 'coverage'] as const;
export type CapacityTab = (typeof CAPACITY_TABS)[number];
export type Scale = 'week' | 'day';

interface CapacityState {
  tab: CapacityTab;
  scale: Scale;
  /** Periods the board is moved from this week's (or today's) column: null = the default window. */
  offset: number;
  expanded: ReadonlySet<number>;
  coverageZone: string;
  coverageDate: string | null;
}

export const useCapacity = create<CapacityState>()(() => ({
  tab: 'board',
  scale: 'week',
  offset: 0,
  expanded: new Set<number>(),
  coverageZone: 'Europe/Copenhagen',
  coverageDate: null,
}));

export function setCapacityTab(tab: CapacityTab): void {
  useCapacity.setState({ tab });
}

export function setScale(scale: Scale): void {
  useCapacity.setState({ scale, offset: 0 });
}

export function shiftWindow(by: number | null): void {
  useCapacity.setState((s) => ({ offset: by === null ? 0 : s.offset + by }));
}

export function toggleExpanded(personId: number, open?: boolean): void {
  useCapacity.setState((s) => {
    const next = new Set(s.expanded);
    const on = open ?? !next.has(personId);
    if (on) next.add(personId);
    else next.delete(personId);
    return { expanded: next };
  });
}

export function setCoverage(patch: { coverageZone?: string; coverageDate?: string | null }): void {
  useCapacity.setState(patch);
}
