/** What the Projects section remembers while the app runs: board or table, and the table's order. */
import { create } from 'zustand';
import type { SortingState } from '../../components/DataTable';

export type ProjectsView = 'board' | 'table';

export const DEFAULT_TABLE_SORTING: SortingState = [{ id: 'stage', desc: false }];

export const useProjectsView = create<{ view: ProjectsView; sorting: SortingState }>()(() => ({
  view: 'board',
  sorting: DEFAULT_TABLE_SORTING,
}));

export function setProjectsView(view: ProjectsView): void {
  useProjectsView.setState({ view });
}

/** The table's order, kept when the board is shown or another screen opened in between. */
export function setProjectsSorting(sorting: SortingState): void {
  useProjectsView.setState({ sorting });
}
