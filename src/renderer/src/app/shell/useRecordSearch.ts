/**
 * The command palette's record search: clients, projects, leads and invoices
 * whose name, company or number the core matches, a few of each. The core is
 * asked once typing pauses, the four lookups in parallel, and each kind shows as
 * soon as it is answered (the invoice list may first rebuild its ledger after a
 * write: over a second at the massive profile). Results are shown only for the
 * query in the box (never an older one's, which Enter could open by mistake).
 */
import { useEffect, useState } from 'react';
import type { LeadRow } from '../../../../shared/leads';
import type { ClientOption, InvoiceSummary } from '../../../../shared/money';
import type { ProjectOption } from '../../../../shared/pipeline';
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
  projects: ProjectOption[];
  leads: LeadRow[];
  invoices: InvoiceSummary[];
  /** The first failure's sentence, if any lookup failed (the others' results still show). */
  error: string | null;
  /** Lookups not answered yet. */
  pending: number;
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
    setFound({ query: sent, clients: [], projects: [], leads: [], invoices: [], error: null, pending: 4 });
    /** Adds one lookup's answer to this query's results (a later query's are left alone). */
    const arrive = <T>(result: Result<T>, add: (value: T) => Partial<RecordResults>) => {
      if (!live) return;
      setFound((f) =>
        f === null || f.query !== sent
          ? f
          : {
              ...f,
              ...(result.ok ? add(result.value) : {}),
              error: f.error ?? (result.ok ? null : errorText(result.error)),
              pending: f.pending - 1,
            },
      );
    };
    void api
      .call('clients/lookup', { search: sent, limit })
      .catch(failed)
      .then((r) => arrive(r, (v) => ({ clients: v.matches })));
    void api
      .call('projects/lookup', { search: sent, limit })
      .catch(failed)
      .then((r) => arrive(r, (v) => ({ projects: v.matches })));
    void api
      .call('leads/query', { search: sent, limit })
      .catch(failed)
      .then((r) => arrive(r, (v) => ({ leads: v.rows })));
    void api
      .call('invoices/list', { search: sent, limit })
      .catch(failed)
      .then((r) => arrive(r, (v) => ({ invoices: v.invoices })));
    return () => {
      live = false;
    };
  }, [sent]);

  const results = wanted !== '' && found?.query === wanted ? found : null;
  return { searching: wanted !== '' && (results === null || results.pending > 0), results };
}
