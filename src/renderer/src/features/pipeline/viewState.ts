/**
 * What the leads table shows: the filter, the search and the sort, as one
 * view. A saved segment stores exactly this (`views/save`, screen 'leads',
 * state = { filter, search, sort }). The top bar's hub filter narrows every
 * query on top of the view (`effectiveFilter`): a view of other hubs then
 * matches no lead.
 */
import { create } from 'zustand';
import type { Hub } from '../../../../shared/contract';
import { LEAD_SORT_COLUMNS, type LeadFilter, type LeadSortColumn } from '../../../../shared/leads';
import { leadFilterSchema } from '../../../../shared/leads-schemas';

export interface LeadsSort {
  column: LeadSortColumn;
  direction: 'asc' | 'desc';
}

export interface LeadsView {
  filter: LeadFilter;
  search: string;
  sort: LeadsSort;
}

export const SEGMENT_SCREEN = 'leads';
export const DEFAULT_SORT: LeadsSort = { column: 'created_at', direction: 'desc' };
export const DEFAULT_VIEW: LeadsView = { filter: {}, search: '', sort: DEFAULT_SORT };

export const useLeadsView = create<{
  view: LeadsView;
  /**
   * Counts the times a view replaced the shown one as a whole (a segment opened, filters and search cleared): the
   * search box then drops what was being typed and not yet searched, so it cannot land on the new view.
   */
  replaced: number;
}>()(() => ({ view: DEFAULT_VIEW, replaced: 0 }));

/** Drops empty lists and unset bounds, so equal filters compare equal. */
export function cleanFilter(filter: LeadFilter): LeadFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return out as LeadFilter;
}

export function setFilter(patch: Partial<LeadFilter>): void {
  useLeadsView.setState((s) => ({ view: { ...s.view, filter: cleanFilter({ ...s.view.filter, ...patch }) } }));
}

export function setSearch(search: string): void {
  useLeadsView.setState((s) => (s.view.search === search ? s : { view: { ...s.view, search } }));
}

export function setSort(sort: LeadsSort): void {
  useLeadsView.setState((s) => ({ view: { ...s.view, sort } }));
}

export function clearFilters(): void {
  useLeadsView.setState((s) => ({ view: { ...s.view, filter: {}, search: '' }, replaced: s.replaced + 1 }));
}

export function setView(view: LeadsView): void {
  useLeadsView.setState((s) => ({ view, replaced: s.replaced + 1 }));
}

/** A saved segment's state, read defensively (it is stored JSON). */
export function parseView(state: unknown): LeadsView {
  const s = (state ?? {}) as { filter?: unknown; search?: unknown; sort?: { column?: unknown; direction?: unknown } };
  const filter = leadFilterSchema.safeParse(s.filter ?? {});
  const column = LEAD_SORT_COLUMNS.includes(s.sort?.column as LeadSortColumn)
    ? (s.sort?.column as LeadSortColumn)
    : DEFAULT_SORT.column;
  const direction = s.sort?.direction === 'asc' ? 'asc' : 'desc';
  return {
    filter: filter.success ? cleanFilter(filter.data as LeadFilter) : {},
    search: typeof s.search === 'string' ? s.search.slice(0, 100) : '',
    sort: { column, direction },
  };
}

/** Same filter and search (what a segment counts); the sort does not change who is in it. */
export function sameMembers(a: LeadsView, b: LeadsView): boolean {
  return (
    JSON.stringify(cleanFilter(a.filter)) === JSON.stringify(cleanFilter(b.filter)) &&
    a.search.trim() === b.search.trim()
  );
}

/** The same leads in the same order: what opening a segment shows. */
export function sameView(a: LeadsView, b: LeadsView): boolean {
  return sameMembers(a, b) && a.sort.column === b.sort.column && a.sort.direction === b.sort.direction;
}

/** How many filter groups are set (the search is not counted). */
export function activeFilterCount(filter: LeadFilter): number {
  const f = cleanFilter(filter);
  let n = 0;
  for (const key of ['stages', 'channels', 'verticals', 'tiers', 'ownerIds', 'hubIds'] as const) if (f[key]) n++;
  if (f.scoreMin !== undefined || f.scoreMax !== undefined) n++;
  if (f.createdFrom || f.createdTo) n++;
  if (f.activityFrom || f.activityTo) n++;
  return n;
}

/**
 * The view's filter narrowed to the top bar's hub: its leads that are in that hub. Null when none can be (the
 * view asks for other hubs: a segment "Lost in Lima" while the top bar shows Caracas).
 */
export function effectiveFilter(filter: LeadFilter, hubFilter: 'all' | number, hubs: Hub[]): LeadFilter | null {
  if (hubFilter === 'all' || !hubs.some((h) => h.id === hubFilter)) return cleanFilter(filter);
  if (filter.hubIds && filter.hubIds.length > 0 && !filter.hubIds.includes(hubFilter)) return null;
  return cleanFilter({ ...filter, hubIds: [hubFilter] });
}
