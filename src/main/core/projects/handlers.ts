/** The production board: moves, quality gates and delivery (which issues the final invoice). */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import { board, deliverProject, getProject, lookupProjects, moveProject, reviewGate, undoProjectMove } from './repo';

export const projectsHandlers = {
  'projects/board': ({ hubId }, ctx) => {
    const r = readScope(ctx);
    return board(r.sqlite, r.today, hubId);
  },
  'projects/get': ({ id }, ctx) => {
    const r = readScope(ctx);
    return getProject(r.sqlite, id, r.today);
  },
  'projects/lookup': ({ search, limit }, ctx) => lookupProjects(readScope(ctx).sqlite, search, limit),
  'projects/move': ({ id, stage }, ctx) =>
    act(ctx, (w) => {
      moveProject(w.sqlite, id, stage, w);
      return getProject(w.sqlite, id, w.today);
    }),
  'projects/undoMove': (input, ctx) =>
    act(ctx, (w) => {
      undoProjectMove(w.sqlite, input, w);
      return getProject(w.sqlite, input.id, w.today);
    }),
  'projects/reviewGate': (input, ctx) =>
    act(ctx, (w) => {
      reviewGate(w.sqlite, input, w.today, w);
      return getProject(w.sqlite, input.projectId, w.today);
    }),
  'projects/deliver': ({ id, satisfaction, deliveredOn }, ctx) =>
    act(ctx, (w) => {
      deliverProject(w.sqlite, { id, satisfaction, deliveredOn: deliveredOn ?? w.today }, w.today, w);
      return getProject(w.sqlite, id, w.today);
    }),
} satisfies Partial<Handlers<CoreContext>>;
