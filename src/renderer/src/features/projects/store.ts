/** What the Projects section remembers while the app runs: board or table. */
import { create } from 'zustand';

export type ProjectsView = 'board' | 'table';

export const useProjectsView = create<{ view: ProjectsView }>()(() => ({ view: 'board' }));

export function setProjectsView(view: ProjectsView): void {
  useProjectsView.setState({ view });
}
