/** Leads: the paged table, segments, the detail, and every change to a lead. */
import type { Handlers } from '../../../shared/contract';
import { act, type CoreContext, readScope } from '../context';
import {
  addActivity,
  countSegments,
  createLead,
  getLead,
  overrideProbability,
  queryLeads,
  setLeadStage,
  updateLead,
  winLead,
} from './repo';

export const leadsHandlers = {
  'leads/query': (q, ctx) => queryLeads(readScope(ctx).sqlite, q),
  'leads/segmentCounts': ({ segments }, ctx) => ({ counts: countSegments(readScope(ctx).sqlite, segments) }),
  'leads/get': ({ id }, ctx) => getLead(readScope(ctx).sqlite, id),
  'leads/create': (input, ctx) => act(ctx, (w) => getLead(w.sqlite, createLead(w.sqlite, input, w))),
  'leads/update': (input, ctx) =>
    act(ctx, (w) => {
      updateLead(w.sqlite, input, w);
      return getLead(w.sqlite, input.id);
    }),
  'leads/setStage': (input, ctx) =>
    act(ctx, (w) => {
      setLeadStage(w.sqlite, input, w);
      return getLead(w.sqlite, input.id);
    }),
  'leads/win': (input, ctx) =>
    act(ctx, (w) => {
      const won = winLead(w.sqlite, input, w.today, w);
      return { ...won, lead: getLead(w.sqlite, input.id) };
    }),
  'leads/addActivity': (input, ctx) =>
    act(ctx, (w) => {
      const owner = getLead(w.sqlite, input.leadId).ownerId;
      addActivity(w.sqlite, input, owner, w);
      return getLead(w.sqlite, input.leadId);
    }),
  'leads/overrideProbability': ({ id, probability }, ctx) =>
    act(ctx, (w) => {
      overrideProbability(w.sqlite, id, probability, w);
      return getLead(w.sqlite, id);
    }),
} satisfies Partial<Handlers<CoreContext>>;
