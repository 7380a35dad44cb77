/**
 * The command palette's record search: clients, leads and invoices whose
 * name, company or number the core matches, a few of each. The core is asked
 * once typing pauses, the three lookups in parallel; results are shown only
 * for the query in the box (never an older one's, which Enter could open by
 * mistake).
 */
import { useEffect, useState } from 'react';
import type { LeadRow } from '../../../../shared/leads';
import type { ClientOption, InvoiceSummary } from '../../../../shared/money';
import type { Result } from '../../../../shared/result';
import { api } from '../api';
import { errorText } from '../errors';
import { useDebounced } from '../useDebounced';
import { paletteWords } from './paletteFilter';

/** Shorter queries ask nothing (one letter would match most records). */
export const RECORD_SEARCH_MIN = 2;
/** Records per kind: the palette is for jumping, the sections' lists for browsing. */
export const RECORD_SEARCH_LIMIT = 5;
const DEBOUNCE_MS = 150;

export interface RecordResults {
  /** The query these results answer. */
  query: string;
  clients: ClientOption[];
  leads: LeadRow[];
  invoices: InvoiceSummary[];
  /** The first failure's sentence, if any lookup failed (the others' results still show). */
  error: string | null;
}

/** What a query asks the core: trimmed, and nothing when too short or without a letter or digit. */
export function recordQuery(search: string): string {
  const query = search.trim();
  return query.length >= RECORD_SEARCH_MIN && paletteWords(query).length > 0 ? query : '';
}

/** A call that threw instead of answering (the browser host gone): a failure like any other. */
const failed = (error: unknown): Result<never> => ({
  ok: false,
  error: { code: 'CORE_UNAVAILABLE', message: error instanceof Error ? error.message : String(error) },
});

export function useRecordSearch(search: string): { searching: boolean; results: RecordResults | null } {
  const wanted = recordQuery(search);
  const sent = useDebounced(wanted, DEBOUNCE_MS);
  const [found, setFound] = useState<RecordResults | null>(null);

  useEffect(() => {
    if (sent === '') {
      setFound(null);
      return;
    }
    let live = true;
    const limit = RECORD_SEARCH_LIMIT;
    void Promise.all([
      api.call('clients/lookup', { search: sent, limit }).catch(failed),
      api.call('leads/query', { search: sent, limit }).catch(failed),
      api.call('invoices/list', { search: sent, limit }).catch(failed),
    ]).then(([clients, leads, invoices]) => {
      if (!live) return;
      const error = [clients, leads, invoices].find((r) => !r.ok);
      setFound({
        query: sent,
        clients: clients.ok ? clients.value.matches : [],
        leads: leads.ok ? leads.value.rows : [],
        invoices: invoices.ok ? invoices.value.invoices : [],
        error: error && !error.ok ? errorText(error.error) : null,
      });
    });
    return () => {
      live = false;
    };
  }, [sent]);

  const results = wanted !== '' && found?.query === wanted ? found : null;
  return { searching: wanted !== '' && results === null, results };
}
