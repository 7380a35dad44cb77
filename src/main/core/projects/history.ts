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

/**
 * Moves a project through several stages in order, exactly as `recordStage`
 * once per move would (a move to the stage it is already in is skipped), with
 * one read and one write of the project: the demo walks 200k+ projects.
 */
export function recordStages(
  sqlite: Sqlite,
  projectId: number,
  moves: readonly { stage: ProjectStage; at: string }[],
  actor: string,
): void {
  const row = cached(sqlite, 'SELECT stage FROM projects WHERE id = ?').get(projectId) as
    | { stage: ProjectStage }
    | undefined;
  if (!row) return;
  const append = cached(
    sqlite,
    'INSERT INTO project_stage_changes (project_id, from_stage, to_stage, at, actor) VALUES (?, ?, ?, ?, ?)',
  );
  let stage = row.stage;
  let revisions = 0;
  for (const move of moves) {
    if (move.stage === stage) continue;
    append.run(projectId, stage, move.stage, move.at, actor);
    if (move.stage === 'revision') revisions++;
    stage = move.stage;
  }
  if (stage !== row.stage || revisions > 0)
    cached(sqlite, 'UPDATE projects SET stage = ?, revision_cycles = revision_cycles + ? WHERE id = ?').run(
      stage,
      revisions,
      projectId,
    );
}
