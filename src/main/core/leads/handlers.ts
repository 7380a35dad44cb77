/** Leads: the paged table, segments, the detail, and every change to a lead. */
import type { Handlers } from '../../../shared/contract';
import type { LeadDetail } from '../../../shared/leads';
import { act, type CoreContext, readScope } from '../context';
import type { Sqlite } from '../db/client';
import { explainLead, learnFrom, rescoreLeads } from '../scoring/service';
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

/** The lead with the model's explanation of its probability (open leads). */
function detail(sqlite: Sqlite, id: number): LeadDetail {
  const lead = getLead(sqlite, id);
  // A closed lead's outcome is known: the model has learned from it, and explaining its own odds would mislead.
  const closed = lead.stage === 'won' || lead.stage === 'lost';
  return { ...lead, probabilityFactors: closed ? null : explainLead(sqlite, id) };
}

export const leadsHandlers = {
  'leads/query': (q, ctx) => queryLeads(readScope(ctx).sqlite, q),
  'leads/segmentCounts': ({ segments }, ctx) => ({ counts: countSegments(readScope(ctx).sqlite, segments) }),
  'leads/get': ({ id }, ctx) => detail(readScope(ctx).sqlite, id),
  'leads/create': (input, ctx) =>
    act(ctx, (w) => {
      const id = createLead(w.sqlite, input, w);
      rescoreLeads(w.sqlite, [id], w.today, w.at);
      return detail(w.sqlite, id);
    }),
  'leads/update': (input, ctx) =>
    act(ctx, (w) => {
      updateLead(w.sqlite, input, w);
      rescoreLeads(w.sqlite, [input.id], w.today, w.at);
      return detail(w.sqlite, input.id);
    }),
  'leads/setStage': (input, ctx) =>
    act(ctx, (w) => {
      setLeadStage(w.sqlite, input, w);
      if (input.stage === 'lost') learnFrom(w.sqlite, input.id, w.at);
      rescoreLeads(w.sqlite, [input.id], w.today, w.at);
      return detail(w.sqlite, input.id);
    }),
  'leads/win': (input, ctx) =>
    act(ctx, (w) => {
      const won = winLead(w.sqlite, input, w.today, w);
      learnFrom(w.sqlite, input.id, w.at);
      rescoreLeads(w.sqlite, [input.id], w.today, w.at);
      return { ...won, lead: detail(w.sqlite, input.id) };
    }),
  'leads/addActivity': (input, ctx) =>
    act(ctx, (w) => {
      const owner = getLead(w.sqlite, input.leadId).ownerId;
      addActivity(w.sqlite, input, owner, w);
      rescoreLeads(w.sqlite, [input.leadId], w.today, w.at);
      return detail(w.sqlite, input.leadId);
    }),
  'leads/overrideProbability': ({ id, probability }, ctx) =>
    act(ctx, (w) => {
      overrideProbability(w.sqlite, id, probability, w);
      return detail(w.sqlite, id);
    }),
} satisfies Partial<Handlers<CoreContext>>;
