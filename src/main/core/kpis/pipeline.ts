/**
 * The pipeline's KPIs of a period (KPIS.md: booked, lead-to-client conversion,
 * proposal win rate; and the leads that came in). Read from indexes alone at
 * the massive profile: leads_created for new leads, leads_closed (by stage,
 * then close) for what was won and lost and which of them reached a proposal
 * (leads.reached_proposal, kept with the stage history).
 */
import type { PeriodKpisRequest, PipelineKpis } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { workspaceTimeZone } from '../fx/clock';
import { loadConverter } from '../fx/repo';
import { addGroups } from './convert';
import { instantGroups, queryInstants, share } from './period';

export function pipelineKpis(sqlite: Sqlite, query: PeriodKpisRequest, now: Date): PipelineKpis {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = queryInstants(query, timeZone, now);
  const hub = query.hubId === null ? '' : ' AND hub_id = ?';
  const params = query.hubId === null ? [start, end] : [start, end, query.hubId];

  const newLeads = cached(
    sqlite,
    `SELECT count(*) FROM leads INDEXED BY leads_created WHERE created_at >= ? AND created_at < ?${hub}`,
  )
    .pluck()
    .get(...params) as number;

  // Closed in the period, read from leads_closed per stage: the lost (~4 in 5) only counted, the won counted with
  // their value already in the reporting currency; and of each, how many reached a proposal.
  const converter = loadConverter(sqlite);
  const lost = cached(
    sqlite,
    `SELECT count(*) AS n, count(*) FILTER (WHERE reached_proposal) AS proposal
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND stage = 'lost' AND closed_at >= ? AND closed_at < ?${hub}`,
  ).get(...params) as { n: number; proposal: number };
  const won = cached(
    sqlite,
    `SELECT count(*) AS n, count(*) FILTER (WHERE reached_proposal) AS proposal,
            coalesce(sum(expected_value_minor) FILTER (WHERE currency = ?), 0) AS bookedMinor
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND stage = 'won' AND closed_at >= ? AND closed_at < ?${hub}`,
  ).get(converter.reporting, ...params) as { n: number; proposal: number; bookedMinor: number };

  // The won value in other currencies, at the rate in force on each close date: summed per currency and group of
  // close instants that share a local date.
  const groups = instantGroups(timeZone, start, end);
  const foreign = cached(
    sqlite,
    `SELECT currency, ${groups.sql('closed_at')} AS bucket, sum(expected_value_minor) AS valueMinor
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND stage = 'won' AND closed_at >= ? AND closed_at < ?${hub} AND currency <> ?
      GROUP BY currency, bucket`,
  ).all(...params, converter.reporting) as { currency: string; bucket: string; valueMinor: number }[];
  const booked = addGroups(converter, groups, foreign, won.bookedMinor);

  return {
    from: query.from,
    to: query.to,
    hubId: query.hubId,
    currency: converter.reporting,
    newLeads,
    booked: { valueMinor: booked, leads: won.n },
    conversion: share(won.n, won.n + lost.n),
    proposalWinRate: share(won.proposal, won.proposal + lost.proposal),
    missingRates: converter.missingRates(),
  };
}
