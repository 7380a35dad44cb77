/**
 * The production rules as the board needs them for hints (which columns take a
 * card, whether a move can be undone). The core decides; the move rule itself
 * is shared (src/shared/pipeline.ts), so the hints cannot drift from it.
 */
import type { ProjectStage } from '../../../../shared/domain';
import { type Board, type BoardCard, moveProblem, WORK_STAGES, type WorkStage } from '../../../../shared/pipeline';

const WORK = new Set<string>(WORK_STAGES);

export function isWorkStage(stage: ProjectStage): stage is WorkStage {
  return WORK.has(stage);
}

/** A move by hand between work stages that the core would accept (the same rule it applies). */
export function canMove(from: ProjectStage, to: ProjectStage): boolean {
  return isWorkStage(to) && moveProblem(from, to) === null;
}

/** The short reason a move is not offered, as a `projects` locale key (null when it is). */
export function moveHintKey(from: ProjectStage, to: ProjectStage): 'menu.afterProduction' | 'menu.revisionRule' | null {
  if (moveProblem(from, to) === null) return null;
  return from === 'discovery' ? 'menu.afterProduction' : 'menu.revisionRule';
}

/** Whether the project may go to delivery (the gates are checked by the Deliver dialog and the core). */
export function canDeliver(from: ProjectStage): boolean {
  return moveProblem(from, 'final_delivery') === null;
}

/** The board with one card moved (the optimistic step; the core's reply replaces it). */
export function withCardMoved(board: Board, id: number, to: ProjectStage): Board {
  let moved: BoardCard | undefined;
  for (const c of board.columns) moved ??= c.cards.find((card) => card.id === id);
  if (!moved || moved.stage === to) return board;
  const card: BoardCard = { ...moved, stage: to };
  const sameMoney = card.currency === board.reportingCurrency;
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.stage === moved.stage)
        return {
          ...c,
          count: c.count - 1,
          valueMinor: c.valueMinor !== null && sameMoney ? c.valueMinor - card.valueMinor : c.valueMinor,
          cards: c.cards.filter((x) => x.id !== id),
        };
      if (c.stage === to)
        return {
          ...c,
          count: c.count + 1,
          valueMinor: c.valueMinor !== null && sameMoney ? c.valueMinor + card.valueMinor : c.valueMinor,
          cards: [...c.cards, card].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id),
        };
      return c;
    }),
  };
}
