/**
 * The Clients screen's filter and sort state: what a saved view stores, how a
 * stored one is read back (defensively: it is JSON from the workspace), and
 * how the rows are filtered by it and by the top bar's hub filter.
 */
import { create } from 'zustand';
import {
  CHURN_RISKS,
  CLIENT_STATUSES,
  SUBSCRIPTION_STATUSES,
  TIERS,
  VERTICALS,
  type Vertical,
} from '../../../../shared/domain';
import type { ClientRow } from '../../../../shared/money';
import { countryName } from '../../app/format';
import type { SortingState } from '../../components/DataTable';

export const HEALTH_FILTERS = ['all', 'at_risk', ...CHURN_RISKS, 'lapsed', 'prospect'] as const;
export type HealthFilter = (typeof HEALTH_FILTERS)[number];

export const SUBSCRIPTION_FILTERS = ['all', ...SUBSCRIPTION_STATUSES, 'none'] as const;
export type SubscriptionFilter = (typeof SUBSCRIPTION_FILTERS)[number];

/** The columns a view can sort by (the table's column ids). */
export const SORTABLE_COLUMNS = [
  'name',
  'tier',
  'vertical',
  'hub',
  'country',
  'revenue',
  'projects',
  'lastDelivery',
  'subscription',
  'health',
] as const;

export interface ClientsView {
  q: string;
  /** 'all' or a tier as text. */
  tier: 'all' | '1' | '2' | '3';
  vertical: 'all' | Vertical;
  /** 'all', 'none' (no hub) or a hub id as text. */
  hub: string;
  health: HealthFilter;
  subscription: SubscriptionFilter;
  sorting: SortingState;
}

export const DEFAULT_VIEW: ClientsView = {
  q: '',
  tier: 'all',
  vertical: 'all',
  hub: 'all',
  health: 'all',
  subscription: 'all',
  sorting: [{ id: 'name', desc: false }],
};

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback;

/** Reads a saved view's state; anything unknown falls back to the default. */
export function parseView(state: unknown): ClientsView {
  const s = (state && typeof state === 'object' ? state : {}) as Record<string, unknown>;
  const sort = Array.isArray(s.sorting) ? s.sorting[0] : undefined;
  const sorting: SortingState =
    sort &&
    typeof sort === 'object' &&
    oneOf(SORTABLE_COLUMNS, (sort as { id?: unknown }).id, 'name') === (sort as { id?: unknown }).id
      ? [{ id: (sort as { id: string }).id, desc: (sort as { desc?: unknown }).desc === true }]
      : DEFAULT_VIEW.sorting;
  return {
    q: typeof s.q === 'string' ? s.q.slice(0, 100) : '',
    tier: oneOf(['all', ...TIERS.map(String)] as ClientsView['tier'][], s.tier, 'all'),
    vertical: oneOf(['all', ...VERTICALS] as const, s.vertical, 'all'),
    hub: typeof s.hub === 'string' && /^(all|none|\d+)$/.test(s.hub) ? s.hub : 'all',
    health: oneOf(HEALTH_FILTERS, s.health, 'all'),
    subscription: oneOf(SUBSCRIPTION_FILTERS, s.subscription, 'all'),
    sorting,
  };
}

export function sameView(a: ClientsView, b: ClientsView): boolean {
  return JSON.stringify(parseView(a)) === JSON.stringify(parseView(b));
}

/** How many filters differ from "everything" (the search counts as one). */
export function activeFilterCount(v: ClientsView): number {
  return [
    v.q.trim() !== '',
    v.tier !== 'all',
    v.vertical !== 'all',
    v.hub !== 'all',
    v.health !== 'all',
    v.subscription !== 'all',
  ].filter(Boolean).length;
}

function matchesHealth(row: ClientRow, filter: HealthFilter): boolean {
  if (filter === 'all') return true;
  if ((CLIENT_STATUSES as readonly string[]).includes(filter)) return row.health.status === filter;
  return row.health.risk === filter;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** What a search matches in a row, folded once per row and language (a search runs over every client). */
const searchTexts = new WeakMap<ClientRow, { locale: string; text: string }>();
function searchText(r: ClientRow, locale: string): string {
  const kept = searchTexts.get(r);
  if (kept?.locale === locale) return kept.text;
  const text = fold([r.name, r.email ?? '', r.country, countryName(r.country, locale)].join(' '));
  searchTexts.set(r, { locale, text });
  return text;
}

/**
 * The rows the view keeps. `globalHub` is the top bar's hub filter ('all' or
 * a hub id); it applies on top of the view's own hub filter.
 */
export function filterClients(
  rows: ClientRow[],
  view: ClientsView,
  globalHub: 'all' | number,
  locale: string,
): ClientRow[] {
  const q = fold(view.q.trim());
  return rows.filter((r) => {
    if (globalHub !== 'all' && r.hubId !== globalHub) return false;
    if (view.hub === 'none' ? r.hubId !== null : view.hub !== 'all' && String(r.hubId) !== view.hub) return false;
    if (view.tier !== 'all' && String(r.tier) !== view.tier) return false;
    if (view.vertical !== 'all' && r.vertical !== view.vertical) return false;
    if (!matchesHealth(r, view.health)) return false;
    if (view.subscription !== 'all' && r.subscription.status !== view.subscription) return false;
    if (q && !searchText(r, locale).includes(q)) return false;
    return true;
  });
}

/** The screen's current view, kept while the person moves between sections. */
export const useClientsView = create<{ view: ClientsView }>()(() => ({ view: DEFAULT_VIEW }));

export function setView(patch: Partial<ClientsView>): void {
  useClientsView.setState((s) => ({ view: { ...s.view, ...patch } }));
}
