/**
 * The leads table's rows, fetched from the core a page at a time as the
 * person scrolls ('leads/query', limit ≤ 500) and kept in a bounded cache
 * keyed by page offset. Nothing ever loads every row: at 1.2M leads only the
 * pages around the visible window are in memory.
 *
 * Each change of the query (filter, search, sort) or a reload starts a new
 * generation. Rows of the old generation stay on screen until the new pages
 * arrive (no flash of skeletons on every keystroke), then are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/contract';
import type { LeadFilter, LeadPage, LeadRow } from '../../../../shared/leads';
import { ok, type Result } from '../../../../shared/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import type { LeadsSort } from './viewState';

export const PAGE_SIZE = 100;
/** Pages kept in memory (the window being looked at and what was near it). */
const MAX_PAGES = 30;
/** Scrolling through many pages asks only for where it stops. */
const FETCH_DELAY_MS = 40;

interface Page {
  gen: number;
  rows: LeadRow[];
  used: number;
}

export interface LeadQueryState {
  /** Null: no lead can match (see effectiveFilter), and the core is not asked. */
  filter: LeadFilter | null;
  search: string;
  sort: LeadsSort;
}

export function useLeadPages(query: LeadQueryState) {
  const key = JSON.stringify(query);
  const dataVersion = useApp((s) => s.dataVersion);
  const pages = useRef(new Map<number, Page>());
  const inFlight = useRef(new Set<string>());
  const gen = useRef(0);
  const wanted = useRef<{ start: number; end: number }>({ start: 0, end: PAGE_SIZE - 1 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queryRef = useRef(query);
  const useCounter = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  /** Whether the rows shown belong to the current query (false while a new one loads). */
  const [current, setCurrent] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [, setTick] = useState(0);
  /** Bumped when the query itself changed (not a reload): the table goes back to the top. */
  const [queryEpoch, setQueryEpoch] = useState(0);

  const fetchPage = useCallback((offset: number) => {
    const g = gen.current;
    const id = `${g}:${offset}`;
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    const q = queryRef.current;
    const reply: Promise<Result<LeadPage>> =
      q.filter === null
        ? Promise.resolve(ok({ total: 0, offset, rows: [] }))
        : api.call('leads/query', { filter: q.filter, search: q.search, sort: q.sort, offset, limit: PAGE_SIZE });
    void reply.then((result) => {
      inFlight.current.delete(id);
      if (g !== gen.current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const map = pages.current;
      // The first page of a new generation: rows of older ones no longer mean anything here.
      for (const [o, p] of map) if (p.gen !== g && o !== offset) map.delete(o);
      map.set(offset, { gen: g, rows: result.value.rows, used: ++useCounter.current });
      if (map.size > MAX_PAGES) {
        const { start, end } = wanted.current;
        const far = [...map.keys()]
          .filter((o) => o + PAGE_SIZE <= start || o > end)
          .sort((a, b) => map.get(a)!.used - map.get(b)!.used);
        for (const o of far.slice(0, map.size - MAX_PAGES)) map.delete(o);
      }
      setError(null);
      setTotal(result.value.total);
      setCurrent(true);
      setTick((n) => n + 1);
    });
  }, []);

  const fetchWanted = useCallback(() => {
    timer.current = null;
    const { start, end } = wanted.current;
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE) * PAGE_SIZE;
    for (let offset = first; offset <= end; offset += PAGE_SIZE) {
      const page = pages.current.get(offset);
      if (!page || page.gen !== gen.current) fetchPage(offset);
      else page.used = ++useCounter.current;
    }
  }, [fetchPage]);

  /** The rows from `start` to `end` (inclusive) are on screen: make sure their pages come. */
  const ensureRange = useCallback(
    (start: number, end: number) => {
      const w = wanted.current;
      if (w.start === start && w.end === end && timer.current !== null) return;
      wanted.current = { start, end };
      const missing = (() => {
        for (let o = Math.floor(start / PAGE_SIZE) * PAGE_SIZE; o <= end; o += PAGE_SIZE) {
          const p = pages.current.get(o);
          if (!p || p.gen !== gen.current) return true;
        }
        return false;
      })();
      if (!missing) return;
      if (timer.current === null) timer.current = setTimeout(fetchWanted, FETCH_DELAY_MS);
    },
    [fetchWanted],
  );

  const restart = useCallback(
    (newQuery: boolean) => {
      gen.current++;
      setCurrent(false);
      setError(null);
      if (newQuery) {
        wanted.current = { start: 0, end: PAGE_SIZE - 1 };
        setQueryEpoch((n) => n + 1);
      }
      if (timer.current !== null) clearTimeout(timer.current);
      fetchWanted();
    },
    [fetchWanted],
  );

  // A new query: new generation, from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the query.
  useEffect(() => {
    queryRef.current = query;
    restart(true);
  }, [key]);

  // The workspace's data changed (another process, a rescore): the same query, fresh rows.
  const firstVersion = useRef(dataVersion);
  useEffect(() => {
    if (dataVersion === firstVersion.current) return;
    firstVersion.current = dataVersion;
    restart(false);
  }, [dataVersion, restart]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const getRow = useCallback((index: number): LeadRow | undefined => {
    const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
    return pages.current.get(offset)?.rows[index - offset];
  }, []);

  /** Fresh rows for the same query (after a change made here); what is shown stays until they come. */
  const reload = useCallback(() => restart(false), [restart]);

  return { total, current, error, getRow, ensureRange, reload, queryEpoch };
}
