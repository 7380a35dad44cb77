/**
 * Saved segments: named lead views (filter + search + sort) stored with
 * 'views/save' under the screen 'leads', listed in the sidebar under Pipeline
 * with live counts ('leads/segmentCounts', the top bar's hub filter applied
 * like on the table). Counts refresh when a segment or a lead changes here,
 * when the workspace's data changes, and when the hub filter changes.
 */
import { create } from 'zustand';
import type { AppError } from '../../../../shared/contract';
import type { SavedView } from '../../../../shared/money';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { effectiveFilter, parseView, SEGMENT_SCREEN, setView } from './viewState';

export interface Segment extends SavedView {
  /** Leads in it now (null while counting or when counting failed). */
  count: number | null;
}

interface SegmentsState {
  segments: Segment[] | null;
  error: AppError | null;
}

export const useSegments = create<SegmentsState>()(() => ({ segments: null, error: null }));

let generation = 0;

/** Reads the saved segments and counts them. */
export async function loadSegments(): Promise<void> {
  const g = ++generation;
  const list = await api.call('views/list', { screen: SEGMENT_SCREEN });
  if (g !== generation) return;
  if (!list.ok) {
    useSegments.setState({ error: list.error });
    return;
  }
  const previous = new Map((useSegments.getState().segments ?? []).map((s) => [s.id, s.count]));
  const segments = list.value.map((v) => ({ ...v, count: previous.get(v.id) ?? null }));
  useSegments.setState({ segments, error: null });
  await countSegments(g);
}

/** Recounts the segments already listed (a lead changed). */
export function refreshSegmentCounts(): void {
  void countSegments(++generation);
}

async function countSegments(g: number): Promise<void> {
  const segments = useSegments.getState().segments;
  if (!segments || segments.length === 0) return;
  const { prefs, hubs } = useApp.getState();
  const result = await api.call('leads/segmentCounts', {
    segments: segments.slice(0, 50).map((s) => {
      const v = parseView(s.state);
      return { filter: effectiveFilter(v.filter, prefs.hubFilter, hubs), search: v.search };
    }),
  });
  if (g !== generation || !result.ok) return;
  useSegments.setState((s) => ({
    segments: (s.segments ?? []).map((seg, i) => ({ ...seg, count: result.value.counts[i] ?? null })),
  }));
}

/** Shows a segment in the Pipeline section. */
export function openSegment(segment: SavedView): void {
  setView(parseView(segment.state));
}
