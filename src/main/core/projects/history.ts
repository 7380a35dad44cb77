import type { ProjectStage } from '../../../shared/domain';
import { cached, type Sqlite } from '../db/client';

/** Moves a project to a stage and appends the move to its history (call inside the action's transaction). */
export function recordStage(
  sqlite: Sqlite,
  projectId: number,
  toStage: ProjectStage,
  at: string,
  actor: string,
): ProjectStage | null {
  const row = cached(sqlite, 'SELECT stage FROM projects WHERE id = ?').get(projectId) as
    | { stage: ProjectStage }
    | undefined;
  if (!row || row.stage === toStage) return row?.stage ?? null;
  cached(sqlite, 'UPDATE projects SET stage = ? WHERE id = ?').run(toStage, projectId);
  cached(
    sqlite,
    'INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?)',
  ).run(projectId, row.stage, toStage, at, actor);
  if (toStage === 'revision')
    cached(sqlite, 'UPDATE projects SET revision_cycles = revision_cycles + 1 WHERE id = ?').run(projectId);
  return row.stage;
}
