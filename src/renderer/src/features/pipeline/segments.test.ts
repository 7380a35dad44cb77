/**
 * The sidebar's saved segments (segments.ts): loading the list and
 * counting its segments each ignore their own stale answers, and neither cancels the other (a recount
 * that starts while the list loads must not drop the list). The core's answers are promises the test
 * settles in the order a race would.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../shared/contract';
import type { SavedView } from '../../../../shared/money';
import { loadSegments, refreshSegmentCounts, useSegments } from './segments';

type Pending = { method: string; args: unknown; settle: (value: unknown) => void };
const calls: Pending[] = [];

vi.mock('../../app/api', () => ({
  api: {
    call: (method: string, args: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        calls.push({ method, args, settle: (value) => resolve({ ok: true, value }) });
      }),
  },
}));

const view = (id: number, name: string, stage: string): SavedView => ({
  id,
  screen: 'leads',
  name,
  state: { filter: { stages: [stage] }, search: '', sort: { column: 'created_at', direction: 'desc' } },
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** The oldest call to `method` not answered yet. */
function next(method: string): Pending {
  const i = calls.findIndex((c) => c.method === method);
  if (i < 0) throw new Error(`no pending ${method} (pending: ${calls.map((c) => c.method).join(', ') || 'none'})`);
  return calls.splice(i, 1)[0]!;
}

/** Lets the awaiting code run past the answers given. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const shown = () => useSegments.getState().segments?.map((s) => [s.name, s.count]);

beforeEach(async () => {
  calls.length = 0;
  useSegments.setState({ segments: null, error: null, countError: null });
});

describe('saved segments in the sidebar', () => {
  it('keeps a list that arrives after a recount started while it loaded, and counts it', async () => {
    // Listed and counted once.
    const first = loadSegments();
    next('views/list').settle([view(1, 'Lost', 'lost')]);
    await settled();
    next('leads/segmentCounts').settle({ counts: [7] });
    await first;
    expect(shown()).toEqual([['Lost', 7]]);

    // A segment saved: the list reloads, and a lead changes while it does (a recount starts).
    const second = loadSegments();
    refreshSegmentCounts();
    next('views/list').settle([view(1, 'Lost', 'lost'), view(2, 'New', 'new')]);
    await settled();
    expect(shown()).toEqual([
      ['Lost', 7],
      ['New', null],
    ]);

    // The recount of the old list answers late: it is stale, the new list's count is not.
    const stale = next('leads/segmentCounts');
    next('leads/segmentCounts').settle({ counts: [8, 3] });
    await second;
    stale.settle({ counts: [99] });
    await settled();
    expect(shown()).toEqual([
      ['Lost', 8],
      ['New', 3],
    ]);
  });

  it('ignores a list or a count that an earlier call answers after a later one', async () => {
    const older = loadSegments();
    const newer = loadSegments();
    next('views/list').settle([view(1, 'Old name', 'lost')]);
    next('views/list').settle([view(1, 'New name', 'lost')]);
    await older;
    await settled();
    expect(shown()).toEqual([['New name', null]]);
    next('leads/segmentCounts').settle({ counts: [4] });
    await newer;

    refreshSegmentCounts();
    refreshSegmentCounts();
    const late = next('leads/segmentCounts');
    next('leads/segmentCounts').settle({ counts: [5] });
    await settled();
    late.settle({ counts: [1] });
    await settled();
    expect(shown()).toEqual([['New name', 5]]);
  });
});
