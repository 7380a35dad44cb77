/** Capacity: the matrix, demand, coverage, assignments, time, time off, skills, holidays; routing and balancing. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, onEveryWrite, readScope } from '../context';
import { applyBalance, balanceProposal, routingReport } from '../routing/repo';
import { syncCapacityAlerts } from './alerts';
import { listHolidays } from './calendar';
import { capacityMatrix, coverage, demandReport } from './matrix';
import {
  addHoliday,
  addTimeOff,
  assignmentsForProject,
  createAssignment,
  deleteAssignment,
  listTimeOff,
  logTime,
  moveAssignment,
  removeHoliday,
  removeTimeOff,
  revertAssignments,
  setHolidayActive,
  setSkills,
  timeOffWorkingDays,
  timeWeek,
  updateAssignment,
  updateHoliday,
} from './writes';

onEveryWrite(syncCapacityAlerts);

export const capacityHandlers = {
  'capacity/matrix': (args, ctx) => {
    const r = readScope(ctx);
    return capacityMatrix(r.sqlite, args, ctx.now(), r.today);
  },
  'capacity/demand': ({ weeks, from, hubId }, ctx) => {
    const r = readScope(ctx);
    return demandReport(r.sqlite, weeks, from ?? r.today, ctx.now(), hubId);
  },
  'capacity/coverage': ({ timeZone, date }, ctx) => {
    const r = readScope(ctx);
    return coverage(r.sqlite, timeZone, date ?? r.today);
  },
  'assignments/forProject': ({ projectId }, ctx) => assignmentsForProject(readScope(ctx).sqlite, projectId),
  'assignments/create': (input, ctx) => act(ctx, (w) => createAssignment(w.sqlite, input, w)),
  'assignments/update': (input, ctx) => act(ctx, (w) => updateAssignment(w.sqlite, input, w)),
  'assignments/move': (input, ctx) => act(ctx, (w) => moveAssignment(w.sqlite, input, w, w.today)),
  'assignments/revert': (input, ctx) => act(ctx, (w) => ({ reverted: revertAssignments(w.sqlite, input, w) })),
  'assignments/delete': ({ id }, ctx) => act(ctx, (w) => ({ deleted: deleteAssignment(w.sqlite, id, w) })),
  'time/week': ({ personId, weekStart }, ctx) => timeWeek(readScope(ctx).sqlite, personId, weekStart),
  'time/log': (input, ctx) => act(ctx, (w) => logTime(w.sqlite, input, w, w.today)),
  'timeOff/list': ({ personId }, ctx) => listTimeOff(readScope(ctx).sqlite, personId),
  'timeOff/workingDays': (input, ctx) => ({ workingDays: timeOffWorkingDays(readScope(ctx).sqlite, input) }),
  'timeOff/add': (input, ctx) => act(ctx, (w) => addTimeOff(w.sqlite, input, w)),
  'timeOff/remove': ({ id }, ctx) => act(ctx, (w) => ({ removed: removeTimeOff(w.sqlite, id, w) })),
  'holidays/list': ({ hubId, year }, ctx) => listHolidays(readScope(ctx).sqlite, hubId, year),
  'holidays/add': (input, ctx) => act(ctx, (w) => addHoliday(w.sqlite, input, w)),
  'holidays/update': (input, ctx) => act(ctx, (w) => updateHoliday(w.sqlite, input, w)),
  'holidays/setActive': (input, ctx) => act(ctx, (w) => setHolidayActive(w.sqlite, input, w)),
  'holidays/remove': (input, ctx) => act(ctx, (w) => ({ removed: removeHoliday(w.sqlite, input, w) })),
  'skills/set': (input, ctx) => act(ctx, (w) => setSkills(w.sqlite, input, w)),
  'routing/candidates': ({ projectId }, ctx) => {
    const r = readScope(ctx);
    return routingReport(r.sqlite, projectId, ctx.now(), r.today);
  },
  'capacity/balance': ({ weekStart, hubId }, ctx) => {
    const r = readScope(ctx);
    return balanceProposal(r.sqlite, weekStart ?? r.today, ctx.now(), hubId);
  },
  'capacity/applyBalance': (input, ctx) => act(ctx, (w) => applyBalance(w.sqlite, input, ctx.now(), w.today, w)),
} satisfies Partial<Handlers<CoreContext>>;
