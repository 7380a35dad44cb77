/** Projects: the production board (and table), quality gates and delivery. */
export function ProjectsPage() {
  return null;
}
