/**
 * Saved segments: named lead views (filter + search + sort) stored with
 * 'views/save' under the screen 'leads', listed in the sidebar under Pipeline
 * with live counts ('leads/segmentCounts', the top bar's hub filter applied
 * like on the table). Counts refresh when a segment or a lead changes here,
 * when the workspace's data changes, and when the hub filter changes.
 */
import { create } from 'zustand';
import type { AppError } from '../../../../shared/contract';
import { SEGMENT_COUNTS_MAX } from '../../../../shared/leads-schemas';
import type { SavedView } from '../../../../shared/money';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { useNameOrder } from '../../app/useNameOrder';
import { effectiveFilter, parseView, SEGMENT_SCREEN, setView } from './viewState';

export interface Segment extends SavedView {
  /** Leads in it now (null while counting or when counting failed). */
  count: number | null;
}

interface SegmentsState {
  segments: Segment[] | null;
  error: AppError | null;
  /** Why the last counting failed (the counts then stay unknown). */
  countError: AppError | null;
}

export const useSegments = create<SegmentsState>()(() => ({ segments: null, error: null, countError: null }));

/** The segments as a person reads a list of names: in the order of their language ("Zona 2" before "Zona 10"). */
export function useSegmentList(): Segment[] | null {
  return useNameOrder(useSegments((s) => s.segments));
}

/**
 * Answers to an older call are dropped: a list older than the last asked for, counts older than the last counting.
 * Apart, so a recount that starts while the list loads (a lead changed) does not drop the list, nor the list the
 * recount; the list, once shown, starts a counting of its own.
 */
let listing = 0;
let counting = 0;

/** Reads the saved segments and counts them. */
export async function loadSegments(): Promise<void> {
  const g = ++listing;
  const list = await api.call('views/list', { screen: SEGMENT_SCREEN });
  if (g !== listing) return;
  if (!list.ok) {
    useSegments.setState({ error: list.error });
    return;
  }
  const previous = new Map((useSegments.getState().segments ?? []).map((s) => [s.id, s.count]));
  const segments = list.value.map((v) => ({ ...v, count: previous.get(v.id) ?? null }));
  useSegments.setState({ segments, error: null });
  await countSegments();
}

/** Recounts the segments already listed (a lead changed). */
export function refreshSegmentCounts(): void {
  void countSegments();
}

async function countSegments(): Promise<void> {
  const g = ++counting;
  const segments = useSegments.getState().segments;
  if (!segments || segments.length === 0) return;
  const { prefs, hubs } = useApp.getState();
  const queries = segments.map((s) => {
    const v = parseView(s.state);
    return { filter: effectiveFilter(v.filter, prefs.hubFilter, hubs), search: v.search };
  });
  // A segment of other hubs than the top bar's counts none; the core counts the others, so many a call.
  const asked = queries.flatMap((q) => (q.filter === null ? [] : [{ filter: q.filter, search: q.search }]));
  const counted: number[] = [];
  for (let i = 0; i < asked.length; i += SEGMENT_COUNTS_MAX) {
    const result = await api.call('leads/segmentCounts', { segments: asked.slice(i, i + SEGMENT_COUNTS_MAX) });
    if (g !== counting) return;
    if (!result.ok) {
      useSegments.setState({ countError: result.error });
      return;
    }
    counted.push(...result.value.counts);
  }
  // By id: the counts are of the segments listed when counting began.
  const counts = new Map(segments.map((s, i) => [s.id, queries[i]?.filter === null ? 0 : (counted.shift() ?? null)]));
  useSegments.setState((s) => ({
    segments: (s.segments ?? []).map((seg) => ({ ...seg, count: counts.get(seg.id) ?? seg.count })),
    countError: null,
  }));
}

/** Shows a segment in the Pipeline section. */
export function openSegment(segment: SavedView): void {
  setView(parseView(segment.state));
}
