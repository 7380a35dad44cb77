/**
 * The leads view under the top bar's hub filter (src/renderer/src/features/pipeline/viewState.ts):
 * the hub chosen there narrows the view, so a view of other hubs (a segment "Lost in Lima" while
 * the top bar shows Caracas) matches no lead instead of becoming a view of the top bar's hub.
 */
import { describe, expect, it } from 'vitest';
import { effectiveFilter } from '../../src/renderer/src/features/pipeline/viewState';
import type { Hub } from '../../src/shared/contract';

const hubs = [1, 2, 3].map((id) => ({ id, name: `Hub ${id}` }) as Hub);

describe('effectiveFilter', () => {
  it('leaves the view as it is with All hubs, or with a hub that is gone', () => {
    expect(effectiveFilter({ stages: ['lost'], hubIds: [3] }, 'all', hubs)).toEqual({ stages: ['lost'], hubIds: [3] });
    expect(effectiveFilter({ hubIds: [3] }, 9, hubs)).toEqual({ hubIds: [3] });
  });

  it("narrows a view of every hub, or of hubs among them the top bar's, to the top bar's hub", () => {
    expect(effectiveFilter({ stages: ['lost'] }, 1, hubs)).toEqual({ stages: ['lost'], hubIds: [1] });
    expect(effectiveFilter({ stages: ['lost'], hubIds: [1, 3] }, 1, hubs)).toEqual({ stages: ['lost'], hubIds: [1] });
  });

  it("matches no lead when the view asks only for other hubs than the top bar's", () => {
    expect(effectiveFilter({ stages: ['lost'], hubIds: [3] }, 1, hubs)).toBeNull();
    expect(effectiveFilter({ hubIds: [2, 3] }, 1, hubs)).toBeNull();
  });
});
